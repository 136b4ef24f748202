"""The quick tests the program rules run before their regexes must never skip a match."""

from __future__ import annotations

import re

import pytest

from lint.language.detectors import (
    EMAIL,
    PHONE,
    PLAIN_WORD,
    WORD,
    Phrases,
    _phone_matches,
    contains_email,
    text_mask,
    words_regex,
)
from lint.language.text import fold

EVERY_CHARACTER = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000)
PLAIN_CHARACTERS = [chr(code) for code in range(0x100) if PLAIN_WORD.fullmatch(chr(code))]


def test_fold_keeps_length_and_words():
    text = EVERY_CHARACTER
    assert len(fold(text)) == len(text)
    assert [match.span() for match in WORD.finditer(fold(text))] == [match.span() for match in WORD.finditer(text)]


@pytest.mark.parametrize("plain", PLAIN_CHARACTERS)
def test_fold_equals_what_a_case_insensitive_regex_matches(plain):
    """Every character a case-insensitive regex takes for `plain` folds to it, and no other."""
    expected = [match.start() for match in re.finditer(re.escape(plain), EVERY_CHARACTER, re.I)]
    assert [match.start() for match in re.finditer(re.escape(plain), fold(EVERY_CHARACTER))] == expected


TEXTS = [
    "Vi har en deadline.",
    "DEADLİNE",
    "ſave the date",
    "save   the\ndate",
    "teamwww.example.se",
    "feedbackhttp://x.se/a",
    "e-mail och email",
    "Stockholms stads",
    "STOCKHOLMS  STAD",
    "han/hon",
    "s/he",
    "x-team",
    "team-x",
    "ıstanbul",
]
PHRASES = [
    "deadline",
    "save the date",
    "team",
    "feedback",
    "e-mail",
    "email",
    "stockholms stad",
    "stockholms stads",
    "han/hon",
    "s/he",
    "istanbul",
]


@pytest.mark.parametrize("text", TEXTS)
def test_phrases_never_rule_out_a_match(text):
    regex, phrases = words_regex(PHRASES), Phrases.of(PHRASES)
    for variant in (text, text_mask(text)):
        words = frozenset(WORD.findall(fold(text)) + WORD.findall(fold(text_mask(text))))
        if regex.search(variant):
            assert phrases.may_occur(words), variant


def test_phrases_without_plain_words_always_may_occur():
    assert Phrases.of(["μ-värde"]).may_occur(frozenset())
    assert not Phrases.of(["deadline"]).may_occur(frozenset({"dead", "line"}))


# PHONE as it was written before phone_numbers() checked the character before a number itself.
LOOK_BEHIND_PHONE = re.compile(r"(?<![\w+\-/.:,])" + PHONE.pattern)


@pytest.mark.parametrize(
    "text",
    [
        "08-508 000 00",
        "x08-508 264 02",
        "+08 508 264 02",
        ".0850826402",
        "a0701234567",
        "-070-123 45 67",
        "(08) 508 264 02",
        "+46 8 508 264 02 och 070-123 45 67",
        "1908-508 264 02",
        "08-508 264 0208-508 264 02",
        "_0701234567",
        "é0701234567",
    ],
)
def test_phone_numbers_as_with_a_look_behind(text):
    expected = [match.span() for match in LOOK_BEHIND_PHONE.finditer(text)]
    assert [match.span() for match in _phone_matches(text)] == expected


@pytest.mark.parametrize(
    "text", ["a@b", "x.@y.se", "@x.se", "Skriv till info@stockholm.se.", "a @ b.se", "för.namn+x@stad.stockholm.se", "@@a.se", "a@b@c.se"]
)
def test_contains_email_as_a_search(text):
    assert contains_email(text) == bool(EMAIL.search(text))
