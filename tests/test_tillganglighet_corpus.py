"""The accessibility rules on corpora/formats: every finding at its exact place, every rule covered.

Each document has a sidecar `<file>.expected.yaml` listing the TILL findings with line,
column (and page for PDF) and, where it points at text, the exact source text matched.
Run as a script to print the per-rule table:  python tests/test_tillganglighet_corpus.py
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml
from safety_eval import CODES as SAFETY_CODES  # evaluated on corpora/safety instead

from lint.engine.linter import Linter, Options
from lint.rules.packs import load_rules

CORPUS = Path(__file__).resolve().parents[1] / "corpora" / "formats"
SUFFIXES = {".html", ".htm", ".md", ".mdx", ".docx", ".pdf"}


def documents() -> list[Path]:
    return sorted(p for p in CORPUS.rglob("*") if p.suffix in SUFFIXES)


def expected(path: Path) -> list[dict]:
    return yaml.safe_load(path.with_name(path.name + ".expected.yaml").read_text(encoding="utf-8"))["findings"]


def _key(item: dict) -> tuple:
    return (item["code"], item.get("page"), item["line"], item["column"])


@pytest.fixture(scope="module")
def till_linter():
    return Linter(Options(select=("TILL",)))


@pytest.mark.parametrize("path", documents(), ids=lambda p: p.name)
def test_document_gives_exactly_the_expected_findings(till_linter, path):
    result = till_linter.lint_file(str(path))
    assert not result.errors, result.errors
    found = sorted(((d.code, d.page, d.line, d.column), d.match) for d in result.diagnostics)
    wanted = sorted((_key(item), item.get("match")) for item in expected(path))
    assert [key for key, _ in found] == [key for key, _ in wanted]
    for (_, match), (_, expected_match) in zip(found, wanted):
        if expected_match is not None:
            assert match == expected_match


def test_every_accessibility_rule_is_covered_by_the_corpus():
    codes = {rule.code for rule in load_rules(entry_points=False) if rule.code.startswith("TILL")} - set(SAFETY_CODES)
    covered = {item["code"] for path in documents() for item in expected(path)}
    assert codes <= covered, sorted(codes - covered)
    formats = {path.suffix for path in documents()}
    assert formats == SUFFIXES


def table() -> str:
    per_rule: Counter = Counter()
    per_format: dict[str, set] = {}
    for path in documents():
        for item in expected(path):
            per_rule[item["code"]] += 1
            per_format.setdefault(item["code"], set()).add(path.suffix)
    rows = ["| regel | fynd i korpusen | format |", "|---|---|---|"]
    for code in sorted(per_rule):
        rows.append(f"| {code} | {per_rule[code]} | {', '.join(sorted(per_format[code]))} |")
    return "\n".join(rows)


if __name__ == "__main__":
    print(f"{len(documents())} dokument")
    print(table())
