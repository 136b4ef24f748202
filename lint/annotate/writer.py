"""Writing findings into the Word XML: comments on the matched words, fixes as tracked changes."""

from __future__ import annotations

import bisect
import copy
import datetime as dt
from dataclasses import dataclass, field

from lxml import etree

from lint.annotate.anchors import (
    XML_SPACE,
    Paragraph,
    carrier,
    editable,
    field_result_runs,
    paragraphs_of,
)
from lint.diagnostics import Diagnostic, Edit
from lint.formats.docx import PART_NAMES, w

AUTHOR = "kommlint"
INITIALS = "KL"
TEXT_TAGS = {w("t"), w("tab"), w("br"), w("cr"), w("noBreakHyphen")}
OUTSIDE_PARTS = {**PART_NAMES, "textbox": "textruta"}


@dataclass
class Written:
    comments: int = 0
    changes: int = 0
    outside: int = 0  # findings outside the body, gathered in one comment
    applied: list[Edit] = field(default_factory=list)


class Annotator:
    """Adds one comment per finding and one tracked change per applicable fix to a `DocxTree`."""

    def __init__(self, tree) -> None:
        self.tree = tree
        self.word = tree.word
        self.paragraphs = paragraphs_of(tree)
        self._starts = [paragraph.start for paragraph in self.paragraphs]
        self.before: dict[int, object] = {}  # offset → element a start marker goes before
        self.after: dict[int, object] = {}  # offset → element an end marker goes after
        self.date = dt.datetime.now(dt.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
        self._field_runs: set | None = None
        self._next_id = 0

    def paragraph(self, offset: int) -> Paragraph:
        return self.paragraphs[max(bisect.bisect_right(self._starts, offset) - 1, 0)]

    def write(self, diagnostics: list[Diagnostic], fixes: list[Diagnostic]) -> Written:
        written = Written()
        if not self.paragraphs:
            return written
        inside = [d for d in diagnostics if self.paragraph(d.offset).anchorable]
        outside = [d for d in diagnostics if not self.paragraph(d.offset).anchorable]
        feasible = [d for d in fixes if all(self._can_change(edit) for edit in d.fix.edits)]
        self._split([(d.offset, self._clamped_end(d)) for d in inside] + [(e.offset, e.end_offset) for d in feasible for e in d.fix.edits])
        self._comments = self.word.comments._comments_elm  # python-docx adds the part if missing
        self._next_id = _max_id(self.word.element, self._comments)
        tracked = set()
        for d in feasible:
            for edit in d.fix.edits:
                self._change(edit)
                written.applied.append(edit)
            tracked.add(id(d))
            written.changes += 1
        for d in inside:
            self._comment(d.offset, self._clamped_end(d), comment_text(d, id(d) in tracked))
            written.comments += 1
        if outside and self._outside_comment(outside):
            written.comments += 1
            written.outside = len(outside)
        return written

    def _clamped_end(self, d: Diagnostic) -> int:
        first = self.paragraph(d.offset)
        return d.end_offset if self.paragraph(d.end_offset).anchorable else min(d.end_offset, first.end)

    def _split(self, spans: list[tuple[int, int]]) -> None:
        for offset in sorted({o for span in spans for o in span}):
            self.paragraph(offset).split_at(offset)

    # Tracked changes ------------------------------------------------------------------

    def _can_change(self, edit: Edit) -> bool:
        paragraph = self.paragraph(edit.offset)
        if not paragraph.anchorable or edit.end_offset > paragraph.end or "\n" in edit.replacement:
            return False
        if self._field_runs is None:  # fields may span paragraphs (a table of contents)
            self._field_runs = field_result_runs(self.word.element.body)
        runs = self._field_runs
        if edit.offset == edit.end_offset:
            neighbour = paragraph.last_before(edit.offset) or paragraph.first_at(edit.offset)
            return neighbour is not None and editable(neighbour.run, runs)
        covered = paragraph.covering(edit.offset, edit.end_offset)
        if not covered or covered[0].start > edit.offset or covered[-1].end < edit.end_offset:
            return False
        return all(piece.element.tag in TEXT_TAGS and editable(piece.run, runs) for piece in covered)

    def _change(self, edit: Edit) -> None:
        paragraph = self.paragraph(edit.offset)
        covered = paragraph.covering(edit.offset, edit.end_offset)
        runs = list(dict.fromkeys(piece.run for piece in covered))
        last = None
        for run in runs:
            last = self._delete(run)
            self.before.setdefault(edit.offset, last)
        if edit.replacement:
            model = runs[0] if runs else (paragraph.last_before(edit.offset) or paragraph.first_at(edit.offset)).run
            insertion = self._insertion(model, edit.replacement)
            if last is not None:
                last.addnext(insertion)
            elif paragraph.last_before(edit.offset) is not None:
                paragraph.last_before(edit.offset).run.addnext(insertion)
            else:
                paragraph.first_at(edit.offset).run.addprevious(insertion)
            last = insertion
            self.before.setdefault(edit.offset, insertion)
        if last is not None:
            self.after[edit.end_offset] = last

    def _revision(self, tag: str):
        element = self.word.element.makeelement(w(tag), {w("id"): str(self._take_id()), w("author"): AUTHOR, w("date"): self.date})
        return element

    def _take_id(self) -> int:
        self._next_id += 1
        return self._next_id

    def _delete(self, run):
        wrapper = self._revision("del")
        run.addprevious(wrapper)
        wrapper.append(run)
        for text in run.findall(w("t")):
            text.tag = w("delText")
        return wrapper

    def _insertion(self, model, text: str):
        wrapper = self._revision("ins")
        run = wrapper.makeelement(w("r"), {})
        properties = model.find(w("rPr")) if model is not None else None
        if properties is not None:
            run.append(copy.deepcopy(properties))
        node = run.makeelement(w("t"), {XML_SPACE: "preserve"})
        node.text = text
        run.append(node)
        wrapper.append(run)
        return wrapper

    # Comments -------------------------------------------------------------------------

    def _comment(self, start: int, end: int, text: str) -> None:
        number = str(self._take_id())  # one counter for comments and changes: no id is used twice
        self._comments.append(_comment_element(self._comments, number, text, self.date))
        begin = self.word.element.makeelement(w("commentRangeStart"), {w("id"): number})
        finish = self.word.element.makeelement(w("commentRangeEnd"), {w("id"): number})
        self._place_start(begin, start)
        reference = _reference_run(self.word.element, number)
        if end <= start:  # a point, such as a document-level finding with no words of its own
            begin.addnext(reference)
            begin.addnext(finish)
        else:
            self._place_end(finish, reference, end)

    def _place_start(self, marker, offset: int) -> None:
        if offset in self.before:
            self.before[offset].addprevious(marker)
            return
        paragraph = self.paragraph(offset)
        piece = paragraph.first_at(offset)
        if piece is not None:
            (piece.run if piece.run is not None else piece.element).addprevious(marker)
        else:
            paragraph.element.append(marker)

    def _place_end(self, marker, reference, offset: int) -> None:
        if offset in self.after:
            anchor = self.after[offset]
            anchor.addnext(reference)
            anchor.addnext(marker)
            return
        paragraph = self.paragraph(offset - 1)  # an end at a line's start belongs to the line before
        piece = paragraph.last_before(offset)
        if piece is not None:
            # The markers may stand inside a field, a content control or someone's tracked
            # insertion; the reference run goes outside it, so rejecting that keeps the comment.
            run = piece.run if piece.run is not None else piece.element
            carrier(run).addnext(reference)
            run.addnext(marker)
            return
        properties = paragraph.element.find(w("pPr"))
        index = 0 if properties is None else paragraph.element.index(properties) + 1
        paragraph.element.insert(index, reference)
        paragraph.element.insert(index, marker)

    def _outside_comment(self, outside: list[Diagnostic]) -> bool:
        target = next((p for p in self.paragraphs if p.anchorable and p.pieces), None)
        if target is None:
            return False
        lines = ["Fynd i sidhuvud, sidfot, fotnoter och textrutor, där kommlint inte sätter kommentarer:"]
        for d in outside:
            place = OUTSIDE_PARTS.get(self.paragraph(d.offset).part, "annan del")
            lines.append(f"{place}: ”{d.match[:60]}” – {d.message} ({d.code} {d.name})")
        self._comment(target.pieces[0].start, target.pieces[-1].end, "\n".join(lines))
        return True


def comment_text(d: Diagnostic, tracked: bool) -> str:
    lines = [d.message]
    if d.suggestions:
        lines.append("Förslag: " + " | ".join(d.suggestions))
    if tracked:
        lines.append("Rättningen finns som spårad ändring: godkänn eller avvisa den.")
    elif d.fix is not None and d.fix.safety != "safe":
        lines.append("Förslaget kan ändra betydelsen, så det är inte infört som ändring.")
    lines.append(f"Regel: {d.code} ({d.name})")
    return "\n".join(lines)


def _reference_run(root, number: str):
    run = root.makeelement(w("r"), {})
    properties = run.makeelement(w("rPr"), {})
    style = properties.makeelement(w("rStyle"), {w("val"): "CommentReference"})
    properties.append(style)
    run.append(properties)
    run.append(run.makeelement(w("commentReference"), {w("id"): number}))
    return run


def _comment_element(root, number: str, text: str, date: str):
    """A w:comment as Word writes one: a paragraph per line, the first with the annotation mark.

    Built here rather than with python-docx's add_comment, which looks for a free id with an
    XPath over all comments each time: quadratic in a long document.
    """
    comment = root.makeelement(w("comment"), {w("id"): number, w("author"): AUTHOR, w("date"): date, w("initials"): INITIALS})
    for index, line in enumerate(text.split("\n")):
        paragraph = etree.SubElement(comment, w("p"))
        etree.SubElement(etree.SubElement(paragraph, w("pPr")), w("pStyle"), {w("val"): "CommentText"})
        if index == 0:
            mark = etree.SubElement(paragraph, w("r"))
            etree.SubElement(etree.SubElement(mark, w("rPr")), w("rStyle"), {w("val"): "CommentReference"})
            etree.SubElement(mark, w("annotationRef"))
        node = etree.SubElement(etree.SubElement(paragraph, w("r")), w("t"), {XML_SPACE: "preserve"})
        node.text = line
    return comment


def _max_id(*roots) -> int:
    """The largest w:id in the main document and its comments, so new ids never collide."""
    found = -1
    for root in roots:
        for value in root.xpath("//@w:id"):
            if value.lstrip("-").isdigit():
                found = max(found, int(value))
    return found
