"""Batches of broken files through the CLI: every file reported, exit code 2 exactly on an error.

    python tools/fuzz_batches.py [--batches 50] [--files 200] [--seed 1]

Each batch is a folder of files made by mutating the team's corpus files of every format
(truncation, flipped bytes, inserted hard cases such as 5 000 "(", unclosed comments, soft
hyphens, long lines, other encodings). kommlint checks the folder as one process with
`--format json`; the script then requires: no traceback on stderr, a JSON report that names
every file (with findings or an error line), exit code 2 exactly when some file has an error
(else 0 or 1), the batch within its time limit, and prints the peak memory of the run.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUFFIXES = (".md", ".mdx", ".html", ".txt", ".docx", ".pdf")
HARD_CASES = [
    b"(" * 5000,
    b"<!--",
    b"```",
    b"`" * 3000,
    b"\xc2\xad",
    b"\xad",
    b"\x81",
    b"<a " * 2000,
    b"\n---\na: &a [*a, *a]\n---\n",
    "erhålla beslut ".encode() * 3000,
    b"\r",
    b"\r\n",
    b"\x00",
    b"{/* */}" * 500,
    b"<main>" * 2000,
    b"]\n(" * 500,
]


def corpus_files() -> list[Path]:
    return sorted(path for path in (ROOT / "corpora").rglob("*") if path.suffix in SUFFIXES and path.is_file())


def mutate(data: bytes, rng: random.Random) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        action = rng.choice(("truncate", "flip", "insert", "encode"))
        if action == "truncate" and data:
            del data[rng.randrange(len(data)) :]
        elif action == "flip" and data:
            for _ in range(rng.randint(1, 20)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        elif action == "insert":
            at = rng.randint(0, len(data))
            data[at:at] = rng.choice(HARD_CASES)
        elif action == "encode":
            data = bytearray(bytes(data).decode("utf-8", "replace").encode(rng.choice(("latin-1", "cp1252", "utf-16")), "replace"))
    return bytes(data)


def write_batch(folder: Path, sources: list[Path], count: int, rng: random.Random) -> None:
    for index in range(count):
        source = rng.choice(sources)
        (folder / f"fil{index:03d}{source.suffix}").write_bytes(mutate(source.read_bytes(), rng))


def check_batch(folder: Path, limit: float) -> tuple[list[str], float]:
    started = time.monotonic()
    command = [sys.executable, "-m", "lint", "check", str(folder), "--format", "json", "--no-cache"]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=limit)
    seconds = time.monotonic() - started
    problems = []
    if "Traceback" in result.stderr:
        problems.append("traceback on stderr")
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        return [*problems, f"no JSON report (exit {result.returncode})"], seconds
    reported = {Path(file["path"]).name for file in report["files"]}
    missing = (
        sorted(path.name for path in folder.iterdir()) if not reported else sorted({path.name for path in folder.iterdir()} - reported)
    )
    if missing:
        problems.append(f"{len(missing)} files not reported, e.g. {missing[:3]}")
    has_error = any(file["errors"] for file in report["files"])
    if has_error != (result.returncode == 2) or result.returncode not in (0, 1, 2):
        problems.append(f"exit {result.returncode} with errors={has_error}")
    return problems, seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--batches", type=int, default=50)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--limit", type=float, default=600.0, help="seconds one batch may take")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    sources = corpus_files()
    failures = 0
    slowest = 0.0
    for batch in range(args.batches):
        with tempfile.TemporaryDirectory() as scratch:
            write_batch(Path(scratch), sources, args.files, rng)
            problems, seconds = check_batch(Path(scratch), args.limit)
        slowest = max(slowest, seconds)
        failures += bool(problems)
        print(f"batch {batch + 1:2d}: {seconds:6.1f} s {'; '.join(problems) or 'ok'}", flush=True)
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"{args.batches} batches of {args.files} files: {failures} failed, slowest {slowest:.1f} s, peak RSS {peak_mib:.0f} MiB")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
