"""Crawling a published site and linting every page (the nightly site report).

`CrawlConfig` + `crawl()` run a crawl into a `Store` (SQLite history); the report is
built from the store by `lint.sitereport`.
"""

from lint.crawl.crawler import CrawlConfig, Crawler, crawl
from lint.crawl.fetch import FetchSettings
from lint.crawl.store import Store

__all__ = ["CrawlConfig", "Crawler", "FetchSettings", "Store", "crawl"]
