"""Configuration discovery, precedence and validation."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from lint.cli.main import main
from lint.engine.config import discover, load_config_file
from lint.errors import ConfigError

TEXT = "Du skall erhålla 25000 kronor.\n"


def codes(tmp_path, *args, name="a.txt", folder=None):
    folder = folder or tmp_path
    path = folder / name
    path.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json", *args], catch_exceptions=False)
    data = json.loads(result.output)
    return [d["code"] for d in data["files"][0]["diagnostics"]], data, result.exit_code


def test_pyproject_select(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.kommlint]\nselect = ["KLAR003"]\n')
    assert codes(tmp_path)[0] == ["KLAR003"]


def test_kommlint_toml_beats_pyproject_in_same_folder(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.kommlint]\nselect = ["KLAR003"]\n')
    (tmp_path / "kommlint.toml").write_text('select = ["KLAR014"]\n')
    assert codes(tmp_path)[0] == ["KLAR014"]


def test_nearest_config_wins(tmp_path):
    (tmp_path / ".kommlint.toml").write_text('select = ["KLAR003"]\n')
    sub = tmp_path / "nyheter"
    sub.mkdir()
    (sub / ".kommlint.toml").write_text('select = ["KLAR014"]\n')
    assert codes(tmp_path, folder=sub)[0] == ["KLAR014"]
    assert codes(tmp_path)[0] == ["KLAR003"]


def test_pyproject_without_section_is_skipped(tmp_path):
    (tmp_path / ".kommlint.toml").write_text('select = ["KLAR003"]\n')
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert codes(tmp_path, folder=sub)[0] == ["KLAR003"]


def test_cli_select_wins_over_config(tmp_path):
    (tmp_path / "kommlint.toml").write_text('select = ["KLAR003"]\n')
    assert codes(tmp_path, "--select", "KLAR014")[0] == ["KLAR014"]


def test_ignore_extend_select_and_severity(tmp_path):
    (tmp_path / "kommlint.toml").write_text(
        'select = ["KLAR003"]\nextend-select = ["KLAR014", "KLAR001"]\nignore = ["krangelord"]\n[severity]\nKLAR014 = "error"\n'
    )
    found, data, exit_code = codes(tmp_path)
    assert found == ["KLAR003", "KLAR014"]
    assert [d["severity"] for d in data["files"][0]["diagnostics"]] == ["warning", "error"]


def test_per_file_ignores(tmp_path):
    (tmp_path / "kommlint.toml").write_text('select = ["KLAR003", "KLAR014"]\n[per-file-ignores]\n"juridik/*" = ["KLAR003"]\n')
    sub = tmp_path / "juridik"
    sub.mkdir()
    assert codes(tmp_path, folder=sub)[0] == ["KLAR014"]
    assert codes(tmp_path)[0] == ["KLAR003", "KLAR014"]


def test_vocabulary_words_are_never_flagged(tmp_path):
    (tmp_path / "kommlint.toml").write_text('select = ["KLAR003"]\nvocabulary = ["Skall"]\n')
    assert codes(tmp_path)[0] == []


def test_fail_on_from_config(tmp_path):
    (tmp_path / "kommlint.toml").write_text('select = ["KLAR003"]\nfail-on = "error"\n')
    assert codes(tmp_path)[2] == 0


def test_thresholds_override_profile(tmp_path):
    (tmp_path / "kommlint.toml").write_text('select = ["KLAR009"]\n[thresholds]\nsentence_words = 3\n')
    assert codes(tmp_path)[0] == ["KLAR009"]
    (tmp_path / "kommlint.toml").write_text(
        'select = ["KLAR009"]\n[thresholds.webbsida]\nsentence_words = 3\n[thresholds.beslut]\nsentence_words = 50\n'
    )
    load_config_file.cache_clear()
    assert codes(tmp_path)[0] == ["KLAR009"]
    assert codes(tmp_path, "--profile", "webbsida")[0] == ["KLAR009"]


def test_profile_glob_from_config(tmp_path):
    (tmp_path / "kommlint.toml").write_text('select = ["KLAR003"]\n[profiles]\n"*.txt" = "webbsida"\n')
    data = codes(tmp_path)[1]
    assert data["files"][0]["profile_source"] == "config"


def test_exclude_from_config(tmp_path):
    (tmp_path / "kommlint.toml").write_text('select = ["KLAR003"]\nexclude = ["arkiv"]\n')
    (tmp_path / "arkiv").mkdir()
    (tmp_path / "arkiv" / "gammal.md").write_text(TEXT)
    (tmp_path / "ny.md").write_text(TEXT)
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--format", "concise"], catch_exceptions=False)
    assert [line.split(":")[0] for line in result.output.splitlines()] == [str(tmp_path / "ny.md")]


def test_unknown_key_suggests_nearest(tmp_path):
    (tmp_path / "kommlint.toml").write_text('selcet = ["KLAR003"]\n')
    with pytest.raises(ConfigError, match="okänd inställning ”selcet”. Menade du ”select”"):
        discover(tmp_path / "a.txt")


def test_config_error_exits_2(tmp_path):
    (tmp_path / "kommlint.toml").write_text('severity = { KLAR003 = "hög" }\n')
    (tmp_path / "a.txt").write_text(TEXT)
    result = CliRunner().invoke(main, ["check", str(tmp_path / "a.txt")])
    assert result.exit_code == 2
    assert "nivån ska vara info, varning eller fel" in result.output


def test_invalid_toml_exits_2(tmp_path):
    (tmp_path / "kommlint.toml").write_text("select = [\n")
    (tmp_path / "a.txt").write_text(TEXT)
    result = CliRunner().invoke(main, ["check", str(tmp_path / "a.txt")])
    assert result.exit_code == 2
    assert "ogiltig TOML" in result.output


def test_explicit_config_file(tmp_path):
    config = tmp_path / "annan.toml"
    config.write_text('select = ["KLAR014"]\n')
    assert codes(tmp_path, "--config", config)[0] == ["KLAR014"]


def test_version_control_and_environments_are_always_skipped(tmp_path):
    (tmp_path / "kommlint.toml").write_text('select = ["KLAR003"]\nexclude = ["arkiv"]\n')
    for folder in (".git", ".venv", "node_modules"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.md").write_text(TEXT)
    (tmp_path / "ny.md").write_text(TEXT)
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--format", "concise"], catch_exceptions=False)
    assert [line.split(":")[0] for line in result.output.splitlines()] == [str(tmp_path / "ny.md")]
