"""Write the corpus's Word and PDF documents (run once; the files are committed).

python corpora/formats/make_binaries.py  — needs python-docx and fpdf2.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn
from fpdf import FPDF

HERE = Path(__file__).resolve().parent


def _language(word, lang: str) -> None:
    r_pr = word.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    r_pr.find(qn("w:lang")).set(qn("w:val"), lang)


def decision() -> None:
    """A decision in Word with an English proofing language, no title and a table without header row."""
    word = docx.Document()
    _language(word, "en-US")
    word.core_properties.title = ""
    word.core_properties.author = "Stadsbyggnadskontoret"
    word.sections[0].header.paragraphs[0].text = "Stadsbyggnadskontoret, Stockholms stad"
    word.add_heading("Beslut om bygglov", 1)
    word.add_paragraph("Stadsbyggnadsnämnden beviljar bygglov för en altan på fastigheten Eken 4.")
    word.add_heading("Avgift.", 2)
    table = word.add_table(rows=2, cols=2)
    for cell, text in zip(table._cells, ["Åtgärd", "Avgift", "Bygglov", "8 500 kronor"]):
        cell.text = text
    word.add_heading("Villkor", 4)
    word.add_paragraph("Arbetet får börja när startbeskedet har kommit. OBSERVERA ATT BESLUTET KAN ÖVERKLAGAS.")
    word.save(HERE / "docx" / "beslut-bygglov.docx")


def report(title: str | None, lang: str | None, text: bool, name: str) -> None:
    pdf = FPDF()
    if title:
        pdf.set_title(title)
    if lang:
        pdf.set_lang(lang)
    pdf.add_page()
    if not text:
        pdf.set_fill_color(230, 230, 230)
        pdf.rect(20, 20, 170, 240, style="F")  # a scanned page: an image, no text
    else:
        pdf.set_font("Helvetica", "B", 18)
        pdf.cell(0, 10, "Årsrapport för parkerna", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=12)
        pdf.multi_cell(0, 6, "Under året har staden planterat 400 nya träd i parkerna och\nrustat tre lekplatser.")
    pdf.output(str(HERE / "pdf" / name))


if __name__ == "__main__":
    decision()
    report(None, None, False, "skannat-beslut.pdf")
    report("Årsrapport för parkerna", "sv-SE", True, "arsrapport.pdf")
