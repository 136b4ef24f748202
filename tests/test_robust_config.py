"""Issue 20, configuration and rule packs: every bad value a Swedish error naming the file,
never a traceback, a hang or a silently accepted nonsense value."""

from __future__ import annotations

import pytest
from bounded import run_bounded
from test_core_packs import VALID, write_pack

from lint.engine.config import load_config_file
from lint.errors import ConfigError, RulePackError
from lint.rules.packs import load_pack, load_rules


def config_error(tmp_path, text: str) -> str:
    path = tmp_path / "kommlint.toml"
    path.write_text(text, encoding="utf-8")
    load_config_file.cache_clear()
    with pytest.raises(ConfigError) as info:
        load_config_file(path)
    message = str(info.value)
    assert message.startswith(str(path))
    return message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tool = 5\n", "tool ska vara en tabell ([tool.kommlint]), inte 5"),
        ('[tool]\nkommlint = "x"\n', "kommlint ska vara en tabell ([tool.kommlint]), inte ”x”"),
        ("max-file-size = true\n", "max-file-size ska vara ett positivt heltal (antal byte), inte True"),
        ("max-unpacked-size = -5\n", "max-unpacked-size ska vara ett positivt heltal (antal byte), inte -5"),
        ("[thresholds]\nlong-sentence = -3\n", "thresholds.long-sentence ska vara ett positivt tal eller en tabell per profil, inte -3"),
        (
            "[thresholds]\nlong-sentence = false\n",
            "thresholds.long-sentence ska vara ett positivt tal eller en tabell per profil, inte False",
        ),
        ("[thresholds.lix]\nbrev = 0\n", "thresholds.lix.brev ska vara ett positivt tal, inte 0"),
        ("a = " + "[" * 600 + "]" * 600 + "\n", "konfigurationen är nästlade i mer än 64 nivåer."),
        ("slect = ['KLAR']\n", "okänd inställning ”slect”. Menade du ”select”?"),
    ],
    ids=[
        "tool-number",
        "kommlint-string",
        "size-true",
        "size-negative",
        "threshold-negative",
        "threshold-bool",
        "threshold-zero",
        "deep",
        "typo",
    ],
)
def test_bad_configuration_values_are_named(tmp_path, text, expected):
    assert config_error(tmp_path, text).endswith(expected)


def test_a_nested_quantifier_in_a_pack_is_refused_at_load(tmp_path):
    pack = write_pack(tmp_path, VALID.replace("tokens: [blablaord]", "patterns: ['(a+)+$']"))
    with pytest.raises(RulePackError) as info:
        load_pack(pack)
    assert "fält patterns: det reguljära uttrycket ”(a+)+$” har en upprepning inuti en upprepning" in str(info.value)


def test_an_ordinary_pattern_with_groups_is_accepted(tmp_path):
    pack = write_pack(tmp_path, VALID.replace("tokens: [blablaord]", "patterns: ['(?:blabla)+ord', '(x+y)*z']"))
    assert [rule.code for rule in load_pack(pack)] == ["TEST001"]


def test_a_yaml_anchor_bomb_in_a_pack_is_refused_at_load(tmp_path):
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for name, previous in zip("bcdefgh", "abcdefg"):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    pack = write_pack(tmp_path, "\n".join(lines) + "\n" + VALID)
    code = """
from pathlib import Path
from lint.errors import RulePackError
from lint.rules.packs import load_pack
try:
    load_pack(Path(INPUTS["pack"]))
    print(json.dumps("loaded"))
except RulePackError as error:
    print(json.dumps(str(error)))
"""
    message = run_bounded(code, pack=str(pack))
    assert message.endswith("regelfilen växer till mer än 100000 värden när alias (*namn) packas upp.")


def test_deep_yaml_in_a_pack_is_refused(tmp_path):
    pack = write_pack(tmp_path, "a: " + "[" * 600 + "\n" + VALID)
    with pytest.raises(RulePackError) as info:
        load_pack(pack)
    assert str(info.value).endswith("regelfilen är nästlade i mer än 64 nivåer.")


def test_duplicate_rule_codes_name_both_files_and_lines(tmp_path):
    pack = write_pack(tmp_path, "# en kommentar\n" + VALID.replace("name: testord", "name: annat-testord"), "TEST001-kopia.yaml")
    write_pack(tmp_path, VALID)
    load_rules.cache_clear()
    with pytest.raises(RulePackError) as info:
        load_rules((str(pack),), entry_points=False)
    kopia, original = pack / "TEST001-kopia.yaml", pack / "TEST001-testord.yaml"
    message = str(info.value)
    assert message in {
        f"{kopia}:2: regel TEST001: TEST001 används redan i {original}:1",
        f"{original}:1: regel TEST001: TEST001 används redan i {kopia}:2",
    }
