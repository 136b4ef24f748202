"""Word documents (.docx) via python-docx.

The document's source text is its paragraphs, one line each, in document order: the
body (with table cells and text boxes where they stand), then headers and footers, then
footnotes and endnotes. A finding's line is thus the paragraph number, counted from 1
with headings and empty paragraphs included, and its column the character within it.
Tracked deletions, field codes and comments are not prose; tracked insertions are.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from lint.document import BlockBuilder, BlockKind, Document, Image, Link
from lint.document_parts import ChromeText, DeclaredLanguage, Heading, Properties, Table
from lint.errors import ReadError
from lint.formats.guard import reader_errors

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
DECORATIVE = "http://schemas.microsoft.com/office/drawing/2017/decorative"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
NOT_PROSE = {f"{{{W}}}{tag}" for tag in ("del", "moveFrom", "instrText", "delText", "delInstrText", "txbxContent", "commentReference")}
NOT_PROSE |= {f"{{{MC}}}Fallback"}
HEADING_STYLE = re.compile(r"^(?:heading|rubrik)\s*(\d)$", re.I)
LIST_STYLE = re.compile(r"^(?:list|liststycke|lista|punktlista|numrerad lista)", re.I)
TITLE_STYLES = {"title", "rubrik"}
PARTS = (
    ("header", re.compile(r"^/word/header\d*\.xml$")),
    ("footer", re.compile(r"^/word/footer\d*\.xml$")),
    ("footnote", re.compile(r"^/word/footnotes\.xml$")),
    ("endnote", re.compile(r"^/word/endnotes\.xml$")),
)
PART_NAMES = {"header": "sidhuvud", "footer": "sidfot", "footnote": "fotnot", "endnote": "slutnot"}  # shown as the place
MAX_RATIO = 200  # a zip entry that unpacks to more than this many times its size is suspect


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass
class _Line:
    """One paragraph of the document, as it will stand in the source."""

    builder: BlockBuilder = field(default_factory=BlockBuilder)
    parts: list[str] = field(default_factory=list)
    length: int = 0
    origins: list | None = None  # (source offset, text, XML element) per piece, when recorded

    def add(self, piece: tuple[str, Any], line_start: int) -> None:
        text = piece[0].replace("\r", " ").replace("\n", " ")  # one paragraph stays one line
        self.builder.add(text, line_start + self.length)
        if self.origins is not None and text:
            self.origins.append((line_start + self.length, text, piece[1]))
        self.parts.append(text)
        self.length += len(text)


class _Hyperlink(NamedTuple):
    href: str
    pieces: list[tuple[str, Any]]


@dataclass
class DocxTree:
    """A read document with the XML it came from, for writing a copy (`kommlint annotate`).

    `pieces` are (source offset, text, element) in source order: the element is the `w:t`,
    `w:tab` … that gave the text. `paragraphs` are (element, part, source offset) per line.
    """

    word: Any
    document: Document
    pieces: list[tuple[int, str, Any]]
    paragraphs: list[tuple[Any, str, int]]


@reader_errors("Word-dokumentet")
def read_docx(path: str, data: bytes, settings=None) -> Document:
    return _read(path, data, settings, record=False).document


@reader_errors("Word-dokumentet")
def read_docx_tree(path: str, data: bytes, settings=None) -> DocxTree:
    """The document and its XML, each piece of source text traced to its element."""
    return _read(path, data, settings, record=True)


def _read(path: str, data: bytes, settings, record: bool) -> DocxTree:
    limit = getattr(settings, "max_unpacked_size", 200 * 1024 * 1024)
    _check_container(data, limit)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        word = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise ReadError(f"Filen går inte att läsa som Word-dokument (docx): {error}.") from None
    except Exception as error:  # lxml errors on broken XML, and the like
        raise ReadError(f"Word-dokumentet är skadat och går inte att läsa ({type(error).__name__}).") from None
    reader = _DocxReader(path, word, record)
    document = reader.read(data)
    return DocxTree(word, document, reader.pieces or [], reader.paragraphs or [])


def _check_container(data: bytes, limit: int) -> None:
    if not data.strip():
        raise ReadError("Filen är tom.")
    if data.startswith(OLE_MAGIC):
        if "EncryptionInfo".encode("utf-16-le") in data:
            raise ReadError("Word-dokumentet är lösenordsskyddat (krypterat). Ta bort lösenordet och granska igen.")
        raise ReadError("Filen är i det gamla Word-formatet (.doc). Spara den som .docx och granska igen.")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, EOFError, ValueError):
        raise ReadError("Filen är inte ett giltigt Word-dokument (docx): den är skadad, avkortad eller av ett annat format.") from None
    total = sum(entry.file_size for entry in entries)
    # A part that packs unusually tightly is suspect only when it is also large, a share of the
    # limit: so max-unpacked-size governs both tests, and repetitive but small XML is read.
    bomb = any(entry.file_size > limit // 8 and entry.file_size > MAX_RATIO * max(entry.compress_size, 1) for entry in entries)
    if total > limit or bomb:
        raise ReadError(
            f"Word-dokumentet packas upp till {total // (1024 * 1024)} MB, vilket ser ut som en zip-bomb "
            f"(gränsen är {limit // (1024 * 1024)} MB; ändra max-unpacked-size om filen är äkta)."
        )
    if "word/document.xml" not in {entry.filename for entry in entries}:
        raise ReadError("Filen är ett zip-arkiv men inget Word-dokument (word/document.xml saknas).")
    broken = archive.testzip()
    if broken is not None:
        raise ReadError(f"Word-dokumentet är skadat eller avkortat (delen {broken} går inte att packa upp).")


class _DocxReader:
    def __init__(self, path: str, word, record: bool = False) -> None:
        self.word = word
        self.pieces: list | None = [] if record else None
        self.paragraphs: list | None = [] if record else None
        self.lines: list[str] = []
        self.offset = 0  # source offset where the next line starts
        self.document = Document(path=path, source="", format="docx", blocks=[], encoding=None, medium="print", binary=True)
        self.styles = _styles(word)
        self.headings: list[Heading] = []
        self.tables: list[Table] = []
        self.relationships: dict[str, str] = {}

    def read(self, data: bytes) -> Document:
        self.relationships = _relationships(self.word.part)
        self._container(self.word.element.body, "body")
        for part_name, xml_root, rels in self._other_parts():
            self.relationships = rels
            self._container(xml_root, part_name)
        document = self.document
        document.source = "\n".join(self.lines)
        document.raw = data
        document.metadata.update(_core_metadata(self.word))
        document.properties = _properties(self.word)
        language = _default_language(self.word) or document.metadata.get("language")
        document.language = DeclaredLanguage(language)
        document.headings, document.tables = self.headings, self.tables
        document.paragraph_count = len(self.lines)
        return document

    def _other_parts(self):
        from lxml import etree

        for part in self.word.part.package.iter_parts():
            for name, pattern in PARTS:
                if pattern.match(str(part.partname)):
                    root = part.element if hasattr(part, "element") else etree.fromstring(part.blob)
                    yield name, root, _relationships(part)

    # Walking the XML in document order ------------------------------------------------

    def _container(self, element, part: str) -> None:
        for child in element:
            tag = child.tag
            if tag == w("p"):
                self._paragraph(child, part)
            elif tag == w("tbl"):
                self._table(child, part)
            elif tag in {w("sdt"), w("sdtContent"), w("customXml"), w("footnote"), w("endnote"), w("hdr"), w("ftr")}:
                if tag in {w("footnote"), w("endnote")} and child.get(w("type")) in {
                    "separator",
                    "continuationSeparator",
                    "continuationNotice",
                }:
                    continue
                self._container(child, part)

    def _table(self, table, part: str) -> None:
        rows = table.findall(w("tr"))
        header = bool(rows) and rows[0].find(f"{w('trPr')}/{w('tblHeader')}") is not None
        self.tables.append(Table(self.offset, self.offset, len(rows), max((len(row.findall(w("tc"))) for row in rows), default=0), header))
        for row in rows:
            for cell in row.findall(w("tc")):
                self._container(cell, "cell" if part == "body" else part)

    def _paragraph(self, paragraph, part: str) -> None:
        line = _Line(origins=self.pieces)
        start = self.offset
        if self.paragraphs is not None:
            self.paragraphs.append((paragraph, part, start))
        links: list[Link] = []
        for piece in _runs(paragraph, self.relationships):
            if isinstance(piece, _Hyperlink):
                begin = start + line.length
                for inner in piece.pieces:
                    line.add(inner, start)
                links.append(Link("".join(text for text, _ in piece.pieces).strip(), piece.href, begin, start + line.length, _region(part)))
            else:
                line.add(piece, start)
        self._images(paragraph, start, part)
        self._add_line(line, paragraph, part, links)
        for box in _text_boxes(paragraph):
            self._container(box, "textbox")

    def _add_line(self, line: _Line, paragraph, part: str, links: list[Link]) -> None:
        text = "".join(line.parts)
        kind, level = self._kind(paragraph, part)
        if kind is BlockKind.HEADING:
            self.headings.append(Heading(level, text.strip(), self.offset, self.offset + len(text)))
        attrs = {"part": part} if part not in {"body", "cell"} else {}
        if part in PART_NAMES:
            attrs["section"] = PART_NAMES[part]
        block = line.builder.build(kind, level, **attrs)
        if block is not None:
            self.document.blocks.append(block)
            if part in {"header", "footer"}:  # the letterhead: the page's chrome, and prose too
                self.document.chrome.parts.append(ChromeText(part, block.text, self.offset, self.offset + len(text)))
        self.document.links.extend(links)
        self.lines.append(text)
        self.offset += len(text) + 1

    def _images(self, paragraph, start: int, part: str) -> None:
        for properties in paragraph.iter(f"{{{WP}}}docPr"):
            if any(a.tag == f"{{{MC}}}Fallback" for a in properties.iterancestors()):
                continue
            decorative = any(el.get("val") in {"1", "true"} for el in properties.iter(f"{{{DECORATIVE}}}decorative"))
            alt = (properties.get("descr") or properties.get("title") or "").strip()
            image = Image("" if decorative else (alt or None), properties.get("name", ""), start, start, _region(part))
            self.document.images.append(image)
            if image.region != "body":
                self.document.chrome.images.append(image)

    def _kind(self, paragraph, part: str) -> tuple[BlockKind, int | None]:
        properties = paragraph.find(w("pPr"))
        style_id = None
        outline = None
        numbered = False
        if properties is not None:
            style = properties.find(w("pStyle"))
            style_id = style.get(w("val")) if style is not None else None
            level = properties.find(w("outlineLvl"))
            outline = int(level.get(w("val"))) + 1 if level is not None and level.get(w("val"), "").isdigit() else None
            numbered = properties.find(w("numPr")) is not None
        name, style_level = self.styles.get(style_id, ("", None))
        level = outline or style_level
        if level is not None and 1 <= level <= 9 and part in {"body", "textbox"}:
            return BlockKind.HEADING, min(level, 6)
        if part == "cell":
            return BlockKind.TABLE_CELL, None
        if numbered or LIST_STYLE.match(name):
            return BlockKind.LIST_ITEM, None
        return BlockKind.PARAGRAPH, None


def _runs(paragraph, relationships: dict[str, str]):
    """Text of a paragraph in order: (text, element) pieces, and hyperlinks holding pieces."""
    for child in paragraph:
        if child.tag in NOT_PROSE:
            continue
        if child.tag == w("hyperlink"):
            yield _Hyperlink(_href(child, relationships), list(_texts(child)))
        elif child.tag == w("pPr"):
            continue
        else:
            yield from _texts(child)


def _texts(element):
    if element.tag in NOT_PROSE:
        return
    tag = element.tag
    if tag == w("t"):
        yield element.text or "", element
    elif tag in {w("tab"), w("br"), w("cr")} and element.getparent() is not None and element.getparent().tag == w("r"):
        yield " ", element
    elif tag == w("noBreakHyphen"):
        yield "-", element
    else:
        for child in element:
            yield from _texts(child)


def _href(link, relationships: dict[str, str]) -> str:
    relationship = link.get(f"{{{R}}}id")
    anchor = link.get(w("anchor"))
    if relationship and relationship in relationships:
        return relationships[relationship] + (f"#{anchor}" if anchor else "")
    return f"#{anchor}" if anchor else ""


def _text_boxes(paragraph):
    for box in paragraph.iter(w("txbxContent")):
        if not any(a.tag == f"{{{MC}}}Fallback" for a in box.iterancestors()):
            yield box


def _relationships(part) -> dict[str, str]:
    rels = {}
    for rel_id, rel in getattr(part, "rels", {}).items():
        try:
            rels[rel_id] = rel.target_ref
        except Exception:  # a broken relationship is not prose; skip it
            continue
    return rels


def _styles(word) -> dict[str, tuple[str, int | None]]:
    """Style id → (name, heading level), the level inherited from the style it is based on.

    Read from the XML itself: python-docx finds each base style with an XPath over all
    styles, which made this the slowest step of reading a short document.
    """
    raw: dict[str, tuple[str, str | None, str | None]] = {}
    for style in word.styles.element.iterchildren(w("style")):
        name = style.find(w("name"))
        based = style.find(w("basedOn"))
        outline = style.find(f"{w('pPr')}/{w('outlineLvl')}")
        raw[style.get(w("styleId"))] = (
            name.get(w("val"), "") if name is not None else "",
            based.get(w("val")) if based is not None else None,
            outline.get(w("val")) if outline is not None else None,
        )
    return {style_id: (name, _style_level(style_id, raw)) for style_id, (name, _, _) in raw.items()}


def _style_level(style_id: str | None, raw: dict, depth: int = 0) -> int | None:
    if style_id not in raw or depth > 10:
        return None
    name, based, outline = raw[style_id]
    heading = HEADING_STYLE.match(name)
    if heading:
        return int(heading.group(1))
    if name.lower() in TITLE_STYLES:
        return 1
    if outline and outline.isdigit():
        return int(outline) + 1
    return _style_level(based, raw, depth + 1)


def _core_metadata(word) -> dict[str, Any]:
    core = word.core_properties
    found = {
        "title": core.title,
        "author": core.author,
        "language": core.language,
        "date": core.created.date().isoformat() if core.created else None,
        "updated": core.modified.date().isoformat() if core.modified else None,
    }
    return {key: value for key, value in found.items() if value}


def _properties(word) -> Properties:
    core = word.core_properties

    def text(value) -> str | None:
        return str(value).strip() or None if value else None

    return Properties(
        title=text(core.title),
        author=text(core.author),
        subject=text(core.subject),
        keywords=text(core.keywords),
        language=text(core.language),
        created=core.created.date().isoformat() if core.created else None,
        modified=core.modified.date().isoformat() if core.modified else None,
        last_modified_by=text(core.last_modified_by),
    )


def _region(part: str):
    """A DOCX part as a region of the page: the Word header and footer are its chrome."""
    return part if part in {"header", "footer"} else "body"


def _default_language(word) -> str | None:
    """The language of the document's default run properties (Word's "proofing language")."""
    element = word.styles.element.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}/{w('lang')}")
    normal = word.styles.element.find(f"{w('style')}[@{w('styleId')}='Normal']/{w('rPr')}/{w('lang')}")
    for candidate in (normal, element):
        if candidate is not None and candidate.get(w("val")):
            return candidate.get(w("val"))
    return None
