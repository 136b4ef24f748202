"""A generated test site served from 127.0.0.1, shared by the crawl tests and bench/bench_crawl.py.

The site has a robots.txt (a disallowed folder, a crawl-delay, a sitemap index), a
sitemap index with a plain and a gzipped sitemap, N article pages linked from each other,
broken links, redirects (one chain too long), a PDF, an external link, a slow page, a
page that always fails, a page that is too large and an image. Pages answer conditional
requests (ETag and Last-Modified) with 304. Every request is logged.

A helper module (no tests of its own), imported by the crawl tests.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LAST_MODIFIED = formatdate(1_700_000_000, usegmt=True)
TOPICS = [
    ("Förskola", "Du kan ansöka om plats i förskola från att barnet är ett år."),
    ("Bygglov", "Du behöver bygglov för att bygga nytt eller bygga till ett hus."),
    ("Parkering", "Boendeparkering gäller för dig som är folkbokförd i området."),
    ("Avfall", "Sortera matavfall i den bruna påsen och lämna den i kärlet."),
    ("Bibliotek", "Lånekortet är gratis och du kan låna upp till trettio böcker."),
]
LONG_SENTENCE = (
    "Den som avser att ansöka om ekonomiskt bistånd för sin hushållsekonomi och som samtidigt har "
    "inkomster från anställning eller andra ersättningar från myndigheter ska i ansökan redovisa samtliga "
    "inkomster, tillgångar och utgifter som hushållet har haft under den senaste tremånadersperioden."
)


def article(index: int, pages: int, extra: str = "") -> str:
    title, lead = TOPICS[index % len(TOPICS)]
    nxt, prev = (index + 1) % pages, (index - 1) % pages
    links = [f'<a href="/sida/{nxt}.html">Nästa sida</a>', f'<a href="/sida/{prev}.html">Föregående sida</a>']
    if index % 10 == 3:
        links.append('<a href="/saknas.html">En sida som inte finns</a>')
    if index % 10 == 5:
        links.append('<a href="/gammal.html">Gammal adress</a>')
    if index == 1:
        links += [
            '<a href="https://example.com/om">Extern sida</a>',
            '<a href="mailto:info@example.com">E-post</a>',
            '<a href="/privat/hemlig.html">Intern sida</a>',
            '<a href="/dokument/rapport.pdf">Rapport (PDF)</a>',
            '<a href="/langsam.html">Långsam sida</a>',
            '<a href="/fel.html">Trasig sida</a>',
            '<a href="/stor.html">Stor sida</a>',
            '<a href="/bild.png">Bild</a>',
            '<a href="/kedja/0">Lång kedja</a>',
            '<a href="ftp://filer.example.com/a.txt">FTP</a>',
        ]
    body = [f"<p>{lead}</p>", f"<p>Du erhåller ett besked inom {index % 7 + 2} veckor.</p>"]
    if index % 4 == 0:
        body.append(f"<p>{LONG_SENTENCE}</p>")
    if extra:
        body.append(extra)
    return (
        f'<!DOCTYPE html>\n<html lang="sv">\n<head><meta charset="utf-8"><title>{title} {index} – Stockholms stad</title></head>\n'
        f'<body>\n<header><nav><a href="/">Start</a> <a href="/sida/0.html">Första</a></nav></header>\n'
        f"<main>\n<h1>{title} {index}</h1>\n"
        + "\n".join(body)
        + "\n<ul>\n"
        + "\n".join(f"<li>{link}</li>" for link in links)
        + "\n</ul>\n</main>\n<footer><p>Stockholms stad, 08-508 000 00</p></footer>\n</body>\n</html>\n"
    )


def start_page(pages: int) -> str:
    items = "\n".join(f'<li><a href="/sida/{i}.html">Sida {i}</a></li>' for i in range(0, pages, 2))
    return (
        '<!DOCTYPE html>\n<html lang="sv"><head><meta charset="utf-8"><title>Start – Stockholms stad</title></head>\n'
        f"<body><main><h1>Välkommen</h1>\n<p>Här finns information om stadens service.</p>\n<ul>\n{items}\n</ul></main></body></html>\n"
    )


def sitemap(urls: list[str]) -> bytes:
    entries = "".join(f"<url><loc>{url}</loc></url>" for url in urls)
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'.encode()


def sitemap_index(urls: list[str]) -> bytes:
    entries = "".join(f"<sitemap><loc>{url}</loc></sitemap>" for url in urls)
    return f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</sitemapindex>'.encode()


def pdf_document(text: str) -> bytes:
    """A one-page PDF with `text` in Helvetica (ASCII and Latin-1 letters)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


@dataclass
class Site:
    """The site's content; tests may change `pages` between crawls."""

    pages: int = 60
    slow_seconds: float = 1.0
    large_bytes: int = 300_000
    content: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)
    log: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)  # (path, status, headers)
    lock: threading.Lock = field(default_factory=threading.Lock)
    base: str = ""

    def build(self, base: str) -> None:
        self.base = base
        html = "text/html; charset=utf-8"
        self.content["/"] = (html, start_page(self.pages).encode())
        for i in range(self.pages):
            self.content[f"/sida/{i}.html"] = (html, article(i, self.pages).encode())
        half = self.pages // 2
        # Half the articles are in the sitemaps; the odd ones are found only through links.
        first = [f"{base}/sida/{i}.html" for i in range(0, half, 2)]
        second = [f"{base}/sida/{i}.html" for i in range(half, self.pages, 2)] + [
            f"{base}/dokument/rapport.pdf",
            f"{base}/bara-i-kartan.html",
        ]
        self.content["/robots.txt"] = (
            "text/plain",
            (
                f"User-agent: *\nDisallow: /privat/\nCrawl-delay: 0.001\n\nUser-agent: annanrobot\nDisallow: /\n\n"
                f"Sitemap: {base}/sitemap_index.xml\n"
            ).encode(),
        )
        self.content["/sitemap_index.xml"] = ("application/xml", sitemap_index([f"{base}/sitemap-1.xml", f"{base}/sitemap-2.xml.gz"]))
        self.content["/sitemap-1.xml"] = ("application/xml", sitemap(first))
        self.content["/sitemap-2.xml.gz"] = ("application/x-gzip", gzip.compress(sitemap(second)))
        self.content["/bara-i-kartan.html"] = (html, article(self.pages, self.pages + 1).encode())
        self.content["/privat/hemlig.html"] = (html, b"<html><body><p>Hemlig</p></body></html>")
        self.content["/dokument/rapport.pdf"] = (
            "application/pdf",
            pdf_document("Du erhaller rapporten fran forvaltningen. Kontakta oss om du har fragor."),
        )
        self.content["/stor.html"] = (html, b"<html><body><main><p>" + b"Text. " * (self.large_bytes // 6) + b"</p></main></body></html>")
        self.content["/bild.png"] = ("image/png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
        self.redirects["/gammal.html"] = "/sida/1.html"
        for hop in range(8):
            self.redirects[f"/kedja/{hop}"] = f"/kedja/{hop + 1}"

    def set_page(self, path: str, html: str) -> None:
        with self.lock:
            self.content[path] = ("text/html; charset=utf-8", html.encode())

    def requests(self, status: str | None = None) -> list[str]:
        with self.lock:
            return [path for path, code, _ in self.log if status is None or code == status]

    def clear_log(self) -> None:
        with self.lock:
            self.log.clear()


def etag_of(body: bytes) -> str:
    return '"' + hashlib.sha1(body).hexdigest()[:16] + '"'


def handler_for(site: Site):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:  # keep test output clean
            pass

        def _log(self, status: str) -> None:
            with site.lock:
                site.log.append((self.path, status, dict(self.headers.items())))

        def _send(self, status: int, headers: dict[str, str], body: bytes = b"", log: bool = True) -> None:
            if log:
                self._log(str(status))
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):  # the crawler gave up (timeout)
                pass

        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            if path == "/langsam.html":
                # Logged on arrival: the crawler gives up before the answer, and the test
                # may read the log while this thread still sleeps.
                self._log("200")
                time.sleep(site.slow_seconds)
                self._send(200, {"Content-Type": "text/html"}, b"<html><body><p>Sent.</p></body></html>", log=False)
            elif path == "/fel.html":
                self._send(500, {"Content-Type": "text/plain"}, b"fel")
            elif path in site.redirects:
                self._send(301, {"Location": site.redirects[path]})
            elif path in site.content:
                with site.lock:
                    kind, body = site.content[path]
                tag = etag_of(body)
                if self.headers.get("If-None-Match") == tag:
                    self._send(304, {"ETag": tag})
                else:
                    self._send(200, {"Content-Type": kind, "ETag": tag, "Last-Modified": LAST_MODIFIED}, body)
            else:
                self._send(404, {"Content-Type": "text/html"}, b"<html><body><p>Finns inte</p></body></html>")

    return Handler


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass  # a client that hung up early is expected (timeouts)


class SiteServer:
    """A threaded HTTP server on 127.0.0.1 (loopback only) serving a `Site`."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.server = QuietServer(("127.0.0.1", 0), handler_for(site))
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        site.build(self.base)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> SiteServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
