"""The command line speaks one language: Swedish help, suggestions for typos, --no-color everywhere."""

from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner

from lint.cli.main import COMMANDS, main

# What click writes by itself when a command does not say it in Swedish.
ENGLISH = re.compile(
    r"\b(TEXT|INTEGER|FLOAT|RANGE|PATHS?|URLS|FILES?|OUTPUT|ARGS|COMMAND|FILENAME|DIRECTORY|BOOLEAN|CHOICE|FILEN"
    r"|Usage|Options|Commands|Arguments|Show this|default:|required|dynamic)\b"
    r"|(?:standard: |x[<>]=)\d+\.\d+(?:[];]|$)"  # click writes 4.0 where every other text writes 4,0
)


def _all_commands():
    runner = CliRunner()
    ctx = click.Context(main)
    for name in sorted(COMMANDS):
        command = main.get_command(ctx, name)
        yield [name]
        for sub in sorted(getattr(command, "commands", {})):
            yield [name, sub]
    del runner


def help_texts():
    runner = CliRunner()
    yield "kommlint", runner.invoke(main, ["--help"]).output
    for path in _all_commands():
        yield " ".join(path), runner.invoke(main, [*path, "--help"]).output


def test_every_help_text_is_swedish():
    english = {name: [m[0] for m in ENGLISH.finditer(text)] for name, text in help_texts()}
    assert {name: words for name, words in english.items() if words} == {}


def test_help_texts_were_collected_for_every_command():
    names = [name for name, _ in help_texts()]
    assert {"kommlint", "check", "rules", "model info", "baseline create", "cache clean", "crawl", "serve"} <= set(names)


@pytest.mark.parametrize(("typed", "meant"), [(["chek"], "check"), (["profils"], "profiles"), (["model", "inf"], "info")])
def test_a_mistyped_command_gets_a_suggestion(typed, meant):
    result = CliRunner().invoke(main, typed)
    assert result.exit_code == 2
    assert f"Kommandot ”{typed[-1]}” finns inte. Menade du {meant}?" in result.output


@pytest.mark.parametrize("path", list(_all_commands()), ids=" ".join)
def test_every_command_accepts_no_color(path):
    result = CliRunner().invoke(main, [*path, "--no-color", "--help"])
    assert result.exit_code == 0, result.output
    assert "--no-color" in result.output


def test_no_color_variable_turns_colour_off_in_check(tmp_path, monkeypatch):
    from lint.cli.main import use_color

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_color() and not use_color(no_color=True)
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_color()


def test_unknown_profile_names_the_file_and_suggests_the_nearest(tmp_path):
    draft = tmp_path / "nyhet.md"
    draft.write_text("# Nyhet\n\nVi öppnar en ny simhall.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(draft), "--profile", "nyheter"])
    assert result.exit_code == 2
    assert f"{draft}: okänd profil ”nyheter” (--profile). Menade du nyhet?" in result.output


def test_unknown_profile_in_config_names_the_config_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "kommlint.toml").write_text('profile = "beslutt"\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("# Rubrik\n\nText.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "a.md", "--no-cache"])
    assert result.exit_code == 2
    assert "kommlint.toml: okänd profil ”beslutt”. Menade du beslut?" in result.output


@pytest.mark.parametrize("level", ["varning", "fel", "info", "warning"])
def test_swedish_level_names_are_accepted(tmp_path, monkeypatch, level):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "kommlint.toml").write_text(f'[severity]\nKLAR003 = "{level}"\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("# Rubrik\n\nDu skall skicka in ritningen.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "a.md", "--no-cache", "--select", "KLAR003", "--fail-on", "fel", "--format", "json"])
    import json

    severity = json.loads(result.output)["files"][0]["diagnostics"][0]["severity"]
    assert severity == {"varning": "warning", "fel": "error"}.get(level, level)
    assert result.exit_code == (1 if level == "fel" else 0)


def test_model_info_writes_decimal_commas():
    result = CliRunner().invoke(main, ["model", "info"])
    figures = re.findall(r"\s(\d[.,]\d{3})$", result.output, re.M)
    assert figures and all("," in figure for figure in figures)
