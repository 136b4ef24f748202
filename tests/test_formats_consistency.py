"""The seed document as text, Markdown, HTML, Word and PDF gives the same findings in each format.

The seed lives in ../shared (it is not copied into the repository); the test is skipped
where it is absent.
"""

from __future__ import annotations

import html
import io
from collections import Counter
from pathlib import Path

import docx
import pytest

from lint.engine.linter import Linter, Options

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seeds" / "000_7c22c21e004f47d4.txt"
fpdf = pytest.importorskip("fpdf")


@pytest.fixture(scope="module")
def paragraphs() -> list[str]:
    if not SEED.is_file():
        pytest.skip("../shared/seeds saknas")
    text = SEED.read_text(encoding="utf-8")
    return [" ".join(part.split()) for part in text.split("\n\n") if part.strip()]


def _html(paragraphs: list[str]) -> bytes:
    body = "\n".join(f"<p>{html.escape(p).replace('ä', '&auml;')}</p>" for p in paragraphs)
    return f"<html lang='sv'><head><title>Seed</title></head><body><main>{body}</main></body></html>".encode()


def _docx(paragraphs: list[str]) -> bytes:
    word = docx.Document()
    for paragraph in paragraphs:
        word.add_paragraph(paragraph)
    data = io.BytesIO()
    word.save(data)
    return data.getvalue()


def _pdf(paragraphs: list[str]) -> bytes:
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 5, paragraph.encode("latin-1", "replace").decode("latin-1"), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    return bytes(pdf.output())


def test_every_format_finds_the_same_at_its_own_place(paragraphs):
    linter = Linter(Options(select=("KLAR",)))
    plain = "\n\n".join(paragraphs)
    files = {
        "seed.txt": plain.encode(),
        "seed.md": plain.encode(),
        "seed.html": _html(paragraphs),
        "seed.docx": _docx(paragraphs),
        "seed.pdf": _pdf(paragraphs),
    }
    found = {}
    for name, data in files.items():
        result = linter.lint_file(name, data=data)
        assert not result.errors, result.errors
        found[name] = Counter((d.code, " ".join(html.unescape(d.match).replace("-\n", "").split())) for d in result.diagnostics)
    assert found["seed.txt"], "the seed should give some findings"
    for name, counts in found.items():
        assert counts == found["seed.txt"], name
