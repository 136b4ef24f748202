"""Configuration and selectors refuse what they do not understand, and name the nearest valid name."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from lint.cli.main import main


def _draft(tmp_path):
    draft = tmp_path / "a.md"
    draft.write_text("# Rubrik\n\nVi öppnar en ny simhall i maj.\n", encoding="utf-8")
    return draft


def _check(tmp_path, monkeypatch, *args):
    monkeypatch.chdir(tmp_path)
    return CliRunner().invoke(main, ["check", "a.md", "--no-cache", *args])


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        (
            "[tool.kommlint.thresholds]\nsentence_word = 10\n",
            "okänt gränsvärde ”sentence_word” i [tool.kommlint.thresholds]. Menade du ”sentence_words”?",
        ),
        (
            "[tool.kommlint.thresholds.nyheter]\nlix = 40\n",
            "okänd profil ”nyheter” i [tool.kommlint.thresholds.nyheter]. Menade du ”nyhet”?",
        ),
        ("[tool.kommlint.thresholds.nyhet]\nlixx = 40\n", "okänt gränsvärde ”lixx” i [tool.kommlint.thresholds.nyhet]. Menade du ”lix”?"),
    ],
)
def test_an_unknown_threshold_or_profile_is_an_error_with_the_nearest_name(tmp_path, monkeypatch, toml, message):
    _draft(tmp_path)
    (tmp_path / "pyproject.toml").write_text(toml, encoding="utf-8")
    result = _check(tmp_path, monkeypatch)
    assert result.exit_code == 2
    assert f"{tmp_path / 'pyproject.toml'}: {message}" in result.output


def test_known_thresholds_still_apply(tmp_path, monkeypatch):
    _draft(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[tool.kommlint.thresholds]\nsentence_words = 3\n", encoding="utf-8")
    result = _check(tmp_path, monkeypatch, "--select", "KLAR009")
    assert result.exit_code == 1, result.output
    assert "KLAR009" in result.output


def test_a_selector_that_looks_like_a_mistyped_code_gets_the_code(tmp_path, monkeypatch):
    _draft(tmp_path)
    result = _check(tmp_path, monkeypatch, "--select", "KLAR01")
    assert result.exit_code == 2
    assert "Okänd regel ”KLAR01”. Menade du KLAR001? Skriv KLAR01* för alla regler som börjar på KLAR01." in result.output


@pytest.mark.parametrize("selector", ["KLAR01*", "KLAR", "KLAR001", "klarspråk", "ALL"])
def test_explicit_prefixes_and_categories_still_select(tmp_path, monkeypatch, selector):
    _draft(tmp_path)
    result = _check(tmp_path, monkeypatch, "--select", selector)
    assert result.exit_code in (0, 1), result.output
    assert "Okänd regel" not in result.output


def test_an_explicit_prefix_selects_only_its_rules():
    from lint.engine.config import Settings
    from lint.engine.linter import Linter, is_selected

    linter = Linter()
    rules = linter.rules(Settings())
    chosen = sorted(rule.code for rule in rules if is_selected(rule, Settings(select=("KLAR01*",))))
    assert chosen and all(code.startswith("KLAR01") for code in chosen)
    assert "KLAR001" not in chosen
