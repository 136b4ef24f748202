"""Web accessibility of the content (Lag 2018:1937, WCAG 2.1 AA): the TILL rules.

The format readers record what these checks need as typed fields of the document:
images, links, headings with their levels, tables and the declared language. Formats
that cannot express a feature simply leave it out, and the check finds nothing there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from pydantic import Field

from lint.document import BlockKind, Document
from lint.document_parts import Heading
from lint.language.text import ChunkKinds
from lint.rules.api import WHOLE_DOCUMENT_FORMATS, Hit, RuleContext
from lint.rules.kinds.python import Check

FILE_NAME = re.compile(r"^[\w\s.-]*\.(?:jpe?g|png|gif|svg|webp|bmp|tiff?|heic|avif)$|^(?:img|dsc|image|bild|foto)[_-]?\d+$", re.I)
VAGUE_ALT = {
    "bild",
    "bilden",
    "foto",
    "fotografi",
    "image",
    "img",
    "picture",
    "photo",
    "illustration",
    "ikon",
    "icon",
    "logo",
    "logotyp",
    "grafik",
    "figur",
}
VAGUE_LINKS = {
    "klicka här",
    "klicka",
    "här",
    "läs mer",
    "läs mer här",
    "mer",
    "mer info",
    "mer information",
    "länk",
    "länken",
    "denna länk",
    "den här länken",
    "gå hit",
    "click here",
    "here",
    "read more",
    "more",
    "link",
}
BARE_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
# A word: letters, joined by single hyphens ("e-post"). Only words without a lower-case
# letter from Latin-1 can be in capitals, so the regex finds just those, whole: it starts
# at the first letter (consumed first, so the regex engine skips ahead to candidates
# quickly) where no letter, or letter and hyphen, come before, and ends where no letter,
# or hyphen and letter, come after.
UPPER_LETTER = r"[^\W\d_a-zß-öø-ÿ]"
NOT_LOWER_WORD = re.compile(rf"{UPPER_LETTER}(?<![^\W\d_].)(?<![^\W\d_]-.){UPPER_LETTER}*(?:-{UPPER_LETTER}+)*(?![^\W\d_])(?!-[^\W\d_])")
RUN_GAP = re.compile(r"[ \t\xa0,:;!?.–-]+")
ROMAN = re.compile(r"^[IVXLCDM]+$")
SWEDISH = ("sv", "swe")
PDF_NOTE = re.compile(r"^\s*[(\[,–-]?\s*pdf\b", re.I)


def _at(offset: int, end: int, document: Document, **values: Any) -> Hit:
    values.setdefault("match", document.source[offset:end])
    return Hit(offset, end, values)


# TILL001 ----------------------------------------------------------------------------


class ImageAltText(Check):
    """Informative images need an alt text that says what the image shows."""

    variants = frozenset({"missing", "vague"})
    values = frozenset({"alt"})

    def run(self, ctx: RuleContext) -> Iterator[Hit]:
        for image in ctx.document.images:
            if image.alt is None:
                values = {"variant": "missing"}
            elif image.alt.strip() and _vague_alt(image.alt):
                values = {"variant": "vague", "alt": image.alt.strip()}
            else:
                continue  # alt="" marks a decorative image, which is right
            yield _at(image.offset, image.end_offset, ctx.document, value=image.src, **values)


def _vague_alt(alt: str) -> bool:
    text = alt.strip().lower().rstrip(".")
    short_label = text.startswith(("bild på", "bild av", "image of")) and len(text.split()) <= 3
    return text in VAGUE_ALT or bool(FILE_NAME.match(text)) or short_label


# TILL002 ----------------------------------------------------------------------------


class LinkText(Check):
    """Link texts that do not say where the link leads.

    A written-out address is right where the text may be printed: in Word and PDF
    documents, and in the profiles listed in the option `printed_profiles`.
    """

    class Options(Check.Options):
        printed_profiles: list[str] = []

    variants = frozenset({"empty", "vague", "address"})
    values = frozenset({"text"})

    def run(self, ctx: RuleContext) -> Iterator[Hit]:
        printed = ctx.document.medium == "print" or ctx.profile.name in self.options.printed_profiles
        for link in ctx.document.links:
            text = " ".join(link.text.split())
            normalized = text.lower().strip(" .:!»›→>")
            if not text:
                variant = "empty"
            elif normalized in VAGUE_LINKS:
                variant = "vague"
            elif BARE_URL.match(text) and not link.href.startswith("mailto:") and not printed:
                variant = "address"
            else:
                continue
            yield _at(link.offset, link.end_offset, ctx.document, variant=variant, text=text, value=link.href)


# TILL003 ----------------------------------------------------------------------------


def headings(document: Document) -> list[Heading]:
    """Headings with levels: from the reader's record, or from heading blocks."""
    if document.headings is not None:
        return list(document.headings)
    found = []
    for block in document.blocks:
        if block.kind is BlockKind.HEADING and block.level is not None and not block.attrs.get("inferred"):
            offset, end = block.source_span(0, len(block.text))
            found.append(Heading(block.level, block.text, offset, end))
    return found


class HeadingLevels(Check):
    """Skipped heading levels, more than one main heading, empty headings."""

    variants = frozenset({"empty", "skipped", "second_main"})
    values = frozenset({"level", "previous", "expected"})

    def run(self, ctx: RuleContext) -> Iterator[Hit]:
        document = ctx.document
        previous = None
        main_headings = 0
        for heading in headings(document):
            if heading.level_guessed:  # from font sizes (PDF): no level to judge
                continue
            level, offset, end = heading.level, heading.offset, heading.end_offset
            if not heading.text.strip():
                yield _at(offset, end, document, variant="empty", level=level)
            if previous is not None and level > previous + 1:
                yield _at(offset, end, document, variant="skipped", previous=previous, level=level, expected=previous + 1)
            if level == 1 and document.medium == "web":  # a Word report has a main heading per chapter
                main_headings += 1
                if main_headings > 1:
                    yield _at(offset, end, document, variant="second_main")
            previous = level


# TILL004 ----------------------------------------------------------------------------


class DeclaredLanguage(Check):
    """The document declares Swedish as its language."""

    variants = frozenset(f"{kind}_{format}" for kind in ("missing", "other") for format in ("html", "docx", "pdf", "other"))

    def run(self, ctx: RuleContext) -> Iterator[Hit]:
        declared = ctx.document.language
        if declared is None:
            return  # a format or fragment without a language declaration
        lang = (declared.value or "").strip()
        offset, end = declared.offset, declared.end_offset
        document_format = ctx.document.format if f"missing_{ctx.document.format}" in self.variants else "other"
        if not lang:
            variant = f"missing_{document_format}"
        elif lang.lower().replace("_", "-").split("-")[0] not in SWEDISH:
            variant = f"other_{document_format}"
        else:
            return
        if ctx.document.format in WHOLE_DOCUMENT_FORMATS and offset == end:
            yield ctx.document_hit(variant=variant, value=lang)  # a Word comment needs words to sit on
            return
        yield _at(offset, end, ctx.document, variant=variant, value=lang)


# TILL005 ----------------------------------------------------------------------------


class TableHeaders(Check):
    """Data tables need header cells so that a screen reader can name each cell."""

    class Options(Check.Options):
        min_rows: int = Field(2, ge=1)

    def run(self, ctx: RuleContext) -> Iterator[Hit]:
        minimum = self.options.min_rows
        for table in ctx.document.tables:
            if table.layout or table.has_header or table.rows < minimum or table.columns < 2:
                continue
            yield _at(table.offset, table.end_offset, ctx.document, value=f"{table.rows} × {table.columns}")


# TILL006 ----------------------------------------------------------------------------


def _has_capital_word(chunk: str) -> int:
    """1 if the chunk has a word in capitals of two characters or more, as every run has
    at its start (see _trimmed); the words of a chunk are those of the text around it."""
    return int(any(len(word) > 1 and word.isupper() for word in NOT_LOWER_WORD.findall(chunk)))


CAPITAL_CHUNKS = ChunkKinds(_has_capital_word)


class Capitals(Check):
    """Words and sentences in capitals; abbreviations (short words) are fine."""

    class Options(Check.Options):
        min_single_letters: int = Field(7, ge=1)  # one word in capitals this long is shouting
        min_run_letters: int = Field(6, ge=1)  # so are several words with this many letters

    def run(self, ctx: RuleContext) -> Iterator[Hit]:
        single = self.options.min_single_letters
        run_letters = self.options.min_run_letters
        for parsed in ctx.blocks(self.spec.scope):
            if not CAPITAL_CHUNKS(parsed):
                continue
            block = parsed.block
            for run in _capital_runs(block.text, ctx):
                lengths = [len(word.replace("-", "")) for _, _, word in run]
                long_words = sum(1 for length in lengths if length >= 3)
                several = long_words >= 2 or (len(lengths) >= 2 and max(lengths) >= 4)  # RÖSTA NU
                if (several and sum(lengths) >= run_letters) or max(lengths) >= single:
                    yield ctx.hit(block, run[0][0], run[-1][1])


def _capital_runs(text: str, ctx: RuleContext) -> Iterator[list[tuple[int, int, str]]]:
    """Runs of words in capitals, joined by spaces or punctuation; numerals and known words break them.

    Other words break a run too: they lie in the gap to the next capital word, which then
    is no RUN_GAP.
    """
    run: list[tuple[int, int, str]] = []
    for match in NOT_LOWER_WORD.finditer(text):
        word = match.group(0)
        capital = word.isupper() and not ctx.is_vocabulary(word) and not (len(word) > 1 and ROMAN.match(word))
        if not capital:
            yield from _trimmed(run)
            run = []
            continue
        if run and RUN_GAP.fullmatch(text[run[-1][1] : match.start()]) is None:
            yield from _trimmed(run)
            run = []
        run.append((match.start(), match.end(), word))
    yield from _trimmed(run)


def _trimmed(run: list[tuple[int, int, str]]) -> Iterator[list[tuple[int, int, str]]]:
    """A run without single letters at its ends (the preposition "I" starts no shouting)."""
    while run and len(run[0][2]) == 1:
        run = run[1:]
    while run and len(run[-1][2]) == 1:
        run = run[:-1]
    if run:
        yield run


# TILL007 ----------------------------------------------------------------------------


class PdfLinks(Check):
    """A link to a PDF says that it is a PDF, in the link text or right after it."""

    def run(self, ctx: RuleContext) -> Iterator[Hit]:
        for link in ctx.document.links:
            if PurePosixPath(_link_path(link.href)).suffix.lower() != ".pdf":
                continue
            if "pdf" in link.text.lower():
                continue
            if PDF_NOTE.match(ctx.document.text_after(link.end_offset)):
                continue
            yield _at(link.offset, link.end_offset, ctx.document, match=link.text, value=link.href)


def _link_path(href: str) -> str:
    """The path of a link's address; a malformed one (`http://[x/a.pdf`) is read as plain text."""
    plain = href.split("?")[0].split("#")[0]
    if "://" not in href and not href.startswith("/"):
        return plain
    try:
        return urlsplit(href).path
    except ValueError:  # an unclosed IPv6 bracket, say
        return plain.split("://", 1)[-1]


# TILL009: a `required` rule with these detectors -------------------------------------


def readable_text(ctx: RuleContext) -> bool:
    """Text to read: not a scanned PDF, nor a document of images only."""
    document = ctx.document
    return document.has_text and not (document.images and all(b.kind is BlockKind.IMAGE_ALT for b in document.blocks))


def first_image(ctx: RuleContext) -> Hit | None:
    """Where a document of images only is reported: at its first image."""
    document = ctx.document
    if not document.images:
        return None
    image = document.images[0]
    return _at(image.offset, image.end_offset, document)
