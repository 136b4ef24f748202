"""Checking a written Word file before anyone sees it: sound comment markup, the expected text."""

from __future__ import annotations

import io
import zipfile
from collections import Counter

from lxml import etree

from lint.formats.docx import W, w

COMMENT_TAGS = ("commentRangeStart", "commentRangeEnd", "commentReference")


class Unsound(Exception):
    """The written file is not what it should be (a bug, or a document we cannot handle)."""


def comment_markup(data: bytes, author: str = "kommlint") -> dict[str, int]:
    """Check kommlint's comments and changes: for each comment one start, then one end, then one
    reference, and a body; no id used twice. Returns the counts; raises `Unsound` otherwise.

    Only what `author` wrote is checked: a document may come with markup of its own that Word
    accepts but that is not this tidy (a comment with a reference and no range, say).
    """
    archive = zipfile.ZipFile(io.BytesIO(data))
    body = etree.fromstring(archive.read("word/document.xml"))
    names = set(archive.namelist())
    comments = etree.fromstring(archive.read("word/comments.xml")) if "word/comments.xml" in names else None
    for root in (body, comments):  # the two parts kommlint writes
        if root is not None and etree.QName(root).namespace != W:
            raise Unsound(f"{etree.QName(root).localname} har fel namnrymd")
    every = [c.get(w("id")) for c in comments.iter(w("comment"))] if comments is not None else []
    ours = {c.get(w("id")) for c in comments.iter(w("comment")) if c.get(w("author")) == author} if comments is not None else set()
    counted = Counter(every)
    if any(counted[number] > 1 for number in ours):
        raise Unsound("kommentarernas id är inte unika")
    seen: dict[str, list[str]] = {}
    for element in body.iter(*(w(tag) for tag in COMMENT_TAGS)):
        if element.get(w("id")) in ours:
            seen.setdefault(element.get(w("id")), []).append(etree.QName(element).localname)
    for number in ours:
        if seen.get(number) != list(COMMENT_TAGS):
            raise Unsound(f"kommentar {number} har markeringarna {seen.get(number, [])}")
    revisions = [e.get(w("id")) for e in body.iter(w("ins"), w("del"))]
    mine = [e.get(w("id")) for e in body.iter(w("ins"), w("del")) if e.get(w("author")) == author]
    counted = Counter(revisions)
    if any(counted[number] > 1 for number in mine):
        raise Unsound("de spårade ändringarnas id är inte unika")
    return {"comments": len(ours), "revisions": len(mine)}
