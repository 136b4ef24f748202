"""Issue 20, readers: hostile input costs bounded work and never a traceback.

Each test names the row of the issue's table it guards. Tests about hangs run the reader
in a fresh process with a guard (see bounded.py); the inputs would take minutes if the
quadratic code came back.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile

import docx
import pytest
from bounded import ROOT, read_bounded

from lint.formats import read_bytes
from lint.formats.decoding import decode

# HTML --------------------------------------------------------------------------------


def test_html_unfinished_tags_after_the_last_bracket_are_text_in_linear_time():
    """`"<a "` × 20 000 (60 kB): the stdlib parser rescans the rest once per tag."""
    blocks = read_bounded("<p>" + "<a " * 20000, "sida.html")
    assert blocks == [[("<a " * 20000)[:200], len("<a " * 20000) - 1, 3]]


def test_html_many_main_elements_inside_deep_containers():
    """20 000 `<main>` elements: choosing the outermost ones compared lists, not identities."""
    blocks = read_bounded("<body>" + "<div>" * 150 + "<main>ord</main>" * 20000, "sida.html")
    assert len(blocks) == 20000
    assert blocks[0] == ["ord", 3, 6 + 5 * 150 + 6]
    assert blocks[-1][2] == 6 + 5 * 150 + 16 * 19999 + 6


def test_an_unclosed_html_comment_ends_with_its_line():
    source = "<p>Hej</p><!-- hemlig anteckning\n<p>Ansök senast i maj.</p>\n"
    document = read_bytes(source.encode(), "sida.html")
    assert [(b.text, b.source_offset(0)) for b in document.blocks] == [
        ("Hej", 3),
        ("Ansök senast i maj.", source.index("Ansök")),
    ]


def test_a_directive_in_an_unclosed_comment_still_counts():
    source = "<p>Hej</p>\n<!-- kommlint-disable-next-line KLAR001\n<p>Vi erhåller.</p>"
    document = read_bytes(source.encode(), "sida.html")
    assert [(d.action, d.codes, d.line) for d in document.directives] == [("disable-next-line", ("KLAR001",), 2)]


# Markdown and MDX ----------------------------------------------------------------------


def test_markdown_inline_html_on_many_lines():
    """40 000 lines of inline HTML in one paragraph: the line of each was counted from the top."""
    blocks = read_bounded("text <span>x</span>\n" * 40000, "sida.md")
    assert len(blocks) == 1
    assert blocks[0][0].startswith("text x text x")
    assert blocks[0][2] == 0


def test_mdx_many_backticks_on_one_line():
    """1.2 MB of backtick code spans on one line: each copied the rest of the file."""
    blocks = read_bounded("`a " * 400000, "sida.mdx")  # code "`a `", prose "a ", code …
    assert len(blocks) == 1
    assert blocks[0][0].startswith("a  a  a ") and blocks[0][2] == 4


def test_mdx_many_comments_keep_their_lines():
    """150 000 `{/* */}` comments: each counted the newlines from the top of the file."""
    source = "{/* x */}\n" * 150000 + "{/* kommlint-disable KLAR001 */}\n\nText.\n"
    code = """
from lint.formats import read_bytes
document = read_bytes(INPUTS["data"].encode(), "sida.mdx")
print(json.dumps([[d.action, list(d.codes), d.line] for d in document.directives]))
"""
    from bounded import run_bounded

    assert run_bounded(code, data=source) == [["disable", ["KLAR001"], 150001]]


# Front matter ------------------------------------------------------------------------

DEEP = [
    ("---\na: " + "[" * 600 + "\n---\nText.\n", "yaml"),
    ("+++\na = " + "[" * 600 + "1" + "]" * 600 + "\n+++\nText.\n", "toml"),
    ('---json\n{"a": ' + "[" * 1200 + "1" + "]" * 1200 + "}\n---\nText.\n", "json"),
]


@pytest.mark.parametrize(("source", "syntax"), DEEP, ids=[syntax for _, syntax in DEEP])
def test_deep_front_matter_is_refused_and_the_prose_read(source, syntax):
    document = read_bytes(source.encode(), "sida.md")
    assert [b.text for b in document.blocks] == ["Text."]
    assert document.metadata == {}
    assert document.metadata_problem == "Metadata (front matter) lästes inte: den är nästlade i mer än 64 nivåer."


def test_a_date_that_does_not_exist_stays_text():
    document = read_bytes(b"---\ndate: 2024-02-30\nupdated: 2024-02-29\n---\nText.\n", "sida.md")
    assert document.metadata["date"] == "2024-02-30"
    assert str(document.metadata["updated"]) == "2024-02-29"
    assert [b.text for b in document.blocks] == ["Text."]


def _alias_bomb() -> str:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for name, previous in zip("bcdefg", "abcdef"):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    lines.append("author: [" + ",".join(["*g"] * 9) + "]")
    return "---\n" + "\n".join(lines) + "\n---\nText.\n"


def test_a_yaml_alias_bomb_is_refused():
    source = _alias_bomb()
    assert len(source) < 600
    document = read_bytes(source.encode(), "sida.md")
    assert "author" not in document.metadata
    assert "alias" in document.metadata_problem
    assert [b.text for b in document.blocks] == ["Text."]


def test_shared_aliases_of_modest_size_are_read():
    document = read_bytes(b"---\nbas: &bas [Anna, Bo]\nauthor: *bas\n---\nText.\n", "sida.md")
    assert document.metadata["author"] == ["Anna", "Bo"]


# Invisible characters and decoding -----------------------------------------------------

INVISIBLE = ["\u00ad", "\u200b", "\u2060", "\ufeff"]


@pytest.mark.parametrize("name", ["brev.txt", "sida.md"])
@pytest.mark.parametrize("char", INVISIBLE, ids=["shy", "zwsp", "wj", "bom"])
def test_invisible_characters_do_not_hide_a_word(lint, name, char):
    text = f"Du ska er{char}hålla svar.\n"
    result = lint(text, name=name, select=("KLAR001",))
    found = [(d.code, d.line, d.column, d.end_column, d.match) for d in result.diagnostics]
    assert found == [("KLAR001", 1, 8, 16, f"er{char}hålla")]


@pytest.mark.parametrize("byte", range(0x80, 0x100), ids=lambda b: f"{b:02x}")
def test_single_byte_text_is_cp1252_or_latin1(byte):
    data = "Du ska erhålla svar ".encode("cp1252") + bytes([byte]) + b".\n"
    decoded = decode(data)
    try:
        expected = (data.decode("cp1252"), "cp1252")
    except UnicodeDecodeError:
        expected = (data.decode("latin-1"), "latin-1")
    assert (decoded.text, decoded.encoding) == expected
    assert decoded.text.startswith("Du ska erhålla svar ")


# DOCX and PDF --------------------------------------------------------------------------


def _repetitive_docx(paragraphs: int) -> bytes:
    """A Word file whose body is one paragraph many times (python-docx adds them in quadratic time)."""
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    source = zipfile.ZipFile(buffer)
    xml = source.read("word/document.xml").decode()
    paragraph = "<w:p><w:r><w:t>Ansökan ska vara inne senast den 1 maj.</w:t></w:r></w:p>"
    body = xml.index("<w:body>") + len("<w:body>")
    xml = xml[:body] + paragraph * paragraphs + xml[body:]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            target.writestr(entry.filename, xml if entry.filename == "word/document.xml" else source.read(entry))
    return out.getvalue()


def test_repetitive_word_xml_is_no_zip_bomb():
    data = _repetitive_docx(20000)
    entry = zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml")
    assert entry.file_size > 1024 * 1024 and entry.file_size > 200 * entry.compress_size  # as in the issue
    document = read_bytes(data, "beslut.docx")
    assert len(document.blocks) == 20000
    assert document.blocks[-1].text == "Ansökan ska vara inne senast den 1 maj."


def _pdf(lines: list[str], height: float = 297, size: float = 12) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format=(210, height))
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("helvetica", size=size)
    for index, line in enumerate(lines):
        pdf.set_xy(5, 5 + index * size * 0.46)
        pdf.cell(text=line)
    return bytes(pdf.output())


def test_pdf_log_lines_stay_off_stderr(tmp_path):
    """A font with an unknown encoding makes pypdf log an "error" that reached stderr."""
    data = _pdf(["Du ska erhalla svar."]).replace(b"/WinAnsiEncoding", b"/XinAnsiEncoding")
    path = tmp_path / "trasig.pdf"
    path.write_bytes(data)
    done = subprocess.run(
        [sys.executable, "-m", "lint", "check", "--format", "json", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "KOMMLINT_CACHE_DIR": str(tmp_path)},
    )
    assert done.stderr == ""
    assert json.loads(done.stdout)["files"][0]["path"] == str(path)


def test_pdf_with_ten_thousand_lines_on_one_page():
    """The line spacing was worked out again for every pair of lines."""
    data = _pdf([f"Rad {index} har text." for index in range(10000)], height=14000, size=3)
    code = """
import base64
from lint.formats import read_bytes
document = read_bytes(base64.b64decode(INPUTS["data"]), "lang.pdf")
print(json.dumps([document.source.count(chr(10)) + 1, len(document.blocks)]))
"""
    import base64

    from bounded import run_bounded

    lines, blocks = run_bounded(code, data=base64.b64encode(data).decode())
    assert lines == 10000 and blocks >= 1


def test_a_text_line_of_invisible_characters_alone_is_a_blank_line():
    document = read_bytes("brev\n\n\xad\u200b\n\nNästa stycke.".encode("utf-8"), "brev.txt")
    assert [block.text for block in document.blocks] == ["brev", "Nästa stycke."]
    assert read_bytes(b"\xad", "brev.txt").blocks == []


def test_a_text_file_of_a_list_marker_alone_has_no_blocks():
    assert read_bytes(b"1. ", "lista.txt").blocks == []
    assert [block.text for block in read_bytes("30. \n- Ansök i tid.".encode(), "lista.txt").blocks] == ["Ansök i tid."]
