"""Plain text: paragraphs separated by blank lines.

Short lines without full stops inside one paragraph (an address, a signature, a list of
names) are read as separate blocks: joining them would make one long false "sentence".
A line holding only `# kommlint-disable …` is a suppression comment, not prose.
"""

from __future__ import annotations

import re

from lint.document import INVISIBLE, Block, BlockBuilder, BlockKind, Document
from lint.formats.directives import parse_directives

LIST_MARKER = re.compile(r"^\s*(?:[-*•–]|\d{1,2}[.)])\s+")
COMMENT_LINE = re.compile(r"^\s*(?:#|//)\s*kommlint-")
SHORT_LINE = 60
SENTENCE_END = (".", "!", "?", ":", ";", ",")


def read_text(path: str, source: str, **document_fields) -> Document:
    document = Document(path=path, source=source, format="text", blocks=[], **document_fields)
    paragraph: list[tuple[int, str]] = []  # (source offset, line text)
    offset = 0
    for line_number, line in enumerate(source.split("\n"), start=1):
        if COMMENT_LINE.match(line):
            document.directives.extend(parse_directives(line, line_number))
        elif INVISIBLE.sub("", line).strip():  # a line of soft hyphens alone is blank
            paragraph.append((offset, line))
        else:
            document.blocks.extend(_paragraph_blocks(paragraph))
            paragraph = []
        offset += len(line) + 1
    document.blocks.extend(_paragraph_blocks(paragraph))
    return document


def _paragraph_blocks(lines: list[tuple[int, str]]) -> list[Block]:
    if not lines:
        return []
    if any(LIST_MARKER.match(text) for _, text in lines):
        return _list_items(lines)
    if len(lines) > 1 and all(len(text.strip()) <= SHORT_LINE for _, text in lines):
        return _built(_block([line], _line_kind(line[1], alone=False)) for line in lines)
    return _built([_block(lines, _line_kind(lines[0][1], alone=len(lines) == 1))])


def _list_items(lines: list[tuple[int, str]]) -> list[Block]:
    items: list[list[tuple[int, str]]] = []
    for offset, text in lines:
        marker = LIST_MARKER.match(text)
        if marker or not items:
            skip = marker.end() if marker else 0
            items.append([(offset + skip, text[skip:])])
        else:
            items[-1].append((offset, text))
    return _built(_block(item, BlockKind.LIST_ITEM) for item in items)


def _line_kind(text: str, alone: bool) -> BlockKind:
    """A lone short line without end punctuation, starting with a capital, is a heading."""
    stripped = text.strip()
    if alone and len(stripped) <= 80 and stripped[:1].isupper() and not stripped.endswith(SENTENCE_END):
        return BlockKind.HEADING
    return BlockKind.PARAGRAPH


def _block(lines: list[tuple[int, str]], kind: BlockKind) -> Block | None:
    """The block of `lines`, or None when nothing is left of them (a list marker alone: "1. ")."""
    builder = BlockBuilder()
    for index, (offset, text) in enumerate(lines):
        if index:
            builder.add_virtual(" ")
        builder.add(text, offset)
    return builder.build(kind, inferred=True) if kind is BlockKind.HEADING else builder.build(kind)


def _built(blocks) -> list[Block]:
    return [block for block in blocks if block is not None]
