"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

`::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=KOD::meddelande`; errors use
`::error`, info findings `::notice`. Values are escaped as the workflow-command format
requires: `%`, CR and LF everywhere, and also `:` and `,` inside properties.
"""

from __future__ import annotations

from typing import TextIO

from lint.reporters import page_label
from lint.wording import suggestion_list

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **properties) -> str:
    fields = ",".join(f"{name}={escape_property(str(value))}" for name, value in properties.items() if value is not None)
    return f"::{kind} {fields}::{escape_data(message)}" if fields else f"::{kind}::{escape_data(message)}"


def render(report, stream: TextIO, color: bool = False) -> None:
    for result in report.files:
        for error in result.errors:
            stream.write(command("error", error.message, file=result.path, title=f"kommlint {error.code}") + "\n")
        for d in result.diagnostics:
            message = d.message + (f"\nFörslag: {suggestion_list(d.suggestions)}" if d.suggestions else "")
            if d.page:  # the line counts within the page; the file has no lines of its own
                message = f"Sida {d.page}, rad {d.line}: {message}"
            stream.write(
                command(
                    COMMANDS[d.severity.label],
                    message,
                    file=d.path,
                    line=d.line,
                    col=d.column,
                    endLine=d.end_line,
                    endColumn=d.end_column,
                    title=f"{d.code} {d.name}{page_label(d)}",
                )
                + "\n"
            )
