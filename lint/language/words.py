"""Which words of a text a spelling check should judge at all.

Public text is full of words no dictionary has and that are not misspelt: names, the
organisation's units, abbreviations, addresses, codes, quotations in other languages.
This module finds the words worth looking up; `lint.rules.checks.spelling` reports them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

# Words made of letters, maybe joined by hyphens; a number or abbreviation may lead (1-åring, LSS-boende).
CHECKABLE = re.compile(r"(?:[^\W_]+-)*[^\W\d_]{2,}(?:-[^\W\d_]+)*-?")
# Spans that are not prose words: web and e-mail addresses, file names, paths, handles, codes.
NOT_PROSE = re.compile(
    r"""(?:https?://|www\.)\S+
      | [\w.+-]+@[\w-]+(?:\.[\w-]+)+
      | \b[\w-]+(?:\.[\w-]+)*\.(?:se|nu|com|org|net|eu|io|pdf|docx?|xlsx?|pptx?|txt|csv|html?|zip|png|jpe?g)\b
      | (?<!\w)[/\\~][\w./\\-]+
      | [#@]\w+
    """,
    re.VERBOSE | re.IGNORECASE,
)
# Words with digits and dotted or underscored identifiers (E4, 3D, lint.checks, user_id).
CODES = re.compile(r"\b\w*\d\w*\b|\b\w+(?:[_.]\w+)+\b")
ROMAN = re.compile(r"[IVXLCDM]+")
REGEX_CHARS = set("\\^$.*+?()[]{}|")


@dataclass(frozen=True)
class AcceptList:
    """The user's words (config `vocabulary`, kommlint-ord.txt): exact words and regexes."""

    words: frozenset[str]
    patterns: tuple[re.Pattern[str], ...]

    def accepts(self, word: str) -> bool:
        lower = word.lower()
        if lower in self.words or lower.rstrip("-") in self.words:
            return True
        return any(pattern.fullmatch(word) for pattern in self.patterns)


# Abbreviations written without full stops (Dnr, tfn, bl a) and what is left of dotted ones.
# The legal form that ends a company's name (aktiebolag, handelsbolag, kommanditbolag, ekonomisk förening).
LEGAL_FORMS = frozenset({"AB", "HB", "KB", "Ab", "ek.för."})


def in_company_name(texts: Iterable[str]) -> bool:
    """Whether the words start with a run of capitalised words that ends in a legal form
    (Gatubygg Syd AB): a company's name, whatever the tagger says."""
    for text in texts:
        if text in LEGAL_FORMS:
            return True
        if not text[:1].isupper():
            return False
    return False


ABBREVIATIONS = frozenset(
    "dnr tfn tel org orgnr nr bl fr tom fom ca kl st resp inkl exkl jfr ang anm enl obs mfl osv etc dvs tex mm "
    "sid kap prop fd ev mha pga mao iofs tf dir ref red uppl utg ssk avd adr "
    "mån tis ons tors fre lör sön jan febr feb apr jun jul aug sep sept okt nov dec".split()
)


@lru_cache(maxsize=64)
def accept_list(vocabulary: frozenset[str], lines: tuple[str, ...], names: tuple[str, ...]) -> AcceptList:
    """Words from the vocabulary, the accept file's plain lines and every word of the names."""
    words = set(vocabulary) | ABBREVIATIONS
    patterns = []
    for line in lines:
        if REGEX_CHARS & set(line):
            try:
                patterns.append(re.compile(line))
            except re.error:
                words.add(line.lower())
        else:
            words.update(part.lower() for part in line.split())
    for name in names:
        words.update(part.lower() for part in re.findall(r"[\w-]+", name))
    return AcceptList(frozenset(words), tuple(patterns))


# Words that mark a passage as English (none is also a Swedish word).
ENGLISH = frozenset("a the and of to you we our your are with this that will have has from every been which what who".split())


def looks_english(words: Iterable[str]) -> bool:
    return sum(word.lower() in ENGLISH for word in words) >= 2


MEMO_TEXT_LIMIT = 20_000  # characters: longer block texts are not kept alive by the memo


def prose_mask(text: str, codes: bool = True) -> list[tuple[int, int]]:
    """Character ranges of a block text that hold no prose words (with `codes`: nor codes).

    Several rules ask for a block's mask: a short text's is found once."""
    spans = _mask_spans(text, codes) if len(text) <= MEMO_TEXT_LIMIT else _spans(text, codes)
    return list(spans)


@lru_cache(maxsize=512)
def _mask_spans(text: str, codes: bool) -> tuple[tuple[int, int], ...]:
    return (*_mask_spans(text, False), *_code_spans(text)) if codes else _spans(text, False)


def _spans(text: str, codes: bool) -> tuple[tuple[int, int], ...]:
    spans = tuple(match.span() for match in NOT_PROSE.finditer(text))
    return spans + _code_spans(text) if codes else spans


def _code_spans(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(match.span() for match in CODES.finditer(text))


def in_capitals(text: str) -> bool:
    """A text written in capitals: more than 60 % of its letters, when it has more than 12."""
    letters = [char for char in text if char.isalpha()]
    return len(letters) > 12 and sum(char.isupper() for char in letters) > 0.6 * len(letters)


def masked(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


# Endings of street and place names: Tallkrogsvägen, Hornsgatan, Medborgarplatsen.
PLACE_ENDINGS = tuple(
    "vägen gatan gränd gränden torget torg platsen plan backen backe stigen allén parken leden stranden holmen "
    "viken berget dalen ängen udden hamnen byn sjön skogen hagen gården bron kajen slingan vägen".split()
)


def is_place_name(word: str) -> bool:
    return word[:1].isupper() and word.lower().endswith(PLACE_ENDINGS) and len(word) > 6


def is_abbreviation(word: str) -> bool:
    """All capitals (KS, LSS, BUP), a Roman numeral, or capitals mixed with digits."""
    letters = word.replace("-", "")
    if ROMAN.fullmatch(letters):
        return True
    return word.isupper() and len(letters) <= 6


def checkable(word: str) -> bool:
    return CHECKABLE.fullmatch(word) is not None
