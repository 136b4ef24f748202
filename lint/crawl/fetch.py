"""Polite HTTP fetching: one request at a time per slot, a minimum interval per host,
timeouts, retries with exponential back-off, a size cap and conditional requests.

Redirects are not followed here: the crawler sees each hop, so every target passes the
same URL policy and robots.txt check as a link would. The timeout is a deadline for the
whole request, not for each read: a server that sends a byte a second is given up on.
"""

from __future__ import annotations

import asyncio
import email.utils
import random
import time
from dataclasses import dataclass

import httpx

from lint import __version__

USER_AGENT = f"kommlint/{__version__} (granskningsrobot for klarsprak och tillganglighet)"
ROBOTS_AGENT = "kommlint"
RETRY_STATUSES = {429, 500, 502, 503, 504}
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
MAX_RETRY_AFTER = 30.0


@dataclass
class FetchSettings:
    timeout: float = 20.0
    retries: int = 2
    backoff: float = 1.0  # seconds before the first retry; doubled each time
    max_bytes: int = 10 * 1024 * 1024
    rate: float = 4.0  # requests per second per host (before crawl-delay)
    concurrency: int = 4
    user_agent: str = USER_AGENT


@dataclass
class Fetched:
    url: str
    outcome: str  # ok | not_modified | redirect | error
    http_status: int | None = None
    content_type: str | None = None
    body: bytes | None = None
    etag: str | None = None
    last_modified: str | None = None
    location: str | None = None
    reason: str | None = None  # Swedish, for errors
    elapsed_ms: int = 0
    attempts: int = 1


class TooLarge(Exception):
    pass


class HostPacer:
    """Spaces requests to one host at least `interval` seconds apart."""

    def __init__(self) -> None:
        self._next: dict[str, float] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def wait(self, host: str, interval: float) -> None:
        lock = self._locks.setdefault(host, asyncio.Lock())
        async with lock:
            now = time.monotonic()
            start = max(now, self._next.get(host, now))
            self._next[host] = start + interval
        if start > now:
            await asyncio.sleep(start - now)


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after")
    if not value:
        return None
    try:
        return min(MAX_RETRY_AFTER, max(0.0, float(value)))
    except ValueError:
        parsed = email.utils.parsedate_to_datetime(value) if value else None
        return min(MAX_RETRY_AFTER, max(0.0, parsed.timestamp() - time.time())) if parsed else None


def _status_reason(status: int) -> str:
    known = {404: "Sidan finns inte (404).", 410: "Sidan är borttagen (410).", 403: "Åtkomst nekad (403).", 401: "Inloggning krävs (401)."}
    if status in known:
        return known[status]
    if status >= 500:
        return f"Serverfel ({status})."
    return f"Servern svarade {status}."


class Fetcher:
    def __init__(self, settings: FetchSettings, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.settings = settings
        self.pacer = HostPacer()
        self.slots = asyncio.Semaphore(settings.concurrency)
        self.delays: dict[str, float] = {}  # host → crawl-delay from robots.txt
        self.client = httpx.AsyncClient(
            follow_redirects=False,
            timeout=httpx.Timeout(settings.timeout),
            headers={"User-Agent": settings.user_agent, "Accept": "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.5"},
            limits=httpx.Limits(max_connections=settings.concurrency * 2, max_keepalive_connections=settings.concurrency),
            transport=transport,
            event_hooks={"response": [_stash_location]},
        )
        self.requests = 0

    async def close(self) -> None:
        await self.client.aclose()

    def interval(self, host: str) -> float:
        base = 1.0 / self.settings.rate if self.settings.rate > 0 else 0.0
        return max(base, self.delays.get(host, 0.0))

    async def fetch(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        try:
            host = httpx.URL(url).host
        except httpx.InvalidURL as error:
            return Fetched(url, "error", reason=f"Ogiltig adress: {error}.")
        attempt = 0
        while True:
            attempt += 1
            async with self.slots:
                await self.pacer.wait(host, self.interval(host))
                result, retry_after = await self._once(url, headers)
            result.attempts = attempt
            if retry_after is None or attempt > self.settings.retries:
                return result
            delay = max(retry_after, self.settings.backoff * 2 ** (attempt - 1))
            await asyncio.sleep(delay * (1 + random.random() / 10))

    async def _once(self, url: str, headers: dict[str, str]) -> tuple[Fetched, float | None]:
        """One request; the second value is a retry delay when the request may be retried."""
        started = time.monotonic()
        self.requests += 1
        try:
            async with asyncio.timeout(self.settings.timeout if self.settings.timeout > 0 else None):
                async with self.client.stream("GET", url, headers=headers) as response:
                    result = await self._read(url, response)
            result.elapsed_ms = _ms(started)
            if response.status_code in RETRY_STATUSES:
                return result, _retry_after(response) or 0.0
            return result, None
        except (TimeoutError, httpx.TimeoutException):
            reason = f"Tidsgränsen ({self.settings.timeout:g} s) gick ut."
        except TooLarge:
            reason = f"Sidan är större än {self.settings.max_bytes // 1024} kB och hämtades inte."
            return Fetched(url, "error", reason=reason, elapsed_ms=_ms(started)), None
        except (httpx.InvalidURL, httpx.StreamError) as error:  # not HTTPErrors, and not worth a retry
            reason = f"Hämtningen misslyckades: {type(error).__name__}: {error}".rstrip(": ") + "."
            return Fetched(url, "error", reason=reason, elapsed_ms=_ms(started)), None
        except httpx.HTTPError as error:
            reason = f"Hämtningen misslyckades: {type(error).__name__}: {error}".rstrip(": ") + "."
        return Fetched(url, "error", reason=reason, elapsed_ms=_ms(started)), 0.0

    async def _read(self, url: str, response: httpx.Response) -> Fetched:
        status = response.status_code
        common = {
            "http_status": status,
            "content_type": response.headers.get("content-type", "").split(";")[0].strip().lower() or None,
            "etag": response.headers.get("etag"),
            "last_modified": response.headers.get("last-modified"),
        }
        if status in REDIRECT_STATUSES:
            return Fetched(url, "redirect", location=response.headers.get(STASHED_LOCATION), **common)
        if status == 304:
            return Fetched(url, "not_modified", **common)
        if status >= 400:
            return Fetched(url, "error", reason=_status_reason(status), **common)
        if status >= 300 or status < 200:
            return Fetched(url, "error", reason=f"Oväntat svar {status}.", **common)
        declared = response.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > self.settings.max_bytes:
            raise TooLarge
        body = bytearray()
        async for chunk in response.aiter_bytes():
            body.extend(chunk)
            if len(body) > self.settings.max_bytes:
                raise TooLarge
        return Fetched(url, "ok", body=bytes(body), **common)


STASHED_LOCATION = "x-kommlint-location"


async def _stash_location(response: httpx.Response) -> None:
    """Move Location aside before httpx reads it.

    Even with redirects off, httpx builds the next request from Location, and a target
    such as `data:` or `javascript:` then raises InvalidURL instead of returning the
    answer. The crawler judges the target itself (and lists refused schemes).
    """
    location = response.headers.get("location")
    if location is not None:
        del response.headers["location"]
        response.headers[STASHED_LOCATION] = location


def _ms(started: float) -> int:
    return int((time.monotonic() - started) * 1000)
