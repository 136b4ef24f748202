"""Turning bytes into text: BOMs, UTF-8, UTF-16, cp1252/Latin-1 and refusing binaries."""

from __future__ import annotations

import codecs
import re
from collections import Counter
from typing import NamedTuple

from lint.errors import ReadError

# (byte-order mark, codec that decodes it, codec that writes the text after it).
# UTF-32 LE before UTF-16 LE: its mark begins with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"),
)


def byte_order_mark(data: bytes) -> tuple[bytes, str] | None:
    """The byte-order mark `data` starts with and the codec for the text after it."""
    for bom, _decoder, codec in _BOMS:
        if data.startswith(bom):
            return bom, codec
    return None


class Decoded(NamedTuple):
    text: str  # with "\n" line ends
    encoding: str
    newline: str  # the file's most common line ending
    line_ends: tuple[str, ...] | None = None  # each line's own ending, when not all are "\n"


LINE_END = re.compile("\r\n|\r|\n")


def decode(data: bytes) -> Decoded:
    """Decode file bytes or raise ReadError with a Swedish message."""
    text, encoding = _decode(data)
    if "\r" not in text:
        return Decoded(text, encoding, "\n")
    ends = tuple(match.group(0) for match in LINE_END.finditer(text))
    newline = Counter(ends).most_common(1)[0][0]
    return Decoded(LINE_END.sub("\n", text), encoding, newline, ends)


def _decode(data: bytes) -> tuple[str, str]:
    if not data or data.isspace():  # (not data.strip(), without copying the data)
        raise ReadError("Filen är tom.")
    for bom, encoding, _codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                raise ReadError(f"Filen börjar som {encoding} men går inte att avkoda.") from None
    _refuse_known_binaries(data)
    if b"\x00" in data:
        return _utf16_without_bom(data)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        utf8_before = any(byte >= 0x80 for byte in data[: error.start])  # so not cp1252 ending in "ö"
        if error.start >= len(data) - 3 and error.reason == "unexpected end of data" and utf8_before:
            raise ReadError("Filen är avkortad: den slutar mitt i ett tecken. Spara om den eller hämta den på nytt.") from None
    if _looks_binary(data):
        raise ReadError("Filen verkar vara binär och inte text. Kontrollera formatet.")
    return _detect(data)


# File signatures of formats that people save with the wrong extension.
SIGNATURES = (
    (b"%PDF", "en PDF-fil; ge den filändelsen .pdf"),
    (b"PK\x03\x04", "ett zip-arkiv (kanske ett Word-dokument); ge ett Word-dokument filändelsen .docx"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ett dokument i ett äldre Office-format (.doc); spara det som .docx"),
    (b"\x89PNG", "en PNG-bild"),
    (b"\xff\xd8\xff", "en JPEG-bild"),
    (b"GIF8", "en GIF-bild"),
    (b"\x1f\x8b", "en gzip-komprimerad fil"),
)


def _refuse_known_binaries(data: bytes) -> None:
    for signature, what in SIGNATURES:
        if data.startswith(signature):
            raise ReadError(f"Filen är binär och ingen text: den är {what}.")


def _utf16_without_bom(data: bytes) -> tuple[str, str]:
    """UTF-16 without a byte order mark: every other byte of Latin text is zero."""
    sample = data[:4096]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = max(len(sample) // 2, 1)
    for zeros, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros > half * 0.3 and zeros > 2 * min(odd, even):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                break
    raise ReadError("Filen verkar vara binär och inte text (den innehåller nollbytes). Kontrollera formatet.")


def _detect(data: bytes) -> tuple[str, str]:
    """Single-byte text: cp1252, or Latin-1 when a byte is undefined in cp1252.

    Only these two (the ones the README promises), in this fixed order: guessing among
    other code pages turned Swedish letters into Czech or Icelandic ones.
    """
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:  # 0x81, 0x8d, 0x8f, 0x90, 0x9d have no cp1252 character
        return data.decode("latin-1"), "latin-1"


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    control = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
    return control > len(sample) * 0.05
