"""The typed facts a format reader records beside the prose blocks.

Rules read these instead of parsing markup again: the page's chrome (header, footer,
navigation, `<title>`, meta tags, logo texts, breadcrumbs), links with their targets,
headings, tables, declared languages, forms, front matter and file properties. A format
that cannot express a fact leaves it empty.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urlsplit

# Where a fact stands on a page: in the prose read (`body`), in the page's chrome, in the
# HTML `<head>`, or elsewhere outside the prose (`other`: a sidebar div outside `<main>`).
Region = Literal["body", "header", "footer", "navigation", "aside", "head", "other"]
CHROME_REGIONS: tuple[Region, ...] = ("header", "footer", "navigation", "aside", "other")


@dataclass(frozen=True)
class Link:
    text: str
    href: str
    offset: int
    end_offset: int
    region: Region = "body"

    @property
    def scheme(self) -> str:
        """`mailto`, `tel`, `https` …; empty for a relative address."""
        head, colon, _ = self.href.partition(":")
        return head.strip().lower() if colon and head.strip().isalpha() else ""

    @property
    def target(self) -> str:
        """The e-mail address or phone number of a mailto:/tel: link, else the href."""
        if self.scheme in {"mailto", "tel"}:
            return self.href.split(":", 1)[1].split("?", 1)[0].strip()
        return self.href


@dataclass(frozen=True)
class Image:
    alt: str | None
    src: str
    offset: int
    end_offset: int
    region: Region = "body"


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    offset: int
    end_offset: int
    level_guessed: bool = False  # the level comes from font sizes (PDF), not from markup


@dataclass(frozen=True)
class Table:
    offset: int
    end_offset: int
    rows: int
    columns: int
    has_header: bool
    layout: bool = False  # marked as a layout table (role="presentation")


@dataclass(frozen=True)
class DeclaredLanguage:
    """The document's declared language: `<html lang>`, Word's proofing language, a PDF's /Lang."""

    value: str | None  # None or "": declared nowhere
    offset: int = 0
    end_offset: int = 0


@dataclass(frozen=True)
class ElementLanguage:
    """A `lang` attribute on an element inside the page."""

    lang: str
    tag: str
    offset: int
    end_offset: int


@dataclass(frozen=True)
class MetaTag:
    name: str  # the name, property, http-equiv or itemprop, lower-cased: "og:site_name", "dcterms.modified"
    content: str
    offset: int
    end_offset: int


@dataclass(frozen=True)
class TimeStamp:
    """A `<time>` element: its machine-readable `datetime` and the text shown."""

    datetime: str | None
    text: str
    offset: int
    end_offset: int
    region: Region = "body"


@dataclass(frozen=True)
class FormField:
    tag: str  # input, select, textarea
    name: str
    type: str
    id: str
    offset: int
    end_offset: int
    in_chrome: bool = False  # inside a header, footer, nav or aside element


@dataclass(frozen=True)
class Form:
    action: str
    method: str
    offset: int
    end_offset: int
    in_chrome: bool = False


@dataclass(frozen=True)
class ChromeText:
    """The text of one part of the page around the prose (a `<header>`, a Word footer …)."""

    region: Region
    text: str
    offset: int
    end_offset: int


@dataclass
class Chrome:
    """What the page shows besides its prose, for presence checks that judge the whole page."""

    parts: list[ChromeText] = field(default_factory=list)
    title: str | None = None  # HTML <title>, whitespace collapsed
    meta: list[MetaTag] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)  # links outside the prose, each with its region
    images: list[Image] = field(default_factory=list)  # images and svg logos outside the prose
    times: list[TimeStamp] = field(default_factory=list)  # every <time> on the page
    breadcrumbs: list[str] = field(default_factory=list)  # the breadcrumb trail, outermost first
    canonical_url: str | None = None  # <link rel="canonical">
    letterhead: str = ""  # PDF: the top lines of the first page, before the first heading
    # HTML: every text of the page (prose included, script and style left out), each tag
    # read as a space. Empty for formats whose blocks already hold all their text.
    page_text: str = ""
    # HTML: the page's text without header, footer, navigation and aside; None where the
    # source is itself the text (plain text, Markdown, DOCX, PDF).
    content_text: str | None = None

    def text_of(self, *regions: Region) -> str:
        return "\n".join(part.text for part in self.parts if part.region in regions and part.text)

    @property
    def header(self) -> str:
        return self.text_of("header")

    @property
    def footer(self) -> str:
        return self.text_of("footer")

    @property
    def navigation(self) -> str:
        return self.text_of("navigation")

    def meta_content(self, *names: str) -> str | None:
        """The first non-empty content of a meta tag with one of these names."""
        wanted = {name.lower() for name in names}
        return next((tag.content for tag in self.meta if tag.name in wanted and tag.content), None)

    @property
    def logo_texts(self) -> list[str]:
        """Alt texts of images (and titles of svg logos) in the header and footer."""
        return [image.alt for image in self.images if image.alt and image.region in {"header", "footer"}]


@dataclass
class Properties:
    """A file's own properties: DOCX core properties, a PDF's document information."""

    title: str | None = None
    author: str | None = None
    subject: str | None = None
    keywords: str | None = None
    language: str | None = None
    created: str | None = None  # ISO date (DOCX) or the PDF date string as written
    modified: str | None = None
    last_modified_by: str | None = None
    creator: str | None = None  # the program that made the file (PDF /Creator, /Producer)


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host or None
