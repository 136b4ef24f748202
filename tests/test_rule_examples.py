"""Every rule's good and bad examples from its YAML file, run as tests."""

from __future__ import annotations

import pytest
from conftest import lint_text

from lint.engine.fix import apply_fixes
from lint.rules.packs import load_rules

EXTENSIONS = {"text": "exempel.txt", "markdown": "exempel.md", "html": "exempel.html"}

CASES = [
    pytest.param(rule, index, example, id=f"{rule.code}-{'bad' if example.bad else 'good'}-{index}")
    for rule in load_rules(entry_points=False)
    for index, example in enumerate(rule.spec.examples)
]


def _lint_example(linter, rule, example, text):
    return lint_text(
        linter,
        text,
        name=EXTENSIONS[example.format],
        select=(rule.code,),
        profile=example.profile or "webbsida",
        metadata=example.metadata,
    )


@pytest.mark.parametrize(("rule", "index", "example"), CASES)
def test_example(linter, rule, index, example):
    if rule.needs - linter.pipeline(None).provides:
        pytest.skip(f"{rule.code} behöver {sorted(rule.needs)}; pipelinen saknar det")
    text = example.bad or example.good
    result = _lint_example(linter, rule, example, text)
    assert not result.errors, result.errors
    found = [d for d in result.diagnostics if d.code == rule.code]
    if example.good:
        assert found == [], f"{rule.code} ska inte hitta något i: {text!r}, men hittade {[d.match for d in found]}"
        return
    assert found, f"{rule.code} hittade inget i: {text!r}"
    if example.matches is not None:
        assert [d.match for d in found] == example.matches
    if example.fixed is not None:
        fixed = apply_fixes(result.document.source if result.document else text, found, unsafe=True)
        assert fixed.rstrip("\n") == example.fixed.rstrip("\n")
        again = _lint_example(linter, rule, example, fixed)
        assert apply_fixes(fixed, again.diagnostics, unsafe=True) == fixed, "en andra --fix ska inte ändra något"


def test_every_rule_has_bad_and_good_examples():
    for rule in load_rules(entry_points=False):
        kinds = {"bad" if example.bad else "good" for example in rule.spec.examples}
        assert kinds == {"bad", "good"}, rule.code
