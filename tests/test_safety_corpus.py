"""The safety rules on corpora/safety: precision ≥ 0.95 and recall ≥ 0.9 per rule, no trap
sprung, and no rule about Swedish finding anything in text in another language."""

from __future__ import annotations

from dataclasses import replace

import pytest
from safety_eval import CODES, documents, score, swedish_findings_on_foreign_lines

from lint.engine.config import Settings
from lint.formats import read_bytes


@pytest.fixture(scope="module")
def lint(linter):
    def run(path, select=CODES):
        return linter.lint_document(read_bytes(path.read_bytes(), path.name), replace(Settings(), select=select))

    return run


@pytest.fixture(scope="module")
def scored(lint):
    return score(lint)


@pytest.mark.parametrize("code", CODES)
def test_precision_and_recall_per_rule(scored, code):
    scores, _ = scored
    result = scores[code]
    assert result.tp >= 4, f"{code}: för få planterade fynd i korpusen"
    assert result.precision >= 0.95, result.false_alarms
    assert result.recall >= 0.9, result.misses


def test_no_trap_is_sprung_and_statement_messages_are_exact(scored):
    _, wrong = scored
    assert wrong == []


def test_rules_about_swedish_skip_text_in_other_languages(lint):
    assert swedish_findings_on_foreign_lines(lambda path: lint(path, None)) == []


def test_sensitive_data_set_is_large_and_mostly_harmless():
    path, expected = next((p, e) for p, e in documents() if p.stem == "kansliga-uppgifter")
    sentences = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
    assert len(sentences) >= 100
    assert len(expected["findings"]) < len(sentences) / 4
