"""Amounts of money in running text (KLAR017): kr, tkr, mnkr and mdkr, not SEK or signs.

The written units and what to write instead are the rule's options (a table in its YAML).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property

from pydantic import BaseModel, ConfigDict

from lint.language.text import is_protected, protected_spans
from lint.rules.api import Hit, RuleContext
from lint.rules.kinds.python import Check

SIGN_RE = re.compile(r"[$€£]\s?\d[\d\s\u00a0.,]*\d|\d[\d\s\u00a0.,]*\s?[$€£]|(?<=\d):-")
SIGN_NAMES = {"$": "dollar", "€": "euro", "£": "pund"}


class Unit(BaseModel):
    model_config = ConfigDict(extra="forbid")

    suggestion: str  # the unit to write instead
    message: str  # the message variant that explains it


class Currency(Check):
    class Options(Check.Options):
        units: dict[str, Unit]  # written form (matched as a whole word, case as listed) → what to write

    variants = frozenset({"colon", "sign"})

    def message_variants(self) -> frozenset[str]:
        return self.variants | {unit.message for unit in self.options.units.values()}

    @cached_property
    def patterns(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """The units as one regex, and a quick test: every unit or sign match holds one of its texts."""
        units = sorted(self.options.units, key=len, reverse=True)
        unit_re = re.compile(r"(?<![\w@.])(" + "|".join(map(re.escape, units)) + r")(?![\w@])")
        hint = re.compile("|".join(re.escape(text) for text in [*self.options.units, *SIGN_NAMES, ":-"]))
        return unit_re, hint

    def run(self, ctx: RuleContext) -> Iterator[Hit]:
        unit_re, hint = self.patterns
        for parsed in ctx.blocks(self.spec.scope):
            text = parsed.block.text
            if not hint.search(text):
                continue
            protected = protected_spans(text)
            for match in unit_re.finditer(text):
                if is_protected(match.start(), protected):
                    continue
                unit = self.options.units[match.group(1)]
                yield ctx.replacement_hit(
                    parsed.block, match.start(), match.end(), unit.suggestion, "safe", (unit.suggestion,),
                    suggestion=unit.suggestion, variant=unit.message,
                )
            for match in SIGN_RE.finditer(text):
                if is_protected(match.start(), protected):
                    continue
                yield _sign_hit(ctx, parsed.block, match)


def _sign_hit(ctx: RuleContext, block, match: re.Match) -> Hit:
    found = match.group(0)
    if found == ":-":
        return ctx.replacement_hit(block, match.start(), match.end(), " kr", "safe", ("kr",), suggestion="kr", variant="colon")
    sign = next(char for char in found if char in SIGN_NAMES)
    amount = found.replace(sign, "").strip()
    fixed = f"{amount} {SIGN_NAMES[sign]}"
    return ctx.replacement_hit(block, match.start(), match.end(), fixed, "safe", (fixed,), suggestion=fixed, variant="sign")
