"""Charts as inline SVG strings: no scripts, no external assets, readable without colour.

Each chart has a <title> and <desc> for screen readers, and the report shows the same
numbers in a table next to it.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from html import escape

from markupsafe import Markup

from lint.sitereport.model import number

SEVERITY_COLORS = {"error": "#b3261e", "warning": "#a15c00", "info": "#1f5f99"}
BAR = "#1f5f99"
TEXT = "#1b1b1b"
GRID = "#d0d0d0"
FONT = 'font-family="system-ui, sans-serif" font-size="12"'


def _svg(width: int, height: int, title: str, desc: str, body: list[str]) -> Markup:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" '
        f'style="max-width:{width}px" role="img" aria-labelledby="t d">'
    )
    # Ids must be unique in the page; callers pass distinct titles, so derive them from it.
    key = f"c{zlib.crc32(title.encode()):08x}"
    head = head.replace('aria-labelledby="t d"', f'aria-labelledby="{key}t {key}d"')
    parts = [head, f'<title id="{key}t">{escape(title)}</title>', f'<desc id="{key}d">{escape(desc)}</desc>', *body, "</svg>"]
    return Markup("".join(parts))


def _text(x: float, y: float, text: str, anchor: str = "start", weight: str = "normal", fill: str = TEXT) -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-weight="{weight}" fill="{fill}" {FONT}>{escape(text)}</text>'


def stacked_bars(rows: Sequence[tuple[str, dict[str, int]]], keys: Sequence[str], labels: dict[str, str], title: str) -> Markup:
    """Horizontal bars, one per row, split by `keys` (e.g. severities), with a legend."""
    width, label_width, row_height = 640, 150, 28
    height = 40 + row_height * max(1, len(rows))
    largest = max((sum(values.values()) for _, values in rows), default=0) or 1
    scale = (width - label_width - 60) / largest
    body: list[str] = []
    for index, key in enumerate(keys):
        x = label_width + index * 110
        body.append(f'<rect x="{x}" y="6" width="12" height="12" fill="{SEVERITY_COLORS.get(key, BAR)}"/>')
        body.append(_text(x + 16, 16, labels.get(key, key)))
    for row, (name, values) in enumerate(rows):
        y = 32 + row * row_height
        body.append(_text(label_width - 8, y + 15, name, anchor="end"))
        x = float(label_width)
        for key in keys:
            size = values.get(key, 0) * scale
            if size > 0:
                body.append(
                    f'<rect x="{x:.1f}" y="{y}" width="{size:.1f}" height="20" fill="{SEVERITY_COLORS.get(key, BAR)}">'
                    f"<title>{escape(name)}: {number(values.get(key, 0))} {escape(labels.get(key, key))}</title></rect>"
                )
                x += size
        body.append(_text(x + 6, y + 15, number(sum(values.values()))))
    desc = "; ".join(f"{name}: " + ", ".join(f"{number(values.get(k, 0))} {labels.get(k, k)}" for k in keys) for name, values in rows)
    return _svg(width, height, title, desc or "Inga fynd.", body)


def bars(rows: Sequence[tuple[str, int]], title: str, unit: str = "") -> Markup:
    """Vertical bars with a label under each (e.g. a LIX distribution)."""
    width, height, bottom, left = 640, 220, 40, 40
    count = max(1, len(rows))
    slot = (width - left - 10) / count
    largest = max((value for _, value in rows), default=0) or 1
    scale = (height - bottom - 24) / largest
    body = [f'<line x1="{left}" y1="{height - bottom}" x2="{width - 10}" y2="{height - bottom}" stroke="{GRID}"/>']
    for index, (label, value) in enumerate(rows):
        x = left + index * slot + slot * 0.15
        bar_height = value * scale
        y = height - bottom - bar_height
        body.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{slot * 0.7:.1f}" height="{bar_height:.1f}" fill="{BAR}">'
            f"<title>{escape(label)}: {number(value)} {escape(unit)}</title></rect>"
        )
        body.append(_text(x + slot * 0.35, y - 4, number(value), anchor="middle"))
        body.append(_text(x + slot * 0.35, height - bottom + 16, label, anchor="middle"))
    desc = "; ".join(f"{label}: {number(value)} {unit}".strip() for label, value in rows)
    return _svg(width, height, title, desc or "Inga data.", body)


def trend(points: Sequence[tuple[str, int]], title: str, unit: str = "fynd") -> Markup:
    """A line over runs (oldest to newest), each point labelled with its value."""
    width, height, bottom, left, right = 640, 220, 40, 50, 50
    count = len(points)
    largest = max((value for _, value in points), default=0) or 1
    scale = (height - bottom - 30) / largest
    step = (width - left - right) / max(1, count - 1)
    coords = [(left + index * step if count > 1 else width / 2, height - bottom - value * scale) for index, (_, value) in enumerate(points)]
    body = [f'<line x1="{left}" y1="{height - bottom}" x2="{width - right}" y2="{height - bottom}" stroke="{GRID}"/>']
    if count > 1:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        body.append(f'<polyline points="{path}" fill="none" stroke="{BAR}" stroke-width="2"/>')
    label_every = max(1, count // 8)
    for index, ((label, value), (x, y)) in enumerate(zip(points, coords)):
        body.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{BAR}"><title>{escape(label)}: {number(value)} {escape(unit)}</title></circle>'
        )
        body.append(_text(x, y - 8, number(value), anchor="middle"))
        if index % label_every == 0 or index == count - 1:
            body.append(_text(x, height - bottom + 16, label, anchor="middle"))
    desc = "; ".join(f"{label}: {number(value)} {unit}" for label, value in points)
    return _svg(width, height, title, desc or "Inga tidigare körningar.", body)
