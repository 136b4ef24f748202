"""What every rule kind shares: metadata, the context a rule runs in, and hits."""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache, partial
from typing import TYPE_CHECKING, Any, ClassVar, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, field_validator

from lint.diagnostics import Edit, Fix, Severity
from lint.document import Block, BlockKind, Document

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from lint.config import Settings
    from lint.profiles import Profile

PRINCIPLES = ("klarspråk", "målgrupp", "avsändare", "offentlighet", "tillgänglighet", "språkriktighet")
ANNOTATIONS = ("pos", "morph", "lemma", "dep", "sents")
ALL_BLOCK_KINDS = tuple(kind.value for kind in BlockKind)


class Explanation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    vad: str = Field(description="Vad regeln gör")
    varfor: str = Field(description="Varför")
    skriv_hellre: str | None = Field(default=None, description="Skriv hellre")


class Example(BaseModel):
    """A text the test suite lints with this rule alone."""

    model_config = ConfigDict(extra="forbid")

    bad: str | None = None
    good: str | None = None
    matches: list[str] | None = None  # the exact matched texts expected for `bad`
    fixed: str | None = None  # the text after applying every fix of this rule
    format: Literal["text", "markdown", "html"] = "text"
    profile: str | None = None
    metadata: dict[str, Any] | None = None

    def model_post_init(self, __context: Any) -> None:
        if (self.bad is None) == (self.good is None):
            raise ValueError("ett exempel har antingen bad eller good")


class RuleSpec(BaseModel):
    """Fields every rule has, whatever its kind. Kinds subclass this with their own."""

    model_config = ConfigDict(extra="forbid")

    code: str = Field(pattern=r"^[A-Z]{2,5}\d{3}$")
    name: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    kind: str
    principle: Literal[PRINCIPLES]  # type: ignore[valid-type]
    severity: Literal["info", "warning", "error"] = "warning"
    message: str
    explanation: Explanation
    source: str
    link: str | None = None
    scope: list[Literal[ALL_BLOCK_KINDS]] | None = None  # type: ignore[valid-type]
    profiles: list[str] | None = None  # apply only for these profiles
    skip_profiles: list[str] = []
    needs: list[Literal[ANNOTATIONS]] = []  # type: ignore[valid-type]
    examples: list[Example] = Field(min_length=2)

    # Placeholders every kind may use in its message; kinds extend this.
    placeholders: ClassVar[frozenset[str]] = frozenset({"match"})

    @field_validator("message")
    @classmethod
    def _known_placeholders(cls, message: str) -> str:
        names = {name for _, name, _, _ in string.Formatter().parse(message) if name}
        unknown = names - cls.placeholders
        if unknown:
            allowed = ", ".join("{" + name + "}" for name in sorted(cls.placeholders))
            raise ValueError(f"okänd platshållare {{{sorted(unknown)[0]}}}; tillåtna: {allowed}")
        return message

    @field_validator("examples")
    @classmethod
    def _bad_and_good(cls, examples: list[Example]) -> list[Example]:
        if not any(example.bad for example in examples) or not any(example.good for example in examples):
            raise ValueError("regeln behöver minst ett bad- och ett good-exempel")
        return examples


@dataclass(frozen=True)
class Hit:
    """One finding of a rule, in source offsets, before it becomes a Diagnostic."""

    offset: int
    end_offset: int
    values: dict[str, Any] = field(default_factory=dict)
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None


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


@dataclass
class RuleContext:
    document: Document
    parsed: list[ParsedBlock]
    profile: Profile
    settings: Settings
    annotations: frozenset[str]  # what the loaded pipeline provides
    metrics: dict[str, Any] = field(default_factory=dict)
    _blocks_by_scope: dict[frozenset[str], list[ParsedBlock]] = field(default_factory=dict, repr=False)

    def blocks(self, scope: Iterable[str] | None = None) -> list[ParsedBlock]:
        """The blocks of these kinds (all without a scope); found once per scope for every rule."""
        if not scope:
            return self.parsed
        wanted = frozenset(scope)
        found = self._blocks_by_scope.get(wanted)
        if found is None:
            found = self._blocks_by_scope[wanted] = [parsed for parsed in self.parsed if parsed.block.kind.value in wanted]
        return found

    def threshold(self, name: str, default: float | None = None) -> float | None:
        return self.settings.threshold(self.profile.name, name, self.profile.thresholds.get(name, default))

    def hit(self, block: Block, start: int, end: int, **values: Any) -> Hit:
        """A hit for block text [start, end); `match` (for the message) defaults to that text.

        The block text is what the reader sees: entities decoded, hyphenated words joined.
        The diagnostic's own `match` stays the exact source text.
        """
        offset, end_offset = block.source_span(start, end)
        values.setdefault("match", block.text[start:end])
        return Hit(offset, end_offset, values)

    def replacement_hit(
        self, block: Block, start: int, end: int, replacement: str | None, safety: str, alternatives: tuple[str, ...], **values: Any
    ) -> Hit:
        """A hit with a fix replacing the match, if the match is plain source text."""
        offset, end_offset = block.source_span(start, end)
        values.setdefault("match", block.text[start:end])
        fix = None
        if replacement is not None and block.is_contiguous(start, end):
            fix = Fix((Edit(offset, end_offset, replacement),), safety)
        return Hit(offset, end_offset, values, alternatives, fix)

    def document_hit(self, **values: Any) -> Hit:
        """A document-level hit: at the first heading, else at the first block."""
        for parsed in self.parsed:
            if parsed.block.kind is BlockKind.HEADING:
                return self.hit(parsed.block, 0, len(parsed.block.text), **values)
        if self.parsed:
            first = self.parsed[0].block
            return self.hit(first, 0, len(first.text), **values)
        return Hit(0, 0, {"match": "", **values})

    def is_vocabulary(self, text: str) -> bool:
        return text.lower() in self.settings.vocabulary


class Rule:
    """A compiled rule. Kinds override `check` and, if they need it, `prepare`."""

    kind: ClassVar[str]
    spec_model: ClassVar[type[RuleSpec]] = RuleSpec

    def __init__(self, spec: RuleSpec, origin: str = "") -> None:
        self.spec = spec
        self.origin = origin  # file the rule came from, for error messages

    # Identity --------------------------------------------------------------------------
    @property
    def code(self) -> str:
        return self.spec.code

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def principle(self) -> str:
        return self.spec.principle

    @property
    def severity(self) -> Severity:
        return Severity.parse(self.spec.severity)

    @property
    def needs(self) -> frozenset[str]:
        return frozenset(self.spec.needs)

    @property
    def fixable(self) -> bool:
        return False

    def applies_to(self, profile: str) -> bool:
        if profile in self.spec.skip_profiles:
            return False
        return self.spec.profiles is None or profile in self.spec.profiles

    # Running ---------------------------------------------------------------------------
    def prepare(self, nlp: Any) -> None:
        """Compile what needs the loaded pipeline (spaCy Matcher patterns, say)."""

    def check(self, ctx: RuleContext) -> Iterable[Hit]:
        raise NotImplementedError

    def format_message(self, values: dict[str, Any]) -> str:
        return self.spec.message.format_map(_Defaults(values))


class _Defaults(dict):
    def __missing__(self, key: str) -> str:
        return "…"


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
    pos: list[int]
    morph: list[int]
    is_punct: list[int]
    is_space: list[int]
    sent_start: list[int]


def token_columns(doc: Doc) -> TokenColumns:
    columns = doc.user_data.get("kommlint_columns")
    if columns is None:
        attributes = [name.upper() for name in TokenColumns._fields]
        values = doc.to_array(attributes).T.tolist() if len(doc) else [[] for _ in attributes]
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
