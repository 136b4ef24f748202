"""Suppression directives in comments (`kommlint-disable …`), parsed as a reader meets them."""

from __future__ import annotations

import re

from lint.document import Directive

DIRECTIVE_RE = re.compile(
    r"kommlint-(?P<action>disable-next-line|disable-file|disable|enable)\b"
    r"(?P<codes>[^\n]*?)(?:\s--\s*(?P<reason>.*?))?\s*(?:-->|$)"
)


def parse_directives(comment: str, line: int) -> list[Directive]:
    """Directives in one comment's text; `line` is the comment's first line."""
    directives = []
    for match in DIRECTIVE_RE.finditer(comment):
        codes = tuple(code for code in re.split(r"[\s,]+", match["codes"].strip()) if code)
        reason = (match["reason"] or "").strip() or None
        directives.append(Directive(match["action"], codes, line, reason))
    return directives
