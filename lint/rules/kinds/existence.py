"""existence: words, regular expressions or spaCy Matcher patterns that should not occur.

Token patterns use spaCy's own JSON syntax and are validated with spaCy's schema when
the pipeline is loaded (spaCy is not imported to list or explain rules).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar, Literal

from pydantic import field_validator, model_validator

from lint.errors import RulePackError
from lint.language.views import keep_case, sentence_spans
from lint.rules.api import Hit, Rule, RuleContext, RuleSpec
from lint.rules.regex_guard import check_pattern

# Token attributes in Matcher patterns and the annotation each needs.
PATTERN_NEEDS = {"LEMMA": "lemma", "POS": "pos", "TAG": "pos", "MORPH": "morph", "DEP": "dep", "SENT_START": "sents", "IS_SENT_START": "sents"}


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

    placeholders: ClassVar[frozenset[str]] = frozenset({"match", "suggestion"})

    @field_validator("patterns", "exceptions")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            check_pattern(pattern)
        return patterns

    @model_validator(mode="after")
    def _something_to_find(self) -> ExistenceSpec:
        if not (self.tokens or self.patterns or self.matcher):
            raise ValueError("existence-regeln behöver tokens, patterns eller matcher")
        return self


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
        return self.spec.fix != "none" and (self.spec.replace is not None or len(self.spec.suggest) == 1)

    def prepare(self, nlp: Any) -> None:
        if not self.spec.matcher or self.matcher is not None:
            return
        from spacy.matcher import Matcher
        from spacy.schemas import validate_token_pattern

        for index, pattern in enumerate(self.spec.matcher):
            errors = validate_token_pattern(pattern)
            if errors:
                raise RulePackError(f"{self.origin}: regel {self.code}, fält matcher[{index}]: {errors[0]}")
        self.matcher = Matcher(nlp.vocab, validate=True)
        self.matcher.add(self.code, self.spec.matcher)

    def check(self, ctx: RuleContext) -> Iterable[Hit]:
        for parsed in ctx.blocks(self.spec.scope):
            spans = sorted(set(self._spans(parsed)), key=lambda span: (span[0], -span[1]))
            seen_sentences: set[int] = set()
            last_end = -1
            for start, end in spans:
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
                yield self._hit(ctx, parsed.block, start, end)

    def _spans(self, parsed) -> Iterator[tuple[int, int]]:
        text = parsed.block.text
        for regex in self.regexes:
            for match in regex.finditer(text):
                if match.end() > match.start():
                    yield match.start(), match.end()
        if self.matcher is not None and parsed.doc is not None:
            for _, start, end in self.matcher(parsed.doc):
                span = parsed.doc[start:end]
                yield span.start_char, span.end_char

    @staticmethod
    def _sentence_index(doc, char: int) -> int:
        if doc is None:
            return 0
        for index, sentence in enumerate(sentence_spans(doc)):
            if sentence.start_char <= char < sentence.end_char:
                return index
        return -1

    def _hit(self, ctx: RuleContext, block, start: int, end: int) -> Hit:
        matched = block.text[start:end]
        replacement = self._replacement(matched)
        suggestions = tuple(keep_case(matched, s) for s in self.spec.suggest) or ((replacement,) if replacement else ())
        if self.spec.fix == "none":
            replacement = None
        return ctx.replacement_hit(
            block, start, end, replacement, self.spec.fix, suggestions, suggestion=suggestions[0] if suggestions else "…"
        )

    def _replacement(self, matched: str) -> str | None:
        if self.spec.replace is not None:
            for regex in self.regexes:
                if regex.fullmatch(matched):
                    return regex.sub(self.spec.replace, matched)
            return None
        if len(self.spec.suggest) == 1:
            return keep_case(matched, self.spec.suggest[0])
        return None
