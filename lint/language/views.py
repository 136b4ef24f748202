"""Typed views of a parsed block: token rows and columns, sentences, quotations.

What rules and metrics read of a spaCy doc, computed once per doc and shared.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache, partial
from typing import TYPE_CHECKING, Any, NamedTuple

from lint.document import Block

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


@dataclass
class ParsedBlock:
    block: Block
    doc: Doc | None  # None when no rule needed a parse
    # What rules compute per block and share (sentences, masked text): filled on first use.
    cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def token_hashes(self) -> tuple[list[int], list[int], frozenset[int]]:
        """LOWER and LEMMA hashes per token, and the set of both, for word-list rules.

        Word-list rules first intersect their own hash sets with the block's set, so a
        block without any listed word costs one set operation instead of a Token per word.
        """
        columns = token_columns(self.doc)
        lowers, lemmas = columns.lower, columns.lemma
        return lowers, lemmas, frozenset(lowers).union(lemmas)

    @cached_property
    def text(self) -> str:
        """The parsed text (spaCy joins every token's text each time `doc.text` is read).

        That is the block text the engine parsed; the length check guards other callers.
        """
        doc, text = self.doc, self.block.text
        if "kommlint_text" not in doc.user_data and len(doc):
            last = doc[-1]
            if last.idx + len(last.text_with_ws) == len(text) and doc[0].text == text[: len(doc[0].text)]:
                doc.user_data["kommlint_text"] = text
        return doc_text(doc)

    def __post_init__(self) -> None:
        if self.doc is not None:
            self.text  # noqa: B018 - lets doc_text(doc) reuse the block text

    def release(self) -> None:
        """Drop what rules cached on this block and its doc (the engine calls this when done)."""
        self.cache.clear()
        for name in ("token_hashes", "token_words"):
            self.__dict__.pop(name, None)
        if self.doc is not None:
            self.doc.user_data.clear()

    @cached_property
    def token_words(self) -> tuple[list[str], list[str], list[bool]]:
        """Per token: the lower-case form, the lower-case lemma, and whether it starts a sentence.

        Plain lists, so that rules comparing words do not build a spaCy Token for each one.
        """
        if not len(self.doc):
            return [], [], []
        _, lemmas, _ = self.token_hashes
        starts = token_columns(self.doc).sent_start
        return token_lowers(self.doc), LOWER_TEXTS.lookup(lemmas, self.doc), list(map((1).__eq__, starts))


class ReleasingBlocks(list):
    """The parsed blocks of a giant document: a loop over them drops each block's caches once
    it has moved on to the next block.

    Rules walk the blocks one rule after another, so caches built for every block otherwise
    pile up until the last rule (about 150 MiB per MB of text). Dropped caches are rebuilt
    when a later rule asks, which costs time, not results. The first block is kept: its
    cache also holds what rules work out for the whole document.
    """

    def __init__(self, items, keep: ParsedBlock | None = None) -> None:
        super().__init__(items)
        self.keep = keep

    def __iter__(self):
        keep = self.keep
        for item in super().__iter__():
            yield item
            if item is not keep:
                item.release()


def releasing_like(model: list, items: list) -> list:
    """`items` as the same kind of list as `model` (a ReleasingBlocks keeps its first block)."""
    return ReleasingBlocks(items, model.keep) if isinstance(model, ReleasingBlocks) else items


class TokenRow(NamedTuple):
    """A token's attributes as plain values: reading them costs no spaCy Token object."""

    i: int
    text: str
    lower: str
    pos: str
    morph: str  # "Mood=Ind|Tense=Pres|VerbForm=Fin|Voice=Act", "" when unset
    is_punct: bool
    is_space: bool


def token_rows(doc: Doc) -> list[TokenRow]:
    """Every token of the doc as a TokenRow; built once per doc, shared by metrics and rules."""
    rows = doc.user_data.get("kommlint_rows")
    if rows is None:
        rows = doc.user_data["kommlint_rows"] = _rows(doc) if len(doc) else []
    return rows


class SharedTable:
    """What a hash (or a tuple of hashes) stands for, worked out once and shared by every doc:
    most words of a block were already looked up in an earlier one.

    Past `limit` entries the table starts afresh, so a server or a crawl does not keep every
    word it ever saw. A lookup works on the table it started with, so threads can share it.
    """

    def __init__(self, compute: Callable[[Any, Doc], Any], limit: int = 500_000) -> None:
        self._compute, self._limit, self._table = compute, limit, {}

    def lookup(self, keys: list, doc: Doc) -> list:
        table = self._table
        if len(table) > self._limit:
            table = self._table = {}
        for key in set(keys).difference(table):
            table[key] = self._compute(key, doc)
        return list(map(table.__getitem__, keys))


def _text(value: int, doc: Doc) -> str:
    return doc.vocab.strings[value] if value else ""


def _morph_text(value: int, doc: Doc) -> str:
    text = _text(value, doc)
    return "" if text == "_" else text  # spaCy's "no features"


def _lower_text(value: int, doc: Doc) -> str:
    return _text(value, doc).lower()


TEXTS = SharedTable(_text)  # one str per distinct word, shared by its rows
MORPH_TEXTS = SharedTable(_morph_text)
LOWER_TEXTS = SharedTable(_lower_text)


class TokenColumns(NamedTuple):
    """Token attributes of a doc as columns of hashes and flags (one `to_array` per doc)."""

    orth: list[int]
    lower: list[int]
    lemma: list[int]
    pos: bytes
    morph: list[int]
    is_punct: bytes
    is_space: bytes
    sent_start: list[int]


class SharedInts:
    """One int object per distinct hash, shared by every doc's columns.

    `tolist()` makes a new 32-byte int for every hash of every token, and a long document's
    columns are kept until its last rule has run: sharing them saves most of that. Past
    `limit` values the table starts afresh (a server or a crawl sees ever new words).
    """

    def __init__(self, limit: int = 500_000) -> None:
        self._limit, self._table = limit, {}

    def share(self, values: list[int]) -> list[int]:
        table = self._table
        if len(table) > self._limit:
            table = self._table = {}
        return list(map(table.setdefault, values, values))


HASHES = SharedInts()
# Hashes (and SENT_START, whose -1 comes out of the uint64 array as 2**64 - 1) are shared
# ints; POS ids and flags are below 256 and kept as bytes, one byte a token.
HASH_COLUMNS = frozenset({"orth", "lower", "lemma", "morph", "sent_start"})


def token_columns(doc: Doc) -> TokenColumns:
    columns = doc.user_data.get("kommlint_columns")
    if columns is None:
        attributes = [name.upper() for name in TokenColumns._fields]
        values = doc.to_array(attributes).T.tolist() if len(doc) else [[] for _ in attributes]
        values = [HASHES.share(column) if name in HASH_COLUMNS else bytes(column) for name, column in zip(TokenColumns._fields, values)]
        columns = doc.user_data["kommlint_columns"] = TokenColumns(*values)
    return columns


def token_lowers(doc: Doc) -> list[str]:
    """The lower-case form of every token (no TokenRow needed); built once per doc."""
    lowers = doc.user_data.get("kommlint_lowers")
    if lowers is None:
        lowers = doc.user_data["kommlint_lowers"] = TEXTS.lookup(token_columns(doc).lower, doc)
    return lowers


def _rows(doc: Doc) -> list[TokenRow]:
    columns = token_columns(doc)
    rows = zip(
        range(len(columns.orth)),
        TEXTS.lookup(columns.orth, doc),
        token_lowers(doc),
        TEXTS.lookup(columns.pos, doc),
        MORPH_TEXTS.lookup(columns.morph, doc),
        map(bool, columns.is_punct),
        map(bool, columns.is_space),
    )
    return list(map(partial(tuple.__new__, TokenRow), rows))


@lru_cache(maxsize=4096)
def morph_values(morph: str, feature: str) -> tuple[str, ...]:
    """The values of one feature in a morph string, like `token.morph.get(feature)`."""
    for part in morph.split("|"):
        name, _, values = part.partition("=")
        if name == feature:
            return tuple(values.split(","))
    return ()


def doc_text(doc: Doc) -> str:
    """`doc.text`, kept: spaCy joins every token's text each time it is read."""
    text = doc.user_data.get("kommlint_text")
    if text is None:
        text = doc.user_data["kommlint_text"] = doc.text
    return text


def has_sentences(doc: Doc) -> bool:
    """Whether the doc has sentence boundaries; cached, since spaCy checks every token."""
    known = doc.user_data.get("kommlint_has_sents")
    if known is None:
        known = doc.user_data["kommlint_has_sents"] = doc.has_annotation("SENT_START")
    return known


def sentence_spans(doc: Doc) -> list[Span]:
    """Sentences of a parsed block, or the whole block when the pipeline has no splitter.

    Computed once per doc: many rules walk the same sentences.
    """
    cached = doc.user_data.get("kommlint_sents")
    if cached is None:
        cached = doc.user_data["kommlint_sents"] = list(doc.sents) if has_sentences(doc) else [doc[:]]
    return cached


def keep_case(original: str, replacement: str) -> str:
    """Give a replacement the capitalisation of the text it replaces."""
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


# Quoted speech and titles: ”…”, "…", “…”, «…», „…“. Rules leave quoted words alone.
QUOTED_RE = re.compile(r'"[^"\n]{1,500}"|”[^”\n]{1,500}”|“[^“”\n]{1,500}[”“]|«[^»\n]{1,500}»|„[^“”\n]{1,500}[“”]')


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of quotations in `text` (the quotation marks included)."""
    return [match.span() for match in QUOTED_RE.finditer(text)]


def inside(offset: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)
