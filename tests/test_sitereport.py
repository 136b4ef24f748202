"""The site report from a hand-made history: numbers, charts and the page in a real browser.

The browser test drives Debian's Chromium through Playwright (never a downloaded browser)
and keeps a screenshot under artifacts/sitereport/; it is skipped without either.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.crawl.store import Store
from lint.sitereport import charts, write_report
from lint.sitereport.model import build_model, lix_distribution

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts" / "sitereport"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def finding(code: str, match: str, fingerprint: str, severity: str = "warning", principle: str = "klarspråk", line: int = 3) -> dict:
    return {
        "code": code,
        "name": code.lower(),
        "principle": principle,
        "severity": severity,
        "message": f"Meddelande om {match}.",
        "line": line,
        "col": 5,
        "end_line": line,
        "end_col": 5 + len(match),
        "start_offset": 10,
        "end_offset": 10 + len(match),
        "match": match,
        "suggestions": ["få"],
        "before": "Du ",
        "after": " beslutet.",
        "fingerprint": fingerprint,
    }


def page(lix: float, words: int = 100, **extra) -> dict:
    return {"status": "linted", "title": "Sida", "format": "html", "profile": "webbsida", "metrics": {"lix": lix, "words": words}, **extra}


@pytest.fixture
def history(tmp_path) -> Store:
    """Two runs: run 2 fixes one finding on /a, adds one on /b, and /c fails."""
    store = Store(tmp_path / "historik.sqlite")
    first = store.start_run(["https://stad.se/"], {}, "s", "0")
    store.add_page(first, "https://stad.se/a", page(35), [finding("KLAR001", "erhåller", "a1"), finding("KLAR009", "Lång mening", "a2")])
    store.add_page(first, "https://stad.se/b", page(52), [])
    store.add_page(first, "https://stad.se/c", page(20, words=5), [finding("TILL001", "bild", "c1", "error", "tillgänglighet")])
    store.finish_run(first, "complete", [])
    second = store.start_run(["https://stad.se/"], {}, "s", "0")
    store.add_page(second, "https://stad.se/a", page(35, status="unchanged"), [finding("KLAR009", "Lång mening", "a2")])
    store.add_page(
        second,
        "https://stad.se/b",
        page(61),
        [finding("KLAR001", "inkommit", "b1"), finding("TILL001", "<img>", "b2", "error", "tillgänglighet")],
    )
    store.add_page(
        second, "https://stad.se/c", {"status": "failed", "http_status": 500, "reason": "Serverfel (500).", "referrer": "https://stad.se/"}
    )
    store.add_page(second, "https://annan.se/", {"status": "skipped", "reason": "Annan värd (annan.se)."})
    store.finish_run(second, "complete", ["Gränsen på 3 sidor nåddes; 1 adresser besöktes inte."])
    yield store
    store.close()


def test_model_counts_compares_and_ranks(history):
    report = build_model(history, 2)
    assert report.previous["id"] == 1
    assert report.status_counts == {"unchanged": 1, "linted": 1, "failed": 1, "skipped": 1}
    assert report.total_findings == 3 and report.by_severity == {"error": 1, "warning": 2, "info": 0}
    assert report.by_principle == {
        "klarspråk": {"error": 0, "warning": 2, "info": 0},
        "tillgänglighet": {"error": 1, "warning": 0, "info": 0},
    }
    assert [(r["code"], r["count"], r["pages"]) for r in report.top_rules] == [("KLAR001", 1, 1), ("KLAR009", 1, 1), ("TILL001", 1, 1)]
    assert [(p["url"], p["score"]) for p in report.worst_pages] == [("https://stad.se/b", 5), ("https://stad.se/a", 2)]
    assert {f["fingerprint"] for f in report.new} == {"b1", "b2"}
    # a1 is fixed; c1 is not, because /c could not be checked this time.
    assert [f["fingerprint"] for f in report.fixed] == ["a1"]
    assert [p["url"] for p in report.failures] == ["https://stad.se/c"]
    assert [p["url"] for p in report.skipped] == ["https://annan.se/"]
    assert [(row["id"], row["findings"]) for row in report.trend] == [(1, 3), (2, 3)]


def test_lix_distribution_uses_the_five_bands():
    assert lix_distribution([25, 35, 38, 45, 55, 65, 70]) == [
        ("mycket lätt (under 30)", 1),
        ("lätt (30–39)", 2),
        ("medelsvår (40–49)", 1),
        ("svår (50–59)", 1),
        ("mycket svår (60 och över)", 2),
    ]


def test_charts_are_labelled_svg_with_the_numbers():
    svg = str(charts.bars([("lätt", 3), ("svår", 1)], "LIX-nivåer", "sidor"))
    assert svg.startswith("<svg") and 'role="img"' in svg and "<title" in svg
    assert "lätt: 3 sidor; svår: 1 sidor" in svg
    stacked = str(
        charts.stacked_bars(
            [("klarspråk", {"error": 1, "warning": 2})], ("error", "warning"), {"error": "fel", "warning": "varningar"}, "Principer"
        )
    )
    assert "klarspråk: 1 fel, 2 varningar" in stacked
    line = str(charts.trend([("#1", 5), ("#2", 3)], "Trend"))
    assert "<polyline" in line and "#1: 5 fynd; #2: 3 fynd" in line
    assert "&lt;b&gt;" in str(charts.bars([("<b>", 1)], "x"))


def test_report_html_has_every_section_and_escapes_page_text(history, tmp_path):
    html_path, json_path = write_report(history, tmp_path / "ut")
    html = html_path.read_text()
    assert "Jämförs med körning 1" in html
    assert "Gränsen på 3 sidor nåddes" in html
    assert "Nya sedan körning 1 (2)" in html and "Åtgärdade sedan körning 1 (1)" in html
    assert "<mark>&lt;img&gt;</mark>" in html and "<img>" not in html
    assert "Serverfel (500)." in html and "Annan värd (annan.se)." in html
    assert html.count('<details class="page"') == 2
    assert json_path.exists()


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium saknas (/usr/bin/chromium)")
def test_report_renders_in_chromium_without_console_errors(history, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    html_path, _ = write_report(history, tmp_path / "ut")
    messages, requests = [], []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1200, "height": 900})
            page = context.new_page()
            page.on("console", lambda message: messages.append((message.type, message.text)))
            page.on("pageerror", lambda error: messages.append(("pageerror", str(error))))
            page.on("request", lambda request: requests.append(request.url))
            page.goto(html_path.as_uri(), wait_until="load")
            assert page.title().startswith("Webbplatsrapport")
            assert page.locator("svg[role=img]").count() == 3
            assert page.get_by_role("heading", name="Sidor med flest fynd").is_visible()
            page.locator("details.page summary").first.click()
            assert page.locator("details.page mark").first.is_visible()
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
        finally:
            browser.close()
    assert [m for m in messages if m[0] in ("error", "pageerror", "warning")] == []
    assert requests == [html_path.as_uri()]  # nothing else is loaded: the report is self-contained


# Where a web editor finds a finding ----------------------------------------------------


def test_text_fragments_scroll_to_the_words():
    from lint.sitereport.locate import finding_link, text_fragment

    assert (
        text_fragment("inkommit", "Ansökan ska ha ", " senast den 1 juni.") == ":~:text=Ans%C3%B6kan%20ska%20ha-,inkommit,-senast%20den%201"
    )
    assert text_fragment("e-post, brev", "", "") == ":~:text=e%2Dpost%2C%20brev"
    long = "Den här meningen är mycket lång och innehåller fler ord än vad som behövs här"
    assert text_fragment(long) == ":~:text=Den%20h%C3%A4r%20meningen%20%C3%A4r,vad%20som%20beh%C3%B6vs%20h%C3%A4r"
    assert text_fragment("&auml;ndra <b>nu</b>") == ":~:text=%C3%A4ndra%20nu"  # the words the reader sees
    assert text_fragment("Du", "(", "s") == ":~:text=Du"  # no word boundary: no prefix or suffix
    assert finding_link("https://stad.se/a#topp", {"match": "erhåller"}) == "https://stad.se/a#:~:text=erh%C3%A5ller"
    assert finding_link("https://stad.se/a.pdf", {"match": "x", "page_number": 3}) == "https://stad.se/a.pdf#page=3"
    assert finding_link("https://stad.se/a", {"match": ""}) == "https://stad.se/a"


def test_place_is_the_heading_path_and_urls_wrap_at_separators():
    from lint.sitereport.locate import place, wrap_url

    assert place({"heading": "Öppettider › Sommar"}) == "Öppettider › Sommar"
    assert place({"heading": "", "page_number": 2}) == "sida 2 · före första rubriken"
    assert place({}) == "–"
    assert str(wrap_url("https://stad.se/a?b=<c>")) == "https:/<wbr>/<wbr>stad.<wbr>se/<wbr>a?<wbr>b=<wbr>&lt;c&gt;"


@pytest.fixture
def located(tmp_path) -> Store:
    store = Store(tmp_path / "plats.sqlite")
    run = store.start_run(["https://stad.se/"], {}, "s", "0")
    long_url = "https://stad.se/" + "/".join(f"avdelning-{n}" for n in range(12)) + "/oppettider"
    store.add_page(
        run,
        long_url,
        page(40),
        [
            {**finding("KLAR001", "inkommit", "h1"), "heading": "Öppettider › Sommar", "before": "Ansökan ska ha ", "after": " senast."},
            {**finding("KLAR002", "=SUMMA(A1)", "h2"), "heading": ""},
        ],
    )
    store.add_page(
        run,
        "https://stad.se/beslut.pdf",
        page(40, format="pdf"),
        [
            {**finding("KLAR001", "erhåller", "p1"), "page_number": 1, "heading": "Beslut"},
            {**finding("KLAR001", "erhålla", "p2"), "page_number": 2, "heading": "Beslut › Villkor"},
        ],
    )
    store.finish_run(run, "complete", [])
    yield store
    store.close()


def test_report_links_to_the_sentence_names_the_place_and_groups_pdf_pages(located, tmp_path):
    html = write_report(located, tmp_path / "ut")[0].read_text()
    assert '/oppettider#:~:text=Ans%C3%B6kan%20ska%20ha-,inkommit,-senast.">' in html
    assert "Öppettider › Sommar" in html and "före första rubriken" in html
    assert "rad 3, kolumn 5" not in html
    assert '<h4 class="pdf-page">Sida 1 (1 fynd)</h4>' in html and '<h4 class="pdf-page">Sida 2 (1 fynd)</h4>' in html
    assert 'href="https://stad.se/beslut.pdf#page=2"' in html and "sida 2 · Beslut › Villkor" in html
    assert "avdelning-<wbr>3/<wbr>avdelning" in html


def test_report_times_are_local_with_the_zone_name(located, tmp_path, monkeypatch):
    import time

    monkeypatch.setenv("TZ", "Europe/Stockholm")
    time.tzset()
    try:
        html = write_report(located, tmp_path / "ut")[0].read_text()
    finally:
        monkeypatch.undo()
        time.tzset()
    started = located.run(1)["started"]
    assert started.endswith("+00:00")
    from datetime import datetime
    from zoneinfo import ZoneInfo

    local = datetime.fromisoformat(started).astimezone(ZoneInfo("Europe/Stockholm"))
    assert f"startad {local:%Y-%m-%d %H:%M} {local.tzname()}" in html
    assert " UTC" not in html


def test_findings_csv_opens_in_excel_with_every_finding(located, tmp_path):
    import csv

    write_report(located, tmp_path / "ut")
    raw = (tmp_path / "ut" / "findings.csv").read_bytes()
    assert raw.startswith("\ufeff".encode()) and b"\r\n" in raw
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][:4] == ["Adress", "Sidans titel", "Plats", "Regel"]
    assert len(rows) == 5
    by_match = {row[8]: row for row in rows[1:]}
    assert by_match["inkommit"][2] == "Öppettider › Sommar" and by_match["inkommit"][11].endswith(
        "/oppettider#:~:text=Ans%C3%B6kan%20ska%20ha-,inkommit,-senast."
    )
    assert "'=SUMMA(A1)" in by_match  # never a formula
    assert by_match["erhålla"][2] == "sida 2 · Beslut › Villkor" and by_match["erhålla"][6] == "varning"


def test_an_older_database_gets_the_heading_column(tmp_path):
    import sqlite3

    path = tmp_path / "gammal.sqlite"
    Store(path).close()
    with sqlite3.connect(path) as db:
        db.execute("ALTER TABLE findings DROP COLUMN heading")
        db.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    with Store(path) as store:
        run = store.start_run(["https://stad.se/"], {}, "s", "0")
        store.add_page(run, "https://stad.se/a", page(30), [{**finding("KLAR001", "x", "f"), "heading": "Rubrik"}])
        assert [f["heading"] for f in store.page_findings(1)] == ["Rubrik"]
        assert store.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == "2"
