"""SPR005 upprepat-ord: the same word twice (SPR003 de-dem is a pattern rule)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.language.words import masked, prose_mask
from lint.rules.api import Hit, RuleContext
from lint.rules.kinds.python import Check

# --- SPR005: the same word twice ------------------------------------------------------------------

REPEATED = re.compile(r"(?<![\w-])([^\W\d_]+)([ \t]+|[ \t]*\n[ \t]*)(\1)(?![\w-])", re.I)
# Doubles that are right: "det det handlar om", "var var du?", "mycket mycket", "vad hon har har hon".
RIGHT_TWICE = frozenset("det den de var så mycket väldigt jätte bra ja nej tack hej länge sakta om".split())
# "den den 14 september": before a number the second one is a slip all the same.
BEFORE_NUMBER = re.compile(r"\s+\d")


def repeated_words(ctx: RuleContext, rule) -> Iterator[Hit]:
    for parsed in ctx.blocks(rule.spec.scope):
        text = parsed.text
        mask = None
        for match in REPEATED.finditer(text):
            first, second = match[1], match[3]
            if first.lower() in RIGHT_TWICE and not BEFORE_NUMBER.match(text, match.end()):
                continue
            if first != second and (first.lower() != second.lower() or second[:1].isupper()):
                continue  # "… ni\nNi kan": a new sentence or heading starts with the word
            if first[:1].isupper() and second[:1].isupper() and len(first) > 1:
                continue  # a name such as "Bo Bo" or a title
            mask = prose_mask(text) if mask is None else mask
            if masked(match.start(), match.end(), mask):
                continue
            yield ctx.replacement_hit(parsed.block, match.start(), match.end(), first, "safe", (first,), suggestion=first)


# --- the checks ------------------------------------------------------------------------------


class RepeatedWords(Check):
    """SPR005."""

    def run(self, ctx: RuleContext) -> Iterator[Hit]:
        return repeated_words(ctx, self.rule)
