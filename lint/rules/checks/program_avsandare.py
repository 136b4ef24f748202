"""Avsändare: who sends the text and how to reach them (AVS002–AVS005).

AVS001, AVS006 and AVS007 are `required` rules in YAML; the checks here need the
organisation's data file or more than a pattern list.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from lint.language.detectors import (
    Phrases,
    contains_email,
    masked_text,
    phone_numbers,
    words_regex,
)
from lint.language.prefilter import Needs
from lint.rules.api import Hit, RuleContext
from lint.rules.checks.presence import contact_in_text, is_case_number, other_sender, sender_in_forms, whole_text
from lint.rules.checks.program import (
    MissingOptions,
    hrefs,
    page_folded,
    page_text,
    page_words,
    required,
)
from lint.rules.kinds.python import Check
from lint.rules.organisation import Organization, is_municipal, org

# AVS001 avsandare-saknas: a `required` rule with this detector -------------------------


def sender_named(ctx: RuleContext) -> bool:
    """The organisation named on the page. A wrongly written name counts as named (AVS002)."""
    organization = org(ctx)
    own, wrong, _ = _name_patterns(organization)
    own_phrases, wrong_phrases = _name_phrases(organization)
    words = page_words(ctx)
    text = page_text(ctx.document)
    named = own_phrases.may_occur(words) and own.search(text)
    if named or (wrong and wrong_phrases.may_occur(words) and wrong.search(text)):
        return True
    # The whole document: logo alt texts, meta tags, the address, a unit, a domain.
    return bool(own.search(whole_text(ctx))) or sender_in_forms(ctx)


# AVS008 annan-avsandare --------------------------------------------------------------


class OtherSender(Check):
    """The text presents another public body as its sender, not the configured organisation:
    one notice, instead of "the sender is missing" on every page of that body."""

    class Options(MissingOptions):
        pass

    values = frozenset({"other"})

    def run(self, ctx: RuleContext) -> Iterator[Hit]:
        if not required(ctx, self) or sender_named(ctx):
            return
        other = other_sender(ctx)
        if other:
            yield ctx.document_hit(other=other, organization=ctx.settings.organization)


# AVS002 stadens-namn ------------------------------------------------------------------


@lru_cache(maxsize=8)
def _name_patterns(organization: Organization) -> tuple[re.Pattern[str], re.Pattern[str] | None, re.Pattern[str] | None]:
    words = [re.escape(word) for word in organization.name.split()]
    own = re.compile(r"(?<![\w-])" + r"\s+".join(words) + r"(?P<gen>s?)(?![\w-])", re.I)
    wrong = words_regex(_wrong_forms(organization))
    allowed = words_regex(organization.allowed_names)
    return own, wrong, allowed


def _wrong_forms(organization: Organization) -> list[str]:
    return [name + suffix for name in organization.wrong_names for suffix in ("", "s")]


@lru_cache(maxsize=8)
def _name_phrases(organization: Organization) -> tuple[Phrases, Phrases]:
    """The words the own name (also in the genitive) and the wrong names need."""
    return Phrases.of((organization.name, organization.name + "s")), Phrases.of(_wrong_forms(organization))


# AVS003 forvaltning-saknas: a `required` rule with this detector -----------------------

# A unit named the usual way in any municipality: Stadsbyggnadskontoret, Socialnämnden,
# Kulturförvaltningen, Kommunstyrelsen, "Bromma stadsdelsförvaltning".
UNIT_SUFFIX = re.compile(r"(?<![\w-])\w{3,}(?:förvaltning(?:en)?|kontoret|nämnd(?:en)?|styrelse(?:n)?|fullmäktige)(?![\w-])", re.I)


def unit_present(ctx: RuleContext) -> bool:
    """A responsible unit named on the page or as the document's author or publisher."""
    metadata = ctx.document.metadata
    # A DOCX or HTML author is often the unit itself ("Stadsbyggnadskontoret").
    text = "\n".join([page_text(ctx.document), *(str(metadata[key]) for key in ("author", "publisher") if metadata.get(key))])
    if UNIT_SUFFIX.search(text):
        return True
    organization = org(ctx)
    if not is_municipal(organization.name) and _name_patterns(organization)[0].search(whole_text(ctx)):
        return True  # a state authority (Justitiekanslern) is its own unit
    units = words_regex(organization.units)
    return bool(units and units.search(text))


# AVS004 kontakt-saknas: a `required` rule with this detector ---------------------------

CONTACT_LINK = re.compile(r"^(?:mailto:|tel:)|/kontakt|kontakta-oss|/contact", re.I)
# "Ring kontaktcenter", "via kontaktformuläret", or an address such as stockholm.se/kontakt.
CONTACT_PHRASE = re.compile(
    r"\b(?:ring|kontakta|vänd dig till|via)\s+(?:\w+\s+)?(?:kontaktcenter|kontaktformuläret|kontaktformulär)\b", re.I
)
CONTACT_PHRASE_NEEDS = Needs.of(CONTACT_PHRASE)
CONTACT_URL = re.compile(r"(?:https?://|www\.)?[\w.-]+\.[a-z]{2,}/kontakt\w*", re.I)


def contact_present(ctx: RuleContext) -> bool:
    """Contact details anywhere on the page. The cheap tests come first; the regexes run
    only when the words they need are there, since they are slow on a long text."""
    document = ctx.document
    if any(CONTACT_LINK.search(href) for href in hrefs(document)):
        return True
    text = page_text(document)
    folded = page_folded(ctx)
    if CONTACT_PHRASE_NEEDS.may_match(folded) and CONTACT_PHRASE.search(text):
        return True
    if "/kontakt" in folded and CONTACT_URL.search(text):
        return True
    return contains_email(text) or contact_in_text(ctx)


# AVS005 telefonformat -----------------------------------------------------------------

RIGHT_PHONE = re.compile(r"(?:0\d{1,3}-|\+46[ \u00a0]\d{1,3}[ \u00a0])\d{2,3}(?:[ \u00a0]\d{2,3})*")
GROUPS = {5: (3, 2), 6: (2, 2, 2), 7: (3, 2, 2), 8: (3, 3, 2), 9: (3, 3, 3)}


class PhoneFormat(Check):
    """Phone numbers not written as MS asks: area code, hyphen, groups of two or three."""

    def run(self, ctx: RuleContext) -> Iterator[Hit]:
        for parsed in ctx.blocks(self.spec.scope):
            block = parsed.block
            masked = masked_text(parsed)
            for match in phone_numbers(masked):
                written = match.group("number")
                if RIGHT_PHONE.fullmatch(written) or is_case_number(masked, match.start()):
                    continue
                right = ms_phone(written)
                start, end = match.span("number")
                suggestions = (right,) if right else ()
                shown = right or "riktnummer, bindestreck och grupper om två eller tre siffror, som 08-123 45 67"
                yield ctx.replacement_hit(block, start, end, right, "safe", suggestions, suggestion=shown)


def ms_phone(written: str) -> str | None:
    """The MS form of a Swedish number (08-508 264 02), or None when the area code is unclear."""
    if written.startswith("+46"):
        national = ms_phone("0" + re.sub(r"\D", "", written[3:]).removeprefix("0"))
        return national and "+46 " + national[1:].replace("-", " ", 1)
    parts = [part for part in re.split(r"[\s\u00a0\-–/()]+", written) if part]
    digits = "".join(parts)
    if len(parts) > 1 and parts[0].startswith("0") and len(parts[0]) <= 4:
        area = parts[0]
    elif digits.startswith("08"):
        area = "08"
    elif digits.startswith("07"):
        area = digits[:3]
    else:
        return None
    rest = digits[len(area) :]
    groups = GROUPS.get(len(rest))
    if not groups:
        return None
    cuts = [sum(groups[:i]) for i in range(len(groups) + 1)]
    return f"{area}-{' '.join(rest[a:b] for a, b in zip(cuts, cuts[1:]))}"
