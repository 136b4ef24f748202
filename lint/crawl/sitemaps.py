"""Sitemaps (sitemaps.org): a `urlset` lists pages, a `sitemapindex` lists more sitemaps."""

from __future__ import annotations

import gzip
import io
import zlib
from dataclasses import dataclass, field
from xml.etree import ElementTree

GZIP_MAGIC = b"\x1f\x8b"


class SitemapError(ValueError):
    """A sitemap that cannot be read (the message is Swedish)."""


@dataclass
class Sitemap:
    is_index: bool
    locations: list[str] = field(default_factory=list)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _decompress(data: bytes, max_bytes: int) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as error:
        raise SitemapError(f"Den komprimerade webbplatskartan går inte att packa upp: {error}.") from None
    if len(out) > max_bytes:
        raise SitemapError(f"Webbplatskartan är större än {max_bytes // 1024} kB uppackad.")
    return out


def parse_sitemap(data: bytes, max_bytes: int = 50 * 1024 * 1024) -> Sitemap:
    if data.startswith(GZIP_MAGIC):
        data = _decompress(data, max_bytes)
    sitemap: Sitemap | None = None
    try:
        for _, element in ElementTree.iterparse(io.BytesIO(data), events=("end",)):
            name = _local(element.tag)
            if name == "loc" and element.text and element.text.strip():
                if sitemap is None:
                    sitemap = Sitemap(is_index=False)
                sitemap.locations.append(element.text.strip())
            elif name in ("sitemapindex", "urlset"):
                sitemap = sitemap or Sitemap(is_index=False)
                sitemap.is_index = name == "sitemapindex"
            elif name in ("url", "sitemap"):
                element.clear()
    except ElementTree.ParseError as error:
        raise SitemapError(f"Webbplatskartan är inte giltig XML: {error}.") from None
    if sitemap is None:
        raise SitemapError("Webbplatskartan innehåller varken <urlset> eller <sitemapindex>.")
    return sitemap
