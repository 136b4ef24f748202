"""One finding per line: `path:line:col: CODE meddelande`."""

from typing import TextIO


def render(report, stream: TextIO, color: bool = False) -> None:
    for result in report.files:
        for error in result.errors:
            stream.write(f"{result.path}:1:1: {error.code} {error.message}\n")
        for d in result.diagnostics:
            stream.write(f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}\n")
