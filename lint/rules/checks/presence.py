"""The whole document, for presence checks: is the sender, a date, a way to reach them there?

Wording rules read the body; the checks here read everything a reader can see or a
browser shows: the prose, a web page's header, footer and navigation text, its `<title>`,
meta tags, `<time datetime>`, logo alt texts, link targets and its address; a Word file's
header and footer (they are blocks); front matter. A letter's date must be printed:
a Word or PDF file's own created/modified properties are no date a reader sees.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lint.document import Document
from lint.language.detectors import contains_email, phone_numbers
from lint.language.prefilter import PLAIN
from lint.language.text import fold
from lint.rules.api import RuleContext
from lint.rules.checks.program import document_cache, hrefs, page_text
from lint.rules.organisation import Organization, org


def attribute_values(document: Document) -> list[str]:
    """What a page shows or declares outside its text: alt texts, meta contents, `<time>`
    values, the title, a PDF's letterhead."""
    chrome = document.chrome
    values = [image.alt for image in (*document.images, *chrome.images) if image.alt]
    values += [tag.content for tag in chrome.meta if tag.content]
    values += [time.datetime for time in chrome.times if time.datetime]
    values += [text for text in (chrome.title, chrome.letterhead) if text]
    return values


def whole_text(ctx: RuleContext) -> str:
    """page_text plus attribute values, link targets, the page's address and front matter
    values: every place a reader or a browser shows something."""
    cache = document_cache(ctx)
    text = cache.get("presence:text")
    if text is None:
        document = ctx.document
        extra = [*attribute_values(document), *hrefs(document)]
        extra += [url for url in (document.url, document.path) if url and url.startswith(("http://", "https://"))]
        extra += [str(value) for value in document.front_matter.values() if isinstance(value, (str, int, float))]
        text = page_text(document) + "\n\n" + "\n".join(extra)
        cache["presence:text"] = text
    return text


# Sender -------------------------------------------------------------------------------


@lru_cache(maxsize=8)
def own_forms(organization: Organization) -> tuple[tuple[str, str], ...]:
    """The organisation's units (a district's also in the genitive, "Skärholmens
    stadsdelsförvaltning") and its web and e-mail domains: one regex source each, with a
    text in lower case that every match holds ("" when none is plain enough to say), so
    most are never compiled nor run (a substring test rules them out)."""
    forms = []
    for unit in organization.units:
        words = unit.split()
        source = r"(?<![\w-])" + r"s?\s+".join(re.escape(word) for word in words) + r"(?:s|en|ens)?(?![\w-])"
        forms.append((_needed_text(words), source))
    for domain in organization.domains:
        forms.append((_needed_text([domain]), r"(?<![\w.-])(?:[\w-]+\.)*" + re.escape(domain) + r"(?![\w-])"))
    return tuple(forms)


def _needed_text(parts: list[str]) -> str:
    """The longest part as fold() gives it, if its characters match only their own folded
    form under re.IGNORECASE (prefilter.PLAIN): then a matching text holds it, folded."""
    plain = [fold(part) for part in parts if PLAIN.fullmatch(fold(part))]
    return max(plain, key=len, default="")


@lru_cache(maxsize=256)
def _own_regex(source: str) -> re.Pattern[str]:
    return re.compile(source, re.I)


def sender_in_forms(ctx: RuleContext) -> bool:
    """One of the organisation's units or domains anywhere in the whole document (once per document)."""
    cache = document_cache(ctx)
    found = cache.get("presence:own_forms")
    if found is None:
        found = cache["presence:own_forms"] = names_own_form(org(ctx), whole_text(ctx))
    return found


def names_own_form(organization: Organization, text: str) -> bool:
    folded = fold(text)
    return any(needed in folded and _own_regex(source).search(text) is not None for needed, source in own_forms(organization))


# Another public body --------------------------------------------------------------------

OTHER_BODY = re.compile(
    r"(?<![\w-])(?:Region\s+[A-ZÅÄÖ][a-zåäö]+|[A-ZÅÄÖ][a-zåäö]+(?:-[A-ZÅÄÖ][a-zåäö]+)?\s+(?:[Ss]tad|[Kk]ommun)"
    r"|Länsstyrelsen\s+i\s+[A-ZÅÄÖ][a-zåäö]+(?:\s+län)?|[A-ZÅÄÖ][a-zåäö]+(?:myndigheten|verket|kassan|inspektionen))(?![\w-])"
)
SENDER_BLOCKS = 3  # the opening blocks, where a letterhead stands


def sender_spots(document: Document) -> list[str]:
    """Where a document says who sends it: the title, site name, logos, header, footer,
    letterhead, and the opening and page-header/footer blocks of a letter."""
    chrome = document.chrome
    spots = [chrome.title or "", chrome.meta_content("og:site_name", "author", "publisher") or "", *chrome.logo_texts]
    spots += [chrome.header, chrome.footer, chrome.letterhead]
    # A letterhead line is short and no sentence ("Försäkringskassan betalar ut …" is not one).
    spots += [block.text for block in document.blocks[:SENDER_BLOCKS] if len(block.text) < 60 and not block.text.endswith(".")]
    spots += [block.text for block in document.blocks if block.attrs.get("section")]
    return [spot for spot in spots if spot]


def other_sender(ctx: RuleContext) -> str | None:
    """Another public body the document presents as its sender (Region Stockholm on a page
    checked as Stockholms stad's), or None."""
    organization = org(ctx)
    own = {organization.name.casefold(), *(name.casefold() for name in (*organization.allowed_names, *organization.units))}
    for spot in sender_spots(ctx.document):
        for match in OTHER_BODY.finditer(spot):
            name = " ".join(match.group(0).split())
            if name.casefold() not in own and not name.casefold().startswith(organization.name.casefold()):
                return name
    return None


def no_other_sender(ctx: RuleContext) -> bool:
    """AVS001's condition: a text that names another body as its sender gets AVS008 instead."""
    return other_sender(ctx) is None


# Date ---------------------------------------------------------------------------------

MONTHS = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
SHORT_MONTHS = "jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec"
ENGLISH_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
YEAR = r"(?:19|20)\d{2}"
DATE = re.compile(
    rf"\b{YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:\b|T)"
    rf"|\b\d{{1,2}}\s+(?:{MONTHS}|{SHORT_MONTHS})\.?\s+{YEAR}\b"
    rf"|\b\d{{1,2}}[/.]\d{{1,2}}[ .]{YEAR}\b"
    rf"|\b\d{{1,2}}/\d{{1,2}}\s?-\s?{YEAR}\b"  # 14/6-2021
    rf"|\b(?:{ENGLISH_MONTHS})\.?\s+\d{{1,2}},?\s+{YEAR}\b"  # Jan 21, 2019
    rf"|\b\d{{1,2}}\s+(?:{ENGLISH_MONTHS})\.?\s+{YEAR}\b",
    re.I,
)
DATE_METADATA = ("date", "datum", "updated", "published", "modified", "last_updated", "senast_uppdaterad", "publicerad", "lastmod")


def date_present(ctx: RuleContext) -> bool:
    """A date the reader can date the document by, printed or (on a web page, in front
    matter) given in meta tags, `<time datetime>`, front matter or a file's properties. A
    letter or decision (profile printed_date) must print it: a Word or PDF file's own dates
    are set on every save, no date its reader sees."""
    document = ctx.document
    own_properties = document.binary and ctx.profile.printed_date  # Word/PDF dates of a letter's file
    if not own_properties and any(_dated(document.metadata.get(key)) for key in DATE_METADATA):
        return True
    if any(_dated(document.front_matter.get(key)) for key in DATE_METADATA):
        return True
    text = page_text(document)
    if DATE.search(text):
        return True
    return any(DATE.search(value) for value in attribute_values(document) if value)


def _dated(value: object) -> bool:
    return value is not None and value is not False and bool(str(value).strip())


# Contact ------------------------------------------------------------------------------

LOCAL_PHONE = re.compile(r"(?<![\w+/.,-])[1-9]\d{1,2}(?:[ \u00a0]\d{2,3}){2,3}(?![\w/-]|[.,]\d)")
PHONE_CUE = re.compile(r"\b(?:telefon|tel|tfn|ring|ringer|växel|växeln|telefonnummer|mobil|sms)\b\.?:?[^\n\d]{0,30}$", re.I)
CASE_NUMBER_BEFORE = re.compile(
    r"(?:\b(?:dnr|diarienr|diarienummer|ärendenummer|ärendenr|ärende\s+nr)\b[^\n]{0,25}|\d{4}\s*/\s*[A-ZÅÄÖ]{1,6}\s*)$", re.I
)


def is_case_number(text: str, start: int) -> bool:
    """Whether the number at `start` continues a diarienummer ("Dnr 2018/KS 0001 001")."""
    return CASE_NUMBER_BEFORE.search(text[max(0, start - 40) : start]) is not None


def phone_present(text: str, organization: Organization) -> bool:
    """A phone number: with its area code, or without it after a phone word ("Växel: 508
    24 000") when the organisation's data gives the area code."""
    if any(not is_case_number(text, match.start()) for match in phone_numbers(text)):
        return True
    if not organization.phone_area_code:
        return False
    for match in LOCAL_PHONE.finditer(text):
        digits = re.sub(r"\D", "", match.group(0))
        if 5 <= len(digits) <= 8 and PHONE_CUE.search(text[max(0, match.start() - 60) : match.start()]):
            return True
    return False


def contact_in_text(ctx: RuleContext) -> bool:
    """An e-mail address or phone number anywhere in the whole document."""
    text = whole_text(ctx)
    return contains_email(text) or phone_present(text, org(ctx))
