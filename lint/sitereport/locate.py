"""Where a web editor finds a finding: a link that highlights the sentence, the heading path.

Source lines of an HTML page mean nothing in a CMS. Instead the report links to the live
page with a text fragment (`URL#:~:text=prefix-,start,end,-suffix`), which makes the
browser scroll to the words and highlight them, and names the headings above the finding
("Öppettider › Sommar"). PDF files get `#page=N`, which PDF viewers in browsers follow.
"""

from __future__ import annotations

import html
import re
from datetime import datetime
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

MAX_START_WORDS = 8  # a longer match is given by its first and last words
EDGE_WORDS = 4
CONTEXT_WORDS = 3
TAG = re.compile(r"<[^>]*>")
URL_BREAKS = re.compile(r"([/?&=#.\-_])")


def _words(text: str) -> list[str]:
    return html.unescape(TAG.sub(" ", text)).replace("…", " ").split()


def _encode(text: str) -> str:
    # A text fragment reserves "-", "," and "&"; quote() leaves "-" alone.
    return quote(text, safe="").replace("-", "%2D")


def text_fragment(match: str, before: str = "", after: str = "") -> str:
    """`:~:text=…` for the matched words, with nearby words to tell repeats apart ('' if none)."""
    words = _words(match)
    if not words:
        return ""
    if len(words) > MAX_START_WORDS:
        target = f"{_encode(' '.join(words[:EDGE_WORDS]))},{_encode(' '.join(words[-EDGE_WORDS:]))}"
    else:
        target = _encode(" ".join(words))
    prefix = _words(before)[-CONTEXT_WORDS:] if before and before[-1:].isspace() else []
    suffix = _words(after)[:CONTEXT_WORDS] if after and after[:1].isspace() else []
    parts = ([f"{_encode(' '.join(prefix))}-"] if prefix else []) + [target] + ([f"-{_encode(' '.join(suffix))}"] if suffix else [])
    return ":~:text=" + ",".join(parts)


def finding_link(url: str, finding: dict[str, Any]) -> str:
    """The live page, scrolled to the finding where the browser can do it."""
    base = url.split("#", 1)[0]
    if finding.get("page_number"):
        return f"{base}#page={finding['page_number']}"
    fragment = text_fragment(finding.get("match") or "", finding.get("before") or "", finding.get("after") or "")
    return f"{base}#{fragment}" if fragment else base


def place(finding: dict[str, Any]) -> str:
    """The finding's place in words: the PDF page, then the heading path.

    A finding above the first heading is "före första rubriken"; rows from a database
    written before headings were stored have no place ("–").
    """
    heading = finding.get("heading")
    parts = [f"sida {finding['page_number']}"] if finding.get("page_number") else []
    if heading is not None:
        parts.append(heading or "före första rubriken")
    return " · ".join(parts) or "–"


def wrap_url(url: str) -> Markup:
    """The URL escaped, with a line-break opportunity after each separator (/ ? & = . - _)."""
    return Markup("").join(
        escape(piece) + (Markup("<wbr>") if URL_BREAKS.fullmatch(piece) else Markup("")) for piece in URL_BREAKS.split(url) if piece
    )


def local_time(value: str | None) -> str:
    """An ISO time from the database in the machine's local time zone, with the zone's name."""
    if not value:
        return "–"
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    local = moment.astimezone()
    return f"{local:%Y-%m-%d %H:%M} {local.tzname() or ''}".rstrip()
