"""Document model and the text and Markdown readers: exact positions."""

from __future__ import annotations

import pytest

from lint.document import BlockKind
from lint.errors import ReadError
from lint.formats import read_bytes


def _find(result, code):
    return [d for d in result.diagnostics if d.code == code]


def test_text_paragraphs_and_positions(lint):
    text = "Rubrik\n\nVi har fått din ansökan.\nDu skall\nsvara snart.\n"
    result = lint(text, select=("KLAR003",))
    [finding] = _find(result, "KLAR003")
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (4, 4, 4, 9)
    assert finding.match == "skall"


def test_text_short_lines_are_separate_blocks():
    document = read_bytes("Handläggare\nAnna Berg\n08-508 000 00\n".encode(), "a.txt")
    assert [block.text for block in document.blocks] == ["Handläggare", "Anna Berg", "08-508 000 00"]


def test_text_list_items_drop_markers():
    document = read_bytes("- första punkten\n- andra punkten\n".encode(), "a.txt")
    assert [(b.kind, b.text) for b in document.blocks] == [(BlockKind.LIST_ITEM, "första punkten"), (BlockKind.LIST_ITEM, "andra punkten")]
    assert document.blocks[1].source_offset(0) == len("- första punkten\n- ")


def test_markdown_positions_through_inline_markup(lint):
    text = "---\ntitle: Test\n---\n# Rubrik\n\nDet **skall** göras, och `skall` i kod räknas inte.\n"
    result = lint(text, name="a.md", select=("KLAR003",))
    [finding] = _find(result, "KLAR003")
    assert (finding.line, finding.column, finding.match) == (6, 7, "skall")
    assert result.document.metadata == {"title": "Test"}


def test_markdown_entities_and_escapes_map_back():
    source = "Bokstaven &auml; och \\*stjärna\\* följs av ord.\n"
    document = read_bytes(source.encode(), "a.md")
    [block] = document.blocks
    assert block.text == "Bokstaven ä och *stjärna* följs av ord."
    word = block.text.index("följs")
    assert block.source_offset(word) == source.index("följs")


def test_markdown_skips_code_urls_and_comments():
    source = "Text https://example.se/sida och mer.\n\n```\nskall\n```\n\n<!-- skall -->\n\n    indraget skall\n"
    document = read_bytes(source.encode(), "a.md")
    assert [block.text for block in document.blocks] == ["Text  och mer."]
    assert document.links[0].href == "https://example.se/sida"


def test_markdown_block_kinds():
    source = "# Ett\n\n## Två\n\n- punkt\n\n> citat\n\n| a | b |\n|---|---|\n| c | d |\n\n![Karta över parken](karta.png)\n"
    document = read_bytes(source.encode(), "a.md")
    kinds = [(b.kind, b.text, b.level) for b in document.blocks]
    assert kinds == [
        (BlockKind.HEADING, "Ett", 1),
        (BlockKind.HEADING, "Två", 2),
        (BlockKind.LIST_ITEM, "punkt", None),
        (BlockKind.QUOTE, "citat", None),
        (BlockKind.TABLE_CELL, "a", None),
        (BlockKind.TABLE_CELL, "b", None),
        (BlockKind.TABLE_CELL, "c", None),
        (BlockKind.TABLE_CELL, "d", None),
        (BlockKind.IMAGE_ALT, "Karta över parken", None),
    ]
    assert document.images[0].src == "karta.png"


def test_columns_count_characters_not_bytes(lint):
    result = lint("Åäö åäö ÅÄÖ skall.\n", select=("KLAR003",))
    [finding] = _find(result, "KLAR003")
    assert finding.column == 13


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Föreningen får bidrag.\n".encode("cp1252"), "cp1252"),
        ("Föreningen får bidrag.\n".encode("utf-16"), "utf-16"),
        (b"\xef\xbb\xbf" + "Föreningen får bidrag.\n".encode(), "utf-8-sig"),
    ],
)
def test_encodings_are_decoded(data, encoding):
    document = read_bytes(data, "a.txt")
    assert document.blocks[0].text == "Föreningen får bidrag."
    assert document.encoding == encoding


def test_crlf_is_normalised_and_remembered():
    document = read_bytes(b"Rad ett.\r\nRad tv\xc3\xa5.\r\n", "a.txt")
    assert document.source == "Rad ett.\nRad två.\n"
    assert document.newline == "\r\n"


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"", "tom"), (b"   \n", "tom"), (bytes(range(256)) * 20, "binär"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binär")],
)
def test_bad_input_is_refused_in_swedish(data, message):
    with pytest.raises(ReadError, match=message):
        read_bytes(data, "a.txt")
