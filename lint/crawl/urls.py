"""Which URLs the crawler may fetch: normalisation, allowed hosts, schemes and addresses."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from urllib.parse import urldefrag, urljoin, urlsplit, urlunsplit

SCHEMES = ("http", "https")
# Links with these schemes are not pages at all; they are ignored without a note.
IGNORED_SCHEMES = ("mailto", "tel", "sms", "javascript", "data", "about", "blob")
DEFAULT_PORTS = {"http": 80, "https": 443}


def normalize(url: str, base: str | None = None) -> str | None:
    """An absolute URL without fragment and default port, host in lower case; None if unusable."""
    url = url.strip()
    if not url:
        return None
    if base is not None:
        try:
            url = urljoin(base, url)
        except ValueError:
            return None
    url, _ = urldefrag(url)
    split = _split(url)
    if split is None:
        return None
    parts, scheme, host, port = split
    if scheme in SCHEMES and not host:
        return None
    if scheme not in SCHEMES:
        return url
    netloc = f"[{host}]" if ":" in host else host
    if port is not None and port != DEFAULT_PORTS[scheme]:
        netloc += f":{port}"
    if parts.username or parts.password:
        return None  # credentials in links are never followed
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


INDEX_FILES = ("index.html", "index.htm")


def page_key(url: str) -> str:
    """The address a page is known by within a run: `/sv/index.html` is the page `/sv/`.

    Web servers answer a folder with its index file, so the two addresses are one page.
    Only the key is shortened; the crawler fetches the address it was given.
    """
    parts = urlsplit(url)
    folder, _, name = parts.path.rpartition("/")
    if name.lower() in INDEX_FILES:
        return urlunsplit((parts.scheme, parts.netloc, folder + "/", parts.query, ""))
    return url


def scheme_of(url: str) -> str:
    return urlsplit(url).scheme.lower()


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def is_private_address(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    return ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast or ip.is_unspecified


def resolves_to_private(host: str) -> bool:
    """True when the host is, or resolves to, a private, loopback or otherwise internal address."""
    try:
        return is_private_address(host)
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except OSError:
        return False  # the fetch itself will then fail with a clear message
    return any(is_private_address(info[4][0]) for info in infos)


def _split(url: str):
    """(parts, scheme, host, port) in lower case, or None when the URL cannot be split."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    return parts, parts.scheme.lower(), (parts.hostname or "").lower(), port


def origin_of(url: str) -> tuple[str, str, int] | None:
    """(scheme, host, port) of an http(s) URL, the port filled in; None for other URLs."""
    split = _split(url)
    if split is None or split[1] not in SCHEMES:
        return None
    _parts, scheme, host, port = split
    return scheme, host, port or DEFAULT_PORTS[scheme]


def _site_of(origin: tuple[str, str, int]) -> tuple[str, int | None]:
    """What "the same site" compares: the host, and the port unless it is a default one.

    http and https on their default ports are one site (sites move to https with a
    redirect), but another port of the same host is another server.
    """
    scheme, host, port = origin
    return host, None if port == DEFAULT_PORTS[scheme] else port


def _allowed_site(entry: str) -> tuple[str, int | None]:
    """An --allow-host value: `värd`, `värd:port` or a URL."""
    origin = origin_of(entry if "//" in entry else "http://" + entry)
    return _site_of(origin) if origin else (entry.lower(), None)


class UrlPolicy:
    """Sites the crawl may visit: the start URLs' sites plus those allowed explicitly.

    A site is a host and a port: a link to another port of the start host goes to
    another server and is refused like any other host. A host that the start URLs did
    not name must not resolve to a private address, so a public site cannot steer the
    crawler into an internal network.
    """

    def __init__(self, named: Iterable[str], allowed: Iterable[str] = (), resolver=resolves_to_private) -> None:
        named_sites = {_site_of(o) for o in (origin_of(u) for u in named if "//" in u) if o}
        named_sites |= {(u.lower(), None) for u in named if "//" not in u}
        self.named = frozenset(host for host, _port in named_sites)
        self.sites = frozenset(named_sites | {_allowed_site(entry) for entry in allowed})
        self._resolver = resolver
        self._private: dict[str, bool] = {}

    def refusal(self, url: str) -> str | None:
        """Why `url` may not be fetched (Swedish), or None when it may."""
        scheme = scheme_of(url)
        origin = origin_of(url)
        if scheme not in SCHEMES or origin is None:
            return f"Schemat {scheme or '(inget)'}: hämtas inte; bara http och https följs."
        host, port = _site_of(origin)
        if (host, port) in self.sites:
            return None
        if port is not None and host in {h for h, _p in self.sites}:
            return f"Annan port ({host}:{port}) än start-URL:ens; lägg till --allow-host {host}:{port} för att följa den."
        return f"Annan värd ({host}); lägg till --allow-host {host} för att följa den."

    def address_refusal(self, url: str) -> str | None:
        """A refusal for hosts outside the start URLs that resolve to internal addresses (may block on DNS)."""
        host = host_of(url)
        if host in self.named:
            return None
        if host not in self._private:
            self._private[host] = self._resolver(host)
        if self._private[host]:
            return f"Värden {host} har en privat eller intern adress och nämns inte i start-URL:erna."
        return None


def is_ignored_link(href: str) -> bool:
    head = href.strip().split(":", 1)
    return href.strip().startswith("#") or (len(head) == 2 and head[0].lower() in IGNORED_SCHEMES)
