"""The CLI through click's CliRunner: options, output formats, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from lint.cli.main import main

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "lint" / "schemas" / "output-v1.json").read_text())
BAD_TEXT = "Du skall svara.\n"
CLEAN_TEXT = "Du ska svara.\n"


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def draft(tmp_path):
    path = tmp_path / "utkast.txt"
    path.write_text(BAD_TEXT, encoding="utf-8")
    return path


def run(runner, *args, input=None):
    return runner.invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)


def test_version_does_not_need_spacy(runner):
    result = run(runner, "--version")
    assert result.exit_code == 0
    assert result.output.startswith("kommlint ")


def test_concise_output_and_exit_code_1(runner, draft):
    result = run(runner, "check", draft, "--select", "KLAR003", "--format", "concise")
    assert result.exit_code == 1
    assert result.output == f"{draft}:1:4: KLAR003 Ålderdomlig form: skriv ”ska” i stället för ”skall”.\n"


def test_text_output_underlines_match_and_summarises(runner, draft):
    result = run(runner, "check", draft, "--select", "KLAR003", "--no-color")
    assert f"{draft}:1:4: KLAR003 [varning] Ålderdomlig form" in result.output
    assert "   1 | Du skall svara." in result.output
    assert "     |    ^^^^^" in result.output
    assert "förslag: ska" in result.output
    assert "profil webbsida" in result.output and "LIX" in result.output


def test_json_output_matches_schema(runner, draft):
    result = run(runner, "check", draft, "--select", "KLAR003", "--format", "json")
    data = json.loads(result.output)
    jsonschema.validate(data, SCHEMA)
    [file] = data["files"]
    assert file["profile"] == "webbsida" and file["profile_source"] == "default"
    assert file["metrics"]["words"] == 3 and file["metrics"]["sentences"] == 1
    [finding] = file["diagnostics"]
    assert (finding["code"], finding["line"], finding["column"], finding["match"]) == ("KLAR003", 1, 4, "skall")
    assert finding["fix"] == {"safety": "safe", "edits": [{"offset": 3, "end_offset": 8, "replacement": "ska"}]}
    assert data["summary"]["by_code"] == {"KLAR003": 1}


def test_clean_file_exits_0(runner, tmp_path):
    path = tmp_path / "ren.txt"
    path.write_text(CLEAN_TEXT, encoding="utf-8")
    result = run(runner, "check", path, "--select", "KLAR003")
    assert result.exit_code == 0
    assert "Inga fynd" in result.output


def test_fail_on_error_ignores_warnings(runner, draft):
    assert run(runner, "check", draft, "--select", "KLAR003", "--fail-on", "error").exit_code == 0
    assert run(runner, "check", draft, "--select", "KLAR003", "--fail-on", "info").exit_code == 1


def test_ignore_by_name_and_prefix(runner, draft):
    assert (
        run(runner, "check", draft, "--select", "KLAR", "--ignore", "alderdomlig-form", "--format", "concise").output.count("KLAR003") == 0
    )
    assert run(runner, "check", draft, "--select", "KLAR003", "--ignore", "KLAR", "--format", "concise").output == ""


def test_extend_select_adds_to_select(runner, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Du skall erhålla 25000 kronor.\n", encoding="utf-8")
    result = run(runner, "check", path, "--select", "KLAR003", "--extend-select", "KLAR014", "--format", "concise")
    assert [line.split()[1] for line in result.output.splitlines()] == ["KLAR003", "KLAR014"]


def test_stdin_with_filename(runner):
    result = run(
        runner,
        "check",
        "-",
        "--stdin-filename",
        "nyhet.md",
        "--select",
        "KLAR003",
        "--format",
        "concise",
        input="# Rubrik\n\nVi skall ses.\n",
    )
    assert result.output == "nyhet.md:3:4: KLAR003 Ålderdomlig form: skriv ”ska” i stället för ”skall”.\n"


def test_folder_is_recursed_and_excluded_folders_skipped(runner, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.md").write_text(BAD_TEXT, encoding="utf-8")
    (tmp_path / "node_modules").mkdir()
    (tmp_path / "node_modules" / "y.md").write_text(BAD_TEXT, encoding="utf-8")
    (tmp_path / "bild.png").write_bytes(b"\x89PNG")
    result = run(runner, "check", tmp_path, "--select", "KLAR003", "--format", "concise")
    assert result.output == f"{tmp_path / 'a' / 'x.md'}:1:4: KLAR003 Ålderdomlig form: skriv ”ska” i stället för ”skall”.\n"


def test_unreadable_file_exit_2_but_others_reported(runner, tmp_path, draft):
    binary = tmp_path / "trasig.txt"
    binary.write_bytes(bytes(range(256)) * 10)
    result = run(runner, "check", binary, draft, "--select", "KLAR003", "--format", "concise")
    assert result.exit_code == 2
    assert f"{binary}:1:1: E001 Filen verkar vara binär" in result.output
    assert f"{draft}:1:4: KLAR003" in result.output


def test_missing_file_exit_2(runner, tmp_path):
    result = run(runner, "check", tmp_path / "finns-inte.txt", "--format", "concise")
    assert result.exit_code == 2
    assert "Filen finns inte." in result.output


def test_unknown_profile_is_a_usage_error(runner, draft):
    result = run(runner, "check", draft, "--profile", "okand")
    assert result.exit_code == 2
    assert "okänd profil ”okand” (--profile)" in result.output


def test_statistics_and_quiet(runner, draft):
    result = run(runner, "check", draft, "--select", "KLAR003", "--statistics", "--no-color")
    assert "Statistik" in result.output and "alderdomlig-form" in result.output
    quiet = run(runner, "check", draft, "--select", "KLAR003", "--quiet")
    lines = quiet.output.splitlines()
    assert lines[0] == f"{draft}:1:4: KLAR003 [varning] Ålderdomlig form: skriv ”ska” i stället för ”skall”."
    assert lines[-1] == "    förslag: ska"
    assert "Hittade" not in quiet.output and "profil" not in quiet.output


def test_rules_lists_every_rule(runner):
    result = run(runner, "rules", "--format", "json")
    rows = json.loads(result.output)
    codes = [row["code"] for row in rows]
    assert "KLAR001" in codes and codes == sorted(codes)
    assert next(row for row in rows if row["code"] == "KLAR003")["fixable"] is True


def test_rule_explains_by_code_and_name(runner):
    by_code = run(runner, "rule", "KLAR001")
    assert by_code.exit_code == 0
    for section in ("Vad regeln gör", "Varför", "Exempel", "Skriv hellre", "Källa"):
        assert section in by_code.output
    assert run(runner, "rule", "krangelord").output == by_code.output


def test_rule_unknown_suggests_nearest(runner):
    result = run(runner, "rule", "KLAR00l")
    assert result.exit_code == 2
    assert "Menade du" in result.output


def test_report_unused_suppressions(runner, tmp_path):
    path = tmp_path / "a.md"
    path.write_text("<!-- kommlint-disable-next-line KLAR003 -->\nDu ska svara.\n", encoding="utf-8")
    result = run(runner, "check", path, "--select", "KLAR003", "--report-unused-suppressions", "--format", "concise")
    assert result.output == f"{path}:1:1: KOMM001 Undantaget kommlint-disable-next-line (KLAR003) tystar ingenting och kan tas bort.\n"
    assert result.exit_code == 0


@pytest.mark.parametrize("args", [["--version"], ["rules"], ["rule", "KLAR001"]])
def test_listing_and_version_do_not_import_spacy(args):
    import subprocess
    import sys

    code = (
        "import sys\nfrom lint.cli.main import main\n"
        f"try:\n    main({args!r})\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write('SPACY' if 'spacy' in sys.modules else 'NOSPACY')\n"
    )
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert completed.stderr.endswith("NOSPACY")


def test_unknown_model_is_a_clear_error(runner, draft, tmp_path):
    result = run(runner, "check", draft, "--model", tmp_path / "ingen-modell")
    assert result.exit_code == 2
    assert "Kan inte läsa in språkmodellen" in result.output


def test_seed_document_as_json(runner):
    from conftest import SEED

    if not SEED.exists():
        pytest.skip("../shared saknas (bara i CI och hos teamet)")
    result = run(runner, "check", SEED, "--format", "json")
    data = json.loads(result.output)
    jsonschema.validate(data, SCHEMA)
    [file] = data["files"]
    assert file["metrics"]["words"] > 300
    lines = SEED.read_text(encoding="utf-8").split("\n")
    for finding in file["diagnostics"]:
        if finding["end_line"] == finding["line"]:
            line = lines[finding["line"] - 1]
            assert line[finding["column"] - 1 : finding["end_column"] - 1] == finding["match"]


@pytest.mark.parametrize("option", ["--select", "--ignore", "--extend-select"])
def test_unknown_rule_selector_is_an_error(runner, draft, option):
    result = run(runner, "check", draft, option, "KLAR00l")
    assert result.exit_code == 2
    assert "Okänd regel eller regelgrupp ”KLAR00l”" in result.output


def test_unknown_code_in_suppression_is_named(runner, tmp_path):
    path = tmp_path / "a.md"
    path.write_text("<!-- kommlint-disable-next-line NOPE01 -->\nDu ska svara.\n", encoding="utf-8")
    result = run(runner, "check", path, "--select", "KLAR003", "--report-unused-suppressions", "--format", "concise")
    assert "nämner en regel som inte finns: NOPE01" in result.output


def test_help_and_usage_errors_are_swedish(runner):
    help_text = run(runner, "--help").output
    assert "[FLAGGOR] KOMMANDO [ARGUMENT]..." in help_text.splitlines()[0]
    assert "Flaggor:" in help_text and "Kommandon:" in help_text and "Visa den här hjälpen" in help_text
    wrong = runner.invoke(main, ["check", "--format", "xml"])
    assert wrong.exit_code == 2
    assert "Fel: Ogiltigt värde för '--format'" in wrong.output
    assert "Kommandot ”kolla” finns inte." in runner.invoke(main, ["kolla"]).output
