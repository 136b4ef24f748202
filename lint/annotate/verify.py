"""Checking a written Word file before anyone sees it: sound comment markup, the expected text."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from lint.formats.docx import W, w

COMMENT_TAGS = ("commentRangeStart", "commentRangeEnd", "commentReference")


class Unsound(Exception):
    """The written file is not what it should be (a bug, or a document we cannot handle)."""


def comment_markup(data: bytes) -> dict[str, int]:
    """Check every comment in the main document: one start, then one end, one reference, one body.

    Returns how many comments and tracked changes there are; raises `Unsound` otherwise.
    """
    archive = zipfile.ZipFile(io.BytesIO(data))
    body = etree.fromstring(archive.read("word/document.xml"))
    names = set(archive.namelist())
    comments = etree.fromstring(archive.read("word/comments.xml")) if "word/comments.xml" in names else None
    defined = [c.get(w("id")) for c in comments.iter(w("comment"))] if comments is not None else []
    if len(defined) != len(set(defined)):
        raise Unsound("kommentarernas id är inte unika")
    seen: dict[str, list[str]] = {}
    for element in body.iter(*(w(tag) for tag in COMMENT_TAGS)):
        seen.setdefault(element.get(w("id")), []).append(etree.QName(element).localname)
    for number, tags in seen.items():
        if tags != list(COMMENT_TAGS) or number not in defined:
            raise Unsound(f"kommentar {number} har markeringarna {tags}")
    revisions = [e.get(w("id")) for e in body.iter(w("ins"), w("del"))]
    if len(revisions) != len(set(revisions)):
        raise Unsound("de spårade ändringarnas id är inte unika")
    return {"comments": len(defined), "anchored": len(seen), "revisions": len(revisions)}


def namespaces_ok(data: bytes) -> None:
    """Every XML part parses and keeps the WordprocessingML namespace on its root."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    for name in archive.namelist():
        if name.endswith(".xml") and name.startswith("word/"):
            root = etree.fromstring(archive.read(name))
            if name in {"word/document.xml", "word/comments.xml"} and etree.QName(root).namespace != W:
                raise Unsound(f"{name} har fel rotelement")
