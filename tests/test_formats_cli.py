"""A folder of mixed formats in one `kommlint check DIR` call; a corrupt file does not stop the run."""

from __future__ import annotations

import io
import json

import docx
import pytest
from click.testing import CliRunner

from lint.cli.main import main

fpdf = pytest.importorskip("fpdf")


def _docx(text: str) -> bytes:
    word = docx.Document()
    word.add_paragraph(text)
    data = io.BytesIO()
    word.save(data)
    return data.getvalue()


def _pdf(text: str) -> bytes:
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "sida.html").write_text('<html lang="sv"><body><p>Avgiften är 25000 kronor.</p></body></html>', encoding="utf-8")
    (tmp_path / "nyhet.md").write_text("# Nyhet\n\nAvgiften är 26000 kronor.\n", encoding="utf-8")
    (tmp_path / "sida.mdx").write_text("<Callout>Avgiften är 27000 kronor.</Callout>\n", encoding="utf-8")
    (tmp_path / "brev.txt").write_bytes("Avgiften är 28000 kronor för Malmö.\n".encode("cp1252"))
    (tmp_path / "beslut.docx").write_bytes(_docx("Avgiften är 29000 kronor."))
    (tmp_path / "rapport.pdf").write_bytes(_pdf("Avgiften är 30000 kronor."))
    (tmp_path / "trasig.docx").write_bytes(_docx("Trasig.")[:500])
    (tmp_path / "bild.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # not a format kommlint reads: skipped
    return tmp_path


def test_mixed_folder_reports_every_file_and_one_error_line(folder):
    result = CliRunner().invoke(main, ["check", str(folder), "--select", "KLAR014", "--format", "concise"], catch_exceptions=False)
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    errors = [line for line in lines if "E001" in line]
    assert len(errors) == 1 and "trasig.docx" in errors[0] and "skadad, avkortad" in errors[0]
    found = sorted(line.split("/")[-1] for line in lines if "KLAR014" in line)
    assert [line.split(": KLAR014")[0] for line in found] == [
        "beslut.docx:1:13",
        "brev.txt:1:13",
        "nyhet.md:3:13",
        "rapport.pdf:1:13",
        "sida.html:1:38",
        "sida.mdx:1:22",
    ]


def test_mixed_folder_as_json_keeps_going_after_the_corrupt_file(folder):
    result = CliRunner().invoke(main, ["check", str(folder), "--select", "KLAR014", "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 2
    report = json.loads(result.output)
    by_name = {entry["path"].split("/")[-1]: entry for entry in report["files"]}
    assert sorted(by_name) == ["beslut.docx", "brev.txt", "nyhet.md", "rapport.pdf", "sida.html", "sida.mdx", "trasig.docx"]
    assert [len(by_name[name]["errors"]) for name in sorted(by_name)] == [0, 0, 0, 0, 0, 0, 1]
    assert by_name["rapport.pdf"]["diagnostics"][0]["page"] == 1
