"""What an HTML page holds besides its prose: chrome, meta tags, links, forms, languages.

The prose reader (`lint.formats.html`) reads the main content into blocks; this walk over
the same tree records the rest as typed facts on the document (`lint.document_parts`):
the text of the header, footer, navigation and whatever else stands outside the prose,
the `<title>` and meta tags, `<time>` values, links and images outside the prose with
the region they stand in, the breadcrumb trail, forms and their fields, and `lang`
attributes. It also keeps the page's whole text, each tag read as a space, for checks
that search the page as a reader sees it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lint.document import Document
from lint.document_parts import (
    Chrome,
    ChromeText,
    ElementLanguage,
    Form,
    FormField,
    Image,
    Link,
    MetaTag,
    Region,
    TimeStamp,
)
from lint.formats.html_tree import Node, Text, parse_html

NOT_TEXT = frozenset({"script", "style"})  # their content is code, not text, on any reading
NOT_SHOWN = frozenset("script style template noscript svg math iframe object canvas select textarea button head".split())
CHROME_TAGS = frozenset({"header", "footer", "nav", "aside"})
FIELD_TAGS = frozenset({"input", "select", "textarea"})
# Tags that may change the place of what is inside them even without attributes.
SPECIAL = NOT_SHOWN | CHROME_TAGS | {"head", "nav"}
BREADCRUMB = re.compile(r"breadcrumb|brödsmul|smulstig|du är här|you are here", re.I)
WHITESPACE = re.compile(r"\s+")


@dataclass
class _Place:
    """Where a node stands, inherited by everything inside it."""

    region: Region
    shown: bool = True  # not hidden, not in a script, template, form control …
    text: bool = True  # its text counts as page text (not script or style)
    chrome_tag: bool = False  # inside a header, footer, nav or aside element, at any depth


class PageReader:
    """Records the page's facts on `document`; `prose` tells which nodes the prose reader read."""

    def __init__(self, document: Document, roots: list[Node], prose_nodes: set[int], is_chrome, is_hidden) -> None:
        self.document = document
        self.chrome = Chrome(title=document.metadata.get("title"))
        self.roots = {id(root) for root in roots}
        self.prose_nodes = prose_nodes
        self.is_chrome = is_chrome
        self.is_hidden = is_hidden
        self.page: list[Text] = []
        self.content: list[Text] = []
        self.parts: list[tuple[Region | None, Text]] = []

    def read(self, root: Node) -> None:
        stack: list[tuple[Node | Text, _Place]] = [(root, _Place("other"))]
        while stack:
            node, place = stack.pop()
            if isinstance(node, Text):
                self._text(node, place)
                continue
            inner = self._enter(node, place)
            stack.extend((child, inner) for child in reversed(node.children))
        self._finish()

    def _enter(self, node: Node, place: _Place) -> _Place:
        attrs = node.attrs
        if attrs or node.tag in SPECIAL or id(node) in self.roots:
            place = self._place(node, place)
        handler = _HANDLERS.get(node.tag)
        if handler is not None:
            handler(self, node, place)
        if not attrs:
            return place
        if "lang" in attrs and node.tag != "html":
            self.document.element_languages.append(ElementLanguage(node.attrs["lang"], node.tag, node.offset, node.tag_end))
        if "href" in node.attrs and node.tag != "link" and id(node) not in self.prose_nodes:
            self._link(node, place)
        if not self.chrome.breadcrumbs and _is_breadcrumb(node):
            self.chrome.breadcrumbs = _crumbs(node)
        return place

    def _place(self, node: Node, place: _Place) -> _Place:
        region = place.region
        if node.tag == "head":
            region = "head"
        elif id(node) in self.roots:
            region = "body"
        if region != "head" and self.is_chrome(node):  # the innermost part counts: a nav inside the header is navigation
            region = _chrome_region(node)
        return _Place(
            region,
            place.shown and node.tag not in NOT_SHOWN and not self.is_hidden(node),
            place.text and node.tag not in NOT_TEXT,
            place.chrome_tag or node.tag in CHROME_TAGS,
        )

    def _text(self, piece: Text, place: _Place) -> None:
        if not place.text:
            return
        self.page.append(piece)
        if not place.chrome_tag:
            self.content.append(piece)
        shown_chrome = place.shown and place.region not in {"body", "head"}
        self.parts.append((place.region if shown_chrome else None, piece))  # None ends a run

    # Elements ------------------------------------------------------------------------

    def _meta(self, node: Node, place: _Place) -> None:
        attrs = node.attrs
        name = (attrs.get("name") or attrs.get("property") or attrs.get("http-equiv") or attrs.get("itemprop") or "").strip().lower()
        if name:
            self.chrome.meta.append(MetaTag(name, attrs.get("content", "").strip(), node.offset, node.tag_end))

    def _head_link(self, node: Node, place: _Place) -> None:
        rel = node.attrs.get("rel", "").lower().split()
        if "canonical" in rel and node.attrs.get("href") and self.chrome.canonical_url is None:
            self.chrome.canonical_url = node.attrs["href"].strip()
        if "href" in node.attrs:
            self.chrome.links.append(Link("", node.attrs["href"], node.offset, node.tag_end, place.region))

    def _link(self, node: Node, place: _Place) -> None:
        label = _collapse(node.attrs.get("aria-label", ""))
        text = label or _collapse(_plain_text(node)) or " ".join(_alts(node))
        self.chrome.links.append(Link(text, node.attrs["href"], node.offset, node.end or node.tag_end, place.region))

    def _image(self, node: Node, place: _Place) -> None:
        if id(node) not in self.prose_nodes:
            self.chrome.images.append(Image(node.attrs.get("alt"), node.attrs.get("src", ""), node.offset, node.tag_end, place.region))

    def _svg(self, node: Node, place: _Place) -> None:
        if place.region == "body":
            return
        title = next((child for child in node.iter() if child.tag == "title"), None)
        alt = _collapse(node.attrs.get("aria-label", "")) or (_collapse(_plain_text(title)) if title is not None else "")
        self.chrome.images.append(Image(alt or None, "svg", node.offset, node.tag_end, place.region))

    def _time(self, node: Node, place: _Place) -> None:
        datetime = node.attrs.get("datetime")
        self.chrome.times.append(
            TimeStamp(
                datetime.strip() if datetime is not None else None,
                _collapse(_plain_text(node)),
                node.offset,
                node.end or node.tag_end,
                place.region,
            )
        )

    def _form(self, node: Node, place: _Place) -> None:
        attrs = node.attrs
        self.document.forms.append(
            Form(attrs.get("action", ""), attrs.get("method", "").lower(), node.offset, node.end or node.tag_end, place.chrome_tag)
        )

    def _field(self, node: Node, place: _Place) -> None:
        attrs = node.attrs
        field = FormField(
            node.tag, attrs.get("name", ""), attrs.get("type", ""), attrs.get("id", ""), node.offset, node.tag_end, place.chrome_tag
        )
        self.document.form_fields.append(field)

    # Texts ---------------------------------------------------------------------------

    def _finish(self) -> None:
        chrome = self.chrome
        chrome.page_text = _joined(self.page)
        chrome.content_text = _joined(self.content)
        chrome.parts = _parts(self.parts)
        self.document.chrome = chrome


def read_forms(html: str, offset: int, document: Document) -> None:
    """Record the forms and form fields of a piece of HTML that stands at `offset` (raw
    HTML in Markdown, say) on the document."""
    lowered = html.lower()
    if not any(f"<{tag}" in lowered for tag in ("form", *FIELD_TAGS)):
        return
    root, _ = parse_html(html)
    reader = PageReader(Document(document.path, html, document.format, []), [], set(), lambda node: False, lambda node: False)
    reader.read(root)
    for form in reader.document.forms:
        document.forms.append(Form(form.action, form.method, form.offset + offset, form.end_offset + offset, form.in_chrome))
    for field in reader.document.form_fields:
        moved = FormField(field.tag, field.name, field.type, field.id, field.offset + offset, field.end_offset + offset, field.in_chrome)
        document.form_fields.append(moved)


_HANDLERS = {
    "meta": PageReader._meta,
    "link": PageReader._head_link,
    "img": PageReader._image,
    "svg": PageReader._svg,
    "time": PageReader._time,
    "form": PageReader._form,
    **{tag: PageReader._field for tag in FIELD_TAGS},
}


def _chrome_region(node: Node) -> Region:
    role = node.attrs.get("role")
    if node.tag == "nav" or role == "navigation":
        return "navigation"
    if node.tag == "footer" or role == "contentinfo":
        return "footer"
    if node.tag == "header" or role == "banner":
        return "header"
    return "aside"


def _joined(pieces: list[Text]) -> str:
    """The pieces in order, a space wherever markup stood between two of them."""
    out: list[str] = []
    end = None
    for piece in pieces:
        if end is not None and piece.offset != end:
            out.append(" ")
        out.append(piece.text)
        end = piece.offset + (piece.source_length or len(piece.text))
    return "".join(out)


def _parts(pieces: list[tuple[Region | None, Text]]) -> list[ChromeText]:
    """Runs of chrome text in one region, in page order, whitespace collapsed; a piece of
    another region, or of none (prose, hidden text), ends a run."""
    parts: list[ChromeText] = []
    run: list[Text] = []
    region: Region | None = None
    for piece_region, piece in [*pieces, (None, None)]:
        if piece_region != region:
            text = _collapse(_joined(run))
            if text and region is not None:
                last = run[-1]
                parts.append(ChromeText(region, text, run[0].offset, last.offset + (last.source_length or len(last.text))))
            run = []
            region = piece_region
        if piece is not None and piece_region is not None:
            run.append(piece)
    return parts


def _is_breadcrumb(node: Node) -> bool:
    if node.tag not in {"nav", "ol", "ul", "div", "p"}:
        return False
    attrs = node.attrs
    labels = " ".join(attrs.get(name, "") for name in ("aria-label", "class", "id", "itemtype"))
    return bool(BREADCRUMB.search(labels) or "BreadcrumbList" in labels)


def _crumbs(node: Node) -> list[str]:
    items = [n for n in node.iter() if n.tag == "li"]
    if not items:
        items = [n for n in node.iter() if n.tag == "a"]
    texts = [_collapse(_plain_text(item)) for item in items] if items else [_collapse(_plain_text(node))]
    return [text for text in texts if text]


def _alts(node: Node) -> list[str]:
    return [n.attrs["alt"].strip() for n in node.iter() if n.tag == "img" and n.attrs.get("alt", "").strip()]


def _plain_text(node: Node) -> str:
    parts: list[str] = []
    stack: list[Node | Text] = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, Text):
            parts.append(item.text)
        elif item.tag not in NOT_TEXT:
            stack.extend(reversed(item.children))
    return "".join(parts)


def _collapse(text: str) -> str:
    return " ".join(WHITESPACE.split(text)).strip()
