"""Format readers: bytes in, `Document` out.

Each reader is a function `(path, source_text, **document_fields) -> Document` for text
formats, or `(path, raw_bytes) -> Document` for binary ones (registered with
`binary=True`). Readers are looked up by file extension; readers for other formats
register themselves in `READERS`.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

from lint.document import Document
from lint.errors import ReadError
from lint.formats.decoding import decode

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Reader:
    format: str
    function: str  # "module:function", imported on first use
    binary: bool = False
    settings: bool = False  # the function takes `settings=` (a selector, size limits)

    def load(self):
        module, _, name = self.function.partition(":")
        return getattr(importlib.import_module(module), name)


READERS: dict[str, Reader] = {
    ".txt": Reader("text", "lint.formats.text:read_text"),
    ".text": Reader("text", "lint.formats.text:read_text"),
    ".md": Reader("markdown", "lint.formats.markdown:read_markdown"),
    ".markdown": Reader("markdown", "lint.formats.markdown:read_markdown"),
    ".mdx": Reader("markdown", "lint.formats.markdown:read_markdown"),
    ".html": Reader("html", "lint.formats.html:read_html", settings=True),
    ".htm": Reader("html", "lint.formats.html:read_html", settings=True),
    ".xhtml": Reader("html", "lint.formats.html:read_html", settings=True),
    ".docx": Reader("docx", "lint.formats.docx:read_docx", binary=True, settings=True),
    ".pdf": Reader("pdf", "lint.formats.pdf:read_pdf", binary=True, settings=True),
}


def supported_extensions() -> set[str]:
    return set(READERS)


def reader_for(path: str, format: str | None = None) -> Reader:
    if format:
        for reader in READERS.values():
            if reader.format == format:
                return reader
        raise ReadError(f"Okänt format ”{format}”.")
    suffix = Path(path).suffix.lower()
    if suffix in READERS:
        return READERS[suffix]
    return READERS[".txt"]


def read_bytes(data: bytes, path: str, format: str | None = None, settings=None) -> Document:
    reader = reader_for(path, format)
    function = reader.load()
    extra = {"settings": settings} if reader.settings else {}
    if reader.binary:
        document = function(path, data, **extra)
    else:
        decoded = decode(data)
        document = function(path, decoded.text, encoding=decoded.encoding, raw=data, **extra)
        document.newline = decoded.newline
        if decoded.line_ends is not None:  # restored line by line when a fix is written
            document.line_ends = decoded.line_ends
    return document


def read_path(path: str | Path, format: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES, settings=None) -> Document:
    return read_bytes(file_bytes(path, max_bytes), str(path), format, settings)


def file_bytes(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """A file's bytes, or a ReadError in Swedish (missing, too large, a folder, no access)."""
    file = Path(path)
    try:
        size = file.stat().st_size
        if size > max_bytes:
            raise ReadError(
                f"Filen är för stor ({size // 1024} kB; gränsen är {max_bytes // 1024} kB). "
                "Ändra max-file-size i konfigurationen om den ska granskas."
            )
        return file.read_bytes()
    except FileNotFoundError:
        raise ReadError("Filen finns inte.") from None
    except IsADirectoryError:
        raise ReadError("Sökvägen är en mapp, inte en fil.") from None
    except PermissionError:
        raise ReadError("Filen går inte att läsa (behörighet saknas).") from None
    except OSError as error:
        raise ReadError(f"Filen går inte att läsa: {error.strerror}.") from None
