"""Linting fetched pages, in worker processes that each load the pipeline once.

`LintPool.lint(url, kind, body)` returns plain data (dicts and lists) ready for the store,
so nothing large crosses process boundaries or stays in memory after a page is saved.
"""

from __future__ import annotations

import asyncio
import bisect
import hashlib
import multiprocessing
import os
import re
from collections import Counter
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from typing import Any

from lint.diagnostics import Diagnostic
from lint.document import BlockKind, Document
from lint.language.personnummer import redact

CONTEXT_CHARS = 70
FINGERPRINT_CHARS = 30
SUFFIX = {"html": "sida.html", "pdf": "dokument.pdf"}

_linter = None
_settings = None
_whole_document_codes: frozenset[str] = frozenset()
# Rule kinds that judge the whole document; their findings are anchored to a block that
# may change (the last paragraph, say), so only the page and rule identify them.
WHOLE_DOCUMENT_KINDS = ("required",)


def init_worker(options, html_selector: str | None = None, parent: int | None = None) -> None:
    """Create this process's Linter and load its pipeline before the first page arrives."""
    global _linter, _settings, _whole_document_codes
    from pathlib import Path

    if parent is not None:
        from lint.lifeline import watch_parent

        watch_parent(parent)

    from lint.engine.linter import Linter

    _linter = Linter(options)
    _settings = _linter.settings_for(Path.cwd()).with_overrides(html_selector=html_selector)
    _linter.pipeline(_settings)
    _whole_document_codes = frozenset(rule.code for rule in _linter.rules(_settings) if rule.kind in WHOLE_DOCUMENT_KINDS)


def check_options(options, html_selector: str | None = None) -> None:
    """Raise configuration and rule-pack errors here, not once per worker process."""
    from pathlib import Path

    from lint.engine.linter import Linter

    linter = Linter(options)
    linter.rules(linter.settings_for(Path.cwd()).with_overrides(html_selector=html_selector))


def lint_page(url: str, kind: str, body: bytes) -> dict[str, Any]:
    from lint.errors import ReadError
    from lint.formats import READERS, read_bytes

    path = SUFFIX[kind]
    missing = {"skipped": f"Ingen läsare för {kind.upper()} är installerad."}
    if "." + path.rsplit(".", 1)[1] not in READERS:
        return missing
    try:
        document = read_bytes(body, path, settings=_settings)
    except ImportError:
        return missing
    except ReadError as error:
        return {"errors": [{"code": "E001", "message": str(error), "rule": None}]}
    document.path = url
    document.url = url
    result = _linter.lint_document(document, _settings)
    return {
        "format": result.format,
        "profile": result.profile,
        "profile_source": result.profile_source,
        "metrics": result.metrics,
        "errors": [error.to_json() for error in result.errors],
        "doc_title": _document_title(document),
        "findings": findings_data(document, result.diagnostics),
        "notices": list(_linter.notices),
    }


def _document_title(document: Document) -> str | None:
    title = document.metadata.get("title")
    return str(title) if title else None


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def block_context(document: Document, start: int, end: int) -> tuple[str, str]:
    """Prose before and after a finding, taken from the block that holds it."""
    for block in document.blocks:
        for segment in block.segments:
            if segment.source_start <= start < segment.source_start + max(segment.length, 1):
                index = segment.text_start + start - segment.source_start
                stop = index + max(0, end - start)
                before = block.text[max(0, index - CONTEXT_CHARS) : index]
                after = block.text[min(len(block.text), stop) : stop + CONTEXT_CHARS]
                if index > CONTEXT_CHARS:
                    before = "…" + before.split(" ", 1)[-1]
                if stop + CONTEXT_CHARS < len(block.text):
                    after = after.rsplit(" ", 1)[0] + "…"
                return redact(before), redact(after)
    return "", ""


def fingerprint(url: str, code: str, match: str, before: str, after: str, whole_document: bool = False) -> str:
    """Identity of a finding across runs: page, rule, matched text and nearby words (not line numbers)."""
    near = _squash(before)[-FINGERPRINT_CHARS:] + "|" + _squash(after)[:FINGERPRINT_CHARS]
    basis = "\0".join((url, code) if whole_document else (url, code, _squash(match), near))
    return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:20]


HEADING_SEPARATOR = " › "


def heading_trails(document: Document) -> tuple[list[int], list[str]]:
    """Where each heading starts, and the path of headings in force from there on.

    "Öppettider › Sommar": the nearest heading and those above it, as an editor in a CMS
    finds a sentence (source lines mean nothing there).
    """
    starts, paths, stack = [], [], []
    for block in document.blocks:
        if block.kind is not BlockKind.HEADING or not block.segments:
            continue
        level = block.level or 1
        stack = [(lvl, text) for lvl, text in stack if lvl < level] + [(level, " ".join(block.text.split()))]
        starts.append(block.segments[0].source_start)
        paths.append(HEADING_SEPARATOR.join(text for _, text in stack))
    return starts, paths


def _heading_at(trails: tuple[list[int], list[str]], offset: int) -> str:
    starts, paths = trails
    index = bisect.bisect_right(starts, offset) - 1
    return paths[index] if index >= 0 else ""


def findings_data(document: Document, diagnostics: list[Diagnostic]) -> list[dict[str, Any]]:
    per_code = Counter(d.code for d in diagnostics)
    seen: Counter[str] = Counter()
    trails = heading_trails(document)
    rows = []
    for d in diagnostics:
        before, after = block_context(document, d.offset, d.end_offset)
        # A rule's only finding that covers a whole block is about the page (a missing
        # contact, say), anchored wherever the rule chose: its identity is page + rule.
        whole = d.code in _whole_document_codes or (per_code[d.code] == 1 and not before and not after)
        base = fingerprint(document.path, d.code, d.match, before, after, whole)
        seen[base] += 1
        rows.append(
            {
                "code": d.code,
                "name": d.name,
                "principle": d.principle,
                "severity": d.severity.label,
                "message": d.message,
                "line": d.line,
                "col": d.column,
                "end_line": d.end_line,
                "end_col": d.end_column,
                "start_offset": d.offset,
                "end_offset": d.end_offset,
                "page_number": d.page,
                "match": d.match,
                "suggestions": list(d.suggestions),
                "fix": d.fix.to_json() if d.fix else None,
                "before": before,
                "after": after,
                "heading": _heading_at(trails, d.offset),
                "fingerprint": base if seen[base] == 1 else f"{base}-{seen[base]}",
            }
        )
    return rows


class LintPool:
    """Runs `lint_page` in `jobs` processes (or in one background thread when jobs <= 1)."""

    def __init__(self, options, jobs: int, html_selector: str | None = None) -> None:
        self.jobs = max(1, jobs)
        self.executor: Executor
        if jobs > 1:
            check_options(options, html_selector)
            context = multiprocessing.get_context("spawn")
            initargs = (options, html_selector, os.getpid())
            self.executor = ProcessPoolExecutor(jobs, mp_context=context, initializer=init_worker, initargs=initargs)
        else:
            init_worker(options, html_selector)
            self.executor = ThreadPoolExecutor(1, thread_name_prefix="kommlint-lint")

    async def lint(self, url: str, kind: str, body: bytes) -> dict[str, Any]:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.executor, lint_page, url, kind, body)

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
