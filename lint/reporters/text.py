"""Human-readable output: each finding with its source line underlined, then a summary.

Lines are written as plain strings with ANSI codes, the way rich would render them: rich
costs more than the parse's own tokenizer on a large report. It still renders the
statistics table, and any line with a tab or a control character that rich rewrites.
"""

from __future__ import annotations

import os
from collections import Counter
from functools import lru_cache
from typing import TextIO

from lint.language.metrics import lix_band
from lint.language.personnummer import redact
from lint.wording import count, decimal, listing, suggestion_list

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
# The SGR codes rich writes for each style: (attributes, colour).
SGR = {
    "bold": ("1", ""),
    "dim": ("2", ""),
    "bold red": ("1", "31"),
    "yellow": ("", "33"),
    "cyan": ("", "36"),
    "red": ("", "31"),
    "green": ("", "32"),
}
# rich expands tabs, drops these control characters and reads a backslash as markup
REWRITTEN = frozenset("\t\x07\x08\x0b\x0c\r\\")


def render(report, stream: TextIO, color: bool = True) -> None:
    out = Writer(stream, color)
    for result in report.files:
        _file(out, result, report.quiet)
    if report.statistics:
        _statistics(out, report)
    if not report.quiet:
        for notice in report.notices:
            out.line(("dim", f"Obs: {notice}"))
        out.line(_totals(report.summary()))
    out.flush()


class Writer:
    """Writes lines of (style, text) parts as rich's Console(no_color=not color,
    force_terminal=color or None, soft_wrap=True) would."""

    def __init__(self, stream: TextIO, color: bool) -> None:
        self.stream = stream
        self.color = color
        self.styled = (color or _terminal(stream)) and os.environ.get("TERM", "").lower() not in ("dumb", "unknown")
        self.buffer: list[str] = []
        self._console = None

    def line(self, *parts) -> None:
        texts = [part if isinstance(part, str) else part[1] for part in parts]
        if any(not REWRITTEN.isdisjoint(text) for text in texts):
            self._rich(parts)
            return
        self.buffer.append("".join(part if isinstance(part, str) else self._style(*part) for part in parts) + "\n")
        if len(self.buffer) > 512:
            self._write()

    def _style(self, style: str, text: str) -> str:
        attributes, colour = SGR[style]
        codes = ";".join(code for code in (attributes, colour if self.color else "") if code)
        if not self.styled or not codes:
            return text
        return "\n".join(f"\x1b[{codes}m{piece}\x1b[0m" if piece else "" for piece in text.split("\n"))

    def _rich(self, parts) -> None:
        from rich.markup import escape

        self._write()
        markup = "".join(escape(part) if isinstance(part, str) else f"[{part[0]}]{escape(part[1])}[/{part[0]}]" for part in parts)
        self.console().print(markup)

    def console(self):
        self._write()
        if self._console is None:
            from rich.console import Console

            color = self.color
            self._console = Console(
                file=self.stream, no_color=not color, highlight=False, soft_wrap=True, emoji=False, force_terminal=color or None, width=120
            )
        return self._console

    def _write(self) -> None:
        if self.buffer:
            self.stream.write("".join(self.buffer))
            self.buffer.clear()

    def flush(self) -> None:
        self._write()
        self.stream.flush()


def _terminal(stream: TextIO) -> bool:
    """Whether rich would treat the stream as a terminal (and write bold and dim)."""
    environ = os.environ
    compatible = environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "1"
    if environ.get("FORCE_COLOR") is not None:
        return environ["FORCE_COLOR"] != ""
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _file(out: Writer, result, quiet: bool = False) -> None:
    for error in result.errors:
        out.line(("bold", result.path), ": ", ("bold red", error.code), f" {error.message}")
    if result.profile is None:
        return
    for d in result.diagnostics:
        style = STYLE[d.severity.label]
        out.line(
            ("bold", f"{d.path}:{d.line}:{d.column}{_place(d)}"),
            ": ",
            (style, d.code),
            " ",
            (style, f"[{d.severity.swedish}]"),
            f" {d.message}",
        )
        _source_line(out, result, d)
        if d.suggestions:
            out.line("    ", ("green", "förslag:"), f" {suggestion_list(d.suggestions)}")
    if not quiet:
        _file_summary(out, result)


def _place(d) -> str:
    """Where a Word or PDF reader finds the spot: page, paragraph and nearest heading."""
    parts = []
    if d.page:
        parts.append(f"sida {d.page}")
    if getattr(d, "heading", None):
        parts.append(f"under ”{d.heading}”")
    return f" ({', '.join(parts)})" if parts else ""


def _source_line(out: Writer, result, d) -> None:
    lines = result.document or _file_lines(result)
    if d.end_offset <= d.offset:
        return
    line, end_line = _source_lines(result, d)
    text = lines.line_text(line) or ""
    if not text or not text.strip():
        return
    start = d.column - 1
    end = d.end_column - 1 if end_line == line else len(text)
    shown, start, end = _window(text, start, end)
    out.line("    ", ("dim", f"{d.line:>4} |"), f" {shown}")
    out.line("    ", ("dim", "     |"), f" {' ' * start}", ("red", "^" * max(1, end - start)))


def _source_lines(result, d) -> tuple[int, int]:
    """The finding's first and last line in the whole source.

    A PDF finding's line counts within its page; the snippet needs the line in the source.
    """
    document = result.document
    if d.page is None or document is None:
        return d.line, d.end_line
    return document.line_index.locate(d.offset)[0], document.line_index.locate(max(d.offset, d.end_offset - 1))[0]


def _window(text: str, start: int, end: int, width: int = 100) -> tuple[str, int, int]:
    """Cut a long source line down to the part around the match, personnummer masked."""
    if len(text) <= width:
        return redact(text), start, end
    end = min(end, start + width - 20)
    left = max(0, start - 30)
    right = min(len(text), max(end + 30, left + width))
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(text) else ""
    return prefix + _redacted(text, left, right) + suffix, start - left + len(prefix), end - left + len(prefix)


NUMBER_MARGIN = 14  # longer than any personnummer: one cut by the window's edge is still recognised


def _redacted(text: str, left: int, right: int) -> str:
    """text[left:right] with personnummer masked, looking only a little beyond it (a 1 MB line
    quoted once per finding must not be scanned whole each time)."""
    outer = max(0, left - NUMBER_MARGIN)
    return redact(text[outer : right + NUMBER_MARGIN])[left - outer : right - outer]


_LINES: dict = {}


def _file_lines(result):
    """A cached result has no document: read its lines from the file (once per file)."""
    from lint.engine.fix import SourceLines

    if _LINES.get("result") is not result:
        _LINES.update(result=result, lines=SourceLines(result))
    return _LINES["lines"]


def _file_summary(out: Writer, result) -> None:
    parts = _text_figures(result.metrics)
    principles = Counter(d.principle for d in result.diagnostics)
    found = ", ".join(f"{name} {count}" for name, count in sorted(principles.items())) or "inga fynd"
    reason = result.profile_reason or ""
    out.line(("dim", f"{result.path}: profil {result.profile}{_title(result.profile)}, {reason}; {' · '.join(parts)}; {found}"), "\n")


def _text_figures(m: dict) -> list[str]:
    """Words, sentences and LIX of the running text (what LIX is computed on); the whole
    text's word count too when headings, tables and address lines add to it."""
    words, sentences = m.get("prose_words", m.get("words", 0)), m.get("prose_sentences", m.get("sentences", 0))
    parts = [f"löptext {words} ord", count(sentences, "mening", "meningar")]
    if m.get("words") and m.get("lix") is not None:
        parts.append(f"LIX {decimal(m['lix'])} ({lix_band(m['lix'])})")
    if m.get("words", 0) != words:
        parts.append(f"hela texten {m['words']} ord")
    return parts


def _title(profile: str) -> str:
    """The profile's Swedish title, when it says more than its name."""
    title = _titles().get(profile)
    if title is None:
        return ""
    return "" if title.lower() == profile else f" ({title.lower()})"


@lru_cache(maxsize=1)
def _titles() -> dict[str, str]:
    """Profile titles, read straight from profiles.yaml: validating the profiles costs a
    run whose results all come from the cache more than the rest of it (the run that
    filled the cache validated this very file, its content is part of the cache key)."""
    import yaml

    from lint.resources import builtin_rules_dir

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load((builtin_rules_dir() / "profiles.yaml").read_text(encoding="utf-8"), Loader=loader)  # noqa: S506
    return {str(name): str(item["title"]) for name, item in data["profiles"].items()}


def fix_label(diagnostics) -> str:
    """How many of these findings --fix corrects, and how many only --unsafe-fixes."""
    safeties = Counter(d.fix.safety for d in diagnostics if d.fix)
    parts = [f"{safeties['safe']} säkert"] if safeties["safe"] else []
    if safeties["unsafe"]:
        parts.append(f"{safeties['unsafe']} med --unsafe-fixes")
    return ", ".join(parts)


def _statistics(out: Writer, report) -> None:
    from rich.table import Table

    by_rule: dict[tuple[str, str], list] = {}
    for d in report.diagnostics:
        by_rule.setdefault((d.code, d.name), []).append(d)
    table = Table("Antal", "Regel", "Namn", "Kan rättas", title="Statistik", title_justify="left")
    for (code, name), found in sorted(by_rule.items(), key=lambda item: -len(item[1])):
        table.add_row(str(len(found)), code, name, fix_label(found))
    out.console().print(table)


def _totals(summary: dict) -> str:
    by = summary["by_severity"]
    files = count(summary["files"], "fil", "filer")
    if not summary["diagnostics"] and not summary["problems"]:
        text = f"Inga fynd i {files}."
    else:
        levels = [count(by.get("error", 0), "fel", "fel"), count(by.get("warning", 0), "varning", "varningar"), f"{by.get('info', 0)} info"]
        text = f"Hittade {summary['diagnostics']} fynd i {files}: {listing(levels)}."
    if summary["problems"]:
        text += f" {count(summary['problems'], 'problem', 'problem')} vid granskningen (filer som inte kunde läsas eller regler som avbröts), se ovan."
    return text
