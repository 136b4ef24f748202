"""Numbers written as Myndigheternas skrivregler ask (kap. 11): KLAR014."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.language.detectors import COMPACT_DATE
from lint.language.text import (
    block_has_digit,
    block_sentences,
    is_protected,
    protected_spans,
)
from lint.rules.api import Hit, RuleContext
from lint.rules.kinds.python import Check

# \d{5,} not preceded by any of \w.,:/-–+ nor followed by them and a digit (never part of
# a longer run: 811218-9876 is no 81121); the lookbehind follows the first digit so that
# the regex engine skips quickly from digit to digit.
UNGROUPED = re.compile(r"\d(?<![\w.,:/\-–+].)\d{4,}(?!\d)(?![.,:/\-–+]\d|[^\W\d_])")
# Words after which a long digit string is an identifier, not a quantity.
IDENTIFIER_BEFORE = re.compile(
    r"(?:\b(?:nr|nummer|dnr|diarienummer|diarienr|ärendenummer|ärende|org|orgnr|organisationsnummer|"
    r"bankgiro|bg|plusgiro|pg|postgiro|ocr|referens|ref|kundnummer|fakturanummer|id|box|postnummer|"
    r"personnummer|telefon|tel|tfn|mobil|växel|sms|konto|kontonummer|clearingnummer)\.?:?\s*|[#])$",
    re.I,
)
UNIT_AFTER = (
    r"(?=\s*(?:%|procent|kr\b|kronor|tkr|mnkr|mdkr|euro\b|dollar\b|pund\b|miljoner|miljarder|km|meter|m\b|cm|mm|kg|kilo|ton|liter|"
    r"timmar|minuter|år\b|gånger|grader))"
)
DECIMAL_POINT = re.compile(r"(?<![\w.,])(\d+)\.(\d+)" + UNIT_AFTER)
# 1.500 kr, 12.345.678 kronor, 1.500,50 kr: points between groups of three digits are
# thousands separators (as in German or Danish), not a decimal point.
THOUSANDS_POINTS = re.compile(r"(?<![\w.,])([1-9]\d{0,2}(?:\.\d{3})+)(,\d+)?" + UNIT_AFTER)
MONEY_AFTER = re.compile(r"\s*(?:kr\b|kronor|tkr|mnkr|mdkr|euro\b|dollar\b|pund\b)")
DIGIT_START = re.compile(r"\d[\d\s\u00a0]*(?:,\d+)?")
DATE_OR_TIME = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,2}[.:]\d{2}\b")
DIGIT_POINT_DIGIT = re.compile(r"\d\.\d")  # in every DECIMAL_POINT and THOUSANDS_POINTS match
LEADING_DIGIT = re.compile(r"\s*\d")


def group_thousands(digits: str) -> str:
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return " ".join(groups)


class NumberStyle(Check):
    """Ungrouped thousands, decimal points and sentences that start with a digit."""

    class Options(Check.Options):
        max_digits: int = 12  # longer digit strings are identifiers, not amounts

    variants = frozenset({"ungrouped", "decimal_point", "thousands_point", "ambiguous_point", "digit_start"})
    values = frozenset({"decimal"})

    def run(self, ctx: RuleContext) -> Iterator[Hit]:
        yield from ungrouped_numbers(ctx, self)
        yield from decimal_points(ctx, self)
        yield from digit_starts(ctx, self)


def ungrouped_numbers(ctx: RuleContext, rule) -> Iterator[Hit]:
    """Numbers of five digits or more without spaces between the thousands."""
    max_digits = rule.options.max_digits
    for parsed in ctx.blocks(rule.spec.scope):
        if not block_has_digit(parsed):
            continue
        text = parsed.block.text
        protected = None
        for match in UNGROUPED.finditer(text):
            digits = match.group(0)
            if len(digits) > max_digits or COMPACT_DATE.fullmatch(digits) or digits.startswith("0"):
                continue  # a compact date (KLAR016), a long identifier or a phone-like number
            if IDENTIFIER_BEFORE.search(text[max(0, match.start() - 30) : match.start()]):
                continue
            protected = protected_spans(text) if protected is None else protected
            if is_protected(match.start(), protected):
                continue
            grouped = group_thousands(digits)
            yield ctx.replacement_hit(
                parsed.block,
                match.start(),
                match.end(),
                grouped,
                "safe",
                (grouped,),
                suggestion=grouped,
                variant="ungrouped",
            )


def decimal_points(ctx: RuleContext, rule) -> Iterator[Hit]:
    """3.5 miljoner → 3,5 miljoner: Swedish uses a decimal comma."""
    for parsed in ctx.blocks(rule.spec.scope):
        if not block_has_digit(parsed) or not DIGIT_POINT_DIGIT.search(parsed.block.text):
            continue
        text = parsed.block.text
        thousands = list(THOUSANDS_POINTS.finditer(text))
        yield from (thousands_hit(ctx, parsed.block, match) for match in thousands)
        taken = {match.start() for match in thousands}
        for match in DECIMAL_POINT.finditer(text):
            if match.start() in taken:
                continue
            fixed = f"{match.group(1)},{match.group(2)}"
            yield ctx.replacement_hit(
                parsed.block,
                match.start(),
                match.end(),
                fixed,
                "safe",
                (fixed,),
                suggestion=fixed,
                variant="decimal_point",
            )


def thousands_hit(ctx: RuleContext, block, match: re.Match) -> Hit:
    """1.500 kr → 1 500 kr. Safe for money and for several groups (12.345.678); before
    other units 2.500 km may be a decimal with three decimals, so the fix is unsafe."""
    grouped = match.group(1).replace(".", " ") + (match.group(2) or "")
    if match.group(1).count(".") > 1 or MONEY_AFTER.match(block.text, match.end()):
        return ctx.replacement_hit(
            block,
            match.start(),
            match.end(),
            grouped,
            "safe",
            (grouped,),
            suggestion=grouped,
            variant="thousands_point",
        )
    decimal = match.group(1).replace(".", ",")
    return ctx.replacement_hit(
        block,
        match.start(),
        match.end(),
        grouped,
        "unsafe",
        (grouped, decimal),
        suggestion=grouped,
        variant="ambiguous_point",
        decimal=decimal,
    )


def digit_starts(ctx: RuleContext, rule) -> Iterator[Hit]:
    """A sentence that opens with a number written in digits."""
    for parsed in ctx.blocks(rule.spec.scope):
        if not block_has_digit(parsed):
            continue
        for sentence in block_sentences(parsed):
            if not LEADING_DIGIT.match(sentence.text):
                continue
            stripped = sentence.text.lstrip()
            offset = sentence.start + len(sentence.text) - len(stripped)
            match = DIGIT_START.match(stripped)
            if not match or not sentence.is_running_text or DATE_OR_TIME.match(stripped):
                continue
            number = match.group(0).rstrip()
            yield ctx.hit(
                sentence.block,
                offset,
                offset + len(number),
                suggestion="",
                variant="digit_start",
            )
