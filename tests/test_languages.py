"""Block languages (TILL012): what is judged, what the rules about Swedish skip, and how
TILL012 reports a block, a run of blocks and a whole page."""

from __future__ import annotations

from conftest import lint_text

from lint.formats import read_bytes
from lint.language.languages import block_languages, detect

ENGLISH = "You can apply for a building permit at the city planning office."
SWEDISH = "Du kan ansöka om bygglov hos stadsbyggnadskontoret i god tid före bygget."
FINNISH = "Voit hakea rakennuslupaa kaupunkisuunnitteluvirastosta hyvissä ajoin."


def page(*paragraphs: str, lang: str = "sv") -> str:
    return f'<html lang="{lang}"><head><title>Bygglov</title></head><body>' + "".join(paragraphs) + "</body></html>"


def found(result, code="TILL012"):
    return [(d.line, d.column, d.match, d.message) for d in result.diagnostics if d.code == code]


def test_detect_names_the_language_and_leaves_short_text_unjudged():
    assert (detect(ENGLISH), detect(SWEDISH), detect(FINNISH)) == ("en", "sv", "fi")
    assert detect("Read more in English please") is None  # five words
    assert detect("Ring 08-508 000 00 i dag") is None  # numbers are no words


def test_a_short_block_follows_the_judged_blocks_around_it():
    document = read_bytes(page("<h2>About permits</h2>", f"<p>{ENGLISH}</p>", "<p>Read more.</p>", f"<p>{SWEDISH}</p>").encode(), "x.html")
    facts = block_languages(document)
    assert [(f.detected, f.foreign) for f in facts] == [(None, True), ("en", True), (None, False), ("sv", False)]


def test_an_own_lang_attribute_makes_a_block_foreign_whatever_its_text():
    document = read_bytes(page(f'<p lang="en">{SWEDISH}</p>', f"<p>{SWEDISH}</p>").encode(), "x.html")
    assert [f.foreign for f in block_languages(document)] == [True, False]


def test_one_unmarked_block_is_reported_with_the_language_to_declare(linter):
    html = page(f"<p>{SWEDISH}</p>", f"<p>{ENGLISH}</p>")
    result = lint_text(linter, html, name="x.html", select=("TILL012",))
    column = html.index(ENGLISH) + 1
    assert found(result) == [(1, column, ENGLISH, 'Stycket är på engelska men är inte märkt med språket: skriv lang="en" på elementet.')]


def test_a_wrongly_marked_block_and_a_correctly_marked_one(linter):
    html = page(f"<p>{SWEDISH}</p>", f'<p lang="en">{FINNISH}</p>', f'<p lang="fi">{FINNISH}</p>')
    result = lint_text(linter, html, name="x.html", select=("TILL012",))
    assert [message for *_, message in found(result)] == ['Stycket är på finska men elementet anger språket ”en”: skriv lang="fi".']


def test_a_run_of_blocks_in_one_language_is_one_finding(linter):
    other = "The permit costs money and you pay the fee when you get the decision."
    result = lint_text(
        linter, page(f"<p>{SWEDISH}</p>", f"<p>{ENGLISH}</p>", "<p>Read more.</p>", f"<p>{other}</p>"), name="x.html", select=("TILL012",)
    )
    assert [match for _, _, match, _ in found(result)] == [ENGLISH]


def test_a_page_all_in_english_is_reported_once(linter):
    other = "The permit costs money and you pay the fee when you get the decision."
    result = lint_text(linter, page("<h1>Permits</h1>", f"<p>{ENGLISH}</p>", f"<p>{other}</p>"), name="x.html", select=("TILL012",))
    assert [message for *_, message in found(result)] == ['Sidan är på engelska men anger inte det språket: skriv <html lang="en">.']
    declared = lint_text(
        linter, page("<h1>Permits</h1>", f"<p>{ENGLISH}</p>", f"<p>{other}</p>", lang="en"), name="x.html", select=("TILL012",)
    )
    assert found(declared) == []


def test_swedish_text_under_another_page_language_is_left_to_till004(linter):
    result = lint_text(linter, page(f"<p>{SWEDISH}</p>", f"<p>{SWEDISH}</p>", lang="en"), name="x.html", select=("TILL012", "TILL004"))
    assert [d.code for d in result.diagnostics] == ["TILL004"]


def test_rules_about_swedish_skip_an_english_paragraph_in_markdown_too(linter):
    text = f"# Bygglov\n\n{SWEDISH}\n\nWe handle every application within ten weeks and all permits are sent by post.\n"
    result = lint_text(linter, text, name="x.md", select=("KLAR", "SPR", "MALG", "TILL012"))
    assert [d for d in result.diagnostics if d.line == 5] == []
    assert result.metrics["words"] == len("Bygglov".split()) + len(SWEDISH.split())
