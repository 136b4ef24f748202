"""PDF files written with fpdf2: pages, lines within the page, re-joined words, metadata."""

from __future__ import annotations

import pytest

from lint.document import BlockKind
from lint.errors import ReadError
from lint.formats import read_bytes

fpdf = pytest.importorskip("fpdf")


def build(title: str | None = "Bygglov", lang: str | None = "sv-SE", text: bool = True, password: str | None = None) -> bytes:
    pdf = fpdf.FPDF()
    if title:
        pdf.set_title(title)
    if lang:
        pdf.set_lang(lang)
    if password:
        pdf.set_encryption(owner_password="ägare", user_password=password)
    pdf.add_page()
    if not text:
        pdf.rect(20, 20, 100, 140)  # a "scanned" page: no text at all
        return bytes(pdf.output())
    pdf.set_font("Helvetica", "B", 18)
    pdf.cell(0, 10, "Bygglov för altan", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=12)
    pdf.multi_cell(
        0, 6, "Du kan söka bygglov hos stadsbyggnads-\nkontoret. Avgiften är 25000 kronor\noch beslutet kommer inom fyra veckor."
    )
    pdf.ln(8)
    pdf.multi_cell(0, 6, "Ett andra stycke.")
    pdf.add_page()
    pdf.multi_cell(0, 6, "Sida två.\nHär står 40000 kronor.")
    return bytes(pdf.output())


@pytest.fixture(scope="module")
def document():
    return read_bytes(build(), "beslut.pdf")


def test_pages_lines_and_blocks(document):
    assert document.source.split("\n") == [
        "Bygglov för altan",
        "Du kan söka bygglov hos stadsbyggnads-",
        "kontoret. Avgiften är 25000 kronor",
        "och beslutet kommer inom fyra veckor.",
        "Ett andra stycke.",
        "Sida två.",
        "Här står 40000 kronor.",
    ]
    assert document.page_starts == [0, document.source.index("Sida två.")]
    assert [(b.kind, b.level, b.text) for b in document.blocks] == [
        (BlockKind.HEADING, 1, "Bygglov för altan"),
        (
            BlockKind.PARAGRAPH,
            None,
            "Du kan söka bygglov hos stadsbyggnadskontoret. Avgiften är 25000 kronor och beslutet kommer inom fyra veckor.",
        ),
        (BlockKind.PARAGRAPH, None, "Ett andra stycke."),
        (BlockKind.PARAGRAPH, None, "Sida två. Här står 40000 kronor."),
    ]
    assert document.metadata["title"] == "Bygglov" and document.language.value == "sv-SE"


def test_a_rejoined_word_maps_back_across_the_line_break(document):
    block = document.blocks[1]
    start = block.text.index("stadsbyggnadskontoret")
    offset, end = block.source_span(start, start + len("stadsbyggnadskontoret"))
    assert document.source[offset:end] == "stadsbyggnads-\nkontoret"
    assert document.locate(offset) == (2, 25, 1)


def test_findings_carry_page_and_line_within_the_page(linter):
    result = linter.lint_file("beslut.pdf", data=build())
    found = [(d.page, d.line, d.column, d.match) for d in result.diagnostics if d.code == "KLAR014"]
    assert found == [(1, 3, 23, "25000"), (2, 2, 10, "40000")]
    assert result.diagnostics[0].to_json()["page"] == 1


def test_missing_metadata_and_scanned_pages_are_accessibility_findings(linter):
    result = linter.lint_file("skannad.pdf", data=build(title=None, lang=None, text=False))
    assert sorted((d.code, d.page, d.line) for d in result.diagnostics if d.code.startswith("TILL")) == [
        ("TILL004", 1, 1),
        ("TILL009", 1, 1),
        ("TILL010", 1, 1),
    ]
    language = next(d for d in result.diagnostics if d.code == "TILL004")
    assert language.message == "PDF-filen anger inget språk; ange svenska som språk."
    english = linter.lint_file("engelsk.pdf", data=build(lang="en-GB"))
    assert [d.message for d in english.diagnostics if d.code == "TILL004"] == ["PDF-filen anger språket ”en-GB” men texten är på svenska."]


def test_broken_pdf_files_give_one_clear_error():
    good = build()
    with pytest.raises(ReadError, match="skadad eller avkortad"):
        read_bytes(good[: len(good) // 2], "a.pdf")
    with pytest.raises(ReadError, match="lösenordsskyddad"):
        read_bytes(build(password="hemligt"), "a.pdf")
    with pytest.raises(ReadError, match="ingen PDF"):
        read_bytes("Det här är text, ingen PDF.".encode(), "a.pdf")
    with pytest.raises(ReadError, match="tom"):
        read_bytes(b"  ", "a.pdf")


def test_link_annotations_become_links_at_their_text(linter):
    pdf = fpdf.FPDF()
    pdf.set_title("Bygglov")
    pdf.set_lang("sv")
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.write(6, "Ansök i e-tjänsten. Läs mer ")
    pdf.write(6, "här", link="https://start.stockholm/bygglov")
    pdf.write(6, " eller hämta ")
    pdf.write(6, "blanketten", link="https://start.stockholm/blankett.pdf")
    pdf.write(6, ".")
    result = linter.lint_file("lankar.pdf", data=bytes(pdf.output()))
    found = [(d.code, d.page, d.line, d.column, d.match) for d in result.diagnostics if d.code in {"TILL002", "TILL007"}]
    assert found == [("TILL002", 1, 1, 29, "här"), ("TILL007", 1, 1, 45, "blanketten")]
    assert [link.href for link in result.document.links] == ["https://start.stockholm/bygglov", "https://start.stockholm/blankett.pdf"]


def test_one_line_paragraphs_with_even_gaps_stay_apart():
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for number in range(4):
        pdf.multi_cell(0, 5, f"Stycke {number} är en rad.")
        pdf.ln(3)
    document = read_bytes(bytes(pdf.output()), "a.pdf")
    assert [block.text for block in document.blocks] == [f"Stycke {n} är en rad." for n in range(4)]


def test_short_bold_lines_are_headings_below_larger_ones():
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(0, 8, "Årsrapport", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 11)
    pdf.multi_cell(0, 6, "Parker och lekplatser", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, "Staden har rustat tre lekplatser.\nArbetet fortsätter nästa år.", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 11)
    pdf.multi_cell(0, 6, "En fet mening i brödtexten.", new_x="LMARGIN", new_y="NEXT")
    document = read_bytes(bytes(pdf.output()), "a.pdf")
    assert [(b.kind, b.level, b.text) for b in document.blocks] == [
        (BlockKind.HEADING, 1, "Årsrapport"),
        (BlockKind.HEADING, 2, "Parker och lekplatser"),
        # a bold sentence with a full stop is no heading: it stays in its paragraph
        (BlockKind.PARAGRAPH, None, "Staden har rustat tre lekplatser. Arbetet fortsätter nästa år. En fet mening i brödtexten."),
    ]


def test_running_headers_are_read_once_and_page_numbers_not_at_all():
    pdf = fpdf.FPDF()
    pdf.set_font("Helvetica", size=11)
    for number in range(1, 4):
        pdf.add_page()
        pdf.multi_cell(0, 6, "Stadsbyggnadskontoret | Tjänsteutlåtande", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(6)
        pdf.multi_cell(0, 6, f"Text på sida {number}.", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(6)
        pdf.multi_cell(0, 6, f"Sida {number} av 3", new_x="LMARGIN", new_y="NEXT")
    document = read_bytes(bytes(pdf.output()), "a.pdf")
    assert [b.text for b in document.blocks] == [
        "Stadsbyggnadskontoret | Tjänsteutlåtande",
        "Text på sida 1.",
        "Text på sida 2.",
        "Text på sida 3.",
    ]
    assert document.source.count("Sida ") == 3  # still in the source, so positions stay right


def test_body_lines_that_look_alike_are_not_taken_for_running_headers():
    pdf = fpdf.FPDF()
    pdf.set_font("Helvetica", size=11)
    for page in range(3):
        pdf.add_page()
        for row in range(4):
            pdf.multi_cell(0, 6, f"Punkt {page * 4 + row}. Lika rader.", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(6)
    document = read_bytes(bytes(pdf.output()), "a.pdf")
    assert len(document.blocks) == 12


@pytest.fixture
def pdf_file(tmp_path):
    path = tmp_path / "beslut.pdf"
    path.write_bytes(build())
    return path


def _cli(*args):
    from click.testing import CliRunner

    from lint.cli.main import main

    return CliRunner().invoke(main, ["check", "--no-cache", "--select", "KLAR014", *map(str, args)], catch_exceptions=False)


def test_text_output_shows_the_line_from_the_findings_page(pdf_file):
    lines = _cli(pdf_file, "--no-color").output.splitlines()
    second = lines.index(next(line for line in lines if ":2:10 (sida 2, " in line))
    assert lines[second + 1] == "       2 | Här står 40000 kronor."
    assert lines[second + 2] == "         |          ^^^^^"
    first = lines.index(next(line for line in lines if ":3:23 (sida 1, " in line))
    assert lines[first + 1] == "       3 | kontoret. Avgiften är 25000 kronor"


def test_github_and_junit_name_the_page(pdf_file):
    github = [line for line in _cli(pdf_file, "--format", "github").output.splitlines() if "line=2," in line]
    assert len(github) == 1
    assert "title=KLAR014 siffror (sida 2)::Sida 2, rad 2: Siffror: " in github[0]
    junit = _cli(pdf_file, "--format", "junit").output
    assert f"{pdf_file}:2:10 (sida 2): KLAR014" in junit and f"{pdf_file}:3:23 (sida 1): KLAR014" in junit
