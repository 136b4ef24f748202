"""The accessibility rules (TILL) on texts written for the purpose: exact findings and places."""

from __future__ import annotations

import base64
import io
from dataclasses import replace

import docx
import pytest
from conftest import lint_text

from lint.engine.config import Settings
from lint.formats import read_bytes

PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")


def found(linter, text: str, code: str, name: str = "sida.html"):
    result = lint_text(linter, text, name=name, select=(code,))
    return [(d.line, d.column, d.match) for d in result.diagnostics if d.code == code]


def test_alt_text_empty_alt_is_decorative_but_vague_alts_are_not(linter):
    page = '<p>Text.</p>\n<img src="a.svg" alt="">\n<img src="b.jpg" alt="Bild på park">\n<img src="c.jpg" alt="DSC_0042">'
    assert found(linter, page, "TILL001") == [(3, 1, '<img src="b.jpg" alt="Bild på park">'), (4, 1, '<img src="c.jpg" alt="DSC_0042">')]


def test_alt_text_of_pictures_in_word(linter):
    word = docx.Document()
    word.add_paragraph("Karta:")
    word.add_picture(io.BytesIO(PNG))
    word.add_picture(io.BytesIO(PNG))
    word.inline_shapes[1]._inline.docPr.set("descr", "Karta över Kungsholmen med den nya cykelbanan")
    data = io.BytesIO()
    word.save(data)
    result = linter.lint_file("karta.docx", data=data.getvalue())
    assert [(d.line, d.message) for d in result.diagnostics if d.code == "TILL001"] == [(2, "Bilden saknar alternativtext.")]


def test_link_text(linter):
    page = (
        '<p><a href="mailto:info@stockholm.se">info@stockholm.se</a>\n'
        '<a href="/bygglov">Läs mer om bygglov</a>\n'
        '<a href="https://start.stockholm/">start.stockholm</a> <a href="https://start.stockholm/">https://start.stockholm/</a>\n'
        '<a href="/x"><img src="pil.png" alt="Här"></a>\n'
        '<a href="/bygglov" aria-label="Läs mer om bygglov">Läs mer</a></p>'
    )
    assert found(linter, page, "TILL002") == [(3, 91, "https://start.stockholm/"), (4, 1, '<a href="/x">')]


def test_heading_levels_in_markdown_and_word(linter):
    assert found(linter, "# Ett\n\n### Tre\n\n## Två\n\n# Igen\n", "TILL003", "a.md") == [(3, 5, "Tre"), (7, 3, "Igen")]
    word = docx.Document()
    for level, text in ((1, "Kapitel ett"), (2, "Avsnitt"), (1, "Kapitel två"), (3, "För djupt")):
        word.add_heading(text, level)
    data = io.BytesIO()
    word.save(data)
    result = linter.lint_file("rapport.docx", data=data.getvalue())
    assert [(d.line, d.match) for d in result.diagnostics if d.code == "TILL003"] == [(4, "För djupt")]


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<html lang="sv-SE"><p>Text.</p></html>', []),
        ('<html xml:lang="sv"><p>Text.</p></html>', []),
        ('<html lang=""><p>Text.</p></html>', [(1, 1, '<html lang="">')]),
        ("<!DOCTYPE html>\n<body><p>Text.</p></body>", [(1, 1, "")]),
    ],
)
def test_language(linter, html, expected):
    assert found(linter, html, "TILL004") == expected


def test_capitals_spare_abbreviations_numerals_and_the_vocabulary(linter):
    text = "Bidrag från EU, LSS och SFI för kapitel XVII. STOCKHOLMSHEM har SKRIVIT I VERSALER.\n"
    assert found(linter, text, "TILL006", "a.txt") == [(1, 47, "STOCKHOLMSHEM"), (1, 65, "SKRIVIT I VERSALER")]
    document = read_bytes(text.encode(), "a.txt")
    settings = replace(Settings(), select=("TILL006",), vocabulary=frozenset({"stockholmshem"}))
    result = linter.lint_document(document, settings)
    assert [d.match for d in result.diagnostics] == ["SKRIVIT I VERSALER"]


def test_pdf_links(linter):
    text = "Läs [taxan](taxa.PDF?v=3) och [beslutet (PDF)](beslut.pdf) och [mallen](mall.pdf) (pdf, 20 kB).\n"
    assert found(linter, text, "TILL007", "a.md") == [(1, 6, "taxan")]


def test_heading_full_stop_spares_abbreviations_and_ellipses(linter):
    text = "# Avgifter m.m.\n\n## Och sedan...\n\n## Ansök i tid.\n\nText.\n"
    assert found(linter, text, "TILL008", "a.md") == [(5, 15, ".")]


def test_text_missing_only_when_a_page_is_images_only(linter):
    assert found(linter, '<body><img src="a.png" alt="Sidan som bild"></body>', "TILL009") == [
        (1, 7, '<img src="a.png" alt="Sidan som bild">')
    ]
    assert found(linter, '<body><p>Text.</p><img src="a.png" alt="Bild"></body>', "TILL009") == []


def test_document_title(linter):
    assert found(linter, "<html lang='sv'><head><title> </title></head><p>Text.</p></html>", "TILL010") == [(1, 1, "")]
    assert found(linter, "<p>Ett fragment har ingen titel.</p>", "TILL010") == []


def test_capitals_two_shouted_words_with_a_short_one(linter):
    text = "RÖSTA NU i valet. Kontakta SL AB eller KS SBK.\n"
    assert found(linter, text, "TILL006", "a.txt") == [(1, 1, "RÖSTA NU")]
