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
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]


def finding(code: str, match: str, fingerprint: str, severity: str = "warning", principle: str = "klarspråk", line: int = 3) -> dict:
    return {"code": code, "name": code.lower(), "principle": principle, "severity": severity, "message": f"Meddelande om {match}.",
            "line": line, "col": 5, "end_line": line, "end_col": 5 + len(match), "start_offset": 10, "end_offset": 10 + len(match),
            "match": match, "suggestions": ["få"], "before": "Du ", "after": " beslutet.", "fingerprint": fingerprint}


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
    store.add_page(second, "https://stad.se/b", page(61), [finding("KLAR001", "inkommit", "b1"), finding("TILL001", "<img>", "b2", "error", "tillgänglighet")])
    store.add_page(second, "https://stad.se/c", {"status": "failed", "http_status": 500, "reason": "Serverfel (500).", "referrer": "https://stad.se/"})
    store.add_page(second, "https://annan.se/", {"status": "skipped", "reason": "Annan värd (annan.se)."})
    store.finish_run(second, "complete", ["Gränsen på 3 sidor nåddes; 1 adresser besöktes inte."])
    yield store
    store.close()


def test_model_counts_compares_and_ranks(history):
    report = build_model(history, 2)
    assert report.previous["id"] == 1
    assert report.status_counts == {"unchanged": 1, "linted": 1, "failed": 1, "skipped": 1}
    assert report.total_findings == 3 and report.by_severity == {"error": 1, "warning": 2, "info": 0}
    assert report.by_principle == {"klarspråk": {"error": 0, "warning": 2, "info": 0}, "tillgänglighet": {"error": 1, "warning": 0, "info": 0}}
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
        ("mycket lätt (under 30)", 1), ("lätt (30–39)", 2), ("medelsvår (40–49)", 1), ("svår (50–59)", 1), ("mycket svår (60 och över)", 2)]


def test_charts_are_labelled_svg_with_the_numbers():
    svg = str(charts.bars([("lätt", 3), ("svår", 1)], "LIX-nivåer", "sidor"))
    assert svg.startswith("<svg") and 'role="img"' in svg and "<title" in svg
    assert "lätt: 3 sidor; svår: 1 sidor" in svg
    stacked = str(charts.stacked_bars([("klarspråk", {"error": 1, "warning": 2})], ("error", "warning"), {"error": "fel", "warning": "varningar"}, "Principer"))
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
