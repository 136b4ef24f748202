"""Single-spaced block text: what the rules read, whatever spaces the draft has.

Drafts pasted from Word or a web page carry doubled spaces, tabs and non-breaking spaces
between words ("inom tre  veckor"). spaCy makes a token of every extra space, so phrase
lists, patterns and neighbour checks would all miss there. Every run of such spaces
becomes one plain space in the block text; the segments keep pointing at the source, so
findings land on the characters the user wrote. A run with a space that stands for
left-out source (the reader's space for a code span or an image) stays as it is: rules
tell such a gap from a plain space. The block as read stays in
`attrs["as_read"]` for the rule about the spaces themselves (SPR008).
"""

from __future__ import annotations

import re

from lint.document import Block, Segment

# Spaces within a line: plain, tab, no-break, figure and narrow no-break space.
SPACES = re.compile("[ \t\u00a0\u2007\u202f]+")
ODD_SPACE = re.compile("[\t\u00a0\u2007\u202f]|  ")
AS_READ = "as_read"


def single_spaced(block: Block) -> Block:
    """The block with every run of spaces as one plain space (the block itself when it has none)."""
    if ODD_SPACE.search(block.text) is None:
        return block
    owner = _owners(block)
    kept: list[int] = []  # for each character of the new text, its index in the old
    parts: list[str] = []
    position = 0
    for run in SPACES.finditer(block.text):
        if run.end() - run.start() > 1 and any(index not in owner for index in range(run.start(), run.end())):
            continue  # a space standing for left-out source (a code span, an image) keeps its run
        kept.extend(range(position, run.start()))
        parts.append(block.text[position : run.start()])
        kept.append(run.start())
        parts.append(" ")
        position = run.end()
    kept.extend(range(position, len(block.text)))
    parts.append(block.text[position:])
    attrs = {**block.attrs, AS_READ: block}
    return Block(block.kind, "".join(parts), _segments(owner, kept), block.level, attrs)


def _segments(owner: dict[int, Segment], kept: list[int]) -> list[Segment]:
    """Segments for the new text: runs of kept characters that are consecutive in one old segment."""
    segments: list[Segment] = []
    for new_index, old_index in enumerate(kept):
        seg = owner.get(old_index)
        if seg is None:
            continue  # text with no source of its own (a joining space)
        last = segments[-1] if segments else None
        if seg.source_length is not None:  # an entity (&nbsp;) stays one unit
            if last is not None and last.source_start == seg.source_start and last.source_length == seg.source_length:
                segments[-1] = Segment(last.text_start, last.source_start, last.length + 1, last.source_length)
            else:
                segments.append(Segment(new_index, seg.source_start, 1, seg.source_length))
            continue
        source = seg.source_start + old_index - seg.text_start
        if last is not None and last.source_length is None and last.text_start + last.length == new_index and last.source_end == source:
            segments[-1] = Segment(last.text_start, last.source_start, last.length + 1)
        else:
            segments.append(Segment(new_index, source, 1))
    return segments


def _owners(block: Block) -> dict[int, Segment]:
    return {index: seg for seg in block.segments for index in range(seg.text_start, seg.text_start + seg.length)}


def as_read(block: Block) -> Block:
    """The block as the format reader made it, before its spaces were made single."""
    return block.attrs.get(AS_READ, block)
