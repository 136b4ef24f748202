"""Word documents built with python-docx: paragraphs as lines, exact columns, Word features."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from conftest import lint_text  # noqa: F401  (the linter fixture comes from conftest)
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from lint.document import BlockKind
from lint.errors import ReadError
from lint.formats import read_bytes

VML = 'xmlns:v="urn:schemas-microsoft-com:vml"'


def _set_language(word, lang: str) -> None:
    r_pr = word.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    r_pr.find(qn("w:lang")).set(qn("w:val"), lang)


def _hyperlink(paragraph, text: str, url: str) -> None:
    rel = paragraph.part.relate_to(url, docx.opc.constants.RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    paragraph._p.append(
        parse_xml(f'<w:hyperlink {nsdecls("w", "r")} r:id="{rel}"><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:hyperlink>')
    )


def _tracked(paragraph, deleted: str, inserted: str) -> None:
    paragraph._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="1" w:author="A"><w:r><w:delText>{deleted}</w:delText></w:r></w:del>'))
    paragraph._p.append(
        parse_xml(f'<w:ins {nsdecls("w")} w:id="2" w:author="A"><w:r><w:t xml:space="preserve">{inserted}</w:t></w:r></w:ins>')
    )


def _text_box(paragraph, text: str) -> None:
    paragraph._p.append(
        parse_xml(
            f"<w:r {nsdecls('w')} {VML}><w:pict><v:shape><v:textbox><w:txbxContent>"
            f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
        )
    )


def build(language: str = "sv-SE", title: str = "Bygglov") -> bytes:
    word = docx.Document()
    _set_language(word, language)
    word.core_properties.title = title
    word.add_heading("Bygglov för altan", 1)  # paragraph 1
    word.add_paragraph("Avgiften är 25000 kronor för en altan.")  # 2
    word.add_paragraph("")  # 3: empty paragraphs count too
    tracked = word.add_paragraph("Beslutet fattas ")  # 4
    _tracked(tracked, "inom 400000 dagar", "inom fyra veckor")
    commented = word.add_paragraph("Se villkoren.")  # 5
    word.add_comment(commented.runs, text="Kommentaren 900000 är inte prosa", author="Granskare")
    word.add_paragraph("Ett steg", style="List Bullet")  # 6
    table = word.add_table(rows=2, cols=2)  # 7-10
    for cell, text in zip(table._cells, ["Avgift", "Belopp", "Altan", "35000 kr"]):
        cell.text = text
    word.add_heading("Så ansöker du.", 3)  # 11
    linked = word.add_paragraph("Läs ")  # 12
    _hyperlink(linked, "här", "https://start.stockholm/bygglov")
    boxed = word.add_paragraph("Före rutan.")  # 13, then the text box as 14
    _text_box(boxed, "Ring 08-508 000 00 om 12000 saker.")
    word.sections[0].header.paragraphs[0].text = "Stadsbyggnadskontoret 45000"  # after the body
    data = io.BytesIO()
    word.save(data)
    return data.getvalue()


@pytest.fixture(scope="module")
def document():
    return read_bytes(build(), "beslut.docx")


def test_source_is_one_line_per_paragraph_in_document_order(document):
    lines = document.source.split("\n")
    assert lines[:14] == [
        "Bygglov för altan",
        "Avgiften är 25000 kronor för en altan.",
        "",
        "Beslutet fattas inom fyra veckor",
        "Se villkoren.",
        "Ett steg",
        "Avgift",
        "Belopp",
        "Altan",
        "35000 kr",
        "Så ansöker du.",
        "Läs här",
        "Före rutan.",
        "Ring 08-508 000 00 om 12000 saker.",
    ]
    assert lines[14:] == ["Stadsbyggnadskontoret 45000"]
    assert "900000" not in document.source and "400000" not in document.source


def test_block_kinds_levels_and_parts(document):
    kinds = [(b.kind, b.level, b.attrs.get("part")) for b in document.blocks]
    assert kinds == [
        (BlockKind.HEADING, 1, None),
        (BlockKind.PARAGRAPH, None, None),
        (BlockKind.PARAGRAPH, None, None),
        (BlockKind.PARAGRAPH, None, None),
        (BlockKind.LIST_ITEM, None, None),
        *[(BlockKind.TABLE_CELL, None, None)] * 4,
        (BlockKind.HEADING, 3, None),
        (BlockKind.PARAGRAPH, None, None),
        (BlockKind.PARAGRAPH, None, None),
        (BlockKind.PARAGRAPH, None, "textbox"),
        (BlockKind.PARAGRAPH, None, "header"),
    ]


def test_metadata_links_language_and_tables(document):
    assert document.metadata["title"] == "Bygglov"
    assert document.language.value == "sv-SE"
    assert [(link.text, link.href) for link in document.links] == [("här", "https://start.stockholm/bygglov")]
    link = document.links[0]
    assert document.locate(link.offset)[:2] == (12, 5)
    assert document.tables[0].has_header is False


def test_findings_give_paragraph_and_column(linter):
    result = linter.lint_file("beslut.docx", data=build())
    found = [(d.code, d.line, d.column, d.match) for d in result.diagnostics if d.code == "KLAR014"]
    assert found == [
        ("KLAR014", 2, 13, "25000"),
        ("KLAR014", 10, 1, "35000"),
        ("KLAR014", 14, 23, "12000"),
        ("KLAR014", 15, 23, "45000"),
    ]
    first = next(d for d in result.diagnostics if d.code == "KLAR014")
    assert first.heading == "Bygglov för altan"
    assert first.to_json()["heading"] == "Bygglov för altan"
    in_header = next(d for d in result.diagnostics if d.code == "KLAR014" and d.line == 15)
    assert in_header.heading == "sidhuvud"


def test_accessibility_findings_in_word(linter):
    result = linter.lint_file("beslut.docx", data=build(language="en-US", title=""))
    found = sorted((d.code, d.line, d.column, d.match) for d in result.diagnostics if d.code.startswith("TILL"))
    assert found == [
        ("TILL002", 12, 5, "här"),
        ("TILL003", 11, 1, "Så ansöker du."),
        ("TILL004", 1, 1, "Bygglov för altan"),  # the file as a whole: on the first heading
        ("TILL005", 7, 1, ""),
        ("TILL008", 11, 14, "."),
        ("TILL010", 1, 1, "Bygglov för altan"),
    ]
    full_stop = next(d for d in result.diagnostics if d.code == "TILL008")
    assert full_stop.fix is None  # never rewrite a Word file as text


def test_broken_word_files_give_one_clear_error():
    good = build()
    with pytest.raises(ReadError, match="skadad, avkortad"):
        read_bytes(good[: len(good) // 2], "a.docx")
    with pytest.raises(ReadError, match="lösenordsskyddat"):
        read_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptionInfo".encode("utf-16-le") + b"\0" * 64, "a.docx")
    with pytest.raises(ReadError, match="gamla Word-formatet"):
        read_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "a.docx")
    with pytest.raises(ReadError, match="tom"):
        read_bytes(b"", "a.docx")


def test_zip_bomb_is_refused_before_unpacking():
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w:document/>")
        archive.writestr("word/bomb.xml", b"\0" * (30 * 1024 * 1024))
    with pytest.raises(ReadError, match="zip-bomb"):
        read_bytes(data.getvalue(), "bomb.docx")


FOOTNOTES = (
    f"<w:footnotes {nsdecls('w')}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">Enligt taxan kostar det 60000 kronor.</w:t></w:r></w:p></w:footnote>'
    "</w:footnotes>"
)


def _with_footnotes(data: bytes) -> bytes:
    """Add a footnotes part, as Word writes it, to a document python-docx saved."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                override = '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
                content = content.replace(b"</Types>", override.encode() + b"</Types>")
            elif item.filename == "word/_rels/document.xml.rels":
                rel = '<Relationship Id="rIdFn" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
                content = content.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
            target.writestr(item, content)
        target.writestr("word/footnotes.xml", FOOTNOTES)
    return out.getvalue()


def test_footnotes_and_text_boxes_drawn_twice_are_read_once():
    word = docx.Document()
    paragraph = word.add_paragraph("Se rutan.")
    box = "<w:txbxContent><w:p><w:r><w:t>Rutan säger 70000.</w:t></w:r></w:p></w:txbxContent>"
    paragraph._p.append(
        parse_xml(
            f'<w:r {nsdecls("w")} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" {VML}>'
            f'<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><v:textbox>{box}</v:textbox></w:drawing></mc:Choice>'
            f"<mc:Fallback><w:pict><v:textbox>{box}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
        )
    )
    data = io.BytesIO()
    word.save(data)
    document = read_bytes(_with_footnotes(data.getvalue()), "not.docx")
    assert document.source.split("\n") == ["Se rutan.", "Rutan säger 70000.", "Enligt taxan kostar det 60000 kronor."]
    assert [block.attrs.get("part") for block in document.blocks] == [None, "textbox", "footnote"]


def test_heading_levels_come_from_styles_and_the_styles_they_are_based_on():
    from docx.enum.style import WD_STYLE_TYPE

    word = docx.Document()
    custom = word.styles.add_style("Stadens rubrik", WD_STYLE_TYPE.PARAGRAPH)
    custom.base_style = word.styles["Heading 2"]
    word.add_paragraph("Dokumentets titel", style="Title")
    word.add_paragraph("Egen rubrik", style="Stadens rubrik")
    word.add_paragraph("Brödtext.")
    data = io.BytesIO()
    word.save(data)
    document = read_bytes(data.getvalue(), "a.docx")
    assert [(b.kind, b.level) for b in document.blocks] == [(BlockKind.HEADING, 1), (BlockKind.HEADING, 2), (BlockKind.PARAGRAPH, None)]
