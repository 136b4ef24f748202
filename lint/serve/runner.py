"""Binding the socket and running uvicorn, in the foreground or in a background thread."""

from __future__ import annotations

import errno
import socket
import threading
import time
import webbrowser
from collections.abc import Callable

import uvicorn

from lint.errors import KommlintError
from lint.serve.app import ServeConfig, create_app
from lint.serve.service import CheckService


def bind(host: str, port: int) -> socket.socket:
    """A listening socket; with port 0 the system picks a free port."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as error:
        sock.close()
        why = "porten används redan" if error.errno == errno.EADDRINUSE else error.strerror
        raise KommlintError(f"Kan inte lyssna på {host}:{port} ({why}). Välj en annan port med --port.") from None
    sock.listen(64)
    sock.set_inheritable(True)
    return sock


def url(config: ServeConfig) -> str:
    host = "127.0.0.1" if config.host in {"0.0.0.0", "::"} else config.host
    host = f"[{host}]" if ":" in host else host
    return f"http://{host}:{config.port}/"


def make_server(service: CheckService, config: ServeConfig) -> uvicorn.Server:
    app = create_app(service, config)
    return uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off", server_header=False, access_log=False))


def serve(service: CheckService, config: ServeConfig, sock: socket.socket, on_started: Callable[[], None] | None = None) -> None:
    """Run until Ctrl+C; `on_started` is called (in a thread) once the server answers."""
    server = make_server(service, config)
    if on_started is not None:
        threading.Thread(target=_when_started, args=(server, on_started), daemon=True).start()
    server.run(sockets=[sock])


def _when_started(server: uvicorn.Server, callback: Callable[[], None]) -> None:
    while not server.started and not server.should_exit:
        time.sleep(0.05)
    if server.started:
        callback()


def open_browser(address: str) -> None:
    try:
        webbrowser.open(address)
    except webbrowser.Error:
        pass


class BackgroundServer:
    """The app on a free port in a daemon thread (tests and benchmarks)."""

    def __init__(self, service: CheckService, host: str = "127.0.0.1", **config) -> None:
        self.sock = bind(host, 0)
        self.config = ServeConfig(host=host, port=self.sock.getsockname()[1], **config)
        self.server = make_server(service, self.config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    @property
    def url(self) -> str:
        return url(self.config)

    def __enter__(self) -> BackgroundServer:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started and time.monotonic() < deadline:
            time.sleep(0.02)
        return self

    def __exit__(self, *exc_info) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=5)
        self.sock.close()
