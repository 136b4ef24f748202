"""The document model shared by every format reader.

A format reader turns source bytes into a `Document`: the decoded source text, its
metadata and a list of prose `Block`s. Each block keeps a map from its own character
offsets back to offsets in the source, so a finding inside a block can be reported at an
exact line and column of the file the user opened.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from typing import Any, Literal

from lint.document_parts import (
    Chrome,
    DeclaredLanguage,
    ElementLanguage,
    Form,
    FormField,
    Heading,
    Image,
    Link,
    Properties,
    Table,
    host_of,
)

__all__ = ["Block", "BlockBuilder", "BlockKind", "Directive", "Document", "Image", "LineIndex", "Link", "Segment"]


class BlockKind(str, Enum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE_CELL = "table_cell"
    QUOTE = "quote"
    CAPTION = "caption"
    LINK_TEXT = "link_text"
    IMAGE_ALT = "image_alt"


@dataclass(frozen=True)
class Segment:
    """A run of block text that maps one-to-one onto source characters."""

    text_start: int
    source_start: int
    length: int
    # Set when the text stands for source of another length (an HTML entity such as
    # `&auml;`): the whole run then maps onto source[source_start:source_start + source_length].
    source_length: int | None = None

    @property
    def source_end(self) -> int:
        return self.source_start + (self.length if self.source_length is None else self.source_length)


@dataclass
class Block:
    kind: BlockKind
    text: str
    segments: list[Segment]
    level: int | None = None  # heading level, 1-6
    attrs: dict[str, Any] = field(default_factory=dict)

    def source_offset(self, index: int) -> int:
        """Source offset of the character at `index` in the block text.

        `index == len(text)` maps to the end of the last character, so the end of a span
        can be converted the same way as its start.
        """
        if not self.segments:
            return 0
        pos = bisect.bisect_right(self._segment_starts, index) - 1
        seg = self.segments[max(pos, 0)]
        delta = index - seg.text_start
        if delta < 0:
            return seg.source_start
        if delta >= seg.length:
            # Inside inserted text (a joining space, say) or past the end: map to the end
            # of this segment, which is the nearest real source character.
            return seg.source_end
        if seg.source_length is not None:
            return seg.source_start
        return seg.source_start + delta

    @cached_property
    def _segment_starts(self) -> list[int]:
        return [seg.text_start for seg in self.segments]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            begin = self.source_offset(start)
            return begin, begin
        return self.source_offset(start), self._source_end(end - 1)

    def _source_end(self, index: int) -> int:
        """Source offset just after the character at `index`."""
        if self.segments:
            seg = self.segments[max(bisect.bisect_right(self._segment_starts, index) - 1, 0)]
            if seg.source_length is not None and seg.text_start <= index < seg.text_start + seg.length:
                return seg.source_end
        return self.source_offset(index) + 1

    def slice(self, start: int, end: int) -> Block | None:
        """The block's text [start, end) as a block of its own (trimmed), offsets kept; None if blank."""
        piece = self.text[start:end]
        stripped = piece.strip()
        if not stripped:
            return None
        start += len(piece) - len(piece.lstrip())
        end = start + len(stripped)
        segments = []
        for seg in self.segments:
            seg_end = seg.text_start + seg.length
            if seg_end <= start or seg.text_start >= end:
                continue
            if seg.source_length is not None:  # an entity stays whole, in the piece it starts in
                if seg.text_start >= start:
                    segments.append(
                        Segment(seg.text_start - start, seg.source_start, min(seg.length, end - seg.text_start), seg.source_length)
                    )
                continue
            first, last = max(seg.text_start, start), min(seg_end, end)
            segments.append(Segment(first - start, seg.source_start + first - seg.text_start, last - first))
        return Block(self.kind, stripped, segments, self.level, dict(self.attrs))

    def text_index(self, offset: int) -> int | None:
        """Index in the block text of a source offset (its end, inside an entity); None when
        the offset lies outside the block."""
        for seg in self.segments:
            if seg.source_start <= offset <= seg.source_end:
                if seg.source_length is not None:
                    return seg.text_start if offset == seg.source_start else seg.text_start + seg.length
                return seg.text_start + offset - seg.source_start
        return None

    def is_contiguous(self, start: int, end: int) -> bool:
        """True when block text [start, end) is one unbroken run of source text."""
        if not self.segments:
            return False
        seg = self.segments[max(bisect.bisect_right(self._segment_starts, start) - 1, 0)]
        return seg.text_start <= start and end <= seg.text_start + seg.length


LOOK_BACK = 16  # blocks before the one starting last before an offset that may still hold it

# Characters that only say how to break or join (a soft hyphen, zero-width space, word
# joiner, a byte-order mark mid-text). Left in, "er\u00adhålla" is no word any rule knows;
# they are dropped from block text while the segments keep pointing at the source.
INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]+")


class BlockBuilder:
    """Builds a block's text piece by piece while recording where each piece came from."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        # [text_start, source_start, length, source_length]; Segments are made in build().
        self._segments: list[list[Any]] = []
        self._length = 0

    def add(self, text: str, source_start: int) -> None:
        if not text:
            return
        if INVISIBLE.search(text) is not None:
            position = 0
            for match in INVISIBLE.finditer(text):
                self._add(text[position : match.start()], source_start + position)
                position = match.end()
            self._add(text[position:], source_start + position)
            return
        self._add(text, source_start)

    def _add(self, text: str, source_start: int) -> None:
        if not text:
            return
        length = self._length
        if self._segments:
            last = self._segments[-1]
            run = last[2]
            if last[3] is None and last[0] + run == length and last[1] + run == source_start:
                last[2] = run + len(text)
                self._parts.append(text)
                self._length = length + len(text)
                return
        self._segments.append([length, source_start, len(text), None])
        self._parts.append(text)
        self._length = length + len(text)

    def add_replaced(self, text: str, source_start: int, source_length: int) -> None:
        """Add text that stands for `source_length` source characters (an entity, say)."""
        if not text:
            return
        self._segments.append([self._length, source_start, len(text), source_length])
        self._parts.append(text)
        self._length += len(text)

    def add_virtual(self, text: str) -> None:
        """Add text with no source of its own (a space joining two lines, say)."""
        self._parts.append(text)
        self._length += len(text)

    @property
    def text(self) -> str:
        return "".join(self._parts)

    def build(self, kind: BlockKind, level: int | None = None, **attrs: Any) -> Block | None:
        text = "".join(self._parts)
        # Trim surrounding whitespace without losing the offset map.
        trimmed = text.strip()
        if not trimmed:
            return None
        left = len(text) - len(text.lstrip())
        right = left + len(trimmed)
        segments = []
        for text_start, source_start, length, source_length in self._segments:
            start = text_start if text_start > left else left
            end = text_start + length
            end = end if end < right else right
            if end <= start:
                continue
            if source_length is None:
                source_start += start - text_start
            segments.append(Segment(start - left, source_start, end - start, source_length))
        return Block(kind, trimmed, segments, level, attrs)


_NEWLINE = re.compile("\n")


class LineIndex:
    """Converts source offsets to 1-based line and character column."""

    def __init__(self, source: str) -> None:
        self.line_starts = [0, *(match.end() for match in _NEWLINE.finditer(source))]

    def locate(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def line_span(self, line: int) -> tuple[int, int]:
        start = self.line_starts[line - 1]
        end = self.line_starts[line] - 1 if line < len(self.line_starts) else None
        return start, end if end is not None else -1


@dataclass(frozen=True)
class Directive:
    """A suppression comment: kommlint-disable / -enable / -disable-next-line / -disable-file."""

    action: str  # "disable" | "enable" | "disable-next-line" | "disable-file"
    codes: tuple[str, ...]  # empty means every rule
    line: int
    reason: str | None = None


@dataclass
class Document:
    path: str
    source: str
    format: str
    blocks: list[Block]
    metadata: dict[str, Any] = field(default_factory=dict)
    encoding: str | None = "utf-8"
    raw: bytes | None = None
    directives: list[Directive] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    # Offsets where each page starts (PDF); lines are then counted within the page.
    page_starts: list[int] | None = None
    # What the reader recorded beside the prose (lint.document_parts); empty where the
    # format cannot express it.
    chrome: Chrome = field(default_factory=Chrome)
    headings: list[Heading] | None = None  # None: not recorded; the heading blocks stand for them
    tables: list[Table] = field(default_factory=list)
    language: DeclaredLanguage | None = None  # None: the format (or a fragment) declares no language
    element_languages: list[ElementLanguage] = field(default_factory=list)
    block_languages: list[Any] | None = None  # per block, set by the engine (lint.language.languages)
    forms: list[Form] = field(default_factory=list)
    form_fields: list[FormField] = field(default_factory=list)
    front_matter: dict[str, Any] = field(default_factory=dict)  # Markdown: the front matter as written
    properties: Properties | None = None  # DOCX core properties, PDF document information
    # Whether missing elements can be judged: False for an HTML fragment, whose page
    # around it holds the sender, date and contact.
    whole_page: bool = True
    has_text: bool = True  # False for a PDF without a text layer (a scan)
    medium: Literal["web", "print", "text"] = "text"  # web: HTML, Markdown; print: DOCX, PDF
    binary: bool = False  # the source is text extracted from a binary file (DOCX, PDF)
    page_count: int | None = None  # PDF pages
    paragraph_count: int | None = None  # DOCX paragraphs, one source line each
    url: str | None = None  # the page's address, when known (crawl)
    newline: str = "\n"  # the file's own line ending, restored when a fix is written
    line_ends: list[str] | None = None  # mixed line endings, one per line
    metadata_problem: str | None = None  # why the front matter was refused (Swedish)
    _line_index: LineIndex | None = field(default=None, repr=False)
    _starts: tuple[tuple[int, int], list[tuple[int, int]]] | None = field(default=None, repr=False)

    @property
    def host(self) -> str | None:
        return host_of(self.url)

    @property
    def line_index(self) -> LineIndex:
        if self._line_index is None:
            self._line_index = LineIndex(self.source)
        return self._line_index

    def locate(self, offset: int) -> tuple[int, int, int | None]:
        """(line, column, page) of a source offset; page is None for unpaged formats."""
        offset = max(0, min(offset, len(self.source)))
        line, column = self.line_index.locate(offset)
        if not self.page_starts:
            return line, column, None
        page = bisect.bisect_right(self.page_starts, offset) - 1
        first_line, _ = self.line_index.locate(self.page_starts[page])
        return line - first_line + 1, column, page + 1

    def heading_before(self, offset: int) -> str | None:
        """Text of the nearest heading at or before a source offset.

        A block may name its own place instead (`attrs["section"]`: a page header, a footnote).
        """
        found = None
        for block in self.blocks:
            if block.segments and block.segments[0].source_start > offset:
                break
            if block.kind is BlockKind.HEADING and block.segments:
                found = block.text
            section = block.attrs.get("section")
            if section and block.segments and block.segments[-1].source_end >= offset:
                return section
        return found

    def text_after(self, offset: int, length: int = 200) -> str:
        """The prose that follows a source offset: the rest of its block, and the next
        block's text when nothing follows within the block."""
        starts = self._block_starts()
        # The block starting last at or before the offset holds it, as a rule; blocks read out
        # of source order (an image's alt text) are found by looking further back.
        last = bisect.bisect_right(starts, (offset, len(starts))) - 1
        for position in range(last, max(last - LOOK_BACK, -1), -1):
            index = starts[position][1]
            block = self.blocks[index]
            found = block.text_index(offset)
            if found is None:
                continue
            rest = block.text[found:]
            if not rest.strip() and index + 1 < len(self.blocks):
                rest += " " + self.blocks[index + 1].text
            return rest[:length]
        return ""

    def _block_starts(self) -> list[tuple[int, int]]:
        """(source start, index) of each block with text, by start; kept while the blocks are."""
        key = (id(self.blocks), len(self.blocks))
        if self._starts is None or self._starts[0] != key:
            starts = sorted((block.segments[0].source_start, index) for index, block in enumerate(self.blocks) if block.segments)
            self._starts = (key, starts)
        return self._starts[1]

    def line_text(self, line: int) -> str:
        start, end = self.line_index.line_span(line)
        return self.source[start:] if end == -1 else self.source[start:end]

    @property
    def text(self) -> str:
        """All prose, block by block, for document-level searches."""
        return "\n\n".join(block.text for block in self.blocks)
