"""Offentlighet: what the law asks a text to say (OFF001, OFF003, OFF005–OFF007).

OFF002 (diarienummer) and OFF004 (motivering) are `required` rules in YAML.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.language.detectors import block_words
from lint.language.text import folded_text
from lint.rules.api import Hit, RuleContext
from lint.rules.checks.program import (
    hrefs,
    missing,
    page_text,
    page_words,
    required,
    title_hit,
)
from lint.rules.profiles import content_source

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
FORM_HTML = re.compile(r"<form\b", re.I)
# Quick tests: every alternative of NOTICE needs one of these words, of CONTACT one of those,
# and of SUBMISSION one of those or the letters "formulär".
NOTICE_WORDS = frozenset({"handling", "handlingar", "offentlighetsprincipen", "diarieförs", "registreras", "läsas", "begäras"})
CONTACT_WORDS = frozenset({"mejla", "maila", "posta", "skriv", "skicka"})
SUBMISSION_WORDS = frozenset({"skicka", "lämna", "ansök", "fyll"})


def public_record(ctx: RuleContext, rule) -> Iterator[Hit]:
    """An invitation to write or submit, with no word that what is sent becomes allmän handling."""
    if not NOTICE_WORDS.isdisjoint(page_words(ctx)) and NOTICE.search(page_text(ctx.document)):
        return
    invitation = _first_invitation(ctx)
    if invitation is not None:
        yield missing(ctx, rule, invitation)
    elif required(ctx, rule) or FORM_HTML.search(content_source(ctx.document)):
        yield missing(ctx, rule, title_hit(ctx, match=""))


def _first_invitation(ctx: RuleContext) -> Hit | None:
    for parsed in ctx.parsed:
        text = parsed.block.text
        words = block_words(parsed)
        found = list(SUBMISSION.finditer(text)) if not SUBMISSION_WORDS.isdisjoint(words) or "formulär" in folded_text(parsed) else []
        if not CONTACT_WORDS.isdisjoint(words):
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
APPEAL_PARTS = {
    "hur man överklagar (skriftligt)": re.compile(r"\bskriftlig\w*|\bskriv(?:a|er)?\b|\bbrev\b|\be-post|\bmejl|\bskicka", re.I),
    "vart överklagandet ska skickas": re.compile(
        r"\b(?:till|ställ\w*|adressera\w*)\s+(?:förvaltningsrätten|kammarrätten|länsstyrelsen|mark- och miljödomstolen|oss|nämnden|förvaltningen"
        r"|\w+(?:nämnden|förvaltningen|kontoret|styrelsen|rätten))\b|\b\d{3} ?\d{2} [A-ZÅÄÖ]|@",
        re.I,
    ),
    "tidsfristen (inom tre veckor)": re.compile(r"\b(?:tre|3) veckor\b|\b21 dagar\b", re.I),
}
ATTACHED = re.compile(r"\bbilaga\b", re.I)


def appeal(ctx: RuleContext, rule) -> Iterator[Hit]:
    """A decision without a complete överklagandehänvisning: how, to whom, within three weeks."""
    if not required(ctx, rule):
        return
    sections = list(_appeal_sections(ctx))
    if not sections:
        yield missing(ctx, rule, title_hit(ctx, detail="det står inte hur, vart och inom vilken tid man kan överklaga"))
        return
    # The section that comes closest to a complete instruction (an earlier mention, such as
    # "du har tidigare överklagat", is not the instruction).
    lacking, hit = min(((_lacking(text), hit) for hit, text in sections), key=lambda pair: len(pair[0]))
    if lacking:
        yield missing(ctx, rule, Hit(hit.offset, hit.end_offset, {**hit.values, "detail": _listed(lacking) + " saknas"}))


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

PERSONAL_FIELDS_HTML = re.compile(
    r"<input[^>]*(?:name|type|id)=[\"']?(?:e-?mail|tel|telefon|namn|name|fname|lname|personnummer|pnr|adress|address)", re.I
)
PERSONAL_FIELDS_TEXT = re.compile(r"^(?:Namn|För- och efternamn|Personnummer|E-post(?:adress)?|Telefon(?:nummer)?|Adress)\s*\*?:?\s*(?:_{3,}|\[\s*\])", re.I | re.M)
GDPR_INFO = re.compile(
    r"\bdataskyddsförordningen\b|\bGDPR\b|\bdataskyddsombud\w*|\bpersonuppgiftsansvarig\w*"
    r"|\b(?:behandlar|behandla|hanterar|sparar) (?:vi )?(?:dina )?personuppgifter|\bpersonuppgifter(?:na)? (?:behandlas|sparas|hanteras)",
    re.I,
)
GDPR_LINK = re.compile(r"personuppgift|dataskydd|gdpr|integritet", re.I)


def personal_data(ctx: RuleContext, rule) -> Iterator[Hit]:
    """A form (or a page that collects personal data) without GDPR information or a link to it."""
    document = ctx.document
    collects = PERSONAL_FIELDS_HTML.search(content_source(document)) or PERSONAL_FIELDS_TEXT.search(document.text)
    if not (required(ctx, rule) or collects):
        return
    if GDPR_INFO.search(page_text(document)) or any(GDPR_LINK.search(href) for href in hrefs(document)):
        return
    field = _first_match(ctx, PERSONAL_FIELDS_TEXT)
    yield missing(ctx, rule, field or title_hit(ctx))


# OFF006 sekretessmarkering ------------------------------------------------------------

SECRET = r"(?:konfidentiell\w*|hemlig\w*|sekretessbelag\w*|sekretessmärk\w*)"
LABEL_OFFERS = (
    re.compile(r"\b(?:märk|märka|märker|markera|skriv|skriva|ange)\b[^.!?]{0,60}?(?P<word>" + SECRET + ")", re.I),
    re.compile(r"\b(?:behandlas|hanteras|är|blir|förblir)\s+(?:helt\s+|alltid\s+|strikt\s+)?(?P<word>" + SECRET + ")", re.I),
)
# A sentence that denies the label any effect ("gör det inte hemligt", "skapar ingen sekretess").
NEGATION = re.compile(r"\b(?:inte|ingen|inget|inga|aldrig)\b[^.!?]{0,60}?\b(?:hemlig|konfidentiell|sekretess|skydd)", re.I)
SENTENCE = re.compile(r"[^.!?]+[.!?]?")


def _may_name_secrecy(folded: str) -> bool:
    """Whether the block can hold a SECRET word, which every label pattern needs."""
    return "konfidentiell" in folded or "hemlig" in folded or "sekretess" in folded


def secrecy_label(ctx: RuleContext, rule) -> Iterator[Hit]:
    """"Märk brevet konfidentiellt" or "behandlas konfidentiellt": a label does not create secrecy."""
    for parsed in ctx.blocks(rule.spec.scope):
        block = parsed.block
        if not _may_name_secrecy(folded_text(parsed)):
            continue
        for sentence in SENTENCE.finditer(block.text):
            if NEGATION.search(sentence.group(0)):
                continue
            for pattern in LABEL_OFFERS:
                match = pattern.search(block.text, sentence.start(), sentence.end())
                if match:
                    yield missing(ctx, rule, ctx.hit(block, match.start("word"), match.end("word")))
                    break


# OFF007 ai-upplysning -----------------------------------------------------------------

AI_KEYS = ("ai_generated", "ai-generated", "ai_genererad", "kommlint:ai_generated")
DISCLOSURE = re.compile(
    r"\bAI-(?:genererad|genererat|skapad|skapat|översatt|stöd)\w*|\bmaskinöversatt\w*"
    r"|\b(?:med hjälp av|med stöd av|genererad av|genererat av|skapad av|skapat av|skriven av|skrivet av|översatt med|översatt av)\s+(?:en\s+)?(?:AI|artificiell intelligens)\b"
    r"|\b(?:AI|artificiell intelligens)\b[^.!?]{0,60}\b(?:skapat|skrivit|genererat|tagit fram|översatt|formulerat)",
    re.I,
)


def ai_generated(ctx: RuleContext) -> bool:
    for key in AI_KEYS:
        value = ctx.document.metadata.get(key)
        if value is True or (isinstance(value, str) and value.strip().lower() in TRUE_VALUES):
            return True
    globs = ctx.settings.ai_generated
    return bool(globs) and ctx.settings.matches(ctx.document.path, globs)


def ai_disclosure(ctx: RuleContext, rule) -> Iterator[Hit]:
    """Text declared AI-generated (metadata or config) with no visible disclosure."""
    if ai_generated(ctx) and not DISCLOSURE.search(page_text(ctx.document)):
        yield missing(ctx, rule, title_hit(ctx))
