"""Applying fixes to source text.

Edits are in offsets of the (newline-normalised) source. Overlapping edits are resolved
by keeping the earliest one; the others wait for the next run.
"""

from __future__ import annotations

from collections.abc import Iterable

from lint.diagnostics import Diagnostic, Edit


def chosen_edits(diagnostics: Iterable[Diagnostic], unsafe: bool = False) -> list[Edit]:
    edits: list[Edit] = []
    for diagnostic in diagnostics:
        fix = diagnostic.fix
        if fix is None or (fix.safety != "safe" and not unsafe):
            continue
        edits.extend(fix.edits)
    return sorted(set(edits), key=lambda edit: (edit.offset, edit.end_offset))


def apply_edits(source: str, edits: Iterable[Edit]) -> str:
    parts: list[str] = []
    position = 0
    for edit in sorted(edits, key=lambda e: (e.offset, e.end_offset)):
        if edit.offset < position:
            continue  # overlaps an edit already applied
        parts.append(source[position : edit.offset])
        parts.append(edit.replacement)
        position = edit.end_offset
    parts.append(source[position:])
    return "".join(parts)


def apply_fixes(source: str, diagnostics: Iterable[Diagnostic], unsafe: bool = False) -> str:
    return apply_edits(source, chosen_edits(diagnostics, unsafe))
