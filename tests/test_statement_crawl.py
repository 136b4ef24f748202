"""TILL011 in `kommlint crawl`: sites with and without a linked accessibility statement,
a statement that lacks parts and one that is outdated; the report lists each case."""

from __future__ import annotations

import json

from click.testing import CliRunner
from crawl_site import SiteServer
from statement_site import STATEMENT_PATH, StatementSite

from lint.cli.main import main

FAST = ["--rate", "0", "--timeout", "2", "--retries", "0", "--jobs", "1", "-q", "--select", "TILL011"]
NOT_LINKED = (
    "Ingen sida på webbplatsen länkar till en tillgänglighetsredogörelse. Länka till den från startsidan eller från sidfoten på varje sida."
)


def crawl_report(tmp_path, statement):
    with SiteServer(StatementSite(pages=0, statement=statement)) as server:
        out = tmp_path / "rapport"
        result = CliRunner().invoke(main, ["crawl", server.base + "/", "--out", str(out), *FAST])
        assert result.exit_code == 0, result.output
        report = json.loads((out / "report.json").read_text())
        html = (out / "report.html").read_text()
    findings = {
        file["path"].replace(server.base, ""): sorted((d["code"], d["message"]) for d in file["diagnostics"]) for file in report["files"]
    }
    return findings, html


def messages(findings, path):
    return [message for code, message in findings.get(path, []) if code == "TILL011"]


def test_a_site_without_a_statement_is_reported_once_on_the_start_page(tmp_path):
    findings, html = crawl_report(tmp_path, None)
    assert messages(findings, "/") == [NOT_LINKED]
    assert messages(findings, "/sida/1.html") == messages(findings, "/sida/2.html") == []
    assert NOT_LINKED in html


def test_a_linked_complete_statement_has_no_finding(tmp_path):
    findings, _ = crawl_report(tmp_path, "complete")
    assert STATEMENT_PATH in findings
    assert all(messages(findings, path) == [] for path in findings)


def test_a_statement_missing_parts_lists_each_missing_part(tmp_path):
    findings, html = crawl_report(tmp_path, "missing_parts")
    assert messages(findings, "/") == []
    assert messages(findings, STATEMENT_PATH) == sorted(
        [
            "Redogörelsen länkar inte till tillsynsmyndighetens (DIGG:s) anmälningsfunktion.",
            "Redogörelsen säger inte hur läsaren kan rapportera brister i tillgängligheten (e-post, telefon eller formulär).",
            "Redogörelsen säger inte hur webbplatsen har granskats (självskattning eller extern granskning).",
        ]
    )
    assert "anmälningsfunktion" in html


def test_an_outdated_statement_is_reported_with_its_date(tmp_path):
    findings, html = crawl_report(tmp_path, "outdated")
    assert messages(findings, STATEMENT_PATH) == [
        "Redogörelsen granskades senast 2025-06-01, för över ett år sedan (548 dagar). Se över den och skriv det nya datumet."
    ]
    assert "2025-06-01" in html


def test_check_recognises_a_statement_from_its_heading_and_lists_missing_parts(linter):
    from conftest import lint_text
    from statement_site import STATEMENTS

    result = lint_text(linter, STATEMENTS["missing_parts"], name="redogorelse.html", select=("TILL011",))
    assert (result.profile, result.profile_source) == ("tillganglighetsredogorelse", "detected")
    assert len([d for d in result.diagnostics if d.code == "TILL011"]) == 3
    plain = lint_text(linter, "# Bygglov\n\nDu behöver bygglov.\n", name="bygglov.md", select=("TILL011",))
    assert plain.profile == "webbsida" and plain.diagnostics == []
