"""Write every finding kommlint reports on the corpora, the seed and the bench text, one per line.

Used to show that a refactoring leaves the output unchanged:

    python tools/output_snapshot.py before.txt     # on the old commit
    python tools/output_snapshot.py after.txt      # on the new one
    python tools/output_snapshot.py new-model.txt --model PATH   # extra arguments go to kommlint check
    diff before.txt after.txt

Each line holds the file, position, code, severity, message, match and suggestions of one finding,
plus one line per file with its profile and metrics, so any change in the full JSON shows up.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from swedish_text import markdown  # noqa: E402


def _targets(scratch: Path) -> list[str]:
    bench_text = scratch / "bench-text.md"
    bench_text.write_text(markdown(60_000), encoding="utf-8")
    targets = [str(ROOT / "corpora"), str(bench_text)]
    seeds = ROOT.parent / "shared" / "seeds"
    if seeds.is_dir():
        targets.append(str(seeds.resolve()))  # one path whether ../shared is a link or not
    return targets


def _lines(report: dict) -> list[str]:
    lines = []
    for file in report["files"]:
        path = Path(file["path"]).name if "bench-text" in file["path"] else file["path"]
        head = {key: file.get(key) for key in ("profile", "profile_source", "profile_reason", "metrics", "errors")}
        lines.append(f"{path}\tFILE\t{json.dumps(head, ensure_ascii=False, sort_keys=True)}")
        for finding in file["diagnostics"]:
            lines.append(f"{path}\t{json.dumps(finding, ensure_ascii=False, sort_keys=True)}")
    return sorted(lines)


def main(out: str, extra: list[str]) -> None:
    """Write the snapshot to `out`; `extra` goes to `kommlint check` (e.g. --model PATH)."""
    with tempfile.TemporaryDirectory() as scratch:
        command = [sys.executable, "-m", "lint", "check", *_targets(Path(scratch)), "--format", "json", "--no-cache", *extra]
        result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if result.returncode not in (0, 1):
        sys.exit(f"kommlint failed ({result.returncode}):\n{result.stderr}")
    report = json.loads(result.stdout)
    text = "\n".join(_lines(report)) + "\n"
    Path(out).write_text(text.replace(str(ROOT) + "/", ""), encoding="utf-8")
    print(f"{out}: {len(report['files'])} files, {report['summary']['diagnostics']} findings")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
