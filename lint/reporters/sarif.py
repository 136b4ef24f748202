"""SARIF 2.1.0, for GitHub code scanning and other review tools.

One run; every known rule is described in `tool.driver.rules` (with the Swedish
explanation as help text); each finding is a result with its region (1-based lines and
Unicode code point columns), a line-independent fingerprint (the baseline's) and, when
it has one, its fix as replacements. File names are URIs relative to %SRCROOT%, the
folder kommlint ran in.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from lint.wording import suggestion_list

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
ROOT = "%SRCROOT%"


def _uri(path: str) -> dict[str, str]:
    file = Path(path)
    try:
        relative = file.resolve().relative_to(Path.cwd().resolve())
    except (ValueError, OSError):
        return {"uri": file.resolve().as_uri()} if file.is_absolute() else {"uri": quote(file.as_posix())}
    return {"uri": quote(relative.as_posix()), "uriBaseId": ROOT}


def _rules() -> dict[str, Any]:
    """Rules by code: the built-in packs, entry points and the packs configured here."""
    from lint.engine.config import discover
    from lint.errors import KommlintError
    from lint.rules.packs import load_rules

    try:
        loaded = load_rules(tuple(discover(Path.cwd()).rule_packs))
    except KommlintError:
        loaded = load_rules()
    return {rule.code: rule for rule in loaded}


def _descriptor(code: str, rule, diagnostic) -> dict[str, Any]:
    if rule is None:  # a finding of kommlint itself, such as an unused suppression
        return {
            "id": code,
            "name": diagnostic.name,
            "shortDescription": {"text": diagnostic.name},
            "defaultConfiguration": {"level": LEVELS[diagnostic.severity.label]},
            "properties": {"tags": [diagnostic.principle]},
        }
    from lint.language.personnummer import redact
    from lint.rules.explain import explanation_markdown

    explanation = rule.spec.explanation
    help_text = "\n\n".join(part.strip() for part in (explanation.vad, explanation.varfor, explanation.skriv_hellre or "") if part)
    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": explanation.vad.strip()},
        "fullDescription": {"text": explanation.varfor.strip()},
        "help": {"text": redact(help_text), "markdown": explanation_markdown(rule)},
        "defaultConfiguration": {"level": LEVELS[rule.severity.label]},
        "properties": {"tags": [rule.principle, rule.kind], "source": rule.spec.source, "fixable": rule.fixable},
    }
    if rule.spec.link:
        descriptor["helpUri"] = rule.spec.link
    return descriptor


def _region(d) -> dict[str, Any]:
    region = {"startLine": d.line, "startColumn": d.column, "endLine": d.end_line, "endColumn": d.end_column}
    if d.match:
        region["snippet"] = {"text": d.match}
    return region


def _edit_region(edit, d, lines) -> dict[str, Any] | None:
    if (edit.offset, edit.end_offset) == (d.offset, d.end_offset):
        return {"startLine": d.line, "startColumn": d.column, "endLine": d.end_line, "endColumn": d.end_column}
    start, end = lines.locate(edit.offset), lines.locate(edit.end_offset)
    if start is None or end is None:
        return None
    return {"startLine": start[0], "startColumn": start[1], "endLine": end[0], "endColumn": end[1]}


def _fixes(d, location: dict[str, str], lines) -> list[dict[str, Any]]:
    if d.fix is None:
        return []
    replacements = []
    for edit in d.fix.edits:
        region = _edit_region(edit, d, lines)
        if region is None:
            return []
        replacements.append({"deletedRegion": region, "insertedContent": {"text": edit.replacement}})
    safety = "säker" if d.fix.safety == "safe" else "osäker (kräver --unsafe-fixes)"
    return [
        {"description": {"text": f"Rättning: {safety}"}, "artifactChanges": [{"artifactLocation": location, "replacements": replacements}]}
    ]


def _results(result, rule_index: dict[str, int]) -> list[dict[str, Any]]:
    from lint.engine.baseline import fingerprint
    from lint.engine.fix import SourceLines

    lines = SourceLines(result)
    location = _uri(result.path)
    found = []
    for d in result.diagnostics:
        item: dict[str, Any] = {
            "ruleId": d.code,
            "ruleIndex": rule_index[d.code],
            "level": LEVELS[d.severity.label],
            "message": {"text": d.message + (f" Förslag: {suggestion_list(d.suggestions)}" if d.suggestions else "")},
            "locations": [{"physicalLocation": {"artifactLocation": location, "region": _region(d)}}],
            "partialFingerprints": {"kommlintFingerprint/v1": fingerprint(d, lines.source, result.profile)},
            "properties": {"principle": d.principle, "name": d.name},
        }
        if d.page is not None:
            item["properties"]["page"] = d.page
        fixes = _fixes(d, location, lines)
        if fixes:
            item["fixes"] = fixes
        found.append(item)
    return found


def _notifications(report) -> list[dict[str, Any]]:
    notes = []
    for result in report.files:
        for error in result.errors:
            notes.append(
                {
                    "level": "error",
                    "message": {"text": error.message},
                    "descriptor": {"id": error.code},
                    "locations": [{"physicalLocation": {"artifactLocation": _uri(result.path)}}],
                }
            )
    notes.extend({"level": "note", "message": {"text": notice}} for notice in report.notices)
    return notes


def sarif_log(report) -> dict[str, Any]:
    from lint import __version__

    known = _rules()
    descriptors: list[dict[str, Any]] = []
    rule_index: dict[str, int] = {}
    for code, rule in known.items():
        rule_index[code] = len(descriptors)
        descriptors.append(_descriptor(code, rule, None))
    for d in report.diagnostics:
        if d.code not in rule_index:
            rule_index[d.code] = len(descriptors)
            descriptors.append(_descriptor(d.code, None, d))
    results = [item for result in report.files for item in _results(result, rule_index)]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "kommlint",
                "version": __version__,
                "semanticVersion": __version__,
                "language": "sv-SE",
                "rules": descriptors,
            }
        },
        "invocations": [
            {
                "executionSuccessful": not any(result.errors for result in report.files),
                "toolExecutionNotifications": _notifications(report),
            }
        ],
        "originalUriBaseIds": {ROOT: {"uri": Path.cwd().resolve().as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render(report, stream: TextIO, color: bool = False) -> None:
    stream.write(json.dumps(sarif_log(report), ensure_ascii=False))  # compact: C encoder
    stream.write("\n")
