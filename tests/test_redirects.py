"""Redirects: a folded or renamed rule's old code and name still select the rule (KLAR019 → MALG003)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from click.testing import CliRunner

from lint.cli.main import main
from lint.diagnostics import Severity
from lint.engine.config import Settings
from lint.errors import RulePackError
from lint.formats import read_bytes
from lint.rules.registry import redirect

TEXT = "Vi har en deadline i maj.\n\nVi har en deadline i juni.\n"


def found(linter, text=TEXT, name="a.md", **settings):
    document = read_bytes(text.encode("utf-8"), name)
    result = linter.lint_document(document, replace(Settings(), **settings))
    return [(d.code, d.line, d.severity) for d in result.diagnostics]


def test_redirect_table():
    assert redirect("KLAR019") == "MALG003"
    assert redirect("klar019") == "MALG003"
    assert redirect("engelska-ord") == "MALG003"
    assert redirect("KLAR001") == "KLAR001"


def test_select_and_ignore_by_old_code(linter):
    assert [code for code, _, _ in found(linter, select=("KLAR019",))] == ["MALG003", "MALG003"]
    assert found(linter, select=("MALG003",), ignore=("KLAR019",)) == []
    assert found(linter, select=("MALG003",), ignore=("engelska-ord",)) == []


def test_per_file_ignores_and_severity_by_old_code(linter):
    assert found(linter, select=("MALG003",), per_file_ignores={"*.md": ("KLAR019",)}) == []
    assert {severity for _, _, severity in found(linter, select=("MALG003",), severity={"KLAR019": "error"})} == {Severity.ERROR}


def test_suppression_comment_with_old_code(linter):
    text = "Vi har en deadline i maj.\n\n<!-- kommlint-disable-next-line KLAR019 -->\nVi har en deadline i juni.\n"
    assert [(code, line) for code, line, _ in found(linter, text, select=("MALG003",))] == [("MALG003", 1)]


def test_old_code_in_a_used_suppression_is_not_unknown(linter):
    text = "<!-- kommlint-disable-next-line KLAR019 -->\nVi har en deadline i juni.\n"
    assert found(linter, text, select=("MALG003", "KOMM"), report_unused_suppressions=True) == []


def test_cli_select_by_old_name(tmp_path):
    (tmp_path / "a.md").write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["check", str(tmp_path / "a.md"), "--select", "engelska-ord", "--format", "concise", "--no-cache", "--fail-on", "error"]
    )
    assert result.output.splitlines() == [
        f"{tmp_path / 'a.md'}:1:11: MALG003 Engelskt ord: ”deadline”. Skriv hellre ”sista dag”.",
        f"{tmp_path / 'a.md'}:3:11: MALG003 Engelskt ord: ”deadline”. Skriv hellre ”sista dag”.",
    ]


def test_a_redirect_must_lead_to_a_rule_and_hide_none(monkeypatch):
    from lint.rules import registry

    monkeypatch.setattr(registry, "redirects", lambda: {"klar099": "KLAR999"})
    with pytest.raises(RulePackError, match="klar099 pekar om till KLAR999, som inte finns"):
        registry.check_redirects({"KLAR001"}, {"krangelord"})
    monkeypatch.setattr(registry, "redirects", lambda: {"krangelord": "KLAR001"})
    with pytest.raises(RulePackError, match="krangelord är en regel som finns"):
        registry.check_redirects({"KLAR001"}, {"krangelord"})
