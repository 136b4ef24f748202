"""Reading speed of the format readers (no rules, no spaCy): python bench/bench_formats.py

Builds an HTML page, a Word document and a PDF file of similar prose in memory and prints
how long reading each takes, per file and per 1 000 words.
"""

from __future__ import annotations

import io
import time

from lint.formats import read_bytes

SENTENCE = "Stadsbyggnadsnämnden beviljar bygglov för en altan på fastigheten när ansökan är komplett."
PARAGRAPHS = 400


def html_page() -> bytes:
    body = "\n".join(
        f"<h2>Avsnitt {i}</h2><p>{SENTENCE.replace('ä', '&auml;')} <a href='/x{i}'>L&auml;nk {i}</a></p>" for i in range(PARAGRAPHS)
    )
    return f'<!DOCTYPE html><html lang="sv"><head><title>Test</title></head><body><main>{body}</main></body></html>'.encode()


def word_document() -> bytes:
    import docx

    word = docx.Document()
    for i in range(PARAGRAPHS):
        word.add_heading(f"Avsnitt {i}", 2)
        word.add_paragraph(SENTENCE)
    data = io.BytesIO()
    word.save(data)
    return data.getvalue()


def pdf_file() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for i in range(PARAGRAPHS):
        pdf.multi_cell(0, 5, f"Avsnitt {i}. {SENTENCE}")
        pdf.ln(3)
    return bytes(pdf.output())


def measure(name: str, data: bytes, path: str, repeat: int = 3) -> None:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        document = read_bytes(data, path)
        best = min(best, time.perf_counter() - start)
    words = len(document.text.split())
    print(
        f"{name:5} {len(data) / 1024:8.0f} kB {len(document.blocks):6} block {words:7} ord {best * 1000:8.1f} ms {best * 1000 / words * 1000:7.1f} ms/1000 ord"
    )


if __name__ == "__main__":
    measure("html", html_page(), "sida.html")
    measure("docx", word_document(), "beslut.docx")
    measure("pdf", pdf_file(), "rapport.pdf")
