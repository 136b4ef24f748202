"""Findings about a Word file as a whole sit on its first heading and say where in Word to fix them."""

from __future__ import annotations

import io

import docx
import pytest
from test_annotate import anchored_texts
from test_formats_docx import build

from lint.annotate import annotate_bytes
from lint.engine.linter import Linter, Options

WHOLE = ("TILL004", "TILL010", "OFF003")


@pytest.fixture(scope="module")
def decision():
    return build(language="en-US", title="")


@pytest.fixture(scope="module")
def beslut_linter():
    return Linter(Options(profile="beslut", keep_documents=True))


def test_whole_document_findings_mark_the_whole_first_heading(beslut_linter, decision):
    result = beslut_linter.lint_file("beslut.docx", data=decision)
    found = sorted((d.code, d.line, d.column, d.end_line, d.end_column, d.match) for d in result.diagnostics if d.code in WHOLE)
    assert found == [(code, 1, 1, 1, 18, "Bygglov för altan") for code in sorted(WHOLE)]
    assert all(d.whole_document for d in result.diagnostics if d.code in WHOLE)


def test_word_messages_say_where_in_word_to_fix_it(beslut_linter, decision):
    result = beslut_linter.lint_file("beslut.docx", data=decision)
    messages = {d.code: d.message for d in result.diagnostics}
    assert messages["TILL004"] == (
        "Word-dokumentet anger språket ”en-US” men texten är på svenska. "
        "Markera all text i Word och välj Granska › Språk › Ange korrekturspråk › Svenska."
    )
    assert messages["TILL010"] == (
        "Word-dokumentet saknar titel i dokumentegenskaperna. "
        "Skriv titeln i Word under Arkiv › Information › Egenskaper › Rubrik (på Mac: Arkiv › Egenskaper › Rubrik)."
    )


def test_missing_language_in_word_says_where_to_set_it(beslut_linter):
    result = beslut_linter.lint_file("beslut.docx", data=build(language=""))
    language = [d for d in result.diagnostics if d.code == "TILL004"]
    assert [(d.line, d.column, d.match) for d in language] == [(1, 1, "Bygglov för altan")]
    assert "Granska › Språk" in language[0].message


def test_annotate_puts_the_comment_on_the_whole_heading(beslut_linter, decision):
    annotation = annotate_bytes(beslut_linter, decision, "beslut.docx")
    texts = anchored_texts(annotation.data)
    word = docx.Document(io.BytesIO(annotation.data))
    anchored = {
        c.text.splitlines()[-1]: texts[str(c.comment_id)] for c in word.comments if c.author == "kommlint" and str(c.comment_id) in texts
    }
    for code, name in (("TILL004", "sprak-attribut"), ("TILL010", "dokumenttitel"), ("OFF003", "overklagande")):
        assert anchored[f"Regel: {code} ({name})"] == "Bygglov för altan"
