"""Rule packs: validation errors name file, line, rule and field; extra packs and plugins."""

from __future__ import annotations

import sys
import textwrap

import pytest
from click.testing import CliRunner

from lint.cli.main import main
from lint.errors import RulePackError
from lint.rules.packs import load_pack, load_rules

VALID = """\
code: TEST001
name: testord
kind: existence
principle: klarspråk
severity: info
message: "Undvik {match}."
explanation:
  vad: Hittar testord.
  varfor: För att testa.
source: Testkälla
tokens: [blablaord]
examples:
  - bad: Ett blablaord här.
    matches: [blablaord]
  - good: Inga konstiga ord.
"""


def write_pack(tmp_path, text, name="TEST001-testord.yaml"):
    pack = tmp_path / "pack"
    pack.mkdir(exist_ok=True)
    (pack / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return pack


def error_for(tmp_path, text) -> str:
    with pytest.raises(RulePackError) as info:
        load_pack(write_pack(tmp_path, text))
    return str(info.value)


def test_valid_extra_pack_is_used(tmp_path):
    pack = write_pack(tmp_path, VALID)
    (tmp_path / "kommlint.toml").write_text(f'select = ["TEST"]\nrule-packs = ["{pack.name}"]\n')
    (tmp_path / "a.txt").write_text("Ett blablaord.\n")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "a.txt"), "--format", "concise", "--fail-on", "info"])
    assert result.output == f"{tmp_path / 'a.txt'}:1:5: TEST001 Undvik blablaord.\n"
    assert result.exit_code == 1


def test_unknown_field_names_line_and_nearest(tmp_path):
    message = error_for(tmp_path, VALID.replace("tokens:", "tokenz:"))
    assert message.endswith("TEST001-testord.yaml:11: regel TEST001, fält tokenz: okänt fält (menade du ”tokens”?)")


def test_bad_severity(tmp_path):
    message = error_for(tmp_path, VALID.replace("severity: info", "severity: hög"))
    assert ":5: regel TEST001, fält severity:" in message


def test_missing_message(tmp_path):
    message = error_for(tmp_path, VALID.replace('message: "Undvik {match}."\n', ""))
    assert "regel TEST001, fält message: fältet saknas" in message


def test_unknown_placeholder(tmp_path):
    message = error_for(tmp_path, VALID.replace("{match}", "{ord}"))
    assert ":6: regel TEST001, fält message: okänd platshållare {ord}" in message


def test_bad_regex(tmp_path):
    message = error_for(tmp_path, VALID.replace("tokens: [blablaord]", "patterns: ['(oavslutad']"))
    assert "fält patterns: ogiltigt reguljärt uttryck" in message


def test_unknown_kind_suggests(tmp_path):
    message = error_for(tmp_path, VALID.replace("kind: existence", "kind: existance"))
    assert ":3: regel TEST001, fält kind: okänd regeltyp ”existance” (menade du ”existence”?)" in message


def test_examples_are_required(tmp_path):
    text = VALID[: VALID.index("examples:")] + "examples:\n  - bad: Ett blablaord.\n  - bad: Två blablaord.\n"
    assert "regeln behöver minst ett bad- och ett good-exempel" in error_for(tmp_path, text)


def test_invalid_yaml_names_line(tmp_path):
    message = error_for(tmp_path, VALID.replace("tokens: [blablaord]", "tokens: [blablaord"))
    assert "ogiltig YAML" in message and "TEST001-testord.yaml:" in message


def test_bad_matcher_pattern_is_reported_on_use(tmp_path):
    text = VALID.replace("tokens: [blablaord]", "matcher:\n  - [{LEMMA: x, BOGUS: 1}]")
    pack = write_pack(tmp_path, text)
    (tmp_path / "kommlint.toml").write_text(f'select = ["TEST"]\nrule-packs = ["{pack.name}"]\n')
    (tmp_path / "a.txt").write_text("Ett ord.\n")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "a.txt")])
    assert result.exit_code == 2
    assert "regel TEST001, fält matcher[0]" in result.output


def test_bad_pack_in_config_exits_2(tmp_path):
    pack = write_pack(tmp_path, VALID.replace("severity: info", "severity: hög"))
    (tmp_path / "kommlint.toml").write_text(f'rule-packs = ["{pack.name}"]\n')
    (tmp_path / "a.txt").write_text("Ett ord.\n")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "a.txt")])
    assert result.exit_code == 2
    assert "fält severity" in result.output


def test_duplicate_code_is_an_error(tmp_path):
    pack = write_pack(tmp_path, VALID.replace("TEST001", "KLAR001"), name="KLAR001-dubblett.yaml")
    with pytest.raises(RulePackError, match="KLAR001 används redan"):
        load_rules((str(pack),), entry_points=False)


def test_entry_point_plugin_rules(tmp_path, monkeypatch):
    pack = write_pack(tmp_path, VALID)
    site = tmp_path / "site"
    (site / "kommlint_test_plugin-0.1.dist-info").mkdir(parents=True)
    (site / "kommlint_test_plugin-0.1.dist-info" / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: kommlint-test-plugin\nVersion: 0.1\n"
    )
    (site / "kommlint_test_plugin-0.1.dist-info" / "entry_points.txt").write_text("[kommlint.rules]\ntest = kommlint_test_plugin:pack\n")
    (site / "kommlint_test_plugin.py").write_text(f"def pack():\n    return {str(pack)!r}\n")
    monkeypatch.syspath_prepend(str(site))
    load_rules.cache_clear()
    try:
        codes = [rule.code for rule in load_rules()]
    finally:
        sys.modules.pop("kommlint_test_plugin", None)
        load_rules.cache_clear()
    assert "TEST001" in codes


def test_crashing_rule_is_an_engine_error_not_an_abort(lint, monkeypatch):
    from lint.rules.kinds.substitution import SubstitutionRule

    def boom(self, ctx):
        raise RuntimeError("trasig regel")

    monkeypatch.setattr(SubstitutionRule, "check", boom)
    result = lint("Vi skall ha 25000 kronor.\n", select=("KLAR003", "KLAR014"))
    assert [d.code for d in result.diagnostics] == ["KLAR014"]
    assert [e.code for e in result.errors] == ["E002"]
    assert "KLAR003" in result.errors[0].message and "trasig regel" in result.errors[0].message


PYTHON_RULE = """\
code: TEST002
name: tabelltest
kind: python
check: lint.rules.checks.accessibility:TableHeaders
principle: tillgänglighet
message: "Tabellen ({value}) saknar rubrikceller."
options:
  min_rows: 3
explanation:
  vad: Testar tabeller.
  varfor: För att testa.
source: Testkälla
examples:
  - bad: "| a | b |\\n|---|---|\\n| 1 | 2 |"
  - good: Ingen tabell.
"""


def python_error(tmp_path, text) -> str:
    with pytest.raises(RulePackError) as info:
        load_pack(write_pack(tmp_path, text, "TEST002-tabelltest.yaml"))
    return str(info.value)


def test_python_rule_options_are_typed(tmp_path):
    (rule,) = load_pack(write_pack(tmp_path, PYTHON_RULE, "TEST002-tabelltest.yaml"))
    assert rule.options.min_rows == 3


def test_python_option_with_wrong_type_names_line(tmp_path):
    message = python_error(tmp_path, PYTHON_RULE.replace("min_rows: 3", "min_rows: många"))
    assert message.endswith(
        "TEST002-tabelltest.yaml:8: regel TEST002, fält options.min_rows: Input should be a valid integer, unable to parse string as an integer"
    )


def test_unknown_python_option_suggests_nearest(tmp_path):
    message = python_error(tmp_path, PYTHON_RULE.replace("min_rows: 3", "min_row: 3"))
    assert message.endswith("TEST002-tabelltest.yaml:8: regel TEST002, fält options.min_row: okänt fält (menade du ”min_rows”?)")


def test_unknown_check_class(tmp_path):
    message = python_error(tmp_path, PYTHON_RULE.replace("TableHeaders", "TableHeader"))
    assert "TEST002-tabelltest.yaml:4: regel TEST002, fält check: kan inte läsa in lint.rules.checks.accessibility:TableHeader" in message


def test_missing_message_variant(tmp_path):
    text = PYTHON_RULE.replace("TableHeaders", "ImageAltText").replace("options:\n  min_rows: 3\n", "")
    message = python_error(
        tmp_path, text.replace('message: "Tabellen ({value}) saknar rubrikceller."', 'messages:\n  missing: "Bara bilder."')
    )
    assert message.endswith("TEST002-tabelltest.yaml:6: regel TEST002, fält messages: texten för varianten ”vague” saknas")


def test_unknown_message_variant_and_placeholder(tmp_path):
    messages = 'messages:\n  missing: "Bara bilder."\n  vague: "Ingen {titel}."\n  odt: "?"'
    text = PYTHON_RULE.replace("TableHeaders", "ImageAltText").replace("options:\n  min_rows: 3\n", "")
    text = text.replace('message: "Tabellen ({value}) saknar rubrikceller."', messages)
    assert python_error(tmp_path, text).endswith(
        "TEST002-tabelltest.yaml:9: regel TEST002, fält messages.odt: okänd variant (regeln har missing, vague)"
    )
    text = text.replace('\n  odt: "?"', "")
    assert "TEST002-tabelltest.yaml:8: regel TEST002, fält messages.vague: okänd platshållare {titel}" in python_error(tmp_path, text)


def test_message_variant_is_chosen_by_the_hit():
    rule = next(rule for rule in load_rules(entry_points=False) if rule.code == "TILL003")
    assert (
        rule.format_message({"variant": "skipped", "previous": 1, "level": 3, "expected": 2})
        == "Rubriknivån hoppar från 1 till 3; använd nivå 2."
    )


REQUIRED_RULE = """\
code: TEST003
name: kravtest
kind: required
principle: avsändare
message: "Kontakt saknas."
suggestion: "Skriv en kontaktväg."
any_of:
  detectors: [lint.rules.checks.program_avsandare:contact_present]
explanation:
  vad: Testar krav.
  varfor: För att testa.
source: Testkälla
examples:
  - bad: Ingenting här.
  - good: Ring 08-508 264 02.
"""


def test_required_rule_with_a_named_detector(tmp_path):
    (rule,) = load_pack(write_pack(tmp_path, REQUIRED_RULE, "TEST003-kravtest.yaml"))
    from lint.rules.checks.program_avsandare import contact_present

    assert rule.detectors == [contact_present]


def test_unknown_detector_names_line(tmp_path):
    with pytest.raises(RulePackError) as info:
        load_pack(write_pack(tmp_path, REQUIRED_RULE.replace("contact_present", "contact_here"), "TEST003-kravtest.yaml"))
    assert (
        "TEST003-kravtest.yaml:8: regel TEST003, fält any_of.detectors.0: kan inte läsa in lint.rules.checks.program_avsandare:contact_here"
        in str(info.value)
    )


ADDRESS_RULE = """\
code: TEST004
name: tilltalstest
kind: python
check: lint.rules.checks.program_malgrupp:Address
principle: målgrupp
options:
  third_person:
    - {pattern: [{LOWER: den}, {LOWER: boende}], suggest: du}
messages:
  third_person: "Skriv ”{suggestion}”, inte ”{match}”."
  man: "Man."
  capital: "Stor bokstav."
explanation:
  vad: Testar tilltal.
  varfor: För att testa.
source: Testkälla
examples:
  - bad: Den boende får en nyckel.
  - good: Du får en nyckel.
"""


def test_third_person_patterns_are_options(tmp_path):
    pack = write_pack(tmp_path, ADDRESS_RULE, "TEST004-tilltalstest.yaml")
    (tmp_path / "kommlint.toml").write_text(f'select = ["TEST"]\nrule-packs = ["{pack.name}"]\n')
    (tmp_path / "a.txt").write_text("Den boende får en nyckel.\n")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "a.txt"), "--format", "concise", "--fail-on", "error"])
    assert result.output == f"{tmp_path / 'a.txt'}:1:1: TEST004 Skriv ”Du”, inte ”Den boende”.\n"


def test_bad_third_person_pattern_is_reported_on_use(tmp_path):
    pack = write_pack(tmp_path, ADDRESS_RULE.replace("{LOWER: boende}", "{LOWR: boende}"), "TEST004-tilltalstest.yaml")
    (tmp_path / "kommlint.toml").write_text(f'select = ["TEST"]\nrule-packs = ["{pack.name}"]\n')
    (tmp_path / "a.txt").write_text("Ett ord.\n")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "a.txt")])
    assert result.exit_code == 2
    assert "regel TEST004, fält options.third_person[0]" in result.output
