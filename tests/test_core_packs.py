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
    assert message.endswith("TEST001-testord.yaml:11: regel TEST001, fält tokenz: okänt fält (menade du 'tokens'?)")


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
    assert ":3: regel TEST001, fält kind: okänd regeltyp 'existance' (menade du 'existence'?)" in message


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
    (site / "kommlint_test_plugin-0.1.dist-info" / "METADATA").write_text("Metadata-Version: 2.1\nName: kommlint-test-plugin\nVersion: 0.1\n")
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
