"""Markdown via markdown-it-py, with every prose character mapped back to the source.

markdown-it gives block tokens a line map but inline text without offsets, and it
rewrites escapes and entities. Each inline text piece is therefore found again in the
source from a cursor that only moves forward; pieces that differ from the source (an
entity, an escape) are aligned character by character.
"""

from __future__ import annotations

import bisect
import html
import re
from functools import lru_cache
from typing import Any

import yaml

from lint.collector import collection_paused
from lint.document import BlockBuilder, BlockKind, Document, Image, LineIndex, Link
from lint.formats import static_site
from lint.formats.directives import parse_directives
from lint.formats.html_page import read_forms
from lint.safe_data import DataError, load_yaml

COMMENT_RE = re.compile(r"<!--(.*?)-->", re.S)
# Bare web addresses (markdown-it's linkify is correct but slow on long texts).
BARE_URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>()]*[^\s<>().,;:!?'\"»”]")
ENTITY_RE = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|\w+);")


@lru_cache(maxsize=2)
def _parser(mdx: bool = False):
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(front_matter_plugin)
    # MDX has no indented code blocks, so blanked-out JSX before text is not code.
    return parser.disable("code") if mdx else parser


def read_markdown(path: str, source: str, **document_fields) -> Document:
    # Front matter in TOML/JSON and MDX syntax are blanked out (offsets kept) before parsing.
    prepared = static_site.prepare(path, source)
    document = Document(path=path, source=prepared.text, format="markdown", blocks=[], medium="web", **document_fields)
    document.metadata.update(prepared.metadata)
    document.front_matter.update(prepared.metadata)
    document.directives.extend(prepared.directives)
    if prepared.problem:
        document.metadata_problem = prepared.problem
    with collection_paused():
        reader = _MarkdownReader(document)
        reader.read(_parser(path.lower().endswith(".mdx")).parse(prepared.text))
    document.source = source
    static_site.unmask_blocks(document, prepared.text)
    static_site.normalize_metadata(document.metadata)
    return document


def parse_front_matter(text: str) -> tuple[dict[str, Any], str | None]:
    """YAML front matter as metadata, and why it was refused (None when it was not)."""
    try:
        data = load_yaml(text)
    except yaml.YAMLError:
        return {}, None
    except DataError as error:
        return {}, f"Metadata (front matter) lästes inte: den {error}."
    return ({str(key): value for key, value in data.items()} if isinstance(data, dict) else {}), None


class _MarkdownReader:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.source = document.source
        self.lines = LineIndex(self.source).line_starts
        self.cursor = 0
        self.containers: list[BlockKind] = []  # open list items and block quotes
        self.heading_level: int | None = None
        self.cell = False

    def read(self, tokens) -> None:
        handlers: dict[str, Any] = {}  # token type -> bound handler or None
        for token in tokens:
            kind = token.type
            if kind in handlers:
                handler = handlers[kind]
            else:
                handler = handlers[kind] = getattr(self, "_on_" + kind, None)
            if handler:
                handler(token)

    # Block tokens -------------------------------------------------------------------

    def _on_front_matter(self, token) -> None:
        metadata, problem = parse_front_matter(token.content)
        self.document.metadata.update(metadata)
        self.document.front_matter.update(metadata)
        if problem:
            self.document.metadata_problem = problem

    def _on_heading_open(self, token) -> None:
        self.heading_level = int(token.tag[1])

    def _on_heading_close(self, token) -> None:
        self.heading_level = None

    def _on_list_item_open(self, token) -> None:
        self.containers.append(BlockKind.LIST_ITEM)

    def _on_blockquote_open(self, token) -> None:
        self.containers.append(BlockKind.QUOTE)

    def _on_list_item_close(self, token) -> None:
        self.containers.pop()

    _on_blockquote_close = _on_list_item_close

    def _on_th_open(self, token) -> None:
        self.cell = True

    _on_td_open = _on_th_open

    def _on_th_close(self, token) -> None:
        self.cell = False

    _on_td_close = _on_th_close

    def _on_html_block(self, token) -> None:
        self._comments(token.content, token.map[0] + 1 if token.map else 1)
        read_forms(token.content, self._line_start(token.map[0]) if token.map else self.cursor, self.document)
        if token.map:
            self.cursor = max(self.cursor, self._line_start(token.map[1]))

    def _on_fence(self, token) -> None:
        if token.map:
            self.cursor = max(self.cursor, self._line_start(token.map[1]))

    _on_code_block = _on_fence

    def _on_inline(self, token) -> None:
        if token.map:
            first, end = token.map
            self.cursor = max(self.cursor, self._line_start(first))
            limit = self._line_start(end)
        else:
            limit = len(self.source)
        builder = BlockBuilder()
        self._inline(token.children or [], builder, limit)
        block = builder.build(self._block_kind(), self.heading_level)
        if block is not None:
            self.document.blocks.append(block)

    def _block_kind(self) -> BlockKind:
        if self.heading_level:
            return BlockKind.HEADING
        if self.cell:
            return BlockKind.TABLE_CELL
        if self.containers:
            return self.containers[-1]
        return BlockKind.PARAGRAPH

    # Inline tokens ------------------------------------------------------------------

    def _inline(self, children, builder: BlockBuilder, limit: int) -> None:
        link: dict[str, Any] | None = None
        for child in children:
            kind = child.type
            if kind == "text" and link is None:
                self._text_with_urls(child.content, builder, limit)
            elif kind == "text":
                start = self._align(child.content, builder, limit, prose=not link["bare"])
                if link is not None:
                    link["start"] = link["start"] if link["start"] is not None else start
                    link["text"] += child.content
                    link["end"] = self.cursor
            elif kind in {"softbreak", "hardbreak"}:
                builder.add_virtual(" ")
                if link is not None:  # a link text wrapped over two lines is still "klicka här"
                    link["text"] += " "
            elif kind == "code_inline":
                self._skip(child.content, limit)
                builder.add_virtual(" ")
            elif kind == "html_inline":
                read_forms(child.content, self._skip(child.content, limit), self.document)
                if "<!--" in child.content:
                    self._comments(child.content, self._line_of(self.cursor))
            elif kind == "link_open":
                bare = child.markup == "autolink"
                link = {"href": child.attrs.get("href", ""), "text": "", "start": None, "end": None, "bare": bare}
            elif kind == "link_close" and link is not None:
                self._add_link(link)
                link = None
            elif kind == "image":
                self._image(child, limit)
                builder.add_virtual(" ")

    def _text_with_urls(self, text: str, builder: BlockBuilder, limit: int) -> None:
        """Prose text; bare web addresses in it are links, not prose."""
        if "://" not in text and "www." not in text:  # BARE_URL_RE cannot match
            self._align(text, builder, limit)
            return
        position = 0
        for url in BARE_URL_RE.finditer(text):
            self._align(text[position : url.start()], builder, limit)
            start = self._align(url.group(0), builder, limit, prose=False)
            href = url.group(0) if "://" in url.group(0) else "https://" + url.group(0)
            self.document.links.append(Link(url.group(0), href, start, self.cursor))
            position = url.end()
        self._align(text[position:], builder, limit)

    def _add_link(self, link: dict[str, Any]) -> None:
        start = link["start"] if link["start"] is not None else self.cursor
        end = link["end"] if link["end"] is not None else start
        self.document.links.append(Link(link["text"], str(link["href"]), start, end))

    def _image(self, token, limit: int) -> None:
        alt = token.content
        start = self.source.find("![", self.cursor, limit)
        start = self.cursor if start < 0 else start
        builder = BlockBuilder()
        self.cursor = start + 2
        self._align(alt, builder, limit)
        src = str(token.attrs.get("src", ""))
        end = self.source.find(")", self.cursor, limit)
        self.cursor = end + 1 if end >= 0 else self.cursor
        self.document.images.append(Image(alt or None, src, start, self.cursor))
        block = builder.build(BlockKind.IMAGE_ALT, src=src)
        if block is not None:
            self.document.blocks.append(block)

    def _align(self, text: str, builder: BlockBuilder, limit: int, prose: bool = True) -> int:
        """Find `text` in the source from the cursor; add it to the block if prose."""
        found = self.source.find(text, self.cursor, limit)
        if found >= 0:
            if prose:
                builder.add(text, found)
            self.cursor = found + len(text)
            return found
        first = None
        for char in text:
            position, width = self._locate_char(char, limit)
            if position < 0:
                if prose:
                    builder.add_virtual(char)
                continue
            first = position if first is None else first
            if prose:
                builder.add(char, position)
            self.cursor = position + width
        return first if first is not None else self.cursor

    def _locate_char(self, char: str, limit: int) -> tuple[int, int]:
        """Where `char` is written at the cursor: itself, escaped, or as an entity."""
        source, cursor = self.source, self.cursor
        if source.startswith(char, cursor):
            return cursor, 1
        if source.startswith("\\" + char, cursor):
            return cursor + 1, 1
        entity = ENTITY_RE.match(source, cursor)
        if entity and html.unescape(entity.group(0)) == char:
            return cursor, len(entity.group(0))
        nearby = source.find(char, cursor, min(limit, cursor + 8))
        return (nearby, 1) if nearby >= 0 else (-1, 0)

    def _skip(self, text: str, limit: int) -> int:
        """Move the cursor past `text`; where it starts (the cursor when it is not found)."""
        found = self.source.find(text, self.cursor, limit)
        if found >= 0:
            self.cursor = found + len(text)
            return found
        return self.cursor

    def _comments(self, html: str, line: int) -> None:
        for match in COMMENT_RE.finditer(html):
            comment_line = line + html.count("\n", 0, match.start())
            self.document.directives.extend(parse_directives(match.group(1), comment_line))

    def _line_start(self, line_index: int) -> int:
        return self.lines[line_index] if line_index < len(self.lines) else len(self.source)

    def _line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.lines, offset)
