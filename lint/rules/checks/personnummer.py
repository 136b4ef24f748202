"""Personnummer and samordningsnummer in a text meant for publication (OFF008).

Finding and validating the numbers is lint.language.personnummer's; the finding's
message and matched text carry only the masked number (the engine masks the rest of
every output).
"""

from __future__ import annotations

from collections.abc import Iterator

from lint.language.personnummer import find_numbers
from lint.rules.api import Hit, RuleContext
from lint.rules.kinds.python import Check


class IdentityNumbers(Check):
    variants = frozenset({"personnummer", "samordningsnummer"})

    def run(self, ctx: RuleContext) -> Iterator[Hit]:
        for parsed in ctx.blocks(self.spec.scope):
            block = parsed.block
            for number in find_numbers(block.text):
                variant = "samordningsnummer" if number.coordination else "personnummer"
                yield ctx.hit(block, number.start, number.end, match=number.masked, variant=variant)
