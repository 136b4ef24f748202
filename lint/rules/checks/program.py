"""Shared helpers for the program rules (målgrupp, avsändare, offentlighet).

The organisation's own facts (its name's wrong spellings, its units, its internal
abbreviations) are data in `rules/data/<organisation>.yaml`; nothing here names a city.
General word lists (anglicisms, inclusive language) are data files too.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from lint.document import Document
from lint.language.detectors import WORD, block_words
from lint.language.text import fold
from lint.language.views import ParsedBlock
from lint.rules.api import Hit, RuleContext
from lint.rules.kinds.python import Check
from lint.rules.kinds.required import is_whole_document, searchable_text


class MissingOptions(Check.Options):
    """Options of a check that reports something missing from the document."""

    element: str | None = None  # the profile requirement (`requires`) the check answers to
    suggestion: str = ""  # the text to add; may use {organization}


def required(ctx: RuleContext, rule) -> bool:
    """True when the rule's element (option `element`) is required by the profile."""
    element = rule.options.element
    if element is not None and element in ctx.settings.provided_for(ctx.document.path):
        return False  # the site template adds it (config template-provides)
    return (element is None or element in ctx.profile.requires) and is_whole_document(ctx.document)


def title_hit(ctx: RuleContext, **values: Any) -> Hit:
    """A document-level finding: at the first heading, else the first block."""
    return ctx.document_hit(**values)


def missing(ctx: RuleContext, rule, hit: Hit) -> Hit:
    """A missing-element hit carrying the rule's suggested text (option `suggestion`)."""
    suggestion = rule.options.suggestion.format(organization=ctx.settings.organization)
    values = {**hit.values, "suggestion": suggestion, "organization": ctx.settings.organization}
    return Hit(hit.offset, hit.end_offset, values, (suggestion,) if suggestion else (), whole_document=hit.whole_document)


def prose_blocks(ctx: RuleContext, scope: Iterable[str] | None = None) -> list[ParsedBlock]:
    """Blocks of running text (headings and link texts left out unless the scope says so)."""
    kinds = set(scope) if scope else {"paragraph", "list_item", "quote", "table_cell", "caption"}
    return ctx.blocks(kinds)


def page_words(ctx: RuleContext) -> frozenset[str]:
    """The words of page_text(document): the blocks' words and, on a web page, the rest of its text."""
    cache = document_cache(ctx)
    words = cache.get("program:page_words")
    if words is None:
        document = ctx.document
        if len(ctx.parsed) != len(document.blocks):
            words = frozenset(WORD.findall(fold(page_text(document))))  # not the blocks of this document
        else:
            words = frozenset().union(*(block_words(parsed) for parsed in ctx.parsed))
            if document.chrome.page_text:
                words = words.union(WORD.findall(fold(document.chrome.page_text)))
        cache["program:page_words"] = words
    return words


def page_folded(ctx: RuleContext) -> str:
    """fold(page_text(document)), once per document: what derived pre-filters read."""
    cache = document_cache(ctx)
    folded = cache.get("program:page_folded")
    if folded is None:
        folded = cache["program:page_folded"] = fold(page_text(ctx.document))
    return folded


def document_cache(ctx: RuleContext) -> dict[str, Any]:
    """Values computed once per document and lint run: kept with the first block, whose
    cache lives exactly as long as the run (a throwaway dict for an empty document)."""
    return ctx.parsed[0].cache if ctx.parsed else {}


def page_text(document: Document) -> str:
    """Everything a reader sees: the prose and, on a web page, its header and footer."""
    return searchable_text(document)


def hrefs(document: Document) -> list[str]:
    """Link targets in the prose and, on a web page, in the header, footer and the rest of the page too."""
    return [link.href for link in document.links] + [link.href for link in document.chrome.links]
