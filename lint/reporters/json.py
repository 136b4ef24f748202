"""The versioned JSON format (schema: lint/schemas/output-v1.json). Keep field names."""

from __future__ import annotations

import json
from typing import Any, TextIO

JSON_VERSION = 1


def report_json(report) -> dict[str, Any]:
    from lint.reporters import TOOL

    data: dict[str, Any] = {
        "version": JSON_VERSION,
        "tool": dict(TOOL),
        "files": [result.to_json() for result in report.files],
        "summary": report.summary(),
        "notices": list(report.notices),
    }
    if report.model:
        data["model"] = report.model
    return data


def render(report, stream: TextIO, color: bool = False) -> None:
    # Indented for people at a terminal; compact for programs reading a pipe. `dumps`,
    # not `dump`: only a one-shot compact encode uses the C encoder (several times faster).
    indent = 2 if stream.isatty() else None
    stream.write(json.dumps(report_json(report), ensure_ascii=False, indent=indent))
    stream.write("\n")
