"""Crawling a generated site on 127.0.0.1 with `kommlint crawl`, three nights in a row.

Night 1 crawls the site from scratch (with two lint processes); night 2 finds it
unchanged, so every page is fetched conditionally (304) and nothing is new; before
night 3 one page gains a sentence, and exactly that sentence's findings are new.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from crawl_site import Site, SiteServer

from lint.cli.main import main
from lint.crawl import Store

PAGES = 60
CHANGED = "/sida/7.html"
ADDED = "<p>Ansökan ska ha inkommit senast den 1 juni.</p>"
FAST = ["--rate", "0", "--timeout", "0.5", "--retries", "1", "--retry-wait", "0.05", "--max-bytes", "200000", "--concurrency", "4", "-q"]


def crawl_cli(base: str, out: Path, *extra: str):
    result = CliRunner().invoke(main, ["crawl", base + "/", "--out", str(out), *FAST, *extra])
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def nights(tmp_path_factory):
    """Three crawls of the same site into one database; yields what each saw."""
    out = tmp_path_factory.mktemp("rapport")
    site = Site(pages=PAGES, slow_seconds=1.5)
    nights = {}
    with SiteServer(site) as server:
        crawl_cli(server.base, out, "--jobs", "2")
        nights[1] = {
            "log": list(site.log),
            "json": json.loads((out / "report.json").read_text()),
            "html": (out / "report.html").read_text(),
        }
        site.clear_log()
        output = crawl_cli(server.base, out, "--jobs", "1").output
        nights[2] = {"log": list(site.log), "json": json.loads((out / "report.json").read_text()), "output": output}
        site.clear_log()
        kind, body = site.content[CHANGED]
        site.set_page(CHANGED, body.decode().replace("</main>", ADDED + "</main>"))
        crawl_cli(server.base, out, "--jobs", "1")
        nights[3] = {
            "log": list(site.log),
            "json": json.loads((out / "report.json").read_text()),
            "html": (out / "report.html").read_text(),
        }
        yield {"base": server.base, "out": out, "db": out / "kommlint.sqlite", **nights}


def statuses(store: Store, run_id: int, base: str) -> dict[str, str]:
    return {page["url"].replace(base, ""): page["status"] for page in store.pages(run_id)}


def test_first_night_fetches_lints_skips_and_fails_the_right_pages(nights):
    base = nights["base"]
    with Store(nights["db"]) as store:
        seen = statuses(store, 1, base)
        pages = {page["url"].replace(base, ""): page for page in store.pages(1)}
    linted = {url for url, status in seen.items() if status == "linted"}
    assert {f"/sida/{i}.html" for i in range(PAGES)} | {"/", "/bara-i-kartan.html", "/dokument/rapport.pdf"} == linted
    assert {url for url, status in seen.items() if status == "failed"} == {
        "/saknas.html",
        "/fel.html",
        "/langsam.html",
        "/stor.html",
        "/kedja/5",
    }
    assert {url for url, status in seen.items() if status == "skipped"} == {
        "/privat/hemlig.html",
        "https://example.com/om",
        "ftp://filer.example.com/a.txt",
        "/bild.png",
    }
    assert {url for url, status in seen.items() if status == "redirect"} == {"/gammal.html"} | {f"/kedja/{i}" for i in range(5)}
    assert pages["/saknas.html"]["http_status"] == 404 and pages["/saknas.html"]["referrer"] == base + "/sida/3.html"
    assert pages["/fel.html"]["reason"] == "Serverfel (500)."
    assert pages["/langsam.html"]["reason"] == "Tidsgränsen (0.5 s) gick ut."
    assert pages["/stor.html"]["reason"].startswith("Sidan är större än 195 kB")
    assert pages["/kedja/5"]["reason"] == "Fler än 5 omdirigeringar i rad."
    assert pages["/privat/hemlig.html"]["reason"] == "robots.txt tillåter inte att sidan hämtas."
    assert pages["https://example.com/om"]["reason"].startswith("Annan värd (example.com)")
    assert pages["/gammal.html"]["http_status"] == 301 and pages["/gammal.html"]["location"] == base + "/sida/1.html"
    assert pages["/dokument/rapport.pdf"]["format"] == "pdf"
    assert pages["/sida/0.html"]["title"] == "Förskola 0 – Stockholms stad"


def test_first_night_is_polite(nights):
    requested = Counter(path for path, _, _ in nights[1]["log"])
    assert "/privat/hemlig.html" not in requested  # disallowed by robots.txt
    assert requested["/robots.txt"] == 1
    assert requested["/fel.html"] == 2 and requested["/langsam.html"] == 2  # one retry each
    assert requested["/saknas.html"] == 1  # a 404 is not retried
    assert all(count == 1 for path, count in requested.items() if path.startswith("/sida/"))
    agents = {headers.get("User-Agent", "") for _, _, headers in nights[1]["log"]}
    assert len(agents) == 1 and agents.pop().startswith("kommlint/")


def test_findings_are_stored_with_position_and_context(nights):
    with Store(nights["db"]) as store:
        page = next(p for p in store.pages(1) if p["url"] == nights["base"] + "/sida/0.html")
        findings = [f for f in store.page_findings(page["id"]) if f["code"] == "KLAR001" and f["match"] == "erhåller"]
    assert [(f["line"], f["before"], f["after"]) for f in findings] == [(9, "Du ", " ett besked inom 2 veckor.")]
    assert findings[0]["col"] == len("<p>Du ") + 1
    assert findings[0]["severity"] == "warning" and findings[0]["principle"] == "klarspråk"
    assert len(findings[0]["fingerprint"]) == 20


def test_second_night_uses_conditional_requests_and_finds_nothing_new(nights):
    log = nights[2]["log"]
    article_requests = [(path, status, headers) for path, status, headers in log if path.startswith("/sida/")]
    assert len(article_requests) == PAGES
    assert all(status == "304" and headers.get("If-None-Match") for _, status, headers in article_requests)
    with Store(nights["db"]) as store:
        seen = statuses(store, 2, nights["base"])
        assert store.count("findings", 2) == store.count("findings", 1) > 0
    assert all(seen[f"/sida/{i}.html"] == "unchanged" for i in range(PAGES))
    assert nights[2]["json"]["changes"] == {"new": [], "fixed": []}
    assert "0 nya, 0 åtgärdade" in nights[2]["output"]


def test_third_night_reports_exactly_the_changed_pages_new_findings(nights):
    base = nights["base"]
    with Store(nights["db"]) as store:
        seen = statuses(store, 3, base)
        pages = {page["url"]: page for page in store.pages(3)}
        before = {page["url"]: page for page in store.pages(2)}
        changed_now = {f["fingerprint"] for f in store.page_findings(pages[base + CHANGED]["id"])}
        changed_then = {f["fingerprint"] for f in store.page_findings(before[base + CHANGED]["id"])}
        new = [f for f in store.findings(3) if f["fingerprint"] in set(nights[3]["json"]["changes"]["new"])]
    assert seen[CHANGED] == "linted"
    assert sum(1 for status in seen.values() if status == "linted") == 1
    assert set(nights[3]["json"]["changes"]["new"]) == changed_now - changed_then != set()
    assert ("KLAR001", "inkommit") in {(f["code"], f["match"]) for f in new}
    assert {f["page_id"] for f in new} == {pages[base + CHANGED]["id"]}
    assert set(nights[3]["json"]["changes"]["fixed"]) == changed_then - changed_now


def test_report_json_is_the_core_schema_plus_run_metadata(nights):
    import jsonschema

    data = nights[1]["json"]
    schema = json.loads((Path(__file__).resolve().parents[1] / "lint" / "schemas" / "output-v1.json").read_text())
    jsonschema.validate(data, schema)
    assert data["version"] == 1 and data["run"]["id"] == 1 and data["run"]["status"] == "complete"
    assert data["run"]["start_urls"] == [nights["base"] + "/"]
    assert data["run"]["pages"]["failed"] == 5 and data["run"]["previous_run"] is None
    files = {entry["path"]: entry for entry in data["files"]}
    assert len(files) == PAGES + 3
    first = files[nights["base"] + "/sida/0.html"]
    assert any(d["code"] == "KLAR001" and d["match"] == "erhåller" for d in first["diagnostics"])
    assert nights[3]["json"]["run"]["previous_run"] == 2


def test_report_html_shows_totals_problems_and_new_findings(nights):
    html = nights[1]["html"]
    for heading in (
        "Fynd per princip och nivå",
        "Vanligaste reglerna",
        "Sidor med flest fynd",
        "Läsbarhet (LIX)",
        "Utveckling över tid",
        "Nya och åtgärdade fynd",
        "Sidor som inte granskades",
        "Alla sidor med fynd",
    ):
        assert f">{heading}</h2>" in html
    assert "Det här är den första körningen" in html
    assert "Sidan finns inte (404)." in html and "Tidsgränsen (0.5 s) gick ut." in html
    assert "<mark>erhåller</mark>" in html
    assert "<svg" in html and "<script" not in html and "<link" not in html and 'src="http' not in html
    later = nights[3]["html"]
    assert "Nya sedan körning 2 (" in later
    assert '<span class="badge">ny</span>' in later and "<mark>inkommit</mark>" in later


def test_report_command_rebuilds_the_report_from_the_database(nights, tmp_path):
    result = CliRunner().invoke(main, ["report", "--db", str(nights["db"]), "--out", str(tmp_path), "--run", "3"])
    assert result.exit_code == 0, result.output
    rebuilt = json.loads((tmp_path / "report.json").read_text())
    assert rebuilt == nights[3]["json"]
    html = (tmp_path / "report.html").read_text()
    assert "<mark>inkommit</mark>" in html
    assert re.search(r'class="live" href="http://127\.0\.0\.1:\d+/[^"#]*#:~:text=[^"]*inkommit', html)  # links to the sentence
    assert f"CSV: {tmp_path / 'findings.csv'}" in result.output
    rows = (tmp_path / "findings.csv").read_text(encoding="utf-8-sig").splitlines()
    assert rows[0].startswith("Adress;Sidans titel;Plats;Regel;") and any(";inkommit;" in row for row in rows)


def test_report_command_names_a_missing_run(nights, tmp_path):
    result = CliRunner().invoke(main, ["report", "--db", str(nights["db"]), "--out", str(tmp_path), "--run", "99"])
    assert result.exit_code == 2
    assert "Körning 99 finns inte i databasen." in result.output


def test_report_command_works_in_a_fresh_interpreter(nights, tmp_path):
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "lint", "report", "--db", str(nights["db"]), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Rapport: ")
