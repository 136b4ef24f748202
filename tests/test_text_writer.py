"""The text report's plain writer writes exactly what rich wrote for the same line."""

from __future__ import annotations

import io
import random

import pytest
from rich.console import Console
from rich.markup import escape

from lint.reporters.text import STYLE, Writer

PIECES = ["a", " ", "[", "]", "[bold]", "[/]", "\\", "\\[", "\n", "å", "«ord»", "…", "\x1b", "\t", "\r", "漢", "x\\", "[red]", "\u200b"]
STYLES = [*STYLE.values(), "bold", "dim", "red", "green"]


def _lines(count: int = 400):
    rng = random.Random(7)
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 4)):
            text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 10)))
            parts.append(text if rng.random() < 0.4 else (rng.choice(STYLES), text))
        yield parts


def _rich(parts, color: bool) -> str | None:
    stream = io.StringIO()
    console = Console(
        file=stream, no_color=not color, highlight=False, soft_wrap=True, emoji=False, force_terminal=color or None, width=120
    )
    try:
        console.print("".join(escape(p) if isinstance(p, str) else f"[{p[0]}]{escape(p[1])}[/{p[0]}]" for p in parts))
    except Exception:  # markup rich itself cannot read: nothing to compare
        return None
    return stream.getvalue()


@pytest.mark.parametrize("color", [True, False])
@pytest.mark.parametrize("force_color", [None, "1", ""])
def test_writer_matches_rich(monkeypatch, color, force_color):
    monkeypatch.delenv("TTY_COMPATIBLE", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    if force_color is None:
        monkeypatch.delenv("FORCE_COLOR", raising=False)
    else:
        monkeypatch.setenv("FORCE_COLOR", force_color)
    compared = 0
    for parts in _lines():
        expected = _rich(parts, color)
        if expected is None:
            continue
        stream = io.StringIO()
        writer = Writer(stream, color)
        writer.line(*parts)
        writer.flush()
        assert stream.getvalue() == expected, parts
        compared += 1
    assert compared > 300


def test_a_dumb_terminal_gets_no_escape_codes(monkeypatch):
    monkeypatch.setenv("TERM", "dumb")
    stream = io.StringIO()
    writer = Writer(stream, True)
    writer.line(("bold", "fil.md:1:1"), ": ", ("yellow", "KLAR001"))
    writer.flush()
    assert stream.getvalue() == "fil.md:1:1: KLAR001\n"
