"""The crawler's parts one by one: robots.txt, sitemaps, URL policy, fetching, fingerprints,
progress output, --max-pages and --resume."""

from __future__ import annotations

import asyncio
import gzip
import io
from collections import Counter

import httpx
import pytest
from crawl_site import Site, SiteServer, sitemap, sitemap_index

from lint.crawl import CrawlConfig, FetchSettings, Store, crawl
from lint.crawl.fetch import Fetcher
from lint.crawl.linting import block_context, fingerprint
from lint.crawl.pages import inspect_html, page_kind
from lint.crawl.progress import PlainProgress
from lint.crawl.robots import Robots
from lint.crawl.sitemaps import SitemapError, parse_sitemap
from lint.crawl.urls import UrlPolicy, normalize, page_key
from lint.engine.linter import Options
from lint.formats import read_bytes

ROBOTS = """
# kommentar
User-agent: *
Disallow: /privat/
Allow: /privat/oppet.html
Disallow: /*.json$
Disallow: /sok?
Crawl-delay: 0.25
Sitemap: https://example.org/karta.xml

User-agent: kommlint
User-agent: annan
Disallow: /bara-for-oss/
Crawl-delay: 2
"""


def test_robots_longest_match_wins_and_allow_wins_ties():
    robots = Robots.parse(ROBOTS)
    agent = "otherbot"
    assert not robots.allowed("https://x.se/privat/a.html", agent)
    assert robots.allowed("https://x.se/privat/oppet.html", agent)
    assert not robots.allowed("https://x.se/data/a.json", agent)
    assert robots.allowed("https://x.se/data/a.json?x=1", agent)  # $ anchors the end
    assert not robots.allowed("https://x.se/sok?q=bygglov", agent)
    assert robots.allowed("https://x.se/sok", agent)
    assert robots.crawl_delay(agent) == 0.25
    assert robots.sitemaps == ["https://example.org/karta.xml"]


def test_robots_group_for_our_agent_replaces_the_star_group():
    robots = Robots.parse(ROBOTS)
    assert robots.allowed("https://x.se/privat/a.html", "kommlint")
    assert not robots.allowed("https://x.se/bara-for-oss/a", "kommlint")
    assert robots.crawl_delay("kommlint") == 2.0
    assert Robots.parse("").allowed("https://x.se/a", "kommlint")
    assert not Robots.denying_all().allowed("https://x.se/a", "kommlint")


def test_sitemaps_plain_index_and_gzipped():
    plain = parse_sitemap(sitemap(["https://x.se/a", "https://x.se/b"]))
    assert (plain.is_index, plain.locations) == (False, ["https://x.se/a", "https://x.se/b"])
    index = parse_sitemap(gzip.compress(sitemap_index(["https://x.se/1.xml"])))
    assert (index.is_index, index.locations) == (True, ["https://x.se/1.xml"])
    with pytest.raises(SitemapError, match="inte giltig XML"):
        parse_sitemap(b"<urlset><url>")
    with pytest.raises(SitemapError, match="uppackad"):
        parse_sitemap(gzip.compress(b" " * 5000), max_bytes=1000)


def test_normalize_resolves_and_cleans_urls():
    assert normalize("../b.html#del", "HTTP://Example.SE:80/a/c.html") == "http://example.se/b.html"
    assert normalize("https://x.se:8443") == "https://x.se:8443/"
    assert normalize("https://user:pw@x.se/") is None
    assert normalize("mailto:a@b.se") == "mailto:a@b.se"


def test_policy_refuses_other_hosts_schemes_and_unnamed_private_addresses():
    policy = UrlPolicy(["https://stad.se/"], ["intern.stad.se", "extra.stad.se"], resolver=lambda host: host == "intern.stad.se")
    assert policy.refusal("https://stad.se/a") is None
    assert policy.refusal("https://annan.se/a").startswith("Annan värd (annan.se)")
    assert policy.refusal("ftp://stad.se/a").startswith("Schemat ftp:")
    assert policy.address_refusal("https://stad.se/a") is None  # named by a start URL
    assert policy.address_refusal("https://extra.stad.se/a") is None
    assert policy.address_refusal("https://intern.stad.se/a").startswith("Värden intern.stad.se har en privat")
    assert UrlPolicy(["http://127.0.0.1:8000/"], ["localhost"]).address_refusal("http://localhost/") is not None


def test_page_kind_and_links():
    assert page_kind("text/html", "https://x.se/a") == "html"
    assert page_kind("application/pdf", "https://x.se/a") == "pdf"
    assert page_kind(None, "https://x.se/r.PDF") == "pdf"
    assert page_kind("image/png", "https://x.se/a.png") is None
    html = (
        b'<html><head><title> Om  oss </title><base href="/bas/"></head><body>'
        b'<a href="a.html#x">A</a><a href="a.html">igen</a><a href="mailto:x@y.se">m</a>'
        b'<a href="/b" rel="nofollow">b</a><a href="#topp">t</a><area href="c.html"></body></html>'
    )
    info = inspect_html(html, "https://x.se/sida/")
    assert info.title == "Om oss"
    assert info.links == ["https://x.se/bas/a.html", "https://x.se/bas/c.html"]
    robots = inspect_html(b'<html><head><meta name="robots" content="noindex, nofollow"></head></html>', "https://x.se/")
    assert robots.noindex and robots.nofollow


def fetch_with(handler, **settings):
    async def run():
        fetcher = Fetcher(FetchSettings(rate=0, backoff=0.01, **settings), transport=httpx.MockTransport(handler))
        try:
            return await fetcher.fetch("https://x.se/a", etag='"v1"'), fetcher.requests
        finally:
            await fetcher.close()

    return asyncio.run(run())


def test_fetch_retries_with_retry_after_and_sends_conditional_headers():
    calls = []

    def handler(request):
        calls.append(request.headers.get("if-none-match"))
        if len(calls) == 1:
            return httpx.Response(503, headers={"Retry-After": "0"})
        return httpx.Response(304, headers={"ETag": '"v1"'})

    result, requests = fetch_with(handler, retries=2)
    assert (result.outcome, result.attempts, requests) == ("not_modified", 2, 2)
    assert calls == ['"v1"', '"v1"']


def test_fetch_gives_up_after_retries_and_refuses_large_bodies():
    result, requests = fetch_with(lambda request: httpx.Response(500), retries=1)
    assert (result.outcome, result.reason, requests) == ("error", "Serverfel (500).", 2)
    result, _ = fetch_with(lambda request: httpx.Response(200, content=b"x" * 5000), max_bytes=1024)
    assert result.outcome == "error" and result.reason == "Sidan är större än 1 kB och hämtades inte."
    result, _ = fetch_with(lambda request: httpx.Response(302, headers={"Location": "/b"}))
    assert (result.outcome, result.location) == ("redirect", "/b")


def test_fingerprints_ignore_line_numbers_but_not_the_words_around():
    document = read_bytes("<main><p>Intro.</p><p>Du erhåller beslutet snart.</p></main>".encode(), "a.html")
    start = document.source.index("erhåller")
    before, after = block_context(document, start, start + len("erhåller"))
    assert (before, after) == ("Du ", " beslutet snart.")
    same = fingerprint("u", "KLAR001", "erhåller", before, after)
    assert fingerprint("u", "KLAR001", "erhåller", before, after) == same
    assert fingerprint("u", "KLAR001", "erhåller", "Ni ", after) != same
    assert fingerprint("u", "KLAR001", "x", "", "", whole_document=True) == fingerprint("u", "KLAR001", "y", "a", "b", whole_document=True)


def test_plain_progress_writes_one_line_per_page():
    stream = io.StringIO()
    progress = PlainProgress(stream)
    progress.page("https://x.se/a", "failed", "Sidan finns inte (404).", queued=3)
    assert stream.getvalue() == "kommlint crawl: [1/4] misslyckades: https://x.se/a – Sidan finns inte (404).\n"


def small_config(base: str, **kwargs) -> CrawlConfig:
    fetch = FetchSettings(rate=0, timeout=0.5, retries=0, backoff=0.01, concurrency=2, max_bytes=200_000)
    return CrawlConfig([base + "/"], jobs=1, fetch=fetch, lint_options=Options(select=("KLAR001",)), **kwargs)


def test_max_pages_stops_the_crawl_with_a_notice(tmp_path):
    with SiteServer(Site(pages=50)) as server, Store(tmp_path / "db.sqlite") as store:
        run_id = crawl(small_config(server.base, max_pages=5, follow_links=True), store, PlainProgress(io.StringIO()))
        fetched = [page for page in store.pages(run_id) if page["status"] != "skipped"]
        notices = store.run(run_id)["notices"]
    assert len(fetched) == 5
    assert any(notice.startswith("Gränsen på 5 sidor nåddes;") for notice in notices)


def test_an_interrupted_run_resumes_where_it_stopped(tmp_path):
    site = Site(pages=50)
    with SiteServer(site) as server, Store(tmp_path / "db.sqlite") as store:
        stored = []

        def stop_after_ten(url, status):
            stored.append(url)
            if len(stored) == 10:
                raise KeyboardInterrupt

        with pytest.raises(KeyboardInterrupt):
            crawl(small_config(server.base), store, PlainProgress(io.StringIO()), on_page=stop_after_ten)
        assert store.run(1)["status"] == "interrupted"
        first = {page["url"] for page in store.pages(1)}
        run_id = crawl(small_config(server.base, resume=True), store, PlainProgress(io.StringIO()))
        assert run_id == 1 and store.run(1)["status"] == "complete"
        pages = store.pages(1)
    articles = Counter(path for path, status, _ in site.log if path.startswith("/sida/"))
    assert len(first) == 10 and len(articles) == 50
    # Only pages in flight when the run stopped (at most one per slot) are fetched again.
    again = {server.base + path for path, count in articles.items() if count > 1}
    assert len(again) <= 2 and not again & first and max(articles.values()) <= 2
    assert {page["url"].replace(server.base, "") for page in pages if page["status"] == "linted"} >= {f"/sida/{i}.html" for i in range(50)}


def test_page_key_treats_a_folder_and_its_index_file_as_one_page():
    assert page_key("https://x.se/index.html") == "https://x.se/"
    assert page_key("https://x.se/sv/INDEX.HTM?a=1") == "https://x.se/sv/?a=1"
    assert page_key("https://x.se/sv/index.html.bak") == "https://x.se/sv/index.html.bak"
    assert page_key("https://x.se/sv/") == "https://x.se/sv/"


def test_a_folder_and_its_index_file_are_checked_once(tmp_path):
    site = Site(pages=2)
    with SiteServer(site) as server, Store(tmp_path / "db.sqlite") as store:
        start = site.content["/"][1].decode()
        links = (
            '<a href="/index.html">Hem</a> <a href="/sv/index.html">Svenska</a> <a href="/sv/">Svenska igen</a> <a href="/kopia">Kopia</a>'
        )
        site.set_page("/", start.replace("</main>", links + "</main>"))
        site.set_page("/index.html", site.content["/"][1].decode())
        sv = "<html lang='sv'><head><title>Svenska</title></head><body><main><p>Du erhåller ett svar.</p></main></body></html>"
        site.set_page("/sv/index.html", sv)
        site.set_page("/kopia", sv)  # the same page at an unrelated address
        run_id = crawl(small_config(server.base, follow_links=True), store, PlainProgress(io.StringIO()))
        pages = {page["url"].replace(server.base, ""): page for page in store.pages(run_id)}
        # Which of the two addresses with the same content is fetched first depends on timing:
        # that one is checked, the other is skipped with a reason naming it.
        same = ["/sv/index.html", "/kopia"]
        linted = [path for path in same if pages[path]["status"] == "linted"]
        assert len(linted) == 1, [pages[path]["status"] for path in same]
        skipped = next(path for path in same if path not in linted)
        findings = [f["match"] for f in store.findings(run_id, pages[linted[0]]["id"])]
    requested = site.requests()
    assert "/index.html" not in requested and "/sv/" not in requested
    assert "/index.html" not in pages and "/sv/" not in pages
    assert pages[skipped]["status"] == "skipped"
    assert pages[skipped]["reason"] == f"Samma innehåll som {server.base}{linted[0]}; granskas bara en gång."
    assert findings == ["erhåller"]


def test_rich_progress_survives_brackets_in_urls():
    from lint.crawl.progress import RichProgress

    stream = io.StringIO()
    with RichProgress(stream) as progress:
        progress.page("https://x.se/[red]a", "failed", "Serverfel [500].", queued=0)
    assert "https://x.se/[red]a" in stream.getvalue() and "Serverfel [500]." in stream.getvalue()


def test_requests_to_one_host_are_spaced_by_rate_and_crawl_delay():
    async def run():
        fetcher = Fetcher(FetchSettings(rate=20, backoff=0.01), transport=httpx.MockTransport(lambda request: httpx.Response(200)))
        try:
            assert fetcher.interval("x.se") == 0.05
            fetcher.delays["x.se"] = 0.1  # Crawl-delay from robots.txt, longer than the rate allows
            started = asyncio.get_running_loop().time()
            await asyncio.gather(*(fetcher.fetch(f"https://x.se/{i}") for i in range(4)))
            return asyncio.get_running_loop().time() - started
        finally:
            await fetcher.close()

    assert asyncio.run(run()) >= 0.3  # three gaps of 0.1 s


def test_url_file_without_links_or_pdfs(tmp_path):
    from click.testing import CliRunner

    from lint.cli.main import main

    site = Site(pages=50)
    with SiteServer(site) as server:
        urls = tmp_path / "adresser.txt"
        urls.write_text(f"# startsidor\n{server.base}/sida/1.html\n\n{server.base}/dokument/rapport.pdf\n")
        result = CliRunner().invoke(
            main,
            [
                "crawl",
                "--urls",
                str(urls),
                "--out",
                str(tmp_path / "ut"),
                "--no-follow",
                "--no-pdf",
                "--rate",
                "0",
                "--jobs",
                "1",
                "--select",
                "KLAR001",
                "-q",
            ],
        )
        assert result.exit_code == 0, result.output
        with Store(tmp_path / "ut" / "kommlint.sqlite") as store:
            pages = {page["url"].replace(server.base, ""): page for page in store.pages(1)}
    assert pages["/sida/1.html"]["status"] == "linted"
    assert pages["/dokument/rapport.pdf"]["reason"] == "Granskning av PDF-filer är avstängd."
    fetched = {path for path, _, _ in site.log}
    assert "/dokument/rapport.pdf" not in fetched
    # Sitemap pages are still visited (the even ones); pages reached only by links are not.
    assert "/sida/2.html" in fetched and "/sida/3.html" not in fetched


def test_findings_carry_the_heading_path_an_editor_sees():
    from lint.crawl.linting import findings_data
    from lint.diagnostics import Diagnostic, Severity
    from lint.formats import read_bytes

    page = (
        "<html lang='sv'><body><p>Inledning med ord.</p><h1>Öppettider</h1><p>Vardagar.</p><h2>Sommar</h2>"
        "<p>Vi erhåller frågor.</p><h2>Vinter</h2><h3>Jul</h3><p>Stängt.</p><h2>Påsk</h2><p>Öppet i  påsk.</p></body></html>"
    )
    document = read_bytes(page.encode(), "sida.html")
    source = document.source

    def at(text: str) -> Diagnostic:
        offset = source.index(text)
        return Diagnostic(
            "KLAR001", "krangelord", "klarspråk", Severity.WARNING, "m", "sida.html", 1, 1, 1, 1, offset, offset + len(text), text
        )

    rows = findings_data(document, [at("Inledning"), at("erhåller"), at("Stängt"), at("påsk.")])
    assert [row["heading"] for row in rows] == ["", "Öppettider › Sommar", "Öppettider › Vinter › Jul", "Öppettider › Påsk"]
