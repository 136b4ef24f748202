"""What the crawler needs from a fetched page before linting it: kind, title, links.

Link discovery uses the whole page (navigation included); the lint itself goes through
the HTML reader, which keeps the main content.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from lint.crawl.urls import is_ignored_link, normalize

HTML_TYPES = {"text/html", "application/xhtml+xml"}
PDF_TYPES = {"application/pdf", "application/x-pdf"}


def page_kind(content_type: str | None, url: str) -> str | None:
    """'html', 'pdf' or None (not lintable) from the content type, else the URL's ending."""
    if content_type in HTML_TYPES:
        return "html"
    if content_type in PDF_TYPES:
        return "pdf"
    if content_type in (None, "", "application/octet-stream"):
        path = url.split("?", 1)[0].lower()
        if path.endswith(".pdf"):
            return "pdf"
        if path.endswith((".html", ".htm", "/")):
            return "html"
    return None


def content_hash(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


@dataclass
class PageInfo:
    title: str | None = None
    links: list[str] = field(default_factory=list)
    nofollow: bool = False
    noindex: bool = False


def inspect_html(body: bytes, url: str) -> PageInfo:
    """Title, absolute links (in page order, without duplicates) and robots meta directives."""
    info = PageInfo()
    try:
        root = lxml.html.document_fromstring(body)
    except (etree.ParserError, ValueError):
        return info
    title = root.find(".//title")
    if title is not None and title.text_content().strip():
        info.title = " ".join(title.text_content().split())
    for meta in root.iterfind(".//meta"):
        if (meta.get("name") or "").lower() in ("robots", "kommlint"):
            content = (meta.get("content") or "").lower()
            info.nofollow |= "nofollow" in content or "none" in content
            info.noindex |= "noindex" in content or "none" in content
    base = root.find(".//base[@href]")
    base_url = normalize(base.get("href"), url) if base is not None else url
    seen: set[str] = set()
    for element in root.iter("a", "area"):
        href = element.get("href")
        if not href or is_ignored_link(href) or "nofollow" in (element.get("rel") or "").lower().split():
            continue
        absolute = normalize(href, base_url or url)
        if absolute and absolute not in seen:
            seen.add(absolute)
            info.links.append(absolute)
    return info
