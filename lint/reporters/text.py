"""Human-readable output: each finding with its source line underlined, then a summary."""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from lint.language.metrics import lix_band
from lint.language.personnummer import redact
from lint.wording import count, decimal, listing

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def render(report, stream: TextIO, color: bool = True) -> None:
    console = Console(file=stream, no_color=not color, highlight=False, soft_wrap=True, emoji=False, force_terminal=color or None, width=120)
    for result in report.files:
        _file(console, result, report.quiet)
    if report.statistics:
        _statistics(console, report)
    if report.quiet:
        return
    for notice in report.notices:
        console.print(f"[dim]Obs: {escape(notice)}[/dim]")
    summary = report.summary()
    console.print(_totals(summary))


def _file(console: Console, result, quiet: bool = False) -> None:
    for error in result.errors:
        console.print(f"[bold]{escape(result.path)}[/bold]: [bold red]{error.code}[/bold red] {escape(error.message)}")
    if result.profile is None:
        return
    for d in result.diagnostics:
        level = d.severity.label
        location = f"{d.path}:{d.line}:{d.column}" + _place(d)
        console.print(
            f"[bold]{escape(location)}[/bold]: [{STYLE[level]}]{d.code}[/{STYLE[level]}] "
            f"[{STYLE[level]}]\\[{d.severity.swedish}][/{STYLE[level]}] {escape(d.message)}"
        )
        _source_line(console, result, d)
        if d.suggestions:
            console.print(f"    [green]förslag:[/green] {escape(' | '.join(d.suggestions))}")
    if not quiet:
        _file_summary(console, result)


def _place(d) -> str:
    """Where a Word or PDF reader finds the spot: page, paragraph and nearest heading."""
    parts = []
    if d.page:
        parts.append(f"sida {d.page}")
    if getattr(d, "heading", None):
        parts.append(f"under ”{d.heading}”")
    return f" ({', '.join(parts)})" if parts else ""


def _source_line(console: Console, result, d) -> None:
    lines = result.document or _file_lines(result)
    if d.end_offset <= d.offset:
        return
    line, end_line = _source_lines(result, d)
    text = redact(lines.line_text(line) or "")
    if not text or not text.strip():
        return
    start = d.column - 1
    end = d.end_column - 1 if end_line == line else len(text)
    shown, start, end = _window(text, start, end)
    console.print(f"    [dim]{d.line:>4} |[/dim] {escape(shown)}")
    console.print(f"    [dim]     |[/dim] {' ' * start}[red]{'^' * max(1, end - start)}[/red]")


def _source_lines(result, d) -> tuple[int, int]:
    """The finding's first and last line in the whole source.

    A PDF finding's line counts within its page; the snippet needs the line in the source.
    """
    document = result.document
    if d.page is None or document is None:
        return d.line, d.end_line
    return document.line_index.locate(d.offset)[0], document.line_index.locate(max(d.offset, d.end_offset - 1))[0]


def _window(text: str, start: int, end: int, width: int = 100) -> tuple[str, int, int]:
    """Cut a long source line down to the part around the match."""
    if len(text) <= width:
        return text, start, end
    end = min(end, start + width - 20)
    left = max(0, start - 30)
    right = min(len(text), max(end + 30, left + width))
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(text) else ""
    return prefix + text[left:right] + suffix, start - left + len(prefix), end - left + len(prefix)


_LINES: dict = {}


def _file_lines(result):
    """A cached result has no document: read its lines from the file (once per file)."""
    from lint.engine.fix import SourceLines

    if _LINES.get("result") is not result:
        _LINES.update(result=result, lines=SourceLines(result))
    return _LINES["lines"]


def _file_summary(console: Console, result) -> None:
    parts = _text_figures(result.metrics)
    principles = Counter(d.principle for d in result.diagnostics)
    found = ", ".join(f"{name} {count}" for name, count in sorted(principles.items())) or "inga fynd"
    console.print(
        f"[dim]{escape(result.path)}: profil {result.profile}{_title(result.profile)}, {escape(result.profile_reason or '')}; "
        f"{' · '.join(parts)}; {found}[/dim]\n"
    )


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
    from lint.resources import builtin_rules_dir
    from lint.rules.profiles import load_profiles

    profiles = load_profiles(builtin_rules_dir() / "profiles.yaml")
    if profile not in profiles:
        return ""
    title = profiles.get(profile).title
    return "" if title.lower() == profile else f" ({title.lower()})"


def fix_label(diagnostics) -> str:
    """How many of these findings --fix corrects, and how many only --unsafe-fixes."""
    safeties = Counter(d.fix.safety for d in diagnostics if d.fix)
    parts = [f"{safeties['safe']} säkert"] if safeties["safe"] else []
    if safeties["unsafe"]:
        parts.append(f"{safeties['unsafe']} med --unsafe-fixes")
    return ", ".join(parts)


def _statistics(console: Console, report) -> None:
    by_rule: dict[tuple[str, str], list] = {}
    for d in report.diagnostics:
        by_rule.setdefault((d.code, d.name), []).append(d)
    table = Table("Antal", "Regel", "Namn", "Kan rättas", title="Statistik", title_justify="left")
    for (code, name), found in sorted(by_rule.items(), key=lambda item: -len(item[1])):
        table.add_row(str(len(found)), code, name, fix_label(found))
    console.print(table)


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
