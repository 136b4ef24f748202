"""Typography (Svenska skrivregler): SPR006 tankstreck, SPR007 citattecken, SPR008 mellanslag."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.diagnostics import Edit, Fix
from lint.language.spacing import as_read
from lint.language.words import masked, prose_mask
from lint.rules.api import Hit, RuleContext
from lint.rules.kinds.python import Check

# --- SPR006: en dash in ranges and between words -------------------------------------------------

NUMBER_RANGE = re.compile(r"(?<![\w.,:/–-])(\d{1,4})(?:([.:])(\d{2}))?-(\d{1,4})(?:[.:](\d{2}))?(?![\w/–-]|[.,:]\d)")
DAYS = "måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag|mån|tis|ons|tors|fre|lör|sön"
MONTHS = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|jan|feb|apr|jun|jul|aug|sep|sept|okt|nov|dec"
WORD_RANGE = re.compile(rf"\b(?:{DAYS}|{MONTHS})(-)(?:{DAYS}|{MONTHS})\b", re.I)
SPACED_HYPHEN = re.compile(r"(?<=[^\W\d_)”]) (-) (?=[(”]?[^\W\d_])")
# A number after these is an identifier (dnr 12-345, tfn 08-12 34), not a range.
IDENTIFIER_BEFORE = re.compile(
    r"(?:dnr|diarienr|diarienummer|nr|nummer|ärende|ref|tel|tfn|telefon|fax|mobil|sms|id|org\.?\s?nr|personnummer|postnummer|kod|version|art|artikel)\.?:?\s*\S*\s*$",
    re.I,
)
TIME_BEFORE = re.compile(r"\b(?:kl|klockan)\.?\s*$", re.I)


def en_dashes(ctx: RuleContext, rule) -> Iterator[Hit]:
    for parsed in ctx.blocks(rule.spec.scope):
        text = parsed.text
        if "-" not in text:
            continue
        mask = prose_mask(text, codes=False)
        for start, end in _dash_spans(text, mask):
            found = text[start:end]
            yield _replace(ctx, parsed.block, start, end, found.replace("-", "–"))


def _dash_spans(text: str, mask) -> Iterator[tuple[int, int]]:
    """Ranges (9-17, måndag-fredag) and spaced hyphens between words, as spans of the text."""
    for match in NUMBER_RANGE.finditer(text):
        if not masked(match.start(), match.end(), mask) and _is_range(text, match):
            yield match.span()
    for match in WORD_RANGE.finditer(text):
        if not masked(match.start(), match.end(), mask):
            yield match.span()
    for match in SPACED_HYPHEN.finditer(text):
        if not masked(match.start(1), match.end(1), mask):
            yield match.span(1)


def _is_range(text: str, match: re.Match[str]) -> bool:
    left, right = match[1], match[4]
    before = text[: match.start()]
    after = text[match.end() :]
    if IDENTIFIER_BEFORE.search(before[-30:]):
        return False
    if left.startswith("0") and len(left) > 1 and (len(right) > 2 or re.match(r" \d", after)):
        return False  # a phone number: 08-508 290 00
    if re.match(r"\s?\d", after) or re.search(r"\d[ ,.]$", before):
        return False  # part of a longer number or code
    if TIME_BEFORE.search(before) or match[2]:
        return True  # kl. 9-17, 9.00-17.00
    if len(left) == 4 and len(right) == 2:
        return False  # 2024-05: a year and a month
    return int(right) > int(left)


# --- SPR007: Swedish quotation marks -------------------------------------------------------------

QUOTE = re.compile(r'"([^"\n]{1,400})"|“([^“”"\n]{1,400})[”“]')


def quotation_marks(ctx: RuleContext, rule) -> Iterator[Hit]:
    for parsed in ctx.blocks(rule.spec.scope):
        text = parsed.text
        if '"' not in text and "“" not in text:
            continue
        mask = prose_mask(text)
        for match in QUOTE.finditer(text):
            start, end = match.span()
            inner = text[start + 1 : end - 1]
            if masked(start, start + 1, mask) or masked(end - 1, end, mask) or inner != inner.strip() or "=" in inner:
                continue
            hit = _two_edits(ctx, parsed.block, start, end, "”", match[0])
            if hit is not None:
                yield hit


def _two_edits(ctx: RuleContext, block, start: int, end: int, mark: str, matched: str) -> Hit | None:
    """A finding on the whole quotation whose fix changes its two marks."""
    if not (block.is_contiguous(start, start + 1) and block.is_contiguous(end - 1, end)):
        return ctx.hit(block, start, end, suggestion=f"{mark}…{mark}")
    first, _ = block.source_span(start, start + 1)
    last, last_end = block.source_span(end - 1, end)
    offset, end_offset = block.source_span(start, end)
    fix = Fix((Edit(first, first + 1, mark), Edit(last, last_end, mark)), "safe")
    return Hit(offset, end_offset, {"match": matched, "suggestion": mark + matched[1:-1] + mark}, (mark + matched[1:-1] + mark,), fix)


# --- SPR008: spaces --------------------------------------------------------------------------------

DOUBLE_SPACE = re.compile(r"(?<=\S)( {2,})(?=\S)")
SPACE_BEFORE = re.compile(r"(?<=[^\W_])( +)(?=[,.;:!?](?:\s|$))")
NO_SPACE_AFTER = re.compile(r"(?<=[a-zåäöé]{2})([,;!?])(?=[^\W\d_]{2})|(?<=[a-zåäöé]{2}|[a-zåäöé][\"”)])(\.)(?=[A-ZÅÄÖ][a-zåäö]+\b)")


def spacing(ctx: RuleContext, rule) -> Iterator[Hit]:
    for parsed in ctx.blocks(rule.spec.scope):
        block = as_read(parsed.block)  # the spaces as written, not made single for the other rules
        text = block.text
        mask = prose_mask(text, codes=False)
        for start, end, replacement, values in _spacing_findings(text):
            if not masked(start, end, mask) and _as_written(ctx, block, start, end):
                yield _replace(ctx, block, start, end, replacement, **values)


def _spacing_findings(text: str) -> Iterator[tuple[int, int, str, dict[str, str]]]:
    for match in DOUBLE_SPACE.finditer(text):
        yield match.start(1), match.end(1), " ", {"variant": "double"}
    for match in SPACE_BEFORE.finditer(text):
        yield match.start(1), match.end(1), "", {"variant": "before", "sign": text[match.end(1)]}
    for match in NO_SPACE_AFTER.finditer(text):
        group = 1 if match[1] else 2
        yield match.start(group), match.end(group), match[group] + " ", {"variant": "after", "sign": match[group]}


def _as_written(ctx: RuleContext, block, start: int, end: int) -> bool:
    """Whether the text around [start, end) stands so in the source (a reader may have left out
    a web address or markup, leaving "på ." in the text)."""
    start, end = max(0, start - 1), min(len(block.text), end + 1)
    if not block.is_contiguous(start, end):
        return False
    offset, end_offset = block.source_span(start, end)
    return ctx.document.source[offset:end_offset] == block.text[start:end]


def _replace(ctx: RuleContext, block, start: int, end: int, replacement: str, **values: str) -> Hit:
    """A finding on [start, end) whose safe fix is `replacement`, if that text is plain source."""
    source = ctx.document.source
    offset, end_offset = block.source_span(start, end)
    plain = block.is_contiguous(start, end) and source[offset:end_offset] == block.text[start:end]
    return ctx.replacement_hit(block, start, end, replacement if plain else None, "safe", (replacement,), suggestion=replacement, **values)


# --- the checks ------------------------------------------------------------------------------


class EnDashes(Check):
    """SPR006."""

    def run(self, ctx: RuleContext) -> Iterator[Hit]:
        return en_dashes(ctx, self.rule)


class QuotationMarks(Check):
    """SPR007."""

    def run(self, ctx: RuleContext) -> Iterator[Hit]:
        return quotation_marks(ctx, self.rule)


class Spacing(Check):
    """SPR008."""

    variants = frozenset({"double", "before", "after"})
    values = frozenset({"sign"})

    def run(self, ctx: RuleContext) -> Iterator[Hit]:
        return spacing(ctx, self.rule)
