"""The report the page downloads: one self-contained HTML file (or the CLI's JSON).

Everything from the text or the rule packs is escaped; the file has no scripts.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from lint.serve.service import Checked

PRINCIPLE_TITLES = {
    "klarspråk": "Klarspråk",
    "målgrupp": "Målgrupp",
    "avsändare": "Avsändare",
    "offentlighet": "Offentlighet",
    "tillgänglighet": "Tillgänglighet",
    "språkriktighet": "Språkriktighet",
    "kommlint": "Undantag",
}
SEVERITY_TITLES = {"error": "fel", "warning": "varning", "info": "info"}
METRIC_ROWS = (
    ("words", "Ord"),
    ("sentences", "Meningar"),
    ("lix", "LIX"),
    ("ovix", "OVIX"),
    ("nk", "Nominalkvot"),
    ("passive_share", "Andel passiv"),
)

STYLE = """
body{font-family:system-ui,sans-serif;line-height:1.5;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
mark{background:#fff3b0;border-bottom:2px solid #8a6d00}
table{border-collapse:collapse}td,th{border:1px solid #767676;padding:.25rem .5rem;text-align:left}
.text{border:1px solid #767676;padding:1rem}li{margin-bottom:.5rem}
"""


def split_marks(text: str, marks: list[dict[str, int]]) -> list[tuple[str, list[int]]]:
    """Cut `text` at every mark boundary: (piece, findings covering it) in order."""
    cuts = sorted({0, len(text)} | {m["start"] for m in marks} | {m["end"] for m in marks})
    pieces = []
    for start, end in zip(cuts, cuts[1:]):
        covering = [m["finding"] for m in marks if m["start"] <= start and end <= m["end"]]
        pieces.append((text[start:end], covering))
    return pieces


def _format_metric(key: str, value: Any) -> str:
    if value is None:
        return "–"
    if key == "passive_share":
        return f"{round(value * 100)} %"
    return str(value).replace(".", ",")


def _text_html(view: dict[str, Any]) -> str:
    paragraphs = []
    for block in view["blocks"]:
        parts = []
        for piece, covering in split_marks(block["text"], block["marks"]):
            if covering:
                numbers = ", ".join(str(index + 1) for index in covering)
                parts.append(f'<mark title="Fynd {numbers}">{escape(piece)}</mark><sup>{numbers}</sup>')
            else:
                parts.append(escape(piece))
        tag = "h3" if block["kind"] == "heading" else "p"
        paragraphs.append(f"<{tag}>{''.join(parts)}</{tag}>")
    return "\n".join(paragraphs)


def _finding_html(number: int, diagnostic: dict[str, Any]) -> str:
    suggestions = diagnostic["suggestions"]
    hint = f" Förslag: {escape(', '.join(suggestions))}." if suggestions else ""
    principle = PRINCIPLE_TITLES.get(diagnostic["principle"], diagnostic["principle"])
    severity = SEVERITY_TITLES.get(diagnostic["severity"], diagnostic["severity"])
    return (
        f'<li value="{number}"><strong>{escape(diagnostic["code"])}</strong> ({escape(principle)}, {escape(severity)}), '
        f"rad {diagnostic['line']}, kolumn {diagnostic['column']}: {escape(diagnostic['message'])}{hint}</li>"
    )


def html_report(checked: Checked) -> str:
    data = checked.json(view=True)
    file = data["files"][0]
    view = data.pop("view")
    metrics = file["metrics"] or {}
    rows = "".join(
        f'<tr><th scope="row">{label}</th><td>{escape(_format_metric(key, metrics.get(key)))}</td></tr>' for key, label in METRIC_ROWS
    )
    band = f" ({escape(view['metrics']['band'])})" if view["metrics"] and view["metrics"].get("band") else ""
    findings = "\n".join(_finding_html(index + 1, d) for index, d in enumerate(file["diagnostics"]))
    errors = "".join(f"<p>{escape(error['message'])}</p>" for error in file["errors"])
    profile = f"{escape(file['profile'] or '–')} ({escape(file['profile_reason'] or '')})"
    return f"""<!doctype html>
<html lang="sv">
<head><meta charset="utf-8"><title>kommlint: rapport för {escape(file["path"])}</title><style>{STYLE}</style></head>
<body>
<h1>Rapport från kommlint</h1>
<p>Text: {escape(file["path"])}. Profil: {profile}. Fynd: {len(file["diagnostics"])}.</p>
{errors}
<h2>Läsbarhet</h2>
<table><caption>Mått för hela texten{band}</caption>{rows}</table>
<h2>Fynd</h2>
<ol>
{findings}
</ol>
<h2>Texten</h2>
<div class="text">
{_text_html(view)}
</div>
</body>
</html>
"""


def json_report(checked: Checked) -> str:
    return json.dumps(checked.json(), ensure_ascii=False, indent=2) + "\n"
