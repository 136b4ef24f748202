"""Checks of a whole crawled site, run once when the crawl is done.

TILL011: a site needs an accessibility statement that some page links to. A statement is
a crawled page of the profile tillganglighetsredogorelse (found from its heading), and a
link to it, or to an address that names it (tillganglighet, accessibility), counts. The
finding stands on the first start page; its text is the rule's `not_linked` message.
Only stored facts are used (each page's profile and links), so pages that were unchanged
since the last run count as well.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

STATEMENT_PROFILE = "tillganglighetsredogorelse"
CODE = "TILL011"
STATEMENT_ADDRESS = re.compile(r"tillganglighet|tillg%C3%A4nglighet|tillgänglighet|accessibility", re.I)
SITE_FINGERPRINT = hashlib.sha1(b"site\0TILL011\0not_linked").hexdigest()[:20]


def statement_linked(pages: list[dict[str, Any]]) -> bool:
    statements = {page["url"] for page in pages if page.get("profile") == STATEMENT_PROFILE}
    links = (link for page in pages for link in page.get("links") or [])
    return any(link in statements or STATEMENT_ADDRESS.search(link) for link in links)


def check_site(store, run_id: int, start_urls: list[str], lint_options) -> None:
    """Store (or clear) the site's TILL011 finding for this run."""
    rule, severity = _rule(lint_options)
    pages = store.pages(run_id, ("linted", "unchanged"))
    anchor = _anchor(pages, start_urls)
    if anchor is None:
        return
    findings = []
    if rule is not None and not statement_linked(pages):
        findings.append(_finding(rule, severity))
    store.replace_findings(run_id, anchor["id"], SITE_FINGERPRINT, findings)


def _anchor(pages: list[dict[str, Any]], start_urls: list[str]) -> dict[str, Any] | None:
    by_url = {page["url"]: page for page in pages if page.get("format") == "html"}
    for url in start_urls:
        if url in by_url:
            return by_url[url]
    return next(iter(by_url.values()), None)


def _rule(lint_options):
    from lint.engine.linter import Linter, Options, is_selected, severity_for

    linter = Linter(lint_options or Options())
    settings = linter.settings_for(Path.cwd())
    for rule in linter.rules(settings):
        if rule.code == CODE and is_selected(rule, settings):
            return rule, severity_for(rule, settings.severity)
    return None, None


def _finding(rule, severity) -> dict[str, Any]:
    return {
        "code": rule.code,
        "name": rule.name,
        "principle": rule.principle,
        "severity": severity.label,
        "message": rule.format_message({"variant": "not_linked"}),
        "line": 1,
        "col": 1,
        "end_line": 1,
        "end_col": 1,
        "start_offset": 0,
        "end_offset": 0,
        "page_number": None,
        "match": "",
        "suggestions": [],
        "fix": None,
        "before": "",
        "after": "",
        "fingerprint": SITE_FINGERPRINT,
        "heading": "",
    }
