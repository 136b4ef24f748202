"""Output formats, one module each: `render(report, stream, color)`.

Modules are imported on use, so adding a format costs nothing at start-up.
"""

from __future__ import annotations

import importlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, TextIO

from lint import __version__
from lint.engine.linter import FileResult

REPORTERS = {
    "text": "lint.reporters.text",
    "concise": "lint.reporters.concise",
    "json": "lint.reporters.json",
    "sarif": "lint.reporters.sarif",
    "github": "lint.reporters.github",
    "junit": "lint.reporters.junit",
}


@dataclass
class Report:
    files: list[FileResult]
    notices: list[str] = field(default_factory=list)
    statistics: bool = False
    quiet: bool = False  # findings only: no per-file lines, notices or totals
    model: dict[str, Any] | None = None

    @property
    def diagnostics(self):
        return [d for result in self.files for d in result.diagnostics]

    def summary(self) -> dict[str, Any]:
        diagnostics = self.diagnostics
        by_severity = dict(Counter(d.severity.label for d in diagnostics))
        return {
            "files": len(self.files),
            "files_with_findings": sum(1 for f in self.files if f.diagnostics),
            "files_with_problems": sum(1 for f in self.files if f.errors),
            "diagnostics": len(diagnostics),
            "errors": by_severity.get("error", 0),  # error-level findings, as in by_severity
            "problems": sum(len(f.errors) for f in self.files),  # files not read, rules that crashed
            "by_severity": by_severity,
            "by_principle": dict(Counter(d.principle for d in diagnostics)),
            "by_code": dict(sorted(Counter(d.code for d in diagnostics).items())),
        }


def page_label(d) -> str:
    """' (sida 2)' for a finding in a paged document (PDF), else ''."""
    return f" (sida {d.page})" if d.page else ""


def render(format: str, report: Report, stream: TextIO, color: bool = True) -> None:
    module = importlib.import_module(REPORTERS[format])
    module.render(report, stream, color)


TOOL = {"name": "kommlint", "version": __version__}
