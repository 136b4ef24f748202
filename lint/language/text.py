"""Helpers the klarspråk checks share: sentences, running text, quotations, citations."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from lint.language.views import (
    ParsedBlock,
    inside,
    quoted_spans,
    sentence_spans,
    token_rows,
)

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
        if self.block.kind.value not in RUNNING_KINDS or not self.text.rstrip().endswith(SENTENCE_FINAL):
            return False
        rows = token_rows(self.span.doc)[self.span.start : self.span.end]
        return sum(1 for row in rows if not row.is_punct and not row.is_space) >= 3


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


def block_has_digit(parsed: ParsedBlock) -> bool:
    """has_digit for the block's text, found once per block for every rule about numbers."""
    found = parsed.cache.get("has_digit")
    if found is None:
        found = parsed.cache["has_digit"] = has_digit(parsed.block.text)
    return found


# re.IGNORECASE lets İ and ı match i, and ſ match s; str.lower() keeps them apart.
_CASE_ODDITIES = re.compile("[İıſ]")
_ODDITIES_FOLDED = str.maketrans("İıſ", "iis")


def folded_text(parsed: ParsedBlock) -> str:
    """The block text in lower case, character for character, for quick `in` tests.

    Wherever a case-insensitive regex matches a lower-case literal, that literal is found
    here at the same offsets, so `"samt" not in folded_text(parsed)` proves `\\bsamt\\b`
    (re.I) matches nowhere in the block. Built once per block and shared.
    """
    folded = parsed.cache.get("folded")
    if folded is None:
        folded = parsed.cache["folded"] = fold(parsed.block.text)
    return folded


def fold(text: str) -> str:
    """`text` in lower case as a case-insensitive regex sees it: same length, same runs of \\w."""
    if not text.isascii() and _CASE_ODDITIES.search(text):
        text = text.translate(_ODDITIES_FOLDED)  # also keeps İ one character long
    return text.lower()


def has_clean_sentence_bounds(parsed: ParsedBlock) -> bool:
    """Whether every sentence of the block starts and ends at whitespace (or the block's ends).

    Then a regex whose lookarounds treat whitespace like the edge of the text finds, on the
    whole block, at least where it would find something in each sentence on its own; rules
    use that to skip the sentences of a block where the block as a whole has no match.
    """
    clean = parsed.cache.get("clean_bounds")
    if clean is None:
        text = parsed.text
        clean = parsed.cache["clean_bounds"] = all(
            (sentence.start == 0 or text[sentence.start - 1].isspace()) and (sentence.end == len(text) or text[sentence.end].isspace())
            for sentence in block_sentences(parsed)
        )
    return clean


class ChunkKinds:
    """What a block's chunks (its pieces between whitespace) may hold, for skipping blocks.

    `classify` gives a chunk's kinds as bit flags, 0 for none; a block's kinds are those of
    its chunks together. A text repeats most of its words, so each distinct chunk is
    classified once and remembered (up to `limit` chunks).
    """

    def __init__(self, classify: Callable[[str], int], limit: int = 50_000) -> None:
        self.classify = classify
        self.limit = limit
        self.plain: set[str] = set()
        self.kinds: dict[str, int] = {}

    def __call__(self, parsed: ParsedBlock) -> int:
        unknown = block_chunks(parsed) - self.plain
        if len(self.plain) + len(self.kinds) > self.limit:
            self.plain.clear()
            self.kinds.clear()
        found = 0
        for chunk in unknown:
            kinds = self.kinds.get(chunk)
            if kinds is None:
                kinds = self.classify(chunk)
                if kinds:
                    self.kinds[chunk] = kinds
                else:
                    self.plain.add(chunk)
            found |= kinds
        return found


def block_chunks(parsed: ParsedBlock) -> frozenset[str]:
    """The distinct pieces of the block text between whitespace; found once per block."""
    chunks = parsed.cache.get("chunks")
    if chunks is None:
        chunks = parsed.cache["chunks"] = frozenset(map(sys.intern, parsed.block.text.split()))  # one str per distinct chunk
    return chunks


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Ranges no check should look inside: quotations and legal citations."""
    return list(_protected_spans(text))


@lru_cache(maxsize=1 << 16)
def _protected_spans(text: str) -> tuple[tuple[int, int], ...]:
    # Many rules ask for the same sentence or block: the regexes run once per text.
    citations = [match.span() for match in CITATION_RE.finditer(text)] if has_digit(text) else []  # each citation has a digit
    return tuple(quoted_spans(text) + citations)


def is_protected(offset: int, spans: list[tuple[int, int]]) -> bool:
    return inside(offset, spans)
