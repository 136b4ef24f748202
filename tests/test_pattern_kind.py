"""The pattern kind: regexes with message variants, groups, fixes and masks, validated with file and line."""

from __future__ import annotations

from dataclasses import replace

import pytest
from test_core_packs import write_pack

from lint.engine.config import Settings
from lint.errors import RulePackError
from lint.formats import read_bytes
from lint.rules.packs import load_pack

PATTERN_RULE = """\
code: TEST005
name: monstertest
kind: pattern
principle: språkriktighet
fix: safe
mask: prose
messages:
  colon: "Skriv {tid} med punkt."
find:
  - pattern: '\\b(\\d{1,2}):(\\d\\d)\\b'
    replace: '\\1.\\2'
    message: colon
    values: {tid: '\\1:\\2'}
explanation:
  vad: Testar mönster.
  varfor: För att testa.
source: Testkälla
examples:
  - bad: Vi ses 13:00.
  - good: Vi ses 13.00.
"""


def pattern_error(tmp_path, text) -> str:
    with pytest.raises(RulePackError) as info:
        load_pack(write_pack(tmp_path, text, "TEST005-monstertest.yaml"))
    return str(info.value)


def test_a_pattern_rule_reports_its_variant_with_values_and_fix(tmp_path, linter):
    pack = write_pack(tmp_path, PATTERN_RULE, "TEST005-monstertest.yaml")
    document = read_bytes("Vi ses 13:00 på www.example.se/9:30 i dag.".encode(), "exempel.txt")
    result = linter.lint_document(document, replace(Settings(), select=("TEST005",), rule_packs=(str(pack),)))
    assert [(d.code, d.match, d.message, d.fix.edits[0].replacement) for d in result.diagnostics] == [
        ("TEST005", "13:00", "Skriv 13:00 med punkt.", "13.00")
    ]


def test_a_group_the_pattern_lacks_names_line(tmp_path):
    message = pattern_error(tmp_path, PATTERN_RULE.replace("'\\1.\\2'", "'\\1.\\3'"))
    assert message.endswith("TEST005-monstertest.yaml:10: regel TEST005, fält find.0: gruppen ”3” finns inte i mönstret")


def test_an_unknown_message_variant_is_refused(tmp_path):
    message = pattern_error(tmp_path, PATTERN_RULE.replace("message: colon", "message: kolon"))
    assert "regel TEST005" in message and "meddelandet ”kolon” saknas under messages" in message


def test_an_unknown_option_names_line_and_nearest(tmp_path):
    message = pattern_error(tmp_path, PATTERN_RULE.replace("mask: prose", "masks: prose"))
    assert message.endswith("TEST005-monstertest.yaml:6: regel TEST005, fält masks: okänt fält (menade du ”mask”?)")


def test_a_mask_value_outside_the_list_is_refused(tmp_path):
    message = pattern_error(tmp_path, PATTERN_RULE.replace("mask: prose", "mask: kod"))
    assert "TEST005-monstertest.yaml:6: regel TEST005, fält mask:" in message


def test_klockan_keeps_its_word_in_the_suggestion(linter):
    from conftest import lint_text

    text = "Simhallen har öppet mellan klockan 9–17 på lördagar och Klockan 9 - 12 på söndagar."
    result = lint_text(linter, text, select=("KLAR015",))
    assert [(d.match, d.suggestions) for d in result.diagnostics] == [
        ("mellan klockan 9–17", ("klockan 9–17",)),
        ("Klockan 9 - 12", ("klockan 9–12",)),
    ]


def test_a_value_the_entry_lacks_is_refused(tmp_path):
    message = pattern_error(tmp_path, PATTERN_RULE.replace("replace: '\\1.\\2'", "replace: '{klocka}'"))
    assert message.endswith("TEST005-monstertest.yaml:10: regel TEST005, fält find.0: värdet {klocka} finns inte under values")


def test_an_unknown_organisation_term_is_refused(tmp_path):
    message = pattern_error(tmp_path, PATTERN_RULE.replace("\\b(\\d{1,2})", "{org.namn}\\b(\\d{1,2})"))
    assert "TEST005-monstertest.yaml:10: regel TEST005, fält find.0.pattern: okänd organisationsterm {org.namn}" in message


def test_the_organisation_terms_come_from_the_configured_organisation(linter, tmp_path):
    document = read_bytes("Tyresö Kommun och Stockholms Stad.".encode(), "exempel.txt")
    result = linter.lint_document(document, replace(Settings(), select=("AVS002",), organization="Tyresö kommun"))
    assert [(d.match, d.suggestions) for d in result.diagnostics] == [("Tyresö Kommun", ("Tyresö kommun",))]
