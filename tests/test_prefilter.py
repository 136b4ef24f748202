"""Derived pre-filters (lint.language.prefilter): what they require, and that they never skip a match."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest
from conftest import lint_text
from hypothesis import given
from hypothesis import strategies as st

from lint.language import prefilter
from lint.language.prefilter import Needs
from lint.language.text import fold
from lint.rules.packs import load_rules

ROOT = Path(__file__).resolve().parent.parent
CORPUS_SUFFIXES = {".txt": "text", ".md": "markdown", ".html": "html"}
EXTENSIONS = {"text": "exempel.txt", "markdown": "exempel.md", "html": "exempel.html"}


def test_literal_runs_and_alternations_become_clauses():
    assert Needs.of(r"\b(?:ring|kontakta)\s+kontaktcenter\b").clauses == (frozenset({"kontaktcenter"}), frozenset({"ring", "kontakta"}))


def test_the_literal_before_an_alternation_belongs_to_each_alternative():
    assert Needs.of(r"(?<![\w-])(?:[Hh]an|[Hh]onom|[Hh]ans)(?![\w-])").clauses == (frozenset({"han", "hans", "honom"}),)


def test_an_alternative_without_a_literal_leaves_no_quick_test():
    needs = Needs.of(r"\bhandling\b|\d{4}")
    assert needs.clauses == ()
    assert needs.may_match("1999")


def test_optional_parts_and_lookarounds_are_not_required():
    assert Needs.of(r"(?<=kl\. )\d+(?: kronor)?").clauses == ()
    assert Needs.of(r"(?:ett )?beslut(?= om)").clauses == (frozenset({"beslut"}),)


def test_a_text_without_a_clause_cannot_match():
    needs = Needs.of(re.compile(r"\bvänd dig till\s+(?:kontaktcenter|receptionen)\b", re.I))
    assert not needs.may_match(fold("Kontakta receptionen."))
    assert needs.may_match(fold("Vänd dig till Receptionen."))


def test_disabled_lets_everything_through():
    needs = Needs.of(r"\bsenast\b")
    with prefilter.disabled():
        assert needs.may_match("inget här")
    assert not needs.may_match("inget här")


def _registered_patterns():
    load_rules(entry_points=False)  # imports every check module, so each Needs is made
    for module in ("lint.rules.checks.program_avsandare", "lint.rules.checks.program_offentlighet"):
        importlib.import_module(module)
    return [(pattern, needs) for patterns, needs in prefilter.REGISTERED for pattern in patterns]


REGISTERED = _registered_patterns()


def test_the_rules_use_derived_prefilters():
    assert len(REGISTERED) >= 8


@pytest.mark.parametrize(("pattern", "needs"), REGISTERED, ids=[getattr(p, "pattern", p)[:40] for p, _ in REGISTERED])
def test_no_generated_match_is_skipped(pattern, needs):
    @given(st.from_regex(pattern))
    def check(text):
        if re.compile(pattern).search(text):
            assert needs.may_match(fold(text)), text

    check()


def _corpus_texts():
    for path in sorted((ROOT / "corpora").rglob("*")):
        if path.suffix in CORPUS_SUFFIXES:
            yield path.name, path.read_text(encoding="utf-8", errors="replace")


def test_no_corpus_match_is_skipped():
    texts = [text for _, text in _corpus_texts()]
    assert texts
    for pattern, needs in REGISTERED:
        regex = re.compile(pattern)
        for text in texts:
            for match in regex.finditer(text):
                assert needs.may_match(fold(match.group(0))), (regex.pattern[:60], match.group(0))


def _findings(linter, text: str, name: str, codes: tuple[str, ...], profile: str | None = None):
    result = lint_text(linter, text, name=name, select=codes, profile=profile)
    return [(d.code, d.offset, d.end_offset, d.message, tuple(d.suggestions)) for d in result.diagnostics]


def _prefiltered_codes() -> tuple[str, ...]:
    """The pattern rules and those whose check or detector module holds a derived pre-filter."""
    modules = {module for module, value in _module_values() if isinstance(value, Needs)}
    codes = []
    for rule in load_rules(entry_points=False):
        named = [getattr(rule.spec, "check", "")] + list(getattr(getattr(rule.spec, "any_of", None), "detectors", []) or [])
        named += list(getattr(rule.spec, "also_when", []) or []) + list(getattr(rule.spec, "when", []) or [])
        if rule.kind == "pattern" or any(path.partition(":")[0] in modules for path in named if path):
            codes.append(rule.code)
    return tuple(codes)


def _module_values():
    import sys

    for name, module in list(sys.modules.items()):
        if name.startswith("lint.rules.checks."):
            for value in vars(module).values():
                yield name, value


def test_linting_with_and_without_prefilters_finds_the_same(linter):
    codes = _prefiltered_codes()
    assert {"AVS004", "OFF001", "SPR003", "SPR008", "KLAR017", "MALG004", "MALG005"} <= set(codes)
    cases = [(text, name, None) for name, text in _corpus_texts()]
    for rule in load_rules(entry_points=False):
        if rule.code in codes:
            cases += [(e.bad or e.good, EXTENSIONS[e.format], e.profile) for e in rule.spec.examples]
    for text, name, profile in cases:
        with_filters = _findings(linter, text, name, codes, profile)
        with prefilter.disabled():
            without = _findings(linter, text, name, codes, profile)
        assert with_filters == without, name


EVERY_CHARACTER = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000)


PLAIN = [chr(code) for code in (*range(0x100), *range(0x2000, 0x2100)) if prefilter.PLAIN.fullmatch(chr(code))]


@pytest.mark.parametrize("plain", PLAIN)
def test_a_plain_character_folds_to_what_a_case_insensitive_regex_matches(plain):
    expected = [match.start() for match in re.finditer(re.escape(plain), EVERY_CHARACTER, re.I)]
    assert [match.start() for match in re.finditer(re.escape(plain), fold(EVERY_CHARACTER))] == expected


def test_punctuation_is_a_literal_too():
    assert Needs.of(r"(?<![\w:/.])(\d{1,2}):([0-5]\d)").clauses == (frozenset({":"}),)
    assert Needs.of(r"[$€£]\s?\d+|\d+\s?[$€£]").clauses == (frozenset({"$", "€", "£"}),)
