"""No output of kommlint repeats a personnummer in full: every `check --format`, the cache,
a baseline, `--diff`, the serve API and a crawl's report, CSV and database are searched."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import pytest
from click.testing import CliRunner
from crawl_site import Site, SiteServer

from lint.cli.check import FORMATS
from lint.cli.main import main

# Not the numbers of OFF008's examples, which the rule's documentation (in SARIF, say) shows.
NUMBERS = ["460712-5533", "19881124-3578", "0209306182", "200502281124", "210315+1235", "731280-1140"]
TEXT = (
    "# Deltagare 460712-5533 i samrådet\n\n"
    "Anna Berg, 460712-5533, lämnade synpunkter på detaljplanen och erhöll ett svar.\n\n"
    "Den som vill överklaga beslutet som fattades av nämnden den 12 mars och som gäller den sökande med "
    "personnummer 19881124-3578 ska skicka in skrivelsen till förvaltningen senast tre veckor efter att "
    "beslutet har delgetts den som beslutet gäller enligt förvaltningslagen.\n\n"
    "Sökande 0209306182 och 200502281124 har fått besked.  Den äldsta är 210315+1235.\n\n"
    "Samordningsnummer 731280-1140 tillhör en person som  nyss flyttat hit.\n"
)
HTML = (
    '<!DOCTYPE html>\n<html lang="sv"><head><meta charset="utf-8"><title>Deltagare 460712-5533</title></head>\n<body><main>\n'
    + "".join(f"<p>{line}</p>\n" for line in TEXT.replace("# ", "").split("\n\n") if line.strip())
    + "</main></body></html>\n"
)


def leaks(text: str) -> list[str]:
    """The numbers that `text` holds in full: as written, or as a run of the same digits."""
    return [n for n in NUMBERS if n in text or re.search(rf"(?<!\d){re.sub(r'[^0-9]', '', n)}(?!\d)", text)]


def read_tree(folder) -> str:
    return "\n".join(p.read_bytes().decode("utf-8", "replace") for p in sorted(folder.rglob("*")) if p.is_file())


@pytest.fixture
def document(tmp_path):
    path = tmp_path / "deltagare.md"
    path.write_text(TEXT, encoding="utf-8")
    return path


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code in (0, 1), result.output
    return result.output


def test_the_document_holds_the_numbers_and_the_findings_mask_them(document):
    assert set(leaks(TEXT)) == set(NUMBERS)
    data = json.loads(run("check", str(document), "--format", "json", "--no-cache", "--select", "OFF008"))
    matches = [d["match"] for d in data["files"][0]["diagnostics"]]
    assert matches == ["460712-XXXX", "460712-XXXX", "198811XX-XXXX", "020930XXXX", "200502XXXXXX", "210315+XXXX", "731280-XXXX"]


@pytest.mark.parametrize("output_format", FORMATS)
def test_no_format_and_no_cache_file_repeats_a_number(document, tmp_path, output_format):
    cache = tmp_path / "cache"
    first = run("check", str(document), "--format", output_format, "--statistics", "--cache-dir", str(cache))
    again = run("check", str(document), "--format", output_format, "--cache-dir", str(cache))  # read from the cache
    assert "OFF008" in first and "OFF008" in again
    assert leaks(first) == leaks(again) == []
    assert any(cache.rglob("*")) and leaks(read_tree(cache)) == []


def test_baseline_and_diff_repeat_no_number(document, tmp_path):
    baseline = tmp_path / "baslinje.json"
    run("baseline", "create", str(document), "-o", str(baseline), "--no-cache")
    assert "OFF008" in baseline.read_text(encoding="utf-8")
    assert leaks(baseline.read_text(encoding="utf-8")) == []
    diff = run("check", str(document), "--diff", "--no-cache")
    assert "@@" in diff and leaks(diff) == []


def test_the_serve_api_repeats_no_number():
    from lint.serve.service import CheckService

    checked = CheckService().check_text(TEXT, format="markdown")
    data = json.dumps(checked.json(view=True), ensure_ascii=False)
    assert "OFF008" in data and leaks(data) == []


@dataclass
class NumbersSite(Site):
    def build(self, base: str) -> None:
        self.base = base
        self.content["/"] = ("text/html; charset=utf-8", HTML.encode())


def test_a_crawl_report_csv_and_database_repeat_no_number(tmp_path):
    out = tmp_path / "rapport"
    with SiteServer(NumbersSite(pages=0)) as server:
        run("crawl", server.base + "/", "--out", str(out), "--rate", "0", "--retries", "0", "--jobs", "1", "-q")
        run("report", "--db", str(out / "kommlint.sqlite"), "--out", str(out / "igen"))
    files = read_tree(out)
    assert "OFF008" in files and "460712-XXXX" in files
    assert leaks(files) == []


@pytest.mark.parametrize("gap", range(60, 100, 4))
def test_a_number_cut_by_the_edge_of_a_quoted_long_line_is_still_masked(tmp_path, gap):
    """The text report quotes 100 characters of a long line; a number across the cut shows no more than its date."""
    line = "Vi erhåller " + "ord " * (gap // 4) + "460712-5533 " + "och mer text " * 20
    path = tmp_path / "lang.txt"
    path.write_text(line + "\n", encoding="utf-8")
    output = run("check", str(path), "--no-color", "--no-cache", "--select", "KLAR001")
    output = output.replace(str(path), "lang.txt")  # the temporary folder's name (pytest-50) may hold "-5"
    assert "erhåller" in output
    assert "-5" not in output and "553" not in output


def test_the_rule_documentation_shows_its_example_numbers_masked():
    output = run("rule", "OFF008", "--no-color")
    assert "811218" in output and "811218-9876" not in output and "198112189876" not in output and "701063-2391" not in output
    assert "212000-0142" in output  # an organisationsnummer is no personal data


def test_a_sensitive_fact_about_a_named_person_is_reported_without_the_name(tmp_path):
    path = tmp_path / "nyhet.md"
    path.write_text("# Nyhet\n\nAnna Berg har diabetes och deltar ändå i loppet.\n", encoding="utf-8")
    output = run("check", str(path), "--no-color", "--no-cache", "--select", "OFF009", "--format", "json")
    assert "OFF009" in output and "Anna" not in output and "Berg" not in output
