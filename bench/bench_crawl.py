"""Benchmark: crawl a generated local site of 2,000 pages and lint every page.

Prints pages per second, total time and peak memory for a first crawl (everything
fetched and linted) and a second one (unchanged site: conditional requests, no linting).
The site is served from 127.0.0.1 by a separate process, so the server does not share
the crawler's interpreter. Target: the first crawl in at most 5 minutes on 2 cores.

Articles have about 300 words, as a real page's running text (--words 0: the test
site's ~35-word pages).

    python bench/bench_crawl.py [--pages 2000] [--jobs N] [--concurrency 8] [--words 300]
"""

from __future__ import annotations

import argparse
import html
import io
import multiprocessing
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))


def serve(pages: int, ready, words: int = 300) -> None:
    from crawl_site import Site, SiteServer

    site = Site(pages=pages, slow_seconds=0.5)
    with SiteServer(site) as server:
        if words:
            lengthen(site, pages, words)
        ready.put(server.base)
        server.thread.join()


def lengthen(site, pages: int, words: int) -> None:
    """Articles of about `words` words (the test site's are ~35; a real page has ~300):
    paragraphs of the team's corpus and treebank sentences, as in bench/corpus.py."""
    import random

    from corpus import sentences
    from crawl_site import article

    pool, rng = sentences(), random.Random(0)
    for index in range(pages):
        paragraphs, count = [], 35
        while count < words:
            paragraph = " ".join(rng.choice(pool) for _ in range(rng.randint(2, 5)))
            paragraphs.append(f"<h2>Mer information</h2><p>{html.escape(paragraph)}</p>")
            count += len(paragraph.split()) + 2
        site.content[f"/sida/{index}.html"] = ("text/html; charset=utf-8", article(index, pages, "\n".join(paragraphs)).encode())


def peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def run(base: str, db: Path, jobs: int, concurrency: int) -> tuple[float, int]:
    from lint.crawl import CrawlConfig, FetchSettings, Store, crawl
    from lint.crawl.progress import PlainProgress
    from lint.engine.linter import Options

    # max_bytes keeps the generated 300 kB page out, as in the tests (see the README section).
    fetch = FetchSettings(rate=0, timeout=5, retries=1, backoff=0.1, concurrency=concurrency, max_bytes=200_000)
    config = CrawlConfig([base + "/"], jobs=jobs, fetch=fetch, lint_options=Options())
    started = time.perf_counter()
    with Store(db) as store:
        run_id = crawl(config, store, PlainProgress(io.StringIO(), quiet=True))
        checked = len(store.pages(run_id, ("linted", "unchanged")))
    return time.perf_counter() - started, checked


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--words", type=int, default=300, help="words per article (0: the test site's short pages)")
    args = parser.parse_args()
    context = multiprocessing.get_context("spawn")
    ready = context.Queue()
    server = context.Process(target=serve, args=(args.pages, ready, args.words), daemon=True)
    server.start()
    base = ready.get(timeout=60)
    try:
        with tempfile.TemporaryDirectory() as folder:
            db = Path(folder) / "bench.sqlite"
            print(
                f"Webbplats: {args.pages} artiklar à ~{args.words or 35} ord på {base}; {args.jobs} granskningsprocesser, {args.concurrency} samtidiga hämtningar"
            )
            for label in ("första körningen (allt hämtas och granskas)", "andra körningen (oförändrad webbplats)"):
                seconds, checked = run(base, db, args.jobs, args.concurrency)
                print(f"{label}: {checked} sidor på {seconds:.1f} s = {checked / seconds:.1f} sidor/s")
            started = time.perf_counter()
            from lint.crawl import Store
            from lint.sitereport import write_report

            with Store(db) as store:
                html_path, _ = write_report(store, Path(folder) / "rapport")
            print(
                f"rapport: {time.perf_counter() - started:.1f} s, report.html {html_path.stat().st_size / 1e6:.1f} MB, "
                f"databas {db.stat().st_size / 1e6:.1f} MB"
            )
    finally:
        server.terminate()
    print(f"toppminne: huvudprocess {peak_mb(resource.RUSAGE_SELF):.0f} MB, största barnprocess {peak_mb(resource.RUSAGE_CHILDREN):.0f} MB")


if __name__ == "__main__":
    main()
