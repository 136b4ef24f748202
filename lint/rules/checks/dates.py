"""Dates (KLAR016) as Myndigheternas skrivregler write them (KLAR015 klockslag is a pattern rule)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from lint.language.detectors import COMPACT_DATE, DOTTED_DATE, ISO_DATE, MONTHS, SLASH_DATE, WEEK
from lint.language.text import (
    block_has_digit,
    block_sentences,
    is_protected,
    protected_spans,
)
from lint.rules.api import Hit, RuleContext
from lint.rules.kinds.python import Check

MONTH_RE = re.compile(r"\b(?:" + "|".join(MONTHS) + r")\b", re.I)

# --- dates -----------------------------------------------------------------------

DATE_CONTEXT = re.compile(
    r"\b(?:den|från|till|fr\.o\.m\.|t\.o\.m\.|senast|före|efter|måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag|mån|tis|ons|tors|fre|lör|sön|datum|dag)\s*$",
    re.I,
)
IDENTIFIER_BEFORE = re.compile(r"\b(?:nr|nummer|dnr|diarienummer|ärende|ref|id|ocr)\.?:?\s*$", re.I)
# What the date regexes need, found quickly: a digit, a point and a digit (DOTTED_DATE); eight
# digits (COMPACT_DATE); digit, dash, two digits, dash, digit (ISO_DATE); a digit after v, "v.",
# "v " or "v. ", or after "a " as in "vecka 5" (WEEK). The slash of SLASH_DATE is found with `in`.
# The lookbehinds follow the digit so that the regex engine skips from digit to digit.
DIGIT_POINT_DIGIT = re.compile(r"\d\.\d")
EIGHT_DIGITS = re.compile(r"\d{8}")
ISO_HINT = re.compile(r"\d-\d\d-\d")
WEEK_HINT = re.compile(r"\d(?:(?<=[vV].)|(?<=[vV][.\s].)|(?<=[vV]\.\s.)|(?<=[aA]\s.))")
DATE_HINT = re.compile(r"\d(?:\.\d|\d{7}|-\d\d-\d|(?<=[vV].)|(?<=[vV][.\s].)|(?<=[vV]\.\s.)|(?<=[aA]\s.))")  # any of the four


def written_date(day: str, month: str, year: str | None) -> str:
    text = f"{int(day)} {MONTHS[int(month) - 1]}"
    if year:
        text += f" {year if len(year) == 4 else '20' + year}"
    return text


YEAR = re.compile(r"\b(?:19|20)\d\d\b")
WRITTEN_DATE = re.compile(r"\b(?:0?[1-9]|[12]\d|3[01])\s+(?:" + "|".join(MONTHS) + r")\s+(?P<y>(?:19|20)\d\d)\b", re.I)


def document_year(document) -> int:
    """The year the document is dated: its metadata date, else a full date in its text, else this year."""
    for key in ("date", "updated"):
        found = YEAR.search(str(document.metadata.get(key) or ""))
        if found:
            return int(found.group(0))
    text = document.source[:100_000]
    found = ISO_DATE.search(text) or WRITTEN_DATE.search(text)
    return int(found.group("y")) if found else date.today().year


def week_dates(year: int, week: int) -> str | None:
    """Monday to Sunday of ISO week `week` of `year` ("20–26 april", "28 april–4 maj"), or None."""
    try:
        monday, sunday = date.fromisocalendar(year, week, 1), date.fromisocalendar(year, week, 7)
    except ValueError:  # week 53 of a year with 52
        return None
    if monday.month == sunday.month:
        return f"{monday.day}–{sunday.day} {MONTHS[sunday.month - 1]}"
    return f"{monday.day} {MONTHS[monday.month - 1]}–{sunday.day} {MONTHS[sunday.month - 1]}"


class Dates(Check):
    variants = frozenset({"month_name", "iso_in_text", "week", "week_undated"})
    values = frozenset({"week", "year", "dates"})

    def run(self, ctx: RuleContext) -> Iterator[Hit]:
        for parsed in ctx.blocks(self.spec.scope):
            if not block_has_digit(parsed) or not _may_have_dates(parsed.text):
                continue
            for sentence in block_sentences(parsed):
                text = sentence.text
                found = list(_dates_in(text, sentence))
                if found:
                    yield from _date_hits(ctx, sentence, found)


def _date_hits(ctx: RuleContext, sentence, found) -> Iterator[Hit]:
    text = sentence.text
    protected = protected_spans(text)
    for start, end, fixed, variant, safety in found:
        if is_protected(start, protected) or IDENTIFIER_BEFORE.search(text[max(0, start - 20) : start]):
            continue
        hit_start, hit_end = sentence.start + start, sentence.start + end
        if fixed is None:
            yield ctx.hit(sentence.block, hit_start, hit_end, suggestion="", **_week_values(ctx, text[start:end]))
        else:
            yield ctx.replacement_hit(sentence.block, hit_start, hit_end, fixed, safety, (fixed,), suggestion=fixed, variant=variant)


def _week_values(ctx: RuleContext, written: str) -> dict[str, object]:
    """The week's real dates, in the year the document is dated (no dates for a week the year lacks)."""
    week = int(WEEK.match(written).group("w"))
    year = document_year(ctx.document)  # week numbers are rare: no need to keep it
    dates = week_dates(year, week)
    if dates is None:
        return {"variant": "week_undated", "week": week, "year": year}
    return {"variant": "week", "week": week, "year": year, "dates": dates}


def _may_have_dates(text: str) -> bool:
    """Whether the text has what one of the date regexes needs (see the hints above)."""
    return "/" in text or DATE_HINT.search(text) is not None


def _dates_in(text: str, sentence) -> Iterator[tuple[int, int, str | None, str, str]]:
    """Dates and week numbers in a sentence; each regex runs only where the text has what it needs."""
    if "/" in text:
        for match in SLASH_DATE.finditer(text):
            if match.group(0) == "24/7" or not (
                match.group("y") or int(match.group("d")) > 3 or DATE_CONTEXT.search(text[: match.start()])
            ):
                continue  # 24/7 and fractions such as 1/2 and 2/3
            fixed = written_date(match.group("d"), match.group("m"), match.group("y"))
            yield match.start(), match.end(), fixed, "month_name", "safe"
    for regex, hint in ((DOTTED_DATE, DIGIT_POINT_DIGIT), (COMPACT_DATE, EIGHT_DIGITS)):
        if not hint.search(text):
            continue
        for match in regex.finditer(text):
            fixed = written_date(match.group("d"), match.group("m"), match.group("y"))
            yield match.start(), match.end(), fixed, "month_name", "safe"
    if ISO_HINT.search(text) and sentence.is_running_text:
        for match in ISO_DATE.finditer(text):
            fixed = written_date(match.group("d"), match.group("m"), match.group("y"))
            yield match.start(), match.end(), fixed, "iso_in_text", "unsafe"
    if not WEEK_HINT.search(text):
        return
    for match in WEEK.finditer(text):
        if MONTH_RE.search(text) or SLASH_DATE.search(text) or ISO_DATE.search(text):
            continue  # the week number is explained by a date nearby
        yield match.start(), match.end(), None, "week", ""
