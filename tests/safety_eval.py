"""Precision and recall of the safety rules (OFF008, OFF009, TILL011, TILL012) on corpora/safety.

Each document has `<stem>.expected.yaml`: `findings` (code, line, matched source text),
`traps` (line and text no finding of these rules may touch), optionally `messages` (the
exact TILL011 messages) and `foreign_lines` (lines in another language, where no rule
about Swedish may find anything). Run `python tests/safety_eval.py` for the table.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from sprak_eval import Score, table  # noqa: E402

CORPUS = ROOT / "corpora" / "safety"
CODES = ("OFF008", "OFF009", "TILL011", "TILL012")
SUFFIXES = (".txt", ".md", ".html")


def documents() -> list[tuple[Path, dict]]:
    return [
        (path, yaml.safe_load(path.with_name(path.stem + ".expected.yaml").read_text(encoding="utf-8")))
        for path in sorted(CORPUS.iterdir())
        if path.suffix in SUFFIXES
    ]


def score(lint) -> tuple[dict[str, Score], list[str]]:
    """Scores per rule, and the traps (or TILL011 messages) that came out wrong."""
    scores = {code: Score() for code in CODES}
    wrong: list[str] = []
    for path, expected in documents():
        diagnostics = [d for d in lint(path).diagnostics if d.code in CODES]
        remaining = list(diagnostics)
        for item in expected.get("findings") or []:
            hit = next((d for d in remaining if (d.code, d.line, d.match) == (item["code"], item["line"], item["match"])), None)
            if hit is None:
                scores[item["code"]].fn += 1
                scores[item["code"]].misses.append(f"{path.name}:{item['line']}: {item['match']!r}")
            else:
                scores[item["code"]].tp += 1
                remaining.remove(hit)
        for d in remaining:
            scores[d.code].fp += 1
            scores[d.code].false_alarms.append(f"{path.name}:{d.line}: {d.match!r} ({d.message})")
        for trap in expected.get("traps") or []:
            if any(d.line == trap["line"] and trap["text"] in d.match for d in diagnostics):
                wrong.append(f"fälla {path.name}:{trap['line']}: {trap['text']!r}")
        if "messages" in expected and sorted(d.message for d in diagnostics if d.code == "TILL011") != sorted(expected["messages"]):
            wrong.append(f"meddelanden {path.name}: {sorted(d.message for d in diagnostics if d.code == 'TILL011')}")
    return scores, wrong


def swedish_findings_on_foreign_lines(lint_all) -> list[str]:
    """Findings of the rules about Swedish on the lines `foreign_lines` lists."""
    found = []
    for path, expected in documents():
        lines = set(expected.get("foreign_lines") or [])
        if lines:
            result = lint_all(path)
            found += [
                f"{path.name}:{d.line}: {d.code} {d.match!r}"
                for d in result.diagnostics
                if d.line in lines and d.principle in ("klarspråk", "målgrupp", "språkriktighet")
            ]
    return found


def main() -> None:
    from dataclasses import replace

    from lint.engine.config import Settings
    from lint.engine.linter import Linter, Options
    from lint.formats import read_bytes

    linter = Linter(Options())

    def lint(path: Path, select=CODES):
        return linter.lint_document(read_bytes(path.read_bytes(), path.name), replace(Settings(), select=select))

    scores, wrong = score(lint)
    print(table(scores))
    for code, s in scores.items():
        for line in s.false_alarms:
            print(f"  {code} falsklarm {line}")
        for line in s.misses:
            print(f"  {code} missar {line}")
    for line in wrong + swedish_findings_on_foreign_lines(lambda path: lint(path, None)):
        print(f"  {line}")


if __name__ == "__main__":
    main()
