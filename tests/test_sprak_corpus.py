"""The SPR rules on corpora/sprak (issue 16: precision ≥ 0.95 and recall ≥ 0.9 per rule) and
SPR001 on every other corpus (at most one finding per 2 000 words)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import lint_text
from sprak_eval import CODES, documents, score, spelling_false_alarms, table

from lint.engine.config import discover
from lint.formats import read_bytes

PRECISION, RECALL = 0.95, 0.9


@pytest.fixture(scope="module")
def result(linter):
    scores, sprung = score(lambda text, name: lint_text(linter, text, name=name, select=CODES))
    print("\n" + table(scores))
    for code, s in scores.items():
        for line in s.false_alarms + s.misses:
            print(f"  {code} {line}")
    return scores, sprung


def test_the_set_is_large_enough():
    found = documents()
    assert len(found) >= 20
    assert sum(len(e["findings"]) for _, e in found) >= 150
    assert sum(len(e["traps"]) for _, e in found) >= 300
    per_code = {code: sum(1 for _, e in found for f in e["findings"] if f["code"] == code) for code in CODES}
    assert min(per_code.values()) >= 15, per_code


@pytest.mark.parametrize("code", CODES)
def test_precision_and_recall(result, code):
    scores, _ = result
    assert scores[code].precision >= PRECISION, scores[code].false_alarms
    assert scores[code].recall >= RECALL, scores[code].misses


def test_no_trap_gives_a_finding(result):
    _, sprung = result
    assert sprung == []


def test_spelling_on_the_other_corpora(linter):
    def lint_path(path):
        return linter.lint_document(read_bytes(path.read_bytes(), str(path)), replace(discover(path), select=("SPR001",)))

    words, count, found = spelling_false_alarms(lint_path)
    assert words > 5000
    assert count / words * 2000 <= 1.0, found
