"""Output for review tools: SARIF 2.1.0 (schema-checked), GitHub workflow commands, JUnit XML."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from click.testing import CliRunner

from lint.cli.main import main
from lint.reporters.github import command, escape_data, escape_property

SCHEMA_FILE = Path(__file__).resolve().parents[1].parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
TEXT = "# Ansökan\n\nDu skall svara senast i maj.\n"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("KOMMLINT_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "svar på brev.md").write_text(TEXT, encoding="utf-8")
    (tmp_path / "ren.md").write_text("# Ansökan\n\nDu ska svara senast i maj.\n", encoding="utf-8")
    (tmp_path / "tom.txt").write_bytes(b"  \n")
    return tmp_path


def run(*args):
    return CliRunner().invoke(main, ["check", *map(str, args)], catch_exceptions=False)


def sarif(*args):
    result = run(*args, "--format", "sarif", "--select", "KLAR003")
    return result, json.loads(result.stdout)


def test_sarif_validates_against_the_schema(folder):
    if not SCHEMA_FILE.is_file():
        pytest.skip("SARIF-schemat finns inte (../shared saknas)")
    import jsonschema

    _, log = sarif("svar på brev.md", "ren.md", "tom.txt")
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)


def test_sarif_results_rules_and_fixes(folder):
    result, log = sarif("svar på brev.md", "ren.md")
    assert result.exit_code == 1
    run_ = log["runs"][0]
    assert run_["columnKind"] == "unicodeCodePoints"
    [found] = run_["results"]
    assert found["ruleId"] == "KLAR003" and found["level"] == "warning"
    location = found["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "svar%20p%C3%A5%20brev.md", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 3, "startColumn": 4, "endLine": 3, "endColumn": 9, "snippet": {"text": "skall"}}
    [fix] = found["fixes"]
    [change] = fix["artifactChanges"]
    assert change["replacements"] == [
        {"deletedRegion": {"startLine": 3, "startColumn": 4, "endLine": 3, "endColumn": 9}, "insertedContent": {"text": "ska"}}
    ]
    rule = run_["tool"]["driver"]["rules"][found["ruleIndex"]]
    assert rule["id"] == "KLAR003" and rule["name"] == "alderdomlig-form"
    assert "skall" in rule["help"]["text"] and rule["help"]["markdown"].startswith("# KLAR003")
    assert all(r.get("helpUri", "https://").startswith("http") for r in run_["tool"]["driver"]["rules"])
    assert any("helpUri" in r for r in run_["tool"]["driver"]["rules"])
    assert found["partialFingerprints"]["kommlintFingerprint/v1"]


def test_sarif_reports_unreadable_files_as_notifications(folder):
    result, log = sarif("tom.txt")
    assert result.exit_code == 2
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["message"]["text"] == "Filen är tom."


def test_output_file_keeps_the_exit_code(folder):
    result = run("svar på brev.md", "--select", "KLAR003", "--format", "sarif", "--output-file", "ut/kommlint.sarif")
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads((folder / "ut" / "kommlint.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    clean = run("ren.md", "--select", "KLAR003", "--output-file", "ren.txt")
    assert clean.exit_code == 0 and "Inga fynd i 1 fil." in (folder / "ren.txt").read_text(encoding="utf-8")


def test_github_annotations(folder):
    result = run("svar på brev.md", "tom.txt", "--select", "KLAR003", "--format", "github")
    assert result.exit_code == 2
    assert result.stdout.splitlines() == [
        "::warning file=svar på brev.md,line=3,col=4,endLine=3,endColumn=9,title=KLAR003 alderdomlig-form::"
        "Ålderdomlig form: skriv ”ska” i stället för ”skall”.%0AFörslag: ska",
        "::error file=tom.txt,title=kommlint E001::Filen är tom.",
    ]


def test_github_escaping_follows_the_workflow_command_rules():
    assert escape_data("100% klart\r\nrad: två, tre") == "100%25 klart%0D%0Arad: två, tre"
    assert escape_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"
    assert command("notice", "x", file="a,b.md", line=1) == "::notice file=a%2Cb.md,line=1::x"


def test_junit_has_one_testcase_per_file(folder):
    result = run("svar på brev.md", "ren.md", "tom.txt", "--select", "KLAR003", "--format", "junit")
    root = ET.fromstring(result.stdout)
    assert root.tag == "testsuites" and root.attrib["tests"] == "3"
    assert (root.attrib["failures"], root.attrib["errors"]) == ("1", "1")
    cases = {case.attrib["name"]: case for case in root.iter("testcase")}
    assert set(cases) == {"svar på brev.md", "ren.md", "tom.txt"}
    failure = cases["svar på brev.md"].find("failure")
    assert failure.attrib["message"] == "1 fynd"
    assert failure.text == "svar på brev.md:3:4: KLAR003 [varning] Ålderdomlig form: skriv ”ska” i stället för ”skall”."
    assert list(cases["ren.md"]) == []
    assert cases["tom.txt"].find("error").attrib["type"] == "E001"
