"""Detectors for things in Swedish text: phone numbers, e-mail addresses, URLs, dates, amounts, word sets.

One regex each, shared by the pipeline's tagging and by the rules.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from lint.language.text import fold, folded_text
from lint.language.views import ParsedBlock

# Swedish phone numbers in the ways people write them: 08-508 264 02, 08 508 264 02,
# 0850826402, (08) 508 264 02, 08/508 264 02, +46 8 508 264 02, 070-123 45 67.
# The number must not follow [\w+\-/.:,]; phone_numbers() checks that itself, since a
# pattern that starts with a look-behind is tried at every position of the text, while one
# that starts with "+", "(" or "0" lets the regex engine skip straight to those characters.
PHONE = re.compile(
    r"(?P<number>(?:\+46[ \u00a0-]?\(?0?\)?[ \u00a0]?\d{1,3}|\(0\d{1,3}\)|0\d{1,3})"
    r"(?:[ \u00a0]?[-–/][ \u00a0]?|[ \u00a0])?\d(?:[ \u00a0\-]?\d){4,8})"
    r"(?![\w\-/]|[.,]\d)"
)


NOT_BEFORE_PHONE = frozenset("_+-/.:,")


PERSONNUMMER = re.compile(r"\d{6}(?:\d{2})?-\d{4}")


EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.I)


def phone_numbers(text: str) -> Iterator[re.Match[str]]:
    """Phone-number-like matches with 7–10 digits in all (an area code and a number)."""
    for match in _phone_matches(text):
        number = match.group("number")
        digits = re.sub(r"\D", "", number.replace("+46", "0", 1))
        if 7 <= len(digits) <= 11 and not PERSONNUMMER.fullmatch(number):
            yield match


def _phone_matches(text: str) -> Iterator[re.Match[str]]:
    """PHONE.finditer, keeping only numbers that do not follow a word character or [+-/.:,]."""
    position = 0
    while match := PHONE.search(text, position):
        start = match.start()
        before = text[start - 1] if start else " "
        if before.isalnum() or before in NOT_BEFORE_PHONE:
            position = start + 1  # as a look-behind would: try again from the next character
            continue
        yield match
        position = match.end()


def words_regex(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """One regex matching any of the phrases as whole words (spaces match any blank)."""
    parts = sorted({re.escape(p).replace(r"\ ", r"\s+") for p in phrases if p}, key=len, reverse=True)
    if not parts:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.I)


def sentence_start(text: str, index: int) -> bool:
    """Whether position `index` begins a sentence (or the block, a list item, a quote)."""
    before = text[:index].rstrip(" \t\u00a0\"'”»(–-")
    return not before or before.endswith((".", "!", "?", ":", "\n", "…"))


# Phone numbers and amounts with grouped thousands the tokenizer merges into one token
# (08-508 264 02, 10 000, 1 234,50): only the hyphenated, grouped way of writing a number.
GROUPED_PHONE = re.compile(r"(?<![\w+-])(?:\+46[ \u00a0]?\(?0?\)?[ \u00a0]?\d{1,3}|0\d{1,3})-\d{2,3}(?:[ \u00a0]\d{2,3}){1,3}(?![\w-])")
GROUPED_AMOUNT = re.compile(r"(?<![\w.,])\d{1,3}(?:[ \u00a0]\d{3})+(?:,\d+)?(?![\w])")

# Dates: 25/4 (2024), 25.4.2024, 20240425, 2024-04-25, and week numbers (v. 17, vecka 17).
MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december")
DAY = r"(?:0?[1-9]|[12]\d|3[01])"
MONTH = r"(?:0?[1-9]|1[0-2])"
SLASH_DATE = re.compile(rf"(?<![\w/.,-])(?P<d>{DAY})/(?P<m>{MONTH})(?:(?:\s|-)(?P<y>(?:19|20)\d\d))?(?![\w/]|[.,]\d)")
DOTTED_DATE = re.compile(rf"(?<![\w.,])(?P<d>{DAY})\.(?P<m>{MONTH})\.(?P<y>(?:19|20)?\d\d)(?![\w]|[.,]\d)")
COMPACT_DATE = re.compile(r"(?<![\w.,/-])(?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?![\w]|[.,]\d|-)")
ISO_DATE = re.compile(r"(?<![\w.,/-])(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\w-])")
WEEK = re.compile(r"\b(?:v\.?\s?|vecka\s)(?P<w>[1-9]|[1-4]\d|5[0-3])\b(?!\s*(?:och|–|-)\s*\d{4})", re.I)


URL_IN_TEXT = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)+/\S*")


def masked_text(parsed: ParsedBlock) -> str:
    """The block text with e-mail addresses and URLs blanked out (same length).

    Several rules mask the same block: kept in the block's cache.
    """
    masked = parsed.cache.get("program:masked")
    if masked is None:
        masked = parsed.cache["program:masked"] = text_mask(parsed.block.text)
    return masked


def text_mask(text: str) -> str:
    if "@" not in text and "/" not in text and "www." not in text:
        return text  # an address needs "@", a URL "/" or "www."
    masked = EMAIL.sub(lambda m: " " * len(m.group(0)), text) if "@" in text else text
    return URL_IN_TEXT.sub(lambda m: " " * len(m.group(0)), masked)


def contains_email(text: str) -> bool:
    """Whether EMAIL matches anywhere in `text`, tried only where an "@" stands.

    EMAIL.search over a long text tries every word as the start of an address.
    """
    at = text.find("@")
    while at != -1:
        start = at
        while start and (text[start - 1].isalnum() or text[start - 1] in "_.+-"):
            start -= 1  # back to where [\w.+-]+ would start
        if start < at and EMAIL.match(text, start):
            return True
        at = text.find("@", at + 1)
    return False


WORD = re.compile(r"\w+")


# Words made of these characters are equal after fold() exactly when a case-insensitive
# regex matches one with the other (checked against every Unicode character).
PLAIN_WORD = re.compile(r"[0-9a-z_\u00df-\u00f6\u00f8-\u00ff]+")


def block_words(parsed: ParsedBlock) -> frozenset[str]:
    """The block's words (runs of \\w) in lower case, both as written and as masked_text has them.

    Kept in the block's cache; see Phrases for what rules learn from them.
    """
    words = parsed.cache.get("program:words")
    if words is None:
        runs = WORD.findall(folded_text(parsed))
        parsed.cache["program:word_count"] = len(runs)
        masked = masked_text(parsed)
        if masked != parsed.block.text:
            runs += WORD.findall(fold(masked))  # blanking out a URL can leave a new word
        words = parsed.cache["program:words"] = frozenset(map(sys.intern, runs))  # one str per distinct word
    return words


def word_count(parsed: ParsedBlock) -> int:
    """len(WORD.findall(block text)), counted along with block_words."""
    if "program:word_count" not in parsed.cache:
        block_words(parsed)
    return parsed.cache["program:word_count"]


@dataclass(frozen=True)
class Phrases:
    """The words each phrase of a list needs, to tell quickly whether a text can hold one.

    For a phrase matched as a whole word (words_regex and the like, with no word character
    right before or after) every run of \\w in the phrase is a whole word of the text it
    matches, so a phrase whose words are not all among a block's words cannot match there.
    """

    needs: dict[str, tuple[frozenset[str], ...]]  # by each phrase's longest word: all its words
    anything: bool = False  # a phrase with no plain word: no quick test

    @classmethod
    def of(cls, phrases: Iterable[str]) -> Phrases:
        needs: dict[str, list[frozenset[str]]] = {}
        for phrase in phrases:
            if not phrase:
                continue  # words_regex leaves empty phrases out
            words = WORD.findall(fold(phrase))
            if not words or not all(PLAIN_WORD.fullmatch(word) for word in words):
                return cls({}, anything=True)
            needs.setdefault(max(words, key=len), []).append(frozenset(words))
        return cls({key: tuple(sets) for key, sets in needs.items()})

    def may_occur(self, words: frozenset[str]) -> bool:
        if self.anything:
            return True
        if self.needs.keys().isdisjoint(words):
            return False
        return any(needed <= words for key in self.needs.keys() & words for needed in self.needs[key])
