"""SPR003 de-dem and SPR005 upprepat-ord: word-level grammar slips."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.language.prefilter import Needs
from lint.language.text import folded_text
from lint.language.views import keep_case
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
            yield ctx.replacement_hit(
                parsed.block, match.start(), match.end(), first, "safe", (first,), suggestion=first
            )


# --- SPR003: de and dem -----------------------------------------------------------------------------

# After a preposition the object form is right: "för dem som", "till dem".
PREPOSITIONS = (
    "för till med av hos från åt mot bland efter utan bakom framför mellan bredvid inför genom kring runt vid "
    "enligt bland trots"
).split()
_PREPOSITION = "|".join(PREPOSITIONS)
DE_AFTER_PREPOSITION = re.compile(rf"(?<![\w-])({_PREPOSITION})\s+(de)(?=\s+som\b|\s*[.,;!?]|\s*$)", re.I)
# "Dem som bor här är …": the subject form is right at the start of a sentence.
DEM_AS_SUBJECT = re.compile(r"(?:^|(?<=[.!?:]\s)|(?<=\n))(Dem)(?=\s+som\s+\S+(?:\s+\S+){0,6}?\s+(?:är|var|har|hade|kan|ska|får|måste|bör|vill|brukar)\b)")
# Verbs that take an object: "vi kontaktar de som går vidare" wants dem.
TRANSITIVE = (
    "kontaktar kontakta kontaktade hjälper hjälpa hjälpte informerar informera meddelar meddela kallar kalla "
    "stödjer stödja erbjuder erbjuda välkomnar välkomna uppmanar uppmana prioriterar prioritera ber be"
).split()
DE_AFTER_VERB = re.compile(rf"(?<![\w-])(?:{'|'.join(TRANSITIVE)})\s+(de)(?=\s+som\b)", re.I)
DEM_FLESTA = re.compile(r"(?<![\w-])(dem)(?=\s+flesta\b)", re.I)
DE_DEM_NEEDS = Needs.of(DE_AFTER_PREPOSITION, DEM_AS_SUBJECT, DE_AFTER_VERB, DEM_FLESTA)


def de_dem(ctx: RuleContext, rule) -> Iterator[Hit]:
    for parsed in ctx.blocks(rule.spec.scope):
        text = parsed.text
        if not DE_DEM_NEEDS.may_match(folded_text(parsed)):
            continue
        for start, end, replacement, safety in _de_dem_findings(text):
            replacement = keep_case(text[start:end], replacement)
            yield ctx.replacement_hit(parsed.block, start, end, replacement, safety, (replacement,), suggestion=replacement)


def _de_dem_findings(text: str) -> Iterator[tuple[int, int, str, str]]:
    for match in DE_AFTER_PREPOSITION.finditer(text):
        # "för" is also a conjunction ("…, för de som bor här är sjuka"): that fix is unsafe.
        safety = "unsafe" if match[1].lower() == "för" else "safe"
        yield match.start(2), match.end(2), "dem", safety
    for match in DEM_AS_SUBJECT.finditer(text):
        yield match.start(1), match.end(1), "de", "unsafe"
    for match in DE_AFTER_VERB.finditer(text):
        yield match.start(1), match.end(1), "dem", "unsafe"
    for match in DEM_FLESTA.finditer(text):
        yield match.start(1), match.end(1), "de", "safe"


# --- the checks ------------------------------------------------------------------------------


class DeDem(Check):
    """SPR003."""

    def run(self, ctx: RuleContext) -> Iterator[Hit]:
        return de_dem(ctx, self.rule)


class RepeatedWords(Check):
    """SPR005."""

    def run(self, ctx: RuleContext) -> Iterator[Hit]:
        return repeated_words(ctx, self.rule)
