"""Precision and recall per klarspråk rule on the evaluation set (issue 4: both ≥ 0.9)."""

from __future__ import annotations

import pytest
from conftest import lint_text
from klarsprak_eval import items, score, sentence_counts, table

from lint.rules.packs import load_rules

THRESHOLD = 0.9
KLAR_RULES = [rule for rule in load_rules(entry_points=False) if rule.code.startswith("KLAR")]


@pytest.fixture(scope="module")
def scores(linter):
    provides = linter.pipeline(None).provides
    skip = frozenset(rule.code for rule in KLAR_RULES if rule.needs - provides)
    codes = tuple(rule.code for rule in KLAR_RULES)
    result = score(lambda text: lint_text(linter, text, select=codes, profile="webbsida"), skip)
    print("\n" + table(result))
    for code, s in sorted(result.items()):
        for line in s.false_alarms:
            print(f"  {code} falsklarm {line}")
        for line in s.misses:
            print(f"  {code} missar {line}")
    return result, skip


def test_every_family_has_at_least_40_sentences():
    counts = sentence_counts()
    assert counts and all(count >= 40 for count in counts.values()), counts


def test_every_rule_is_in_the_evaluation_set():
    expected_codes = {code for *_, expected in items() for code, _ in expected}
    assert {rule.code for rule in KLAR_RULES} <= expected_codes


@pytest.mark.parametrize("code", [rule.code for rule in KLAR_RULES])
def test_precision_and_recall(scores, code):
    result, skip = scores
    if code in skip:
        pytest.skip(f"{code} behöver en språkmodell med morfologi")
    s = result[code]
    assert s.precision >= THRESHOLD, f"{code} precision {s.precision:.2f}; falsklarm: {s.false_alarms}"
    assert s.recall >= THRESHOLD, f"{code} recall {s.recall:.2f}; missar: {s.misses}"
