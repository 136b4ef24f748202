"""The crawl: seeds → robots.txt → sitemaps and links → fetch → lint → store.

A fixed number of worker coroutines take URLs from one queue. Each page is stored as soon
as it is linted, so memory stays flat and an interrupted run can resume from the frontier
table. Nothing that goes wrong with one page stops the run: it is stored with a reason.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from lint import __version__
from lint.crawl.fetch import ROBOTS_AGENT, Fetched, Fetcher, FetchSettings
from lint.crawl.linting import LintPool
from lint.crawl.pages import content_hash, inspect_html, page_kind
from lint.crawl.robots import Robots
from lint.crawl.sitechecks import check_site
from lint.crawl.sitemaps import SitemapError, parse_sitemap
from lint.crawl.store import FrontierEntry, Store
from lint.crawl.urls import UrlPolicy, host_of, normalize, page_key
from lint.errors import KommlintError
from lint.language.personnummer import redact

MAX_SITEMAPS = 1000


class CrawlError(KommlintError):
    """A crawl that could not do anything."""


ROBOTS_MAX_BYTES = 512 * 1024


@dataclass
class CrawlConfig:
    start_urls: list[str]
    sitemaps: list[str] = field(default_factory=list)
    allow_hosts: list[str] = field(default_factory=list)
    max_pages: int = 10_000
    max_depth: int | None = None
    max_redirects: int = 5
    follow_links: bool = True
    lint_pdfs: bool = True
    html_selector: str | None = None  # CSS selector of the main content (else <main>/<article>)
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    force: bool = False  # ignore history: no conditional requests, lint everything
    resume: bool = False
    fetch: FetchSettings = field(default_factory=FetchSettings)
    lint_options: Any = None  # lint.engine.linter.Options

    def signature(self) -> str:
        """Runs with the same signature lint the same way, so their findings can be reused."""
        options = asdict(self.lint_options) if self.lint_options is not None else {}
        options["config_file"] = str(options.get("config_file") or "")
        basis = json.dumps(
            {"version": __version__, "lint": options, "pdf": self.lint_pdfs, "selector": self.html_selector}, sort_keys=True, default=str
        )
        return hashlib.sha1(basis.encode()).hexdigest()[:16]

    def describe(self) -> dict[str, Any]:
        return {
            "sitemaps": self.sitemaps,
            "allow_hosts": self.allow_hosts,
            "max_pages": self.max_pages,
            "max_depth": self.max_depth,
            "max_redirects": self.max_redirects,
            "follow_links": self.follow_links,
            "lint_pdfs": self.lint_pdfs,
            "html_selector": self.html_selector,
            "jobs": self.jobs,
            "force": self.force,
            "fetch": asdict(self.fetch),
        }


class Crawler:
    def __init__(
        self, config: CrawlConfig, store: Store, progress, on_page: Callable[[str, str], None] | None = None, transport=None
    ) -> None:
        self.config = config
        self.store = store
        self.progress = progress
        self.on_page = on_page
        self.transport = transport
        starts = [normalize(url) for url in config.start_urls]
        self.start_urls = [url for url in starts if url]
        self.policy = UrlPolicy(self.start_urls + [normalize(u) or u for u in config.sitemaps], config.allow_hosts)
        self.signature = config.signature()
        self.notices: list[str] = []
        self.seen: set[str] = set()  # page keys (lint.crawl.urls.page_key)
        self.contents: dict[str, str] = {}  # content hash → the first address checked with it
        self.robots: dict[str, Robots] = {}
        self.robots_locks: dict[str, asyncio.Lock] = {}
        self.pages_started = 0
        self.unvisited = 0
        self.run_id = 0

    # Entry point -----------------------------------------------------------------------
    def run(self) -> int:
        resumed = self.store.unfinished_run() if self.config.resume else None
        if resumed:
            self.run_id = resumed["id"]
            seen, pending = self.store.frontier(self.run_id)
            self.seen = {page_key(url) for url in seen}
            for page in self.store.pages(self.run_id, ("linted", "unchanged")):
                self.contents.setdefault(page["content_hash"], page["url"])
            self.pages_started = sum(1 for p in self.store.pages(self.run_id) if p["status"] != "skipped")
            self.progress.message(f"Återupptar körning {self.run_id}: {len(pending)} adresser kvar.")
        else:
            if self.config.resume:
                self.progress.message("Ingen avbruten körning att återuppta; startar en ny.")
            self.run_id = self.store.start_run(self.start_urls, self.config.describe(), self.signature, __version__)
            pending = None
        status = "interrupted"
        try:
            asyncio.run(self._crawl(pending))
            status = "complete" if self.store.count("pages", self.run_id) else "empty"
            if status == "complete":
                check_site(self.store, self.run_id, self.start_urls, self.config.lint_options)
        finally:
            self.store.finish_run(self.run_id, status, self.notices)
        if status == "empty":
            raise CrawlError("Körningen hämtade och listade inga sidor (ingen start-URL gick att använda). Kontrollera adresserna.")
        return self.run_id

    async def _crawl(self, pending: list[FrontierEntry] | None) -> None:
        self.queue: asyncio.Queue[FrontierEntry] = asyncio.Queue()
        self.fetcher = Fetcher(self.config.fetch, self.transport)
        pool = LintPool(self.config.lint_options, self.config.jobs, self.config.html_selector)
        try:
            if pending is None:
                await self._seed()
            else:  # seeding again finds what a run killed while seeding never stored
                for entry in pending:
                    self.queue.put_nowait(entry)
                await self._seed()
            workers = [asyncio.create_task(self._worker(pool)) for _ in range(self.config.fetch.concurrency)]
            join = asyncio.create_task(self.queue.join())
            done, _ = await asyncio.wait([join, *workers], return_when=asyncio.FIRST_COMPLETED)
            for task in workers:
                task.cancel()
            for task in done:
                if task is not join:
                    task.result()  # a worker only ends early by raising; let it out
            if self.unvisited:
                self.notices.append(f"Gränsen på {self.config.max_pages} sidor nåddes; {self.unvisited} adresser besöktes inte.")
        finally:
            await self.fetcher.close()
            pool.close()

    async def _worker(self, pool: LintPool) -> None:
        while True:
            entry = await self.queue.get()
            try:
                await self._visit(entry, pool)
            finally:
                self.queue.task_done()

    # Seeds: start URLs and sitemaps ----------------------------------------------------
    async def _seed(self) -> None:
        for url in self.start_urls:
            self._enqueue(url, 0, None)
        self.store.commit()  # before the first fetch: a run killed from here on can resume
        sitemaps = [normalize(url) for url in self.config.sitemaps]
        for url in self.start_urls:
            robots = await self._robots_for(url)
            sitemaps.extend(normalize(s) for s in robots.sitemaps)
        done: set[str] = set()
        todo = [s for s in sitemaps if s]
        while todo and len(done) < MAX_SITEMAPS:
            sitemap = todo.pop(0)
            if sitemap in done:
                continue
            done.add(sitemap)
            todo.extend(await self._read_sitemap(sitemap))
            self.store.commit()

    async def _read_sitemap(self, url: str) -> list[str]:
        """Enqueue a sitemap's pages; return the sitemaps an index lists."""
        fetched, reason = await self._fetch_resource(url)
        if fetched is None:
            self.notices.append(f"Webbplatskartan {url} kunde inte läsas: {reason}")
            return []
        try:
            sitemap = parse_sitemap(fetched.body or b"", self.config.fetch.max_bytes)
        except SitemapError as error:
            self.notices.append(f"Webbplatskartan {url} kunde inte läsas: {error}")
            return []
        locations = [normalize(loc, url) for loc in sitemap.locations]
        if sitemap.is_index:
            return [loc for loc in locations if loc]
        for loc in locations:
            if loc:
                self._enqueue(loc, 0, url)
        return []

    async def _fetch_resource(self, url: str) -> tuple[Fetched | None, str | None]:
        """Fetch a robots.txt or sitemap, following redirects that the policy allows."""
        for _ in range(self.config.max_redirects + 1):
            refusal = self.policy.refusal(url) or await asyncio.to_thread(self.policy.address_refusal, url)
            if refusal:
                return None, refusal
            fetched = await self.fetcher.fetch(url)
            if fetched.outcome == "ok":
                return fetched, None
            if fetched.outcome != "redirect" or not fetched.location:
                return None, fetched.reason or f"Servern svarade {fetched.http_status}."
            url = normalize(fetched.location, url) or ""
        return None, "För många omdirigeringar."

    async def _robots_for(self, url: str) -> Robots:
        origin = url.split("/", 3)
        key = "/".join(origin[:3])
        lock = self.robots_locks.setdefault(key, asyncio.Lock())
        async with lock:
            if key not in self.robots:
                self.robots[key] = await self._load_robots(key)
                delay = self.robots[key].crawl_delay(ROBOTS_AGENT)
                if delay:
                    self.fetcher.delays[host_of(url)] = delay
        return self.robots[key]

    async def _load_robots(self, origin: str) -> Robots:
        fetched = await self.fetcher.fetch(origin + "/robots.txt")
        if fetched.outcome == "redirect" and fetched.location:
            target = normalize(fetched.location, origin + "/robots.txt")
            if target and not self.policy.refusal(target):
                fetched = await self.fetcher.fetch(target)
        if fetched.outcome == "ok":
            return Robots.parse((fetched.body or b"")[:ROBOTS_MAX_BYTES].decode("utf-8", "replace"))
        if fetched.http_status is not None and 400 <= fetched.http_status < 500:
            return Robots.allowing_all()
        self.notices.append(f"robots.txt för {origin} kunde inte hämtas ({fetched.reason}); inga sidor hämtades från värden.")
        return Robots.denying_all()

    # Frontier --------------------------------------------------------------------------
    def _enqueue(self, url: str, depth: int, referrer: str | None, redirects: int = 0) -> None:
        key = page_key(url)
        if key in self.seen:
            return
        max_depth = self.config.max_depth
        if max_depth is not None and depth > max_depth:
            return
        self.seen.add(key)
        entry = FrontierEntry(url, depth, referrer, redirects)
        self.store.add_frontier(self.run_id, entry)
        refusal = self.policy.refusal(url)
        if refusal is None and not self.config.lint_pdfs and url.split("?", 1)[0].lower().endswith(".pdf"):
            refusal = "Granskning av PDF-filer är avstängd."
        if refusal:
            self._record(entry, {"status": "skipped", "reason": refusal})
        else:
            self.queue.put_nowait(entry)

    def _record(self, entry: FrontierEntry, page: dict[str, Any], findings=()) -> None:
        page.setdefault("referrer", entry.referrer)
        page.setdefault("depth", entry.depth)
        findings = list(findings)
        self.store.add_page(self.run_id, entry.url, page, findings)
        detail = page.get("reason") or ""
        if page["status"] in ("linted", "unchanged"):
            detail = f"{len(findings)} fynd"
        self.progress.page(entry.url, page["status"], detail, self.queue.qsize())
        if self.on_page:
            self.on_page(entry.url, page["status"])

    # One page --------------------------------------------------------------------------
    async def _visit(self, entry: FrontierEntry, pool: LintPool) -> None:
        url = entry.url
        refusal = await asyncio.to_thread(self.policy.address_refusal, url)
        if refusal is None and not (await self._robots_for(url)).allowed(url, ROBOTS_AGENT):
            refusal = "robots.txt tillåter inte att sidan hämtas."
        if refusal:
            self._record(entry, {"status": "skipped", "reason": refusal})
            return
        if self.pages_started >= self.config.max_pages:
            self.unvisited += 1
            return
        self.pages_started += 1
        previous = None if self.config.force else self.store.previous_page(url, self.run_id, self.signature)
        fetched = await self.fetcher.fetch(url, *((previous["etag"], previous["last_modified"]) if previous else (None, None)))
        common = {"http_status": fetched.http_status, "elapsed_ms": fetched.elapsed_ms, "content_type": fetched.content_type}
        if fetched.outcome == "redirect":
            self._redirect(entry, fetched, common)
        elif fetched.outcome == "error":
            self._record(entry, {"status": "failed", "reason": fetched.reason, **common})
        elif fetched.outcome == "not_modified" and previous:
            self._reuse(entry, previous, common, fetched)
        elif fetched.outcome == "not_modified":
            self._record(entry, {"status": "failed", "reason": "Servern svarade 304 utan att sidan begärts villkorligt.", **common})
        else:
            await self._page(entry, fetched, previous, pool, common)

    def _redirect(self, entry: FrontierEntry, fetched: Fetched, common: dict[str, Any]) -> None:
        target = normalize(fetched.location or "", entry.url)
        if not target:
            self._record(entry, {"status": "failed", "reason": "Omdirigering utan giltigt mål.", **common})
        elif entry.redirects >= self.config.max_redirects:
            self._record(
                entry,
                {"status": "failed", "reason": f"Fler än {self.config.max_redirects} omdirigeringar i rad.", "location": target, **common},
            )
        else:
            self._record(entry, {"status": "redirect", "reason": f"Omdirigeras till {target}.", "location": target, **common})
            self._enqueue(target, entry.depth, entry.referrer or entry.url, entry.redirects + 1)

    def _reuse(self, entry: FrontierEntry, previous: dict[str, Any], common: dict[str, Any], fetched: Fetched) -> None:
        """An unchanged page: keep the previous run's findings instead of linting again."""
        if self._duplicate(entry, previous["content_hash"], common):
            return
        page = {
            key: previous[key]
            for key in ("title", "format", "profile", "profile_source", "content_hash", "bytes", "metrics", "links", "errors")
        }
        page.update(
            status="unchanged", etag=fetched.etag or previous["etag"], last_modified=fetched.last_modified or previous["last_modified"]
        )
        page.update({k: v for k, v in common.items() if v is not None})
        page["content_type"] = page.get("content_type") or previous["content_type"]
        self._follow(entry, previous["links"])
        self._record(entry, page, self.store.page_findings(previous["id"]))

    async def _page(self, entry: FrontierEntry, fetched: Fetched, previous, pool: LintPool, common: dict[str, Any]) -> None:
        body = fetched.body or b""
        kind = page_kind(fetched.content_type, entry.url)
        if kind is None or (kind == "pdf" and not self.config.lint_pdfs):
            reason = "Granskning av PDF-filer är avstängd." if kind else f"Innehållstypen {fetched.content_type or 'okänd'} granskas inte."
            self._record(entry, {"status": "skipped", "reason": reason, **common})
            return
        digest = content_hash(body)
        if self._duplicate(entry, digest, common):
            return
        if previous and previous["content_hash"] == digest:
            self._reuse(entry, previous, common, fetched)
            return
        info = inspect_html(body, entry.url) if kind == "html" else None
        links = info.links if info and not info.nofollow else []
        self._follow(entry, links)
        page = {
            **common,
            "content_hash": digest,
            "etag": fetched.etag,
            "last_modified": fetched.last_modified,
            "bytes": len(body),
            "links": links,
        }
        if info and info.noindex:
            self._record(entry, {**page, "status": "skipped", "title": info.title, "reason": "Sidan är märkt noindex och granskas inte."})
            return
        try:
            result = await pool.lint(entry.url, kind, body)
        except Exception as error:  # a crashed worker must not end the crawl
            self._record(entry, {**page, "status": "failed", "reason": f"Granskningen avbröts: {type(error).__name__}: {error}"})
            return
        if "skipped" in result:
            self._record(entry, {**page, "status": "skipped", "reason": result["skipped"]})
            return
        for notice in result.get("notices", []):
            if notice not in self.notices:
                self.notices.append(notice)
        page.update(
            status="linted",
            title=_title(info, result),
            format=result.get("format"),
            profile=result.get("profile"),
            profile_source=result.get("profile_source"),
            metrics=result.get("metrics") or {},
            errors=result.get("errors") or [],
        )
        self._record(entry, page, result.get("findings", []))

    def _duplicate(self, entry: FrontierEntry, digest: str, common: dict[str, Any]) -> bool:
        """Record a page whose content another address in this run already had (once is enough)."""
        first = self.contents.setdefault(digest, entry.url)
        if first == entry.url:
            return False
        self._record(
            entry, {"status": "skipped", "reason": f"Samma innehåll som {first}; granskas bara en gång.", "content_hash": digest, **common}
        )
        return True

    def _follow(self, entry: FrontierEntry, links: list[str]) -> None:
        if not self.config.follow_links:
            return
        for link in links:
            self._enqueue(link, entry.depth + 1, entry.url)


def _title(info, result: dict[str, Any]) -> str | None:
    """The page's title for the report, with any personnummer masked (OFF008)."""
    title = (info.title if info else None) or result.get("doc_title")
    return redact(title) if title else title


def crawl(config: CrawlConfig, store: Store, progress, **kwargs: Any) -> int:
    """Run one crawl (or resume one) into `store`; returns the run id.

    With `config.jobs > 1` pages are linted in spawned processes, so a script that calls
    this must guard its entry point with `if __name__ == "__main__":`.
    """
    return Crawler(config, store, progress, **kwargs).run()
