"""existence: words, regular expressions or spaCy Matcher patterns that should not occur.

Token patterns use spaCy's own JSON syntax and are validated with spaCy's schema when
the pipeline is loaded (spaCy is not imported to list or explain rules).

`find` lists regexes that each carry their own suggestion, message variant (a key of
`messages`) and context exceptions (`unless`: regexes on the sentence; a match inside
one of their matches is skipped). They run sentence by sentence, on segments (text up
to a full stop, ! or ?) or on the whole block; a pattern with a group `match` reports
that group.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from lint.errors import RulePackError
from lint.language.text import block_sentences, is_protected, protected_spans
from lint.language.views import keep_case, sentence_spans
from lint.rules.api import Hit, Rule, RuleContext, RuleSpec
from lint.rules.regex_guard import check_pattern

# Token attributes in Matcher patterns and the annotation each needs.
PATTERN_NEEDS = {
    "LEMMA": "lemma",
    "POS": "pos",
    "TAG": "pos",
    "MORPH": "morph",
    "DEP": "dep",
    "SENT_START": "sents",
    "IS_SENT_START": "sents",
}


def _compiles(patterns: list[str]) -> list[str]:
    """Every pattern compiles and cannot hang (no repeat inside a repeat, as (a+)+)."""
    for pattern in patterns:
        check_pattern(pattern)
    return patterns


class Find(BaseModel):
    model_config = ConfigDict(extra="forbid")

    pattern: str
    suggest: list[str] = []
    message: str | None = None  # a key of the rule's `messages`
    unless: list[str] = []  # regexes on the sentence: a match inside one of their matches is skipped
    within: Literal["sentence", "segment", "block"] = "sentence"  # what the pattern and `unless` run on
    advice: str | None = None  # a suggestion shown as written (not in the match's case), never a fix
    replace: str | None = None  # the text that replaces a match (the fix), when not the suggestion

    @field_validator("unless")
    @classmethod
    def _unless_compiles(cls, patterns: list[str]) -> list[str]:
        return _compiles(patterns)

    @field_validator("pattern")
    @classmethod
    def _pattern_compiles(cls, pattern: str) -> str:
        return _compiles([pattern])[0]


class ExistenceSpec(RuleSpec):
    kind: Literal["existence"]
    tokens: list[str] = []  # words or phrases, matched as whole words
    patterns: list[str] = []  # Python regular expressions on the block text
    matcher: list[list[dict[str, Any]]] = []  # spaCy Matcher token patterns
    ignore_case: bool = True
    exceptions: list[str] = []  # regexes; a match that fully matches one is skipped
    suggest: list[str] = []  # static suggestions shown with every finding
    replace: str | None = None  # regex replacement template for patterns (fix)
    fix: Literal["safe", "unsafe", "none"] = "none"
    one_per_sentence: bool = False
    find: list[Find] = []  # patterns with their own suggestion, message and exceptions
    messages: dict[str, str] = {}  # message variants for `find`
    protected: bool = False  # true: matches in quotations and legal citations are skipped
    first_match_only: bool = False  # true: one `find` finding per piece, of the first entry that matches
    no_fix_in: list[str] = []  # document formats where a finding has no fix nor suggestion (Word, PDF)

    placeholders: ClassVar[frozenset[str]] = frozenset({"match", "suggestion"})

    @field_validator("patterns", "exceptions")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        return _compiles(patterns)

    @field_validator("messages")
    @classmethod
    def _message_placeholders(cls, messages: dict[str, str]) -> dict[str, str]:
        for text in messages.values():
            cls._known_placeholders(text)
        return messages

    @model_validator(mode="after")
    def _something_to_find(self) -> ExistenceSpec:
        if not (self.tokens or self.patterns or self.matcher or self.find):
            raise ValueError("existence-regeln behöver tokens, patterns, matcher eller find")
        for entry in self.find:
            if entry.message is not None and entry.message not in self.messages:
                raise ValueError(f"meddelandet ”{entry.message}” saknas under messages")
        return self


def token_matcher(nlp: Any, patterns: list[list[dict[str, Any]]], where: str, key: str | None = None):
    """A spaCy Matcher for token patterns, validated with spaCy's schema; each pattern is
    added under `key`, or under its index ("0", "1" …) when there is no key."""
    from spacy.matcher import Matcher
    from spacy.schemas import validate_token_pattern

    for index, pattern in enumerate(patterns):
        errors = validate_token_pattern(pattern)
        if errors:
            raise RulePackError(f"{where}[{index}]: {errors[0]}")
    matcher = Matcher(nlp.vocab, validate=True)
    for index, pattern in enumerate(patterns):
        matcher.add(key or str(index), [pattern])
    return matcher


class ExistenceRule(Rule):
    kind = "existence"
    spec_model = ExistenceSpec
    spec: ExistenceSpec

    def __init__(self, spec: ExistenceSpec, origin: str = "") -> None:
        super().__init__(spec, origin)
        flags = re.I if spec.ignore_case else 0
        alternatives = [re.escape(token).replace(r"\ ", r"\s+") for token in sorted(spec.tokens, key=len, reverse=True)]
        self.regexes = [re.compile(pattern, flags) for pattern in spec.patterns]
        if alternatives:
            self.regexes.append(re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", flags))
        self.exceptions = [re.compile(pattern, flags) for pattern in spec.exceptions]
        self.finds = [(re.compile(entry.pattern, flags), [re.compile(p, flags) for p in entry.unless]) for entry in spec.find]
        self.matcher = None

    @property
    def needs(self) -> frozenset[str]:
        needs = set(self.spec.needs)
        for pattern in self.spec.matcher:
            for token in pattern:
                needs.update(PATTERN_NEEDS[key] for key in token if key in PATTERN_NEEDS)
        if self.spec.one_per_sentence:
            needs.add("sents")
        return frozenset(needs)

    @property
    def fixable(self) -> bool:
        single = self.spec.replace is not None or len(self.spec.suggest) == 1
        single = single or any(entry.replace is not None or len(entry.suggest) == 1 for entry in self.spec.find)
        return self.spec.fix != "none" and single

    def prepare(self, nlp: Any) -> None:
        if not self.spec.matcher or self.matcher is not None:
            return
        self.matcher = token_matcher(nlp, self.spec.matcher, f"{self.origin}: regel {self.code}, fält matcher", self.code)

    def check(self, ctx: RuleContext) -> Iterable[Hit]:
        for parsed in ctx.blocks(self.spec.scope):
            spans = sorted(set(self._spans(parsed)), key=lambda span: (span[0], -span[1]))
            seen_sentences: set[int] = set()
            last_end = -1
            for start, end, entry in spans:
                if start < last_end:
                    continue  # overlapping match: the longest one at this place wins
                text = parsed.block.text[start:end]
                if any(pattern.fullmatch(text) for pattern in self.exceptions) or ctx.is_vocabulary(text):
                    continue
                if self.spec.one_per_sentence:
                    sentence = self._sentence_index(parsed.doc, start)
                    if sentence in seen_sentences:
                        continue
                    seen_sentences.add(sentence)
                last_end = end
                yield self._hit(ctx, parsed.block, start, end, entry)

    def _spans(self, parsed) -> Iterator[tuple[int, int, int]]:
        """(start, end, index of the `find` entry or -1) of every match in the block."""
        text = parsed.block.text
        for regex in self.regexes:
            for match in regex.finditer(text):
                if match.end() > match.start():
                    yield match.start(), match.end(), -1
        if self.matcher is not None and parsed.doc is not None:
            for _, start, end in self.matcher(parsed.doc):
                span = parsed.doc[start:end]
                yield span.start_char, span.end_char, -1
        if self.finds and any(regex.search(text) for regex, _ in self.finds):
            yield from self._found(parsed)

    def _found(self, parsed) -> Iterator[tuple[int, int, int]]:
        """Matches of the `find` entries, piece by piece (sentence, segment or block)."""
        withins = dict.fromkeys(entry.within for entry in self.spec.find)
        for within in withins:
            indexes = [index for index, entry in enumerate(self.spec.find) if entry.within == within]
            for offset, text in _pieces(parsed, within):
                for index in indexes:
                    found = list(self._entry_matches(index, text))
                    if self.spec.first_match_only:
                        found = found[:1]
                    yield from ((offset + start, offset + end, index) for start, end in found)
                    if found and self.spec.first_match_only:
                        break

    def _entry_matches(self, index: int, text: str) -> Iterator[tuple[int, int]]:
        """The spans (of the group `match`, if the pattern has one) that no exception covers."""
        regex, unless = self.finds[index]
        group = "match" if "match" in regex.groupindex else 0
        for match in regex.finditer(text):
            start, end = match.span(group)
            if start == end or _covered(start, end, text, unless):
                continue
            if self.spec.protected and is_protected(start, protected_spans(text)):
                continue
            yield start, end

    @staticmethod
    def _sentence_index(doc, char: int) -> int:
        if doc is None:
            return 0
        for index, sentence in enumerate(sentence_spans(doc)):
            if sentence.start_char <= char < sentence.end_char:
                return index
        return -1

    def _hit(self, ctx: RuleContext, block, start: int, end: int, entry: int) -> Hit:
        matched = block.text[start:end]
        found = self.spec.find[entry] if entry >= 0 else None
        suggest = found.suggest if found else self.spec.suggest
        replacement = found.replace if found and found.replace is not None else self._replacement(matched, suggest, found is None)
        suggestions = tuple(keep_case(matched, s) for s in suggest) or ((replacement,) if replacement else ())
        if found and found.advice is not None:
            suggestions, replacement = (found.advice,), None
        if self.spec.fix == "none":
            replacement = None
        if ctx.document.format in self.spec.no_fix_in:
            suggestions, replacement = (), None
        values = {"suggestion": suggestions[0] if suggestions else "…"}
        if found and found.message:
            values["variant"] = found.message
        return ctx.replacement_hit(block, start, end, replacement, self.spec.fix, suggestions, **values)

    def _replacement(self, matched: str, suggest: list[str], plain: bool) -> str | None:
        if self.spec.replace is not None and plain:
            for regex in self.regexes:
                if regex.fullmatch(matched):
                    return regex.sub(self.spec.replace, matched)
            return None
        if len(suggest) == 1:
            return keep_case(matched, suggest[0])
        return None


SEGMENT = re.compile(r"[^.!?]+[.!?]?")  # text up to and with a full stop, ! or ?


def _pieces(parsed, within: str) -> list[tuple[int, str]]:
    """(offset, text) of the parts of the block a `find` entry runs on."""
    text = parsed.block.text
    if within == "block":
        return [(0, text)]
    if within == "segment":
        return [(match.start(), match.group(0)) for match in SEGMENT.finditer(text)]
    return [(sentence.start, sentence.text) for sentence in block_sentences(parsed)]


def _covered(start: int, end: int, text: str, unless: list[re.Pattern[str]]) -> bool:
    """Whether a match of one of the `unless` regexes in `text` holds [start, end)."""
    return any(found.start() <= start and end <= found.end() for pattern in unless for found in pattern.finditer(text))
