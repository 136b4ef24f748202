"""Source offsets → places in the Word XML, splitting runs so a span starts and ends on a run.

The DOCX reader traces every piece of source text to the element that gave it (a `w:t`,
`w:tab` …). A paragraph's pieces are kept here in source order; splitting a `w:t` or a
`w:r` at an offset keeps that order, so later offsets in the same paragraph still resolve.
"""

from __future__ import annotations

import bisect
import copy
from dataclasses import dataclass, field
from typing import Any

from lint.formats.docx import w

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# Containers a marker or a tracked change may stand in directly (run level).
RUN_PARENTS = {w("p"), w("hyperlink")}
# Children a run may hold and still be deleted as a tracked change: text and its spacing only.
PLAIN_RUN_CHILDREN = {w(tag) for tag in ("rPr", "t", "tab", "br", "cr", "noBreakHyphen", "softHyphen", "lastRenderedPageBreak")}


@dataclass
class Piece:
    start: int
    text: str
    element: Any

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def run(self):
        parent = self.element.getparent()
        return parent if parent is not None and parent.tag == w("r") else None


@dataclass
class Paragraph:
    element: Any
    part: str
    start: int  # source offset of the line
    end: int = 0  # source offset of the line's end ("\n" or end of source)
    pieces: list[Piece] = field(default_factory=list)

    @property
    def anchorable(self) -> bool:
        """Comments and tracked changes live in the main document part only (not in text boxes)."""
        return self.part in {"body", "cell"}

    def _starts(self) -> list[int]:
        return [piece.start for piece in self.pieces]

    def split_at(self, offset: int) -> None:
        """Make `offset` fall between two runs (or at the paragraph's edge)."""
        index = bisect.bisect_right(self._starts(), offset) - 1
        if index < 0:
            return
        piece = self.pieces[index]
        if piece.start < offset < piece.end:
            if piece.element.tag != w("t"):
                return
            self.pieces[index : index + 1] = _split_text(piece, offset - piece.start)
            index += 1
        elif piece.start != offset:
            return  # offset at or after the last piece's end
        if index == 0:
            return
        before, after = self.pieces[index - 1], self.pieces[index]
        if before.run is not None and before.run is after.run:
            _split_run(before.run, after.element)

    def first_at(self, offset: int) -> Piece | None:
        """The first piece starting at or after `offset`."""
        index = bisect.bisect_left(self._starts(), offset)
        return self.pieces[index] if index < len(self.pieces) else None

    def last_before(self, offset: int) -> Piece | None:
        """The last piece starting before `offset`."""
        index = bisect.bisect_left(self._starts(), offset) - 1
        return self.pieces[index] if index >= 0 else None

    def covering(self, start: int, end: int) -> list[Piece]:
        return [piece for piece in self.pieces if piece.start < end and piece.end > start]


def _split_text(piece: Piece, at: int) -> list[Piece]:
    element = piece.element
    second = copy.deepcopy(element)
    element.text, second.text = piece.text[:at], piece.text[at:]
    for node in (element, second):
        node.set(XML_SPACE, "preserve")
    element.addnext(second)
    return [Piece(piece.start, piece.text[:at], element), Piece(piece.start + at, piece.text[at:], second)]


def _split_run(run, first_child_of_second) -> None:
    """Move `first_child_of_second` and what follows it into a new run with the same format."""
    second = run.makeelement(run.tag, dict(run.attrib))
    properties = run.find(w("rPr"))
    if properties is not None:
        second.append(copy.deepcopy(properties))
    moving = [first_child_of_second, *first_child_of_second.itersiblings()]
    for child in moving:
        second.append(child)
    run.addnext(second)


def carrier(element):
    """The ancestor of a run that stands directly in a paragraph or hyperlink."""
    node = element
    while node.getparent() is not None and node.getparent().tag not in RUN_PARENTS:
        node = node.getparent()
    return node


def editable(run, field_runs: set) -> bool:
    """Whether a run can be wrapped in a tracked change: plain text, placed directly, no field."""
    if run is None or run.getparent() is None or run.getparent().tag not in RUN_PARENTS:
        return False
    if run in field_runs:
        return False
    return all(child.tag in PLAIN_RUN_CHILDREN for child in run)


def field_result_runs(container) -> set:
    """Runs showing a complex field's result (Word rewrites them when fields update).

    The set holds the elements themselves: lxml keeps a proxy's identity only while it lives.
    """
    found: set = set()
    depth = 0
    showing = []  # per open field: past its separator
    for run in container.iter(w("r")):
        char = run.find(w("fldChar"))
        kind = char.get(w("fldCharType")) if char is not None else None
        if kind == "begin":
            depth += 1
            showing.append(False)
        elif kind == "separate" and showing:
            showing[-1] = True
        elif kind == "end" and showing:
            depth -= 1
            showing.pop()
        elif depth and any(showing):
            found.add(run)
    return found


def paragraphs_of(tree) -> list[Paragraph]:
    """The document's lines as `Paragraph`s, each with its pieces, in source order."""
    result = [Paragraph(element, part, start) for element, part, start in tree.paragraphs]
    source_length = len(tree.document.source)
    for index, paragraph in enumerate(result):
        paragraph.end = result[index + 1].start - 1 if index + 1 < len(result) else source_length
    starts = [paragraph.start for paragraph in result]
    for start, text, element in tree.pieces:
        result[bisect.bisect_right(starts, start) - 1].pieces.append(Piece(start, text, element))
    return result
