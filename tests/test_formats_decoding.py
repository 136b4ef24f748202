"""Decoding text files: encodings found by detection, and one clear error per kind of bad input."""

from __future__ import annotations

import pytest

from lint.errors import ReadError
from lint.formats import read_bytes

SWEDISH = "Föreningen får bidrag – ansök senast i maj.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SWEDISH.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + SWEDISH.encode("utf-8"), "utf-8-sig"),
        (SWEDISH.encode("utf-16"), "utf-16"),
        (SWEDISH.encode("utf-16-le"), "utf-16-le"),
        (SWEDISH.encode("utf-16-be"), "utf-16-be"),
        (SWEDISH.encode("cp1252"), "cp1252"),
        ("Hej och välkommen till Malmö.\n".encode("latin-1"), "cp1252"),
    ],
)
def test_encodings_are_detected(data, encoding):
    document = read_bytes(data, "brev.txt")
    assert document.encoding == encoding
    assert document.blocks[0].text in {SWEDISH.strip(), "Hej och välkommen till Malmö."}


def test_html_in_cp1252_keeps_exact_columns():
    document = read_bytes("<p>Två steg &amp; åtta.</p>".encode("cp1252"), "sida.html")
    block = document.blocks[0]
    start = block.text.index("åtta")
    assert document.locate(block.source_offset(start))[:2] == (1, 19)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "Filen är tom"),
        (b" \n\t\n", "Filen är tom"),
        (b"%PDF-1.7\n%\xe2\xe3", "den är en PDF-fil"),
        (b"PK\x03\x04\x14\x00\x06\x00", "zip-arkiv"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "äldre Office-format"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG-bild"),
        (bytes(range(256)) * 8, "binär"),
        ("Ansökan ska vara inne i maj, då beslutet tas på mötet".encode()[:-1] + "ö".encode()[:1], "avkortad"),
    ],
)
def test_bad_input_gives_one_swedish_error(data, message):
    with pytest.raises(ReadError, match=message):
        read_bytes(data, "a.md")


def test_an_unexpected_reader_failure_costs_one_file_only():
    from lint.formats.guard import reader_errors

    @reader_errors("Testfilen")
    def broken(path, data):
        raise AttributeError("oväntat")

    with pytest.raises(ReadError, match=r"Testfilen går inte att läsa \(AttributeError: oväntat\)"):
        broken("a", b"")
