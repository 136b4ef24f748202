"""Numbers written as Myndigheternas skrivregler ask (kap. 11)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.kinds.base import Hit, RuleContext

UNGROUPED = re.compile(r"(?<![\d.,:/\-–])\d{5,}(?![\d.,:/\-–])")
COMPACT_DATE = re.compile(r"(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])")


def group_thousands(digits: str) -> str:
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return " ".join(groups)


def ungrouped_numbers(ctx: RuleContext, rule) -> Iterator[Hit]:
    """Numbers of five digits or more without spaces between the thousands."""
    max_digits = rule.options.get("max_digits", 12)
    for parsed in ctx.blocks(rule.spec.scope):
        for match in UNGROUPED.finditer(parsed.block.text):
            digits = match.group(0)
            if len(digits) > max_digits or COMPACT_DATE.fullmatch(digits) or digits.startswith("0"):
                continue  # a compact date, a long identifier or a phone-like number
            grouped = group_thousands(digits)
            yield ctx.replacement_hit(parsed.block, match.start(), match.end(), grouped, "safe", (grouped,), suggestion=grouped)
