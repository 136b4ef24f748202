"""Amounts of money in running text (KLAR017): kr, tkr, mnkr and mdkr, not SEK or signs."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.language.text import is_protected, protected_spans
from lint.rules.api import Hit, RuleContext

# Written form → (suggestion, explanation); matched as whole words, case as listed.
UNITS = {
    "SEK": ("kr", "skriv «kronor» eller «kr» i stället för valutakoden «SEK»"),
    "kSEK": ("tkr", "skriv «tkr» (tusen kronor) i stället för «kSEK»"),
    "KSEK": ("tkr", "skriv «tkr» (tusen kronor) i stället för «KSEK»"),
    "TSEK": ("tkr", "skriv «tkr» (tusen kronor) i stället för «TSEK»"),
    "MSEK": ("mnkr", "skriv «mnkr» eller «miljoner kronor» i stället för «MSEK»"),
    "Mkr": ("mnkr", "skriv «mnkr» eller «miljoner kronor» i stället för «Mkr»"),
    "mkr": ("mnkr", "skriv «mnkr» eller «miljoner kronor» i stället för «mkr»"),
    "MKR": ("mnkr", "skriv «mnkr» eller «miljoner kronor» i stället för «MKR»"),
    "kkr": ("tkr", "skriv «tkr» eller «tusen kronor» i stället för «kkr»"),
    "Tkr": ("tkr", "skriv «tkr» med liten bokstav"),
    "Mdkr": ("mdkr", "skriv «mdkr» med liten bokstav"),
    "mdr": ("mdkr", "skriv «mdkr» eller «miljarder kronor» i stället för «mdr»"),
}
UNIT_RE = re.compile(r"(?<![\w@.])(" + "|".join(sorted(UNITS, key=len, reverse=True)) + r")(?![\w@])")
SIGN_RE = re.compile(r"[$€£]\s?\d[\d\s\u00a0.,]*\d|\d[\d\s\u00a0.,]*\s?[$€£]|(?<=\d):-")
SIGN_NAMES = {"$": "dollar", "€": "euro", "£": "pund"}
# Every UNIT_RE or SIGN_RE match holds one of these texts: blocks without any are skipped.
MONEY_HINT = re.compile("|".join(re.escape(text) for text in [*UNITS, *SIGN_NAMES, ":-"]))


def currency(ctx: RuleContext, rule) -> Iterator[Hit]:
    for parsed in ctx.blocks(rule.spec.scope):
        text = parsed.block.text
        if not MONEY_HINT.search(text):
            continue
        protected = protected_spans(text)
        for match in UNIT_RE.finditer(text):
            if is_protected(match.start(), protected):
                continue
            suggestion, detail = UNITS[match.group(1)]
            yield ctx.replacement_hit(parsed.block, match.start(), match.end(), suggestion, "safe", (suggestion,), suggestion=suggestion, detail=detail)
        for match in SIGN_RE.finditer(text):
            if is_protected(match.start(), protected):
                continue
            yield _sign_hit(ctx, parsed.block, match)


def _sign_hit(ctx: RuleContext, block, match: re.Match) -> Hit:
    found = match.group(0)
    if found == ":-":
        return ctx.replacement_hit(block, match.start(), match.end(), " kr", "safe", ("kr",), suggestion="kr", detail="skriv «kr» i stället för «:-» efter beloppet")
    sign = next(char for char in found if char in SIGN_NAMES)
    amount = found.replace(sign, "").strip()
    fixed = f"{amount} {SIGN_NAMES[sign]}"
    return ctx.replacement_hit(
        block, match.start(), match.end(), fixed, "safe", (fixed,), suggestion=fixed,
        detail=f"skriv ut valutan efter beloppet: «{fixed}»",
    )
