"""Which language each block is in, so that Swedish rules skip other languages (TILL012).

The detector is lingua (lingua-language-detector), limited to the languages Stockholm
publishes in and run in its low-accuracy mode: trigram models only, fast enough to run
on every block. A block is judged only when it has MIN_WORDS words or more, and called
foreign only when lingua is confident. A block too short to judge follows the judged
blocks around it, or counts as Swedish when there are none: a page's or a Word template's
declared language is too often wrong to decide alone (TILL004 reports it). A block's own
lang attribute in another language always makes it foreign.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from lint.document import Document

MIN_WORDS = 6
MIN_CONFIDENCE = 0.8  # lingua's relative confidence for the foreign language
SWEDISH = "sv"
# ISO 639-1 code → lingua's name. Bosnian, Croatian and Serbian count as one language
# (BCS) when a detection is compared with a declaration: their texts overlap too much.
LANGUAGES = {
    "sv": "SWEDISH",
    "en": "ENGLISH",
    "fi": "FINNISH",
    "ar": "ARABIC",
    "so": "SOMALI",
    "fa": "PERSIAN",
    "tr": "TURKISH",
    "es": "SPANISH",
    "de": "GERMAN",
    "fr": "FRENCH",
    "pl": "POLISH",
    "bs": "BOSNIAN",
    "hr": "CROATIAN",
    "sr": "SERBIAN",
}
SAME_LANGUAGE = {"bs": "bcs", "hr": "bcs", "sr": "bcs", "sh": "bcs", "nb": "no", "nn": "no", "no": "no"}
# Principles whose rules judge Swedish words and sentences; they skip other languages.
LANGUAGE_BOUND = frozenset({"klarspråk", "målgrupp", "språkriktighet"})
WORD = re.compile(r"[^\W\d_]{2,}")
# Swedish function words that the other languages above hardly use. A block with several
# of them, making up a fair share of its words, is Swedish without asking lingua: that
# keeps the cost of detection to the few blocks that may be in another language.
SWEDISH_WORDS = frozenset("och att är på för inte ska också eller när från som det har kan med till av om vi du den ett".split())
SWEDISH_MIN_DISTINCT = 3
SWEDISH_MIN_SHARE = 0.2


@lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in LANGUAGES.values()]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


@lru_cache(maxsize=1)
def _codes() -> dict[Any, str]:
    from lingua import Language

    return {getattr(Language, name): code for code, name in LANGUAGES.items()}


def detect(text: str) -> str | None:
    """The language of `text` as an ISO 639-1 code; None for short or uncertain text."""
    words = WORD.findall(text)
    if len(words) < MIN_WORDS:
        return None
    if _plainly_swedish(words):
        return SWEDISH
    values = _detector().compute_language_confidence_values(text)
    if not values:
        return None
    best = values[0]
    code = _codes()[best.language]
    if code != SWEDISH and best.value < MIN_CONFIDENCE:
        return None
    return code


def _plainly_swedish(words: list[str]) -> bool:
    found = [word for word in map(str.lower, words) if word in SWEDISH_WORDS]
    return len(set(found)) >= SWEDISH_MIN_DISTINCT and len(found) >= SWEDISH_MIN_SHARE * len(words)


def primary(lang: str | None) -> str:
    """The primary subtag of a lang attribute, lower case ("en-GB" → "en")."""
    return (lang or "").strip().lower().replace("_", "-").split("-")[0]


def same_language(first: str, second: str) -> bool:
    a, b = primary(first), primary(second)
    return SAME_LANGUAGE.get(a, a) == SAME_LANGUAGE.get(b, b)


@dataclass(frozen=True)
class BlockLanguage:
    detected: str | None  # what lingua found (None: not judged)
    declared: str | None  # the nearest lang: the block's own, else the document's
    foreign: bool  # Swedish rules skip this block


def block_languages(document: Document) -> list[BlockLanguage]:
    """The language facts of every block of `document`, in order."""
    base = document.language.value if document.language else None
    detected = [detect(block.text) for block in document.blocks]
    judged = [None if found is None else found != SWEDISH for found in detected]
    neighbours = _between(judged)
    facts = []
    for block, found, flag in zip(document.blocks, detected, neighbours):
        own = block.attrs.get("lang")
        foreign = (bool(own) and not same_language(own, SWEDISH)) or flag
        facts.append(BlockLanguage(found, own or base, foreign))
    return facts


def _between(judged: list[bool | None]) -> list[bool]:
    """A block too short to judge is foreign when the judged blocks on both sides are (or the
    only one, at either end): an English heading over English paragraphs."""
    result, previous = [], None
    following: list[bool | None] = [None] * len(judged)
    upcoming = None
    for index in range(len(judged) - 1, -1, -1):
        following[index] = upcoming
        if judged[index] is not None:
            upcoming = judged[index]
    for flag, after in zip(judged, following):
        if flag is None:
            sides = [side for side in (previous, after) if side is not None]
            flag = bool(sides) and all(sides)
        else:
            previous = flag
        result.append(flag)
    return result


def swedish_blocks(document: Document, parsed: list) -> list:
    """The parsed blocks in Swedish; the language facts are kept in `document.block_languages`."""
    facts = document.block_languages
    if facts is None or len(facts) != len(document.blocks):
        facts = document.block_languages = block_languages(document)
    if not any(fact.foreign for fact in facts):
        return parsed
    from lint.language.views import releasing_like

    return releasing_like(parsed, [item for item, fact in zip(list.__iter__(parsed), facts) if not fact.foreign])
