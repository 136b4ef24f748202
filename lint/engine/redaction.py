"""No output of kommlint repeats a personnummer in full (OFF008's promise).

Every diagnostic passes through `redact_diagnostic` when it is made, so the text, JSON,
SARIF and other reporters, the cache, the crawl database and the reports built from it
get masked numbers. Reporters that quote the source itself (a source line, the words
around a finding) apply `redact` from lint.language.personnummer to what they quote.
"""

from __future__ import annotations

from dataclasses import replace

from lint.diagnostics import Diagnostic
from lint.language.personnummer import SIX_DIGITS, redact


def redact_diagnostic(diagnostic: Diagnostic) -> Diagnostic:
    """The diagnostic with every personnummer in its texts masked."""
    texts = (diagnostic.message, diagnostic.match, diagnostic.context, diagnostic.heading or "", *diagnostic.suggestions)
    edits = diagnostic.fix.edits if diagnostic.fix else ()
    if not any(SIX_DIGITS.search(text) for text in (*texts, *(edit.replacement for edit in edits))):
        return diagnostic  # the common case: nothing that could be a number
    fix = diagnostic.fix
    if fix is not None and any(redact(edit.replacement) != edit.replacement for edit in edits):
        fix = None  # a fix that writes a number out in full cannot be shown masked
    return replace(
        diagnostic,
        message=redact(diagnostic.message),
        match=redact(diagnostic.match),
        context=redact(diagnostic.context),
        heading=redact(diagnostic.heading) if diagnostic.heading else diagnostic.heading,
        suggestions=tuple(redact(text) for text in diagnostic.suggestions),
        fix=fix,
    )
