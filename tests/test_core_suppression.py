"""Suppression comments in Markdown, HTML-style comments and plain text."""

from __future__ import annotations

TEXT_LINES = ["Vi skall ses.", "Ni skall komma.", "De skall gå."]


def lines_found(lint, text, name):
    result = lint(text, name=name, select=("KLAR003", "KLAR014"))
    return [(d.code, d.line) for d in result.diagnostics]


def test_disable_enable_region_markdown(lint):
    text = "Vi skall ses.\n\n<!-- kommlint-disable KLAR003 -- citat -->\n\nNi skall komma.\n\n<!-- kommlint-enable KLAR003 -->\n\nDe skall gå.\n"
    assert lines_found(lint, text, "a.md") == [("KLAR003", 1), ("KLAR003", 9)]


def test_disable_without_enable_runs_to_end(lint):
    text = "Vi skall ses.\n\n<!-- kommlint-disable -->\n\nNi skall komma.\n"
    assert lines_found(lint, text, "a.md") == [("KLAR003", 1)]


def test_disable_next_line_only_that_rule(lint):
    text = "<!-- kommlint-disable-next-line KLAR003 -->\nVi skall ha 25000 kronor.\n\nNi skall komma.\n"
    assert lines_found(lint, text, "a.md") == [("KLAR014", 2), ("KLAR003", 4)]


def test_disable_next_line_skips_blank_lines(lint):
    text = "<!-- kommlint-disable-next-line alderdomlig-form -->\n\nVi skall ses.\n"
    assert lines_found(lint, text, "a.md") == []


def test_disable_file_by_prefix(lint):
    text = "Vi skall ses.\n\n<!-- kommlint-disable-file KLAR -->\n"
    assert lines_found(lint, text, "a.md") == []


def test_inline_comment_in_paragraph(lint):
    text = "Vi skall ses. <!-- kommlint-disable-file KLAR003 -->\n"
    assert lines_found(lint, text, "a.md") == []


def test_plain_text_comment_lines(lint):
    text = "# kommlint-disable-next-line KLAR003\nVi skall ses.\n\nNi skall komma.\n"
    assert lines_found(lint, text, "a.txt") == [("KLAR003", 4)]


def test_plain_text_comment_is_not_prose(lint):
    result = lint("# kommlint-disable-file KLAR009\nVi ses.\n", name="a.txt")
    assert [block.text for block in result.document.blocks] == ["Vi ses."]
