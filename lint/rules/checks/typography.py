"""Typography (Svenska skrivregler): SPR006 tankstreck (SPR007 citattecken and SPR008 mellanslag are pattern rules)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.language.detectors import MONTHS as MONTH_NAMES
from lint.language.words import masked, prose_mask
from lint.rules.api import Hit, RuleContext
from lint.rules.kinds.python import Check

# --- SPR006: en dash in ranges and between words -------------------------------------------------

NUMBER_RANGE = re.compile(r"(?<![\w.,:/–-])(\d{1,4})(?:([.:])(\d{2}))?-(\d{1,4})(?:[.:](\d{2}))?(?![\w/–-]|[.,:]\d)")
DAYS = "måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag|mån|tis|ons|tors|fre|lör|sön"
MONTHS = "|".join((*MONTH_NAMES, "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec"))
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
