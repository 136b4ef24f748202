"""Offentlighet: what the law asks a text to say (OFF001, OFF003, OFF005).

OFF002, OFF004 and OFF007 are `required` rules and OFF006 an `existence` rule in YAML.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

from lint.language.prefilter import Needs
from lint.language.text import folded_text
from lint.rules.api import Hit, RuleContext
from lint.rules.checks.program import (
    MissingOptions,
    document_cache,
    hrefs,
    missing,
    page_folded,
    page_text,
    required,
    title_hit,
)
from lint.rules.kinds.python import Check

TRUE_VALUES = {"true", "ja", "yes", "1", "sant"}

# OFF001 allman-handling ---------------------------------------------------------------

# Sending something in: an application, opinions, a letter, a form. What is sent becomes
# allmän handling, so these always need the notice.
SUBMISSION = re.compile(
    r"\b(?:skicka|lämna) in\b|\bansök\b|\blämna (?:dina |gärna |in )?(?:synpunkter|förslag)"
    r"|\bskicka (?:(?:ett|ditt|din|dina|gärna|också|oss|det|den|dem) ){0,2}"
    r"(?:ansökan|anmälan|brev|synpunkter|klagomål|överklagande\w*|blankett\w*|handling\w*|underlag\w*|intyg\w*|yttrande\w*|ritning\w*|dokument\w*)\b"
    r"|\bskicka (?!(?:\w+ ){0,2}?(?:frågor|din fråga|mejl|e-post|meddelande)\b)(?:\w+ ){0,2}"
    r"till (?:oss|staden|\w+(?:nämnden|förvaltningen|kontoret))\b"
    r"|\bfyll i (?:formuläret|e-tjänsten|blanketten)|\b(?:via|i|använd) (?:kontakt)?formuläret|\bkontaktformulär(?:et)?",
    re.I,
)
# Getting in touch: mejla oss, skriv till oss. A contact line for questions ("Har du frågor?
# Ring … eller mejla oss") is not an invitation to send in documents; it is one when the
# sentence or the one before it names something sent in ("Har du synpunkter? Mejla oss.").
CONTACT = re.compile(
    r"\b(?:mejla|maila|e-posta|skriv till (?:oss|\w+(?:nämnden|förvaltningen|kontoret))"
    r"|skicka (?:(?:ett|ditt|din|dina|gärna|också|oss) ){0,2}(?:mejl|e-post|e-brev|meddelande|frågor))\b",
    re.I,
)
SENT_IN = re.compile(
    r"\b(?:synpunkt\w*|ansökan|ansökningar\w*|anmälan|klagomål\w*|överklagande\w*|blankett\w*|handlingar\w*"
    r"|underlag\w*|intyg\w*|yttrande\w*|ritningar\w*|dokument\w*|bilagor\w*)\b",
    re.I,
)
ABOUT = re.compile(r"\b(?:frågor|fråga)(?: eller funderingar)? om [^.!?]*", re.I)
SENTENCE_END = re.compile(r"[.!?](?=\s)")
NOTICE = re.compile(
    r"\ballmänn?a? handling(?:ar)?\b|\boffentlighetsprincipen\b|\bdiarieförs\b|\bregistreras i (?:vårt |stadens )?diari"
    r"|\bkan (?:komma att )?(?:läsas|begäras ut) av (?:andra|vem som helst|alla)",
    re.I,
)
# Quick tests: the literal texts every match of each regex needs.
NOTICE_NEEDS = Needs.of(NOTICE)
CONTACT_NEEDS = Needs.of(CONTACT)
SUBMISSION_NEEDS = Needs.of(SUBMISSION)


# OFF001 is a `required` rule with these detectors: an invitation to write or submit, or a
# form, makes it apply whatever the profile; the finding stands at the first invitation.


def notice_present(ctx: RuleContext) -> bool:
    """Words that what is sent becomes allmän handling."""
    return NOTICE_NEEDS.may_match(page_folded(ctx)) and NOTICE.search(page_text(ctx.document)) is not None


def invites_submission(ctx: RuleContext) -> bool:
    return first_invitation(ctx) is not None


def has_form(ctx: RuleContext) -> bool:
    return any(not form.in_chrome for form in ctx.document.forms)


def first_invitation(ctx: RuleContext) -> Hit | None:
    """The first invitation to write or submit something (found once per document)."""
    cache = document_cache(ctx)
    if "offentlighet:invitation" not in cache:
        cache["offentlighet:invitation"] = _first_invitation(ctx)
    return cache["offentlighet:invitation"]


def _first_invitation(ctx: RuleContext) -> Hit | None:
    for parsed in ctx.parsed:
        text = parsed.block.text
        folded = folded_text(parsed)
        found = list(SUBMISSION.finditer(text)) if SUBMISSION_NEEDS.may_match(folded) else []
        if CONTACT_NEEDS.may_match(folded):
            found += [m for m in CONTACT.finditer(text) if _sends_something(text, m.start())]
        if found:
            first = min(found, key=lambda m: m.start())
            return ctx.hit(parsed.block, first.start(), first.end())
    return None


def _first_match(ctx: RuleContext, pattern: re.Pattern[str]) -> Hit | None:
    for parsed in ctx.parsed:
        match = pattern.search(parsed.block.text)
        if match:
            return ctx.hit(parsed.block, match.start(), match.end())
    return None


def _sends_something(text: str, offset: int) -> bool:
    """Whether the sentence at `offset`, or the one before it, names something sent in
    (and not only as what a question is about: "frågor om din ansökan")."""
    ends = [m.end() for m in SENTENCE_END.finditer(text)]
    before = [end for end in ends if end <= offset]
    start = before[-2] if len(before) > 1 else 0
    stop = next((end for end in ends if end > offset), len(text))
    return bool(SENT_IN.search(ABOUT.sub(" ", text[start:stop])))


# OFF003 overklagande ------------------------------------------------------------------

APPEAL = re.compile(r"\böverklag\w*", re.I)
NOT_APPEALABLE = re.compile(r"\b(?:går|kan) inte (?:att )?överklaga(?:s)?\b", re.I)
# What a complete instruction says; the rule's option `parts` names each for the reader.
APPEAL_PARTS = {
    "how": re.compile(r"\bskriftlig\w*|\bskriv(?:a|er)?\b|\bbrev\b|\be-post|\bmejl|\bskicka", re.I),
    "where": re.compile(
        r"\b(?:till|ställ\w*|adressera\w*)\s+(?:förvaltningsrätten|kammarrätten|länsstyrelsen|mark- och miljödomstolen|oss|nämnden|förvaltningen"
        r"|\w+(?:nämnden|förvaltningen|kontoret|styrelsen|rätten))\b|\b\d{3} ?\d{2} [A-ZÅÄÖ]|@",
        re.I,
    ),
    "when": re.compile(r"\b(?:tre|3) veckor\b|\b21 dagar\b", re.I),
}
ATTACHED = re.compile(r"\bbilaga\b", re.I)


class Appeal(Check):
    """A decision without a complete överklagandehänvisning: how, to whom, within three weeks."""

    class Options(MissingOptions):
        parts: dict[Literal["how", "where", "when"], str]  # the parts of an instruction, as the message names them

    variants = frozenset({"none", "lacking"})
    values = frozenset({"lacking"})

    def run(self, ctx: RuleContext) -> Iterator[Hit]:
        if not required(ctx, self):
            return
        sections = list(_appeal_sections(ctx))
        if not sections:
            yield missing(ctx, self, title_hit(ctx, variant="none"))
            return
        # The section that comes closest to a complete instruction (an earlier mention, such as
        # "du har tidigare överklagat", is not the instruction).
        lacking, hit = min(((_lacking(text), hit) for hit, text in sections), key=lambda pair: len(pair[0]))
        if lacking:
            names = [self.options.parts[part] for part in lacking]
            yield missing(ctx, self, Hit(hit.offset, hit.end_offset, {**hit.values, "variant": "lacking", "lacking": _listed(names)}))


def _listed(parts: list[str]) -> str:
    """a, b och c"""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " och " + parts[-1]


def _lacking(text: str) -> list[str]:
    if NOT_APPEALABLE.search(text) or ATTACHED.search(text):
        return []
    return [part for part, pattern in APPEAL_PARTS.items() if not pattern.search(text)]


def _appeal_sections(ctx: RuleContext) -> Iterator[tuple[Hit, str]]:
    """Each block that mentions överklagande, with the text of its section (to the next heading)."""
    for index, parsed in enumerate(ctx.parsed):
        match = APPEAL.search(parsed.block.text)
        if not match:
            continue
        texts = [parsed.block.text]
        for following in ctx.parsed[index + 1 :]:
            if following.block.kind.value == "heading" and not APPEAL.search(following.block.text):
                break
            texts.append(following.block.text)
        yield ctx.hit(parsed.block, match.start(), match.end()), "\n".join(texts)


# OFF005 personuppgifter ---------------------------------------------------------------

PERSONAL_FIELDS = re.compile(r"e-?mail|tel|telefon|namn|name|fname|lname|personnummer|pnr|adress|address", re.I)
PERSONAL_FIELDS_TEXT = re.compile(
    r"^(?:Namn|För- och efternamn|Personnummer|E-post(?:adress)?|Telefon(?:nummer)?|Adress)\s*\*?:?\s*(?:_{3,}|\[\s*\])", re.I | re.M
)
GDPR_LINK = re.compile(r"personuppgift|dataskydd|gdpr|integritet", re.I)


# OFF005 is a `required` rule with these detectors: a form asks for personal data (then the
# rule applies whatever the profile), a link to how they are handled, and the form line.


def collects_personal_data(ctx: RuleContext) -> bool:
    """A form field, or a form line to fill in, for a name, personnummer, e-post or telefon."""
    document = ctx.document
    fields = (f for f in document.form_fields if f.tag == "input" and not f.in_chrome)
    asking = any(PERSONAL_FIELDS.match(value) for f in fields for value in (f.name, f.type, f.id) if value)
    return asking or PERSONAL_FIELDS_TEXT.search(document.text) is not None


def privacy_link(ctx: RuleContext) -> bool:
    return any(GDPR_LINK.search(href) for href in hrefs(ctx.document))


def first_form_line(ctx: RuleContext) -> Hit | None:
    return _first_match(ctx, PERSONAL_FIELDS_TEXT)


# OFF007 ai-upplysning: a `required` rule with this condition --------------------------

AI_KEYS = ("ai_generated", "ai-generated", "ai_genererad", "kommlint:ai_generated")


def ai_generated(ctx: RuleContext) -> bool:
    """Whether the text is declared AI-generated, in its metadata or in the configuration."""
    for key in AI_KEYS:
        value = ctx.document.metadata.get(key)
        if value is True or (isinstance(value, str) and value.strip().lower() in TRUE_VALUES):
            return True
    globs = ctx.settings.ai_generated
    return bool(globs) and ctx.settings.matches(ctx.document.path, globs)
