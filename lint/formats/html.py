"""HTML pages and fragments, with every prose character mapped back to the source.

The tree of elements with source offsets comes from `html_tree`. Prose is taken from `<main>` (or `<article>`, or a configured
CSS selector, or the whole body), skipping scripts, navigation, page chrome and hidden
elements. Entities (`&auml;`, `&nbsp;`) stay one character in the prose and map onto
their whole source text, so findings point at the exact line and column in the file.
"""

from __future__ import annotations

import html
import re
from typing import Any

from lint.document import (
    Block,
    BlockBuilder,
    BlockKind,
    Document,
    Image,
    LineIndex,
    Link,
)
from lint.document_parts import DeclaredLanguage, Heading, Table
from lint.errors import ConfigError
from lint.formats.directives import parse_directives
from lint.formats.guard import reader_errors
from lint.formats.html_page import PageReader
from lint.formats.html_tree import ENTITY, Node, Text, TreeBuilder, parse_html

SKIPPED = frozenset("script style template noscript svg math iframe object canvas select textarea button head pre del".split())
CODE = frozenset({"code", "kbd", "samp", "var"})  # code is not prose; as in Markdown, a space stands for it
BLOCK_KINDS = {
    **{f"h{level}": BlockKind.HEADING for level in range(1, 7)},
    "p": BlockKind.PARAGRAPH,
    "li": BlockKind.LIST_ITEM,
    "td": BlockKind.TABLE_CELL,
    "th": BlockKind.TABLE_CELL,
    "caption": BlockKind.CAPTION,
    "figcaption": BlockKind.CAPTION,
    "blockquote": BlockKind.QUOTE,
}
# Elements that end a run of prose without being prose blocks of their own kind.
CONTAINERS = frozenset(
    "html body main article section div aside address dl dt dd ol ul table thead tbody tfoot tr "
    "figure details summary form fieldset legend header footer pre center hr".split()
)
CHROME = frozenset({"nav", "header", "footer", "aside"})
WHITESPACE = re.compile(r"[ \t\n\r\f]+")
SOFT_HYPHEN = "\xad"
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
META_KEYS = {
    "kommlint:profile": "profile",
    "kommlint-profile": "profile",
    "ai-generated": "ai_generated",
    "kommlint:ai-generated": "ai_generated",
    "date": "date",
    "dc.date": "date",
    "dcterms.created": "date",
    "dcterms.issued": "date",
    "article:published_time": "date",
    "dcterms.modified": "updated",
    "article:modified_time": "updated",
    "last-modified": "updated",
    "description": "description",
    "author": "author",
}
TRUE_WORDS = {"true", "ja", "yes", "1"}


@reader_errors("HTML-filen")
def read_html(path: str, source: str, settings=None, **document_fields) -> Document:
    document = Document(path=path, source=source, format="html", blocks=[], medium="web", **document_fields)
    root, builder = parse_html(source)
    index = LineIndex(source)
    for comment, offset in builder.comments:
        document.directives.extend(parse_directives(comment, index.locate(offset)[0]))
    _read_head(root, document)
    _read_language(root, builder, document)
    selector = getattr(settings, "html_selector", None) if settings is not None else None
    reader = _ProseReader(document, document.language.value if document.language else None)
    roots = prose_roots(root, selector)
    for part in roots:
        reader.walk(part)
    reader.flush()
    PageReader(document, roots, reader.read_nodes, _is_chrome, _is_hidden).read(root)
    return document


# Choosing what is prose -------------------------------------------------------------


def prose_roots(root: Node, selector: str | None = None) -> list[Node]:
    """The parts of the page to read: a CSS selector's matches, <main>, <article>s or the body."""
    if selector:
        chosen = _select(root, selector)
        if chosen:
            return chosen
    nodes = list(root.iter())
    for wanted in (lambda n: n.tag == "main" or n.attrs.get("role") == "main", lambda n: n.tag == "article"):
        found = [n for n in nodes if wanted(n) and not _is_hidden(n)]
        outermost = _outermost(found)
        if outermost:
            return outermost
    body = next((n for n in nodes if n.tag == "body"), None)
    return [body or root]


def _select(root: Node, selector: str) -> list[Node]:
    """Nodes matching a CSS selector, through a mirror tree in lxml."""
    from lxml import etree
    from lxml.cssselect import CSSSelector, SelectorError

    try:
        compiled = CSSSelector(selector, translator="html")
    except SelectorError as error:
        raise ConfigError(f"html-selector ”{selector}” är ingen giltig CSS-väljare: {error}") from None
    nodes: list[Node] = []

    def mirror(node: Node, parent) -> None:
        for child in node.children:
            if isinstance(child, Node):
                element = etree.SubElement(parent, child.tag if _xml_name(child.tag) else "span")
                for name, value in child.attrs.items():
                    if _xml_name(name):
                        element.set(name, value)
                element.set("data-kommlint-node", str(len(nodes)))
                nodes.append(child)
                mirror(child, element)

    top = etree.Element("kommlint-root")
    mirror(root, top)
    chosen = [nodes[int(element.get("data-kommlint-node"))] for element in compiled(top)]
    return _outermost(chosen)


def _outermost(nodes: list[Node]) -> list[Node]:
    """The nodes not inside another of them (a set of ids: 20 000 nested <main> stay linear)."""
    chosen = {id(node) for node in nodes}
    return [n for n in nodes if not any(id(a) in chosen for a in n.ancestors())]


def _xml_name(name: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z_][\w.-]*", name))


def _is_hidden(node: Node) -> bool:
    attrs = node.attrs
    return (
        "hidden" in attrs
        or attrs.get("aria-hidden", "").lower() == "true"
        or attrs.get("type", "").lower() == "hidden"
        or bool(HIDDEN_STYLE.search(attrs.get("style", "")))
    )


def _is_chrome(node: Node) -> bool:
    """Navigation, and page headers and footers that are not part of an article."""
    if node.tag == "nav" or node.attrs.get("role") in {"navigation", "banner", "contentinfo"}:
        return True
    return node.tag in CHROME and not any(a.tag in {"main", "article", "section"} for a in node.ancestors())


# Head: metadata and language --------------------------------------------------------


def _read_head(root: Node, document: Document) -> None:
    for node in root.iter():
        if node.tag == "title" and "title" not in document.metadata and not any(a.tag == "svg" for a in node.ancestors()):
            document.metadata["title"] = " ".join(_plain_text(node).split())
        elif node.tag == "meta":
            name = (node.attrs.get("name") or node.attrs.get("property") or node.attrs.get("http-equiv") or "").lower()
            key = META_KEYS.get(name)
            content = node.attrs.get("content", "").strip()
            if key and content:
                document.metadata.setdefault(key, content.lower() in TRUE_WORDS if key == "ai_generated" else content)


def _read_language(root: Node, builder: TreeBuilder, document: Document) -> None:
    element = next((n for n in root.iter() if n.tag == "html"), None)
    full_page = element is not None or builder.doctype or any(n.tag in {"body", "head"} for n in root.iter())
    document.whole_page = bool(full_page)
    if element is not None:
        document.language = DeclaredLanguage(
            element.attrs.get("lang") or element.attrs.get("xml:lang") or None, element.offset, element.tag_end
        )
    elif full_page:
        document.language = DeclaredLanguage(None)


def _plain_text(node: Node) -> str:
    return "".join(c.text if isinstance(c, Text) else _plain_text(c) for c in node.children)


# Prose --------------------------------------------------------------------------------


class _Prose:
    """A BlockBuilder that collapses HTML whitespace as a browser does."""

    def __init__(self) -> None:
        self.builder = BlockBuilder()
        self.space = True  # at the start, or after a space: leading whitespace is dropped
        self.empty = True

    def add(self, piece: Text) -> None:
        if piece.source_length is not None:
            if piece.text != SOFT_HYPHEN:  # &shy; only says where a word may break
                self.builder.add_replaced(piece.text, piece.offset, piece.source_length)
                self.space, self.empty = False, False
            return
        position = 0
        for match in WHITESPACE.finditer(piece.text):
            self._word(piece.text[position : match.start()], piece.offset + position)
            if not self.space:
                if match.group(0) == " ":  # one plain space maps as itself, so fixes can span it
                    self.builder.add(" ", piece.offset + match.start())
                else:
                    self.builder.add_replaced(" ", piece.offset + match.start(), match.end() - match.start())
                self.space = True
            position = match.end()
        self._word(piece.text[position:], piece.offset + position)

    def _word(self, text: str, offset: int) -> None:
        position = 0
        for part in text.split(SOFT_HYPHEN):
            if part:
                self.builder.add(part, offset + position)
                self.space, self.empty = False, False
            position += len(part) + 1

    def separate(self) -> None:
        if not self.space:
            self.builder.add_virtual(" ")
            self.space = True


class _ProseReader:
    def __init__(self, document: Document, lang: str | None) -> None:
        self.document = document
        self.headings: list[Heading] = []
        document.headings = self.headings
        self.tables = document.tables
        self.read_nodes: set[int] = set()  # ids of the links and images read into the prose
        self.base_lang = (lang or "").lower()
        self.current = _Prose()
        self.kind = BlockKind.PARAGRAPH
        self.level: int | None = None
        self.lang: str | None = None
        self.links: list[list] = []  # open links: [node, text parts, start, end]
        self.link_only: list[Link] = []  # links read into the current block

    def walk(self, node: Node) -> None:
        if node.tag in SKIPPED or _is_hidden(node) or _is_chrome(node):
            return
        if node.tag == "img":
            self._image(node)
            return
        if node.tag == "br" or node.tag in CODE:
            self.current.separate()
            return
        if node.tag == "table":
            self.tables.append(_table_facts(node))
        kind = BLOCK_KINDS.get(node.tag)
        if kind is not None or node.tag in CONTAINERS:
            self._block(node, kind)
        elif node.tag == "a" and "href" in node.attrs:
            self._link(node)
        else:
            self._children(node)

    def _children(self, node: Node) -> None:
        for child in node.children:
            if isinstance(child, Text):
                self._text(child)
            else:
                self.walk(child)

    def _text(self, piece: Text) -> None:
        self.current.add(piece)
        for link in self.links:
            link[1].append(piece.text)
            link[2] = piece.offset if link[2] is None else link[2]
            link[3] = piece.offset + (piece.source_length or len(piece.text))

    def _block(self, node: Node, kind: BlockKind | None) -> None:
        self.flush()
        saved = (self.kind, self.level, self.lang)
        if kind is not None:  # containers keep the kind around them (a div in a cell)
            self.kind = kind
            self.level = int(node.tag[1]) if kind is BlockKind.HEADING else None
        lang = node.attrs.get("lang")
        if lang is not None:
            self.lang = lang.lower()
        blocks_before = len(self.document.blocks)
        self._children(node)
        block = self.flush()
        if kind is BlockKind.HEADING:
            self._heading(node, block, blocks_before)
        self.kind, self.level, self.lang = saved

    def _heading(self, node: Node, block: Block | None, blocks_before: int) -> None:
        if block is not None:
            offset, end = block.source_span(0, len(block.text))
            text = block.text
        else:  # an image's alt text can be all a heading says
            offset, end = node.offset, node.tag_end
            text = " ".join(b.text for b in self.document.blocks[blocks_before:])
        self.headings.append(Heading(int(node.tag[1]), text, offset, end))

    def flush(self) -> Block | None:
        prose, links = self.current, self.link_only
        self.current, self.link_only = _Prose(), []
        attrs: dict[str, Any] = {}
        if self.lang and not _same_language(self.lang, self.base_lang):
            attrs["lang"] = self.lang
        block = prose.builder.build(self.kind, self.level, **attrs)
        if block is None:
            return None
        if self.kind is BlockKind.PARAGRAPH and len(links) == 1 and " ".join(links[0].text.split()) == block.text:
            block.kind = BlockKind.LINK_TEXT  # a link standing alone, as in a list of cards
        self.document.blocks.append(block)
        return block

    def _link(self, node: Node) -> None:
        self.read_nodes.add(id(node))
        entry = [node, [], None, None]
        self.links.append(entry)
        images_before = len(self.document.images)
        self._children(node)
        self.links.remove(entry)
        text = " ".join("".join(entry[1]).split())
        start, end = entry[2], entry[3]
        if not text:  # an image link: its alt text is the link text
            alts = [image.alt for image in self.document.images[images_before:] if image.alt]
            text = " ".join(alts)
        label = " ".join(node.attrs.get("aria-label", "").split())
        text = label or text  # what a screen reader says for the link
        if start is None:
            start, end = node.offset, node.tag_end
        link = Link(text, node.attrs.get("href", ""), start, end)
        self.document.links.append(link)
        self.link_only.append(link)

    def _image(self, node: Node) -> None:
        self.read_nodes.add(id(node))
        alt = node.attrs.get("alt")
        self.document.images.append(Image(alt, node.attrs.get("src", ""), node.offset, node.tag_end))
        if alt and alt.strip():
            builder = BlockBuilder()
            _add_attribute(builder, node, "alt")
            block = builder.build(BlockKind.IMAGE_ALT, src=node.attrs.get("src", ""))
            if block is not None:
                self.document.blocks.append(block)


def _add_attribute(builder: BlockBuilder, node: Node, name: str) -> None:
    """Add an attribute's value to a block, mapped onto the raw start tag."""
    match = re.search(rf"\s{re.escape(name)}\s*=\s*(\"([^\"]*)\"|'([^']*)'|([^\s>]+))", node.raw_tag, re.I)
    if match is None:
        return
    group = next(g for g in (2, 3, 4) if match.group(g) is not None)
    raw, start = match.group(group), node.offset + match.start(group)
    position = 0
    for entity in ENTITY.finditer(raw):
        builder.add(raw[position : entity.start()], start + position)
        builder.add_replaced(html.unescape(entity.group(0)), start + entity.start(), len(entity.group(0)))
        position = entity.end()
    builder.add(raw[position:], start + position)


def _same_language(lang: str, base: str) -> bool:
    return lang.split("-")[0] == base.split("-")[0]


def _table_facts(node: Node) -> Table:
    rows = [n for n in node.iter() if n.tag == "tr" and _owning_table(n) is node]
    cells = [[c for c in row.children if isinstance(c, Node) and c.tag in {"td", "th"}] for row in rows]
    has_header = any(c.tag == "th" or "scope" in c.attrs for row in cells for c in row)
    return Table(
        node.offset,
        node.tag_end,
        len(rows),
        max((len(row) for row in cells), default=0),
        has_header,
        node.attrs.get("role", "").lower() in {"presentation", "none"},
    )


def _owning_table(node: Node) -> Node | None:
    return next((a for a in node.ancestors() if a.tag == "table"), None)
