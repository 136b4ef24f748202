"""Helpers the klarspråk checks share: sentences, running text, quotations, citations."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache

from lint.kinds.base import ParsedBlock, RuleContext, inside, quoted_spans, sentence_spans

SENTENCE_FINAL = (".", "!", "?", "…", ":")
RUNNING_KINDS = ("paragraph", "list_item", "quote", "table_cell", "caption")

# Legal citations: "4 kap. 1 §", "32 § förvaltningslagen", "SFS 2017:900", "prop. 2008/09:153".
CITATION_RE = re.compile(
    r"\b\d+\s*kap\.(?:\s*\d+\s*[a-z]?\s*§§?)?|\b\d+\s*[a-z]?\s*§§?|§§?\s*\d+|\b(?:SFS|prop\.|dir\.|SOU|Ds|bet\.)\s*\d{4}(?:/\d{2})?:\d+\b|\(\d{4}:\d{1,4}\)"
)


@dataclass
class Sentence:
    parsed: ParsedBlock
    start: int  # block text offsets
    end: int
    text: str
    span: object  # the spaCy Span

    @property
    def block(self):
        return self.parsed.block

    @cached_property
    def is_running_text(self) -> bool:
        """A real sentence: in a prose block, ending in a full stop, with three words or more."""
        words = sum(1 for token in self.span if not token.is_punct and not token.is_space)
        return self.block.kind.value in RUNNING_KINDS and self.text.rstrip().endswith(SENTENCE_FINAL) and words >= 3


def sentences(ctx: RuleContext, scope=None) -> Iterator[Sentence]:
    for parsed in ctx.blocks(scope):
        yield from block_sentences(parsed)


def block_sentences(parsed: ParsedBlock) -> list[Sentence]:
    """The non-blank sentences of a block; built once per block, shared by every rule."""
    cached = parsed.cache.get("sentences")
    if cached is None:
        cached = parsed.cache["sentences"] = []
        text = parsed.text
        for span in sentence_spans(parsed.doc):
            start, end = span.start_char, span.end_char
            if text[start:end].strip():
                cached.append(Sentence(parsed, start, end, text[start:end], span))
    return cached


DIGIT = re.compile(r"\d")


def has_digit(text: str) -> bool:
    """Whether the text holds a digit (as `\\d` reads it): rules about numbers skip the rest."""
    return DIGIT.search(text) is not None


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Ranges no check should look inside: quotations and legal citations."""
    return list(_protected_spans(text))


@lru_cache(maxsize=1 << 16)
def _protected_spans(text: str) -> tuple[tuple[int, int], ...]:
    # Many rules ask for the same sentence or block: the regexes run once per text.
    return tuple(quoted_spans(text) + [match.span() for match in CITATION_RE.finditer(text)])


def is_protected(offset: int, spans: list[tuple[int, int]]) -> bool:
    return inside(offset, spans)
