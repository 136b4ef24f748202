"""Progress output: a rich progress bar on a terminal, plain log lines elsewhere (CI, files)."""

from __future__ import annotations

import os
import sys
from typing import TextIO

from rich.markup import escape

STATUS_WORDS = {
    "linted": "granskad",
    "unchanged": "oförändrad",
    "redirect": "omdirigerad",
    "skipped": "hoppades över",
    "failed": "misslyckades",
}


def use_rich(stream: TextIO) -> bool:
    return stream.isatty() and not os.environ.get("CI") and os.environ.get("TERM") != "dumb"


class PlainProgress:
    """One line per page, then a summary: readable in CI logs and greppable."""

    def __init__(self, stream: TextIO | None = None, quiet: bool = False) -> None:
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.done = 0

    def __enter__(self) -> PlainProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stream.flush()

    def message(self, text: str) -> None:
        print(f"kommlint crawl: {text}", file=self.stream, flush=True)

    def page(self, url: str, status: str, detail: str, queued: int) -> None:
        self.done += 1
        if not self.quiet:
            word = STATUS_WORDS.get(status, status)
            print(
                f"kommlint crawl: [{self.done}/{self.done + queued}] {word}: {url}{' – ' + detail if detail else ''}",
                file=self.stream,
                flush=True,
            )


class RichProgress(PlainProgress):
    def __init__(self, stream: TextIO | None = None, quiet: bool = False) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
        )

        super().__init__(stream, quiet)
        self.console = Console(file=self.stream)
        self.progress = Progress(
            SpinnerColumn(),
            TextColumn("[bold]Granskar webbplatsen"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.fields[last]}", style="dim"),
            console=self.console,
            transient=False,
        )
        self.task = self.progress.add_task("crawl", total=1, last="")

    def __enter__(self) -> RichProgress:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def message(self, text: str) -> None:
        self.progress.console.print(text, highlight=False, markup=False)

    def page(self, url: str, status: str, detail: str, queued: int) -> None:
        self.done += 1
        shown = url if len(url) <= 60 else "…" + url[-59:]
        self.progress.update(self.task, completed=self.done, total=self.done + queued, last=shown)
        if status == "failed" and not self.quiet:
            self.progress.console.print(f"[red]{STATUS_WORDS[status]}[/red]: {escape(url)} – {escape(detail)}", highlight=False)


def make_progress(stream: TextIO | None = None, quiet: bool = False) -> PlainProgress:
    stream = stream or sys.stderr
    return RichProgress(stream, quiet) if use_rich(stream) else PlainProgress(stream, quiet)
