"""The Starlette app behind `kommlint serve`.

Security for a server on the user's own machine:
- the Host header must name this server (127.0.0.1, localhost or --host, with the port),
  which stops DNS rebinding;
- every /api/ call must carry the session token from the served page in a header, and a
  cross-site Origin is refused, so another web page cannot drive the server (CSRF);
- request bodies have a size limit and uploads a type limit; nothing is read from disk
  except the page's own static files;
- a strict Content-Security-Policy (own scripts only, Trusted Types, no framing).
"""

from __future__ import annotations

import json
import re
import secrets
from dataclasses import dataclass, field
from html import escape
from importlib import resources
from typing import Any
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from lint.serve.pool import InlineAnalyzer, Job, ProcessAnalyzer, internal_message
from lint.serve.service import CheckService, RequestError

TOKEN_HEADER = "x-kommlint-token"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
LOCAL_NAMES = ("127.0.0.1", "localhost", "[::1]")
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "form-action 'none'; frame-ancestors 'none'; base-uri 'none'; "
    "require-trusted-types-for 'script'; trusted-types 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "cache-control": "no-store",
}


@dataclass
class ServeConfig:
    host: str = "127.0.0.1"
    port: int = 8765
    token: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    extra_hosts: tuple[str, ...] = ()  # more host names the page may be reached by
    max_live_chars: int = 20_000  # the page re-checks while typing up to this size
    max_upload_bytes: int = 10 * 1024 * 1024
    max_text_chars: int = 500_000

    def allowed_hosts(self) -> set[str]:
        names = set(LOCAL_NAMES) | {_host_name(self.host)} | {_host_name(name) for name in self.extra_hosts}
        return {f"{name}:{self.port}".lower() for name in names}

    def allowed_origins(self) -> set[str]:
        return {f"http://{host}" for host in self.allowed_hosts()}


def _host_name(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def _refusal(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


class Guard:
    """ASGI middleware: Host check, token and Origin check on /api/, body size, headers."""

    def __init__(self, app: ASGIApp, config: ServeConfig) -> None:
        self.app = app
        self.config = config
        self.hosts = config.allowed_hosts()
        self.origins = config.allowed_origins()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refusal = self.refusal(scope)
        started: list[bool] = []
        send = self._with_headers(send, started)
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        try:
            await self.app(scope, receive, send)
        except Exception as error:  # an answer in Swedish, never a traceback
            if started:
                raise
            await _refusal(500, internal_message(error))(scope, receive, send)

    def refusal(self, scope: Scope) -> Response | None:
        headers = {key.decode("latin-1"): value.decode("latin-1") for key, value in scope["headers"]}
        if headers.get("host", "").lower() not in self.hosts:
            address = f"http://127.0.0.1:{self.config.port}/"
            return _refusal(403, f"Okänd värd i Host-huvudet. Sidan nås bara på {address}.")
        if not scope["path"].startswith("/api/"):
            return None
        origin = headers.get("origin")
        if origin is not None and origin.lower() not in self.origins:
            return _refusal(403, "Anrop från en annan webbplats tas inte emot.")
        if not secrets.compare_digest(headers.get(TOKEN_HEADER, "").encode(), self.config.token.encode()):
            return _refusal(403, "Nyckeln för sessionen saknas eller är fel. Ladda om sidan.")
        if scope["method"] == "POST":
            return self._body_refusal(headers)
        return None

    def _body_refusal(self, headers: dict[str, str]) -> Response | None:
        length = headers.get("content-length")
        if length is None or not length.isdigit():
            return _refusal(411, "Anropet måste ange Content-Length.")
        if int(length) > self.config.max_upload_bytes:
            limit = self.config.max_upload_bytes // (1024 * 1024)
            return _refusal(413, f"Filen eller texten är för stor (gränsen är {limit} MB).")
        return None

    @staticmethod
    def _with_headers(send: Send, started: list[bool]) -> Send:
        async def sending(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                started.append(True)
                present = {key.lower() for key, _ in message.get("headers", [])}
                extra = [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items() if k.encode() not in present]
                message = dict(message, headers=list(message.get("headers", [])) + extra)
            await send(message)

        return sending


def create_app(service: CheckService | ProcessAnalyzer, config: ServeConfig) -> Starlette:
    """The app; a CheckService is used in this process, a ProcessAnalyzer through its workers."""
    analyzer = InlineAnalyzer(service) if isinstance(service, CheckService) else service
    service = analyzer.service
    static = resources.files("lint.serve") / "static"
    page_template = (static / "index.html").read_text(encoding="utf-8")
    page = page_template.replace("{{token}}", escape(config.token))

    async def index(request: Request) -> Response:
        return HTMLResponse(page)

    async def no_icon(request: Request) -> Response:
        return Response(status_code=204)

    async def settings(request: Request) -> Response:
        return JSONResponse(
            {
                "profiles": service.profiles(),
                "extensions": service.upload_extensions(),
                "max_live_chars": config.max_live_chars,
                "max_upload_bytes": config.max_upload_bytes,
            }
        )

    async def check(request: Request) -> Response:
        output = "view" if request.query_params.get("view") == "1" else "check"
        outcome = await analyzer.analyze(await _job(request, config, output))
        return _refusal(outcome.status, outcome.error) if outcome.error else JSONResponse(outcome.data)

    async def report(request: Request) -> Response:
        kind = request.query_params.get("format", "html")
        if kind not in ("json", "html"):
            raise RequestError("Okänt rapportformat: använd html eller json.")
        outcome = await analyzer.analyze(await _job(request, config, "report-" + kind))
        return _refusal(outcome.status, outcome.error) if outcome.error else _report_response(outcome.data, kind)

    async def annotate(request: Request) -> Response:
        filename, data, profile = await _upload(request, config)
        name, annotated = await run_in_threadpool(service.annotate_upload, filename, data, profile)
        return Response(annotated, media_type=DOCX_TYPE, headers=_attachment(name))

    async def rule(request: Request) -> Response:
        return JSONResponse(service.rule(request.path_params["code"]))

    async def request_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, RequestError)
        return _refusal(error.status, str(error))

    routes = [
        Route("/", index),
        Route("/favicon.ico", no_icon),
        Route("/api/settings", settings),
        Route("/api/check", check, methods=["POST"]),
        Route("/api/report", report, methods=["POST"]),
        Route("/api/annotate", annotate, methods=["POST"]),
        Route("/api/rules/{code:str}", rule),
        Mount("/static", StaticFiles(directory=str(static)), name="static"),
    ]
    app = Starlette(routes=routes, exception_handlers={RequestError: request_error, HTTPException: http_error})
    return Guard(app, config)  # type: ignore[return-value]


def _report_response(data: Any, kind: str) -> Response:
    """The report as a download: JSON or a self-contained HTML page."""
    if kind == "json":
        return Response(data, media_type="application/json", headers=_attachment("kommlint-rapport.json"))
    return Response(data, media_type="text/html; charset=utf-8", headers=_attachment("kommlint-rapport.html"))


def _http_problem(status: int, request: Request, allowed: str | None) -> str:
    if status == 404:
        return f"Adressen {request.url.path} finns inte." + ("" if request.url.path.startswith("/api/") else " Sidan finns på /.")
    if status == 405:
        methods = ", ".join(sorted(method.strip() for method in (allowed or "").split(",") if method.strip()))
        return f"Metoden {request.method} används inte för {request.url.path}" + (f"; använd {methods}." if methods else ".")
    return f"Anropet kunde inte tas emot (HTTP {status})."


async def http_error(request: Request, error: Exception) -> Response:
    """Starlette's own errors (unknown address, wrong method) in Swedish: JSON on /api/, text elsewhere."""
    assert isinstance(error, HTTPException)
    headers = dict(error.headers or {})
    message = _http_problem(error.status_code, request, headers.get("Allow"))
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": message}, status_code=error.status_code, headers=headers)
    return PlainTextResponse(message, status_code=error.status_code, headers=headers)


def _attachment(name: str) -> dict[str, str]:
    """A download named `name`; non-ASCII names (Swedish letters) by RFC 6266's filename*."""
    plain = name.encode("ascii", "replace").decode().replace("?", "_").replace('"', "_")
    extended = f"; filename*=UTF-8''{quote(name)}" if plain != name else ""
    return {"content-disposition": f'attachment; filename="{plain}"{extended}'}


async def _upload(request: Request, config: ServeConfig) -> tuple[str, bytes, str | None]:
    """The file of a multipart form upload: (file name, bytes, profile or None)."""
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        raise RequestError("Skicka filen som multipart/form-data i fältet file.", 415)
    form = await request.form(max_files=1, max_fields=4, max_part_size=config.max_upload_bytes)
    upload = form.get("file")
    if upload is None or isinstance(upload, str):
        raise RequestError("Formuläret saknar en fil i fältet file.")
    profile = form.get("profile")
    return upload.filename or "", await upload.read(), profile if isinstance(profile, str) else None


async def _job(request: Request, config: ServeConfig, output: str) -> Job:
    """The job for a JSON body {text, format?, profile?} or a form upload (file, profile?)."""
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("multipart/form-data"):
        filename, data, profile = await _upload(request, config)
        return Job("upload", output, data, name=filename, profile=profile)
    if not content_type.startswith("application/json"):
        raise RequestError('Skicka JSON ({"text": …}) eller en fil som multipart/form-data.', 415)
    try:
        body = json.loads(await request.body())
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise RequestError("Anropet innehåller inte giltig JSON.") from None
    if not isinstance(body, dict) or not isinstance(body.get("text"), str):
        raise RequestError("JSON-objektet måste ha fältet text (en sträng).")
    text = body["text"]
    if len(text) > config.max_text_chars:
        raise RequestError(f"Texten är för lång (gränsen är {config.max_text_chars} tecken).", 413)
    if LONE_SURROGATE.search(text):
        raise RequestError("Texten innehåller ogiltiga tecken (ensamma surrogattecken, till exempel \\ud800) och kan inte granskas.")
    profile = body.get("profile")
    fmt = body.get("format") or "text"
    if not isinstance(fmt, str) or not (profile is None or isinstance(profile, str)):
        raise RequestError("Fälten format och profile ska vara strängar.")
    return Job("text", output, text, format=fmt, profile=profile)
