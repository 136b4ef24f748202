"""PDF via pypdf: text per page, lines grouped into paragraphs and headings.

The source text is the extracted text, page after page, one PDF text line per source
line, and `page_starts` records where each page begins, so a finding reports its page
and its line within the page. In the prose, a paragraph's lines are joined with a space,
and a word hyphenated at a line break is joined again ("stadsbyggnads-" + "kontoret").
Paragraph breaks and headings come from the gaps between lines, font sizes and bold type.
A running header or footer is prose once, on the first page that has it; page numbers are
not prose. Both stay in the source text, so positions after them stay right.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from dataclasses import dataclass, field

from lint.document import BlockBuilder, BlockKind, Document, Link
from lint.document_parts import ChromeText, DeclaredLanguage, Heading, Properties
from lint.errors import ReadError
from lint.formats.guard import reader_errors

HYPHENATED = re.compile(r"(?<=[a-zåäöéü])-$")
HEADING_SIZE = 1.15  # a line this much larger than the body text is a heading
MAX_HEADING_CHARS = 120
MAX_BOLD_HEADING_CHARS = 80  # a short line in bold body text, without a full stop, is a heading
BOLD_WEIGHTS = ("bold", "black", "heavy", "semibold")
PAGE_NUMBER = re.compile(r"^(?:sida|s\.|page)?\s*\d+\s*(?:(?:av|/|of)\s*\d+)?$", re.I)
BROKEN = "PDF-filen är skadad eller avkortad och går inte att läsa."


@dataclass
class _Line:
    text: str = ""
    y: float | None = None
    size: float = 0.0
    fragments: list[tuple[int, float, float, str]] = field(default_factory=list)  # (start, x, y, text)
    plain: bool = False  # some text on the line is not in a bold font

    def normalized(self) -> _Line:
        """The line with runs of whitespace collapsed and ends stripped, fragments moved along."""
        text, moved = "", []
        for char in self.text:
            moved.append(len(text))
            if not (char.isspace() and (not text or text[-1] == " ")):
                text += " " if char.isspace() else char
        moved.append(len(text))
        stripped = text.rstrip()
        fragments = [(moved[start], x, y, piece) for start, x, y, piece in self.fragments]
        return _Line(stripped, self.y, self.size, [f for f in fragments if f[0] < len(stripped)], self.plain)

    @property
    def bold(self) -> bool:
        return not self.plain


@dataclass
class _Page:
    lines: list[_Line] = field(default_factory=list)
    links: list[tuple[str, tuple[float, float, float, float]]] = field(default_factory=list)  # (uri, rect)
    spacing: float = 0.0  # the usual line spacing, worked out once per page


@reader_errors("PDF-filen")
def read_pdf(path: str, data: bytes, settings=None) -> Document:
    reader = _open(data)
    pages = [_page_lines(page) for page in _pages(reader)]
    document = Document(path=path, source="", format="pdf", blocks=[], encoding=None, raw=data, medium="print", binary=True)
    _build(document, pages)
    document.metadata.update(_metadata(reader))
    document.properties = _properties(reader)
    document.has_text = any(line.text.strip() for page in pages for line in page.lines)
    document.page_count = len(pages)
    document.language = DeclaredLanguage(_language(reader))
    document.headings = [_heading(block) for block in document.blocks if block.kind is BlockKind.HEADING and block.level is not None]
    return document


def _heading(block) -> Heading:
    offset, end = block.source_span(0, len(block.text))
    return Heading(block.level, block.text, offset, end, level_guessed=True)


def _open(data: bytes):
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    _silence_pypdf()
    if not data.strip():
        raise ReadError("Filen är tom.")
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise ReadError("Filen är ingen PDF (den börjar inte med %PDF). Kontrollera formatet.")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReadError("PDF-filen är lösenordsskyddad och kan inte läsas. Spara en version utan lösenord.")
        len(reader.pages)
    except ReadError:
        raise
    except (FileNotDecryptedError, DependencyError):
        raise ReadError("PDF-filen är krypterad och kan inte läsas. Spara en version utan lösenord.") from None
    except (PdfReadError, ValueError, KeyError, TypeError, OSError):
        raise ReadError(BROKEN) from None
    return reader


def _silence_pypdf() -> None:
    """pypdf's log lines (even its "errors" on odd fonts) are not for our users, nor stderr.

    Without a handler of its own, Python's last-resort handler prints them, into the
    middle of `--format json` output read from the same terminal.
    """
    logger = logging.getLogger("pypdf")
    if not any(isinstance(handler, logging.NullHandler) for handler in logger.handlers):
        logger.addHandler(logging.NullHandler())
    logger.propagate = False
    logger.setLevel(logging.CRITICAL)


def _pages(reader):
    from pypdf.errors import PdfReadError

    try:
        yield from reader.pages
    except (PdfReadError, ValueError, KeyError, TypeError):
        raise ReadError(BROKEN) from None


def _page_lines(page) -> _Page:
    result = _Page()
    current = _Line()

    def visit(text, cm, tm, font, size) -> None:
        nonlocal current
        scale = abs(tm[3] or 1) * abs(cm[3] or 1)
        for index, piece in enumerate(text.split("\n")):
            if index:  # an explicit line break
                result.lines.append(current)
                current = _Line()
            if not piece:
                continue
            y = tm[5] * abs(cm[3] or 1) + cm[5]
            if current.text and current.y is not None and abs(y - current.y) > 1 and (y or current.y):
                result.lines.append(current)
                current = _Line()
            if current.y is None or not current.text.strip():
                current.y = y
            current.fragments.append((len(current.text), tm[4] * abs(cm[0] or 1) + cm[4], y, piece))
            current.text += piece
            if piece.strip():
                current.size = max(current.size, (size or 0) * scale)
                current.plain = current.plain or not _is_bold(font)

    try:
        page.extract_text(visitor_text=visit)
    except Exception as error:  # pypdf raises many kinds on broken content streams
        raise ReadError(f"Texten på en sida i PDF-filen går inte att läsa ({type(error).__name__}).") from None
    result.lines.append(current)
    result.lines = [line.normalized() for line in result.lines]
    result.lines = [line for line in result.lines if line.text]
    result.spacing = _line_spacing(result)
    result.links = _link_annotations(page)
    return result


def _link_annotations(page) -> list[tuple[str, tuple[float, float, float, float]]]:
    links = []
    try:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            action = annotation.get("/A") or {}
            if annotation.get("/Subtype") == "/Link" and action.get("/URI"):
                x1, y1, x2, y2 = (float(v) for v in annotation["/Rect"])
                links.append((str(action["/URI"]), (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))))
    except Exception:  # broken annotations are no reason to refuse the text
        return links
    return links


def _read_links(document: Document, page: _Page, line_offsets: list[int]) -> None:
    """Links whose area covers text fragments: the text they cover, at its place."""
    for uri, (x1, y1, x2, y2) in page.links:
        covered = [
            (line_offsets[index] + start, piece.strip(), line_offsets[index] + start + len(piece.rstrip()))
            for index, line in enumerate(page.lines)
            for start, x, y, piece in line.fragments
            if piece.strip() and x1 - 1 <= x < x2 and y1 - 2 <= y <= y2 + 2
        ]
        if covered:
            text = " ".join(piece for _, piece, _ in covered)
            document.links.append(Link(text, uri, covered[0][0], covered[-1][2]))


def _build(document: Document, pages: list[_Page]) -> None:
    sizes = Counter(round(line.size, 1) for page in pages for line in page.lines for _ in line.text)
    body = sizes.most_common(1)[0][0] if sizes else 0.0
    levels = sorted({round(line.size, 1) for page in pages for line in page.lines if _is_heading(line, body)}, reverse=True)
    texts: list[str] = []
    offset = 0
    document.page_starts = []
    running, seen = _running_lines(pages), set()
    if pages:
        document.chrome.letterhead = _letterhead(pages[0], body)
    for page in pages:
        document.page_starts.append(offset)
        paragraph: list[tuple[_Line, int]] = []
        previous: _Line | None = None
        _read_links(document, page, _offsets(page, offset))
        for line in page.lines:
            shape = _shape(line.text)
            edge = line is page.lines[0] or line is page.lines[-1]
            repeated = edge and (PAGE_NUMBER.match(line.text) or (shape in running and shape in seen))
            if edge and shape in running and shape not in seen:  # a running header or footer, read once
                region = "header" if line is page.lines[0] else "footer"
                document.chrome.parts.append(ChromeText(region, line.text, offset, offset + len(line.text)))
            seen.add(shape)
            if repeated or (previous is not None and _breaks(previous, line, body, page)):
                _add_block(document, paragraph, body, levels)
                paragraph = []
            if not repeated:  # a page number, or a running header already read, is no prose
                paragraph.append((line, offset))
            texts.append(line.text)
            offset += len(line.text) + 1
            previous = line
        _add_block(document, paragraph, body, levels)
        if not page.lines:
            texts.append("")
            offset += 1
    document.source = "\n".join(texts)


LETTERHEAD_LINES = 10  # at most this many lines above the first page's first heading
PLAIN_LETTERHEAD_LINES = 5  # the top lines of a first page without a heading


def _letterhead(page: _Page, body: float) -> str:
    """The first page's top lines, above its first heading: the sender's letterhead."""
    first = next((index for index, line in enumerate(page.lines) if _is_heading(line, body)), None)
    lines = page.lines[: min(first, LETTERHEAD_LINES)] if first is not None else page.lines[:PLAIN_LETTERHEAD_LINES]
    return "\n".join(line.text for line in lines)


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", text.strip().lower())


def _running_lines(pages: list[_Page]) -> set[str]:
    """Page headers and footers: lines at the top or bottom of most pages, numbers aside."""
    if len(pages) < 3:
        return set()
    counts: Counter = Counter()
    inside: set[str] = set()  # a shape that also stands mid-page is body text, not a header
    for page in pages:
        counts.update({_shape(line.text) for line in page.lines[:1] + page.lines[-1:]})
        inside.update(_shape(line.text) for line in page.lines[1:-1])
    return {shape for shape, count in counts.items() if count >= 0.6 * len(pages) and shape not in inside}


def _offsets(page: _Page, offset: int) -> list[int]:
    starts = []
    for line in page.lines:
        starts.append(offset)
        offset += len(line.text) + 1
    return starts


def _is_bold(font) -> bool:
    try:
        name = str(font.get("/BaseFont", "")) if font is not None else ""
    except Exception:  # an odd font dictionary: treat the text as plain
        return False
    return any(weight in name.lower() for weight in BOLD_WEIGHTS)


def _is_heading(line: _Line, body: float) -> bool:
    if body <= 0 or len(line.text) > MAX_HEADING_CHARS:
        return False
    larger = line.size >= body * HEADING_SIZE
    bold_line = line.bold and abs(line.size - body) <= 0.5 and len(line.text) <= MAX_BOLD_HEADING_CHARS
    return larger or (bold_line and not line.text.endswith((".", ",", ";")))


def _breaks(previous: _Line, line: _Line, body: float, page: _Page) -> bool:
    """A new paragraph starts at a change of font size or a gap wider than the line spacing."""
    if _is_heading(previous, body) != _is_heading(line, body) or abs(previous.size - line.size) > 0.5:
        return True
    if previous.y is None or line.y is None:
        return False
    gap = previous.y - line.y
    spacing = page.spacing
    # Wider than the usual spacing, or wider than any line spacing (1.8 × the font size).
    return gap < 0 or (spacing > 0 and gap > spacing * 1.4) or (line.size > 0 and gap > line.size * 1.8)


def _line_spacing(page: _Page) -> float:
    gaps = Counter(
        round(a.y - b.y, 1)
        for a, b in zip(page.lines, page.lines[1:])
        if a.y is not None and b.y is not None and a.y - b.y > 0 and abs(a.size - b.size) <= 0.5
    )
    # The line spacing inside paragraphs is the smallest gap that recurs; wider gaps part them.
    recurring = [gap for gap, count in gaps.items() if count >= 2]
    return min(recurring) if recurring else (min(gaps) if gaps else 0.0)


def _add_block(document: Document, lines: list[tuple[_Line, int]], body: float, levels: list[float]) -> None:
    if not lines:
        return
    builder = BlockBuilder()
    for index, (line, offset) in enumerate(lines):
        text = line.text
        following = lines[index + 1][0].text if index + 1 < len(lines) else ""
        if following[:1].islower() and HYPHENATED.search(text):
            builder.add(text[:-1], offset)  # "stadsbyggnads-" + "kontoret"
            continue
        builder.add(text, offset)
        if following:
            builder.add_virtual(" ")
    first = lines[0][0]
    heading = _is_heading(first, body) and len(lines) <= 2
    kind = BlockKind.HEADING if heading else BlockKind.PARAGRAPH
    level = min(levels.index(round(first.size, 1)) + 1, 6) if heading and round(first.size, 1) in levels else None
    block = builder.build(kind, level)
    if block is not None:
        document.blocks.append(block)


def _metadata(reader) -> dict:
    try:
        info = reader.metadata or {}
    except Exception:  # a broken info dictionary is not worth failing the file for
        return {}
    found = {"title": info.get("/Title"), "author": info.get("/Author"), "date": info.get("/CreationDate"), "updated": info.get("/ModDate")}
    return {key: str(value).strip() for key, value in found.items() if value and str(value).strip()}


def _properties(reader) -> Properties:
    try:
        info = reader.metadata or {}
    except Exception:  # a broken info dictionary is not worth failing the file for
        return Properties()

    def text(key: str) -> str | None:
        value = info.get(key)
        return str(value).strip() or None if value is not None else None

    return Properties(
        title=text("/Title"),
        author=text("/Author"),
        subject=text("/Subject"),
        keywords=text("/Keywords"),
        created=text("/CreationDate"),
        modified=text("/ModDate"),
        creator=text("/Creator") or text("/Producer"),
    )


def _language(reader) -> str | None:
    try:
        value = reader.trailer["/Root"].get("/Lang")
    except Exception:  # no catalog language is the same as none
        return None
    return str(value).strip() or None if value is not None else None
