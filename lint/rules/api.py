"""The rule API: what every rule kind shares — metadata, the context a rule runs in, and hits."""

from __future__ import annotations

import string
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from lint.diagnostics import Edit, Fix, Severity
from lint.document import Block, BlockKind, Document
from lint.language.text import Sentence, block_sentences
from lint.language.views import ParsedBlock, releasing_like

if TYPE_CHECKING:
    from lint.engine.config import Settings
    from lint.rules.profiles import Profile

PRINCIPLES = ("klarspråk", "målgrupp", "avsändare", "offentlighet", "tillgänglighet", "språkriktighet")
ANNOTATIONS = ("pos", "morph", "lemma", "dep", "sents")
ALL_BLOCK_KINDS = tuple(kind.value for kind in BlockKind)


# Formats where a finding about the file itself is shown on the first heading or paragraph
# (kommlint annotate puts it there as a comment), not on an empty place before the text.
WHOLE_DOCUMENT_FORMATS = frozenset({"docx"})


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
    placeholders: ClassVar[frozenset[str] | None] = frozenset({"match"})

    @field_validator("severity", mode="before")
    @classmethod
    def _english_label(cls, severity: Any) -> Any:
        """Rule packs may give the level in Swedish (varning, fel) as users read it."""
        try:
            return Severity.parse(severity).label
        except (ValueError, TypeError):
            return severity  # the Literal check reports it

    @field_validator("message")
    @classmethod
    def _known_placeholders(cls, message: str | None) -> str | None:
        if message is None or cls.placeholders is None:
            return message  # python rules: checked against their check class
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


class SpecError(Exception):
    """A field error found while compiling a validated spec (a check's options, say).

    `location` is the field's path in the YAML, as in a pydantic error; `problem` is a
    message or a ValidationError of `model` for the value at that path. The pack loader
    adds file and line.
    """

    def __init__(self, location: tuple, problem: Any, model: type[BaseModel] | None = None) -> None:
        super().__init__(str(problem))
        self.location = location
        self.problem = problem
        self.model = model


@dataclass(frozen=True)
class Hit:
    """One finding of a rule, in source offsets, before it becomes a Diagnostic."""

    offset: int
    end_offset: int
    values: dict[str, Any] = field(default_factory=dict)
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None
    whole_document: bool = False  # about the document as a whole (something missing), not its words


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
            found = self._blocks_by_scope[wanted] = releasing_like(
                self.parsed, [parsed for parsed in list.__iter__(self.parsed) if parsed.block.kind.value in wanted]
            )
        return found

    def sentences(self, scope: Iterable[str] | None = None) -> Iterator[Sentence]:
        """The non-blank sentences of the blocks of these kinds, block by block."""
        for parsed in self.blocks(scope):
            yield from block_sentences(parsed)

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
                return self.block_hit(parsed.block, **values)
        if self.parsed:
            return self.block_hit(self.parsed[0].block, **values)
        return Hit(0, 0, {"match": "", **values}, whole_document=True)

    def block_hit(self, block: Block, **values: Any) -> Hit:
        """A document-level hit anchored on the whole of one block."""
        return replace(self.hit(block, 0, len(block.text), **values), whole_document=True)

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
        """The message, or the text of the hit's `variant` when the kind has `messages`."""
        variant = values.get("variant")
        template = getattr(self.spec, "messages", {}).get(variant) if variant else None
        return (template or self.spec.message or "").format_map(_Defaults(values))


class _Defaults(dict):
    def __missing__(self, key: str) -> str:
        return "…"
