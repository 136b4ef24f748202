"""KLAR006 (agentless passive) on the passive evaluation set (corpora/passiv/).

Each half (`utveckling.yaml` for development, `provning.yaml` held out) is a list of
items with `text`, `passiv` (the matches KLAR006 should report; [] for none) and an
optional `format` (txt, md, html). Every item is linted alone with KLAR006 only and the
findings are compared with the expected matches as multisets: a finding with an expected
match is a true positive, any other finding a false alarm, an expected match with no
finding a miss.

Run from the repository root:  python tools/eval_passive.py [--verbose] [--model PATH]
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from klarsprak_eval import Score  # noqa: E402

CORPUS = ROOT / "corpora" / "passiv"
HALVES = {"utveckling": "utveckling.yaml", "provning": "provning.yaml"}
FORMATS = {"txt": "text.txt", "md": "text.md", "html": "text.html"}
TARGETS = {"precision": 0.95, "recall": 0.9}
HTML_PAGE = '<!doctype html><html lang="sv"><head><title>Sida</title></head><body><main>{}</main></body></html>'


@dataclass
class Item:
    half: str
    number: int  # 1-based position in its file
    text: str
    expected: tuple[str, ...]
    format: str = "txt"
    trap: str | None = None


def load(half: str) -> list[Item]:
    raw = yaml.safe_load((CORPUS / HALVES[half]).read_text(encoding="utf-8"))
    items = []
    for number, entry in enumerate(raw, start=1):
        expected = tuple(entry.get("passiv") or ())
        items.append(Item(half, number, entry["text"], expected, entry.get("format", "txt"), entry.get("fälla")))
    return items


def document_source(item: Item) -> tuple[str, str]:
    """The file name and text the item is linted as."""
    text = item.text if item.text.endswith("\n") else item.text + "\n"
    if item.format == "html" and "<html" not in text:
        text = HTML_PAGE.format(text)
    return FORMATS[item.format], text


def found_matches(linter, item: Item) -> list[str]:
    from dataclasses import replace

    from lint.engine.config import Settings
    from lint.formats import read_bytes

    name, text = document_source(item)
    document = read_bytes(text.encode("utf-8"), name)
    result = linter.lint_document(document, replace(Settings(), select=("KLAR006",)))
    assert not result.errors, result.errors
    return [d.match for d in result.diagnostics if d.code == "KLAR006"]


def score_item(score: Score, item: Item, found: list[str]) -> None:
    expected, got = Counter(item.expected), Counter(found)
    hits = expected & got
    score.tp += sum(hits.values())
    label = f"{item.half}:{item.number} ({item.trap or '-'}) {item.text.strip()!r}"
    for match, count in (expected - hits).items():
        score.fn += count
        score.misses.append(f"{label}: saknar «{match}»")
    for match, count in (got - hits).items():
        score.fp += count
        score.false_alarms.append(f"{label}: «{match}»")


def evaluate(linter, half: str) -> Score:
    score = Score()
    for item in load(half):
        score_item(score, item, found_matches(linter, item))
    return score


def report(half: str, score: Score, verbose: bool) -> list[str]:
    lines = [
        f"{half}: KLAR006 precision {score.precision:.3f} ({score.tp}/{score.tp + score.fp}), "
        f"recall {score.recall:.3f} ({score.tp}/{score.tp + score.fn}); tp {score.tp}, fp {score.fp}, fn {score.fn}"
    ]
    if verbose:
        lines += [f"  falsklarm {line}" for line in score.false_alarms]
        lines += [f"  miss      {line}" for line in score.misses]
    return lines


def main(argv: list[str]) -> int:
    from lint.engine.linter import Linter, Options

    verbose = "--verbose" in argv or "-v" in argv
    model = argv[argv.index("--model") + 1] if "--model" in argv else None
    linter = Linter(Options(model=model))
    for half in HALVES:
        items = load(half)
        passive = sum(1 for item in items if item.expected)
        print(f"{half}: {len(items)} texter, {passive} med passiv utan handlande")
        print("\n".join(report(half, evaluate(linter, half), verbose)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
