"""A small hostile site on 127.0.0.1 for the crawler's robustness tests (issue 20).

Pages link to each other; `redirects` send the crawler anywhere (another scheme, another
port); `/droppe.html` sends its body a byte at a time; a `gate` holds the request for
`held` (/robots.txt unless set) until the test opens it, so a test can kill the crawl at
that exact moment.

A helper module (no tests of its own).
"""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler

from crawl_site import QuietServer

PAGE = (
    '<!DOCTYPE html><html lang="sv"><head><title>Sida {name}</title></head><body><main>'
    "<p>Du erhåller ett besked om {name}.</p>{links}</main></body></html>"
)


class Maze:
    def __init__(self, pages: int = 3, drip_bytes: int = 60, drip_every: float = 0.2) -> None:
        self.pages = {f"/sida/{i}.html": [] for i in range(pages)}
        self.redirects: dict[str, str] = {}
        self.drip_bytes, self.drip_every = drip_bytes, drip_every
        self.dripped = 0  # bytes of /droppe.html sent before the client hung up
        self.gate: threading.Event | None = None  # when set up, the `held` request waits for it
        self.held = "/robots.txt"
        self.arrived = threading.Event()  # the held request has arrived
        self.log: list[str] = []
        self.lock = threading.Lock()

    def html(self, path: str) -> bytes:
        links = "".join(f'<a href="{target}">länk</a> ' for target in self.pages.get(path, []))
        return PAGE.format(name=path, links=links).encode()


def _handler(maze: Maze):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:
            pass

        def _send(self, status: int, headers: dict[str, str], body: bytes = b"") -> None:
            self.send_response(status)
            for key, value in {**headers, "Content-Length": str(len(body))}.items():
                self.send_header(key, value)
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            with maze.lock:
                maze.log.append(path)
            if path == maze.held:
                maze.arrived.set()
                if maze.gate is not None:
                    maze.gate.wait(30)
            if path == "/robots.txt":
                self._send(200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow:\n")
            elif path == "/droppe.html":
                self._drip()
            elif path in maze.redirects:
                self._send(302, {"Location": maze.redirects[path]})
            elif path in maze.pages or path == "/":
                self._send(200, {"Content-Type": "text/html; charset=utf-8"}, maze.html(path))
            else:
                self._send(404, {"Content-Type": "text/plain"}, b"saknas")

        def _drip(self) -> None:
            body = maze.html("/droppe.html").ljust(maze.drip_bytes)[: maze.drip_bytes]
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                for index in range(len(body)):
                    self.wfile.write(body[index : index + 1])
                    self.wfile.flush()
                    maze.dripped = index + 1
                    time.sleep(maze.drip_every)
            except (BrokenPipeError, ConnectionResetError):
                pass

    return Handler


class MazeServer:
    def __init__(self, maze: Maze) -> None:
        self.maze = maze
        self.server = QuietServer(("127.0.0.1", 0), _handler(maze))
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        maze.pages.setdefault("/", [])
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> MazeServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.maze.gate is not None:
            self.maze.gate.set()
        self.server.shutdown()
        self.server.server_close()
