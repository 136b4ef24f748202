"""substitution: a word or phrase with a plainer alternative.

An entry matches its base form, every inflected form it lists, and — when the pipeline
has lemmas — any token whose lemma is the base form. A listed form may carry its own
inflected alternative (erhöll → fick); then the fix is as safe as the rule says.
Otherwise the alternative is offered in its base form and the fix is unsafe.

The entries stand under `swap`, or in a word list in rules/data named by `data` (the
same fields; `forms` may there be a plain list of forms without alternatives).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import compress, count
from operator import or_
from typing import ClassVar, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from lint.language.views import has_sentences, inside, keep_case, quoted_spans
from lint.rules.api import Hit, Rule, RuleContext, RuleSpec, SpecError
from lint.rules.organisation import load_data


class Swap(BaseModel):
    model_config = ConfigDict(extra="forbid")

    match: str = Field(min_length=1)  # base form, or a phrase of base forms
    suggest: list[str] = Field(min_length=1)
    # inflected form → its inflected alternative, or one per alternative in `suggest` (or null)
    forms: dict[str, str | list[str] | None] = {}
    pos: list[str] | None = None  # only tokens with these UPOS tags match by lemma
    lemma: bool = True  # also match by lemma when the pipeline has lemmas
    unless: list[str] = []  # regexes on the sentence: when one matches, no finding
    safe: bool = True  # whether a known inflected alternative is a safe fix
    fix: bool = True  # false: suggest only (inkomna ansökningar: no word fits in its place)
    source: str | None = None  # where the entry comes from (the rule's source when absent)
    # No word fits in the matched word's place (säkerställandet av …): how to rewrite instead.
    rewrite: str | None = None

    @field_validator("forms", mode="before")
    @classmethod
    def _list_of_forms(cls, forms: object) -> object:
        return dict.fromkeys(forms) if isinstance(forms, list) else forms

    @model_validator(mode="after")
    def _lowercase_forms(self) -> Swap:
        self.forms = {form.lower(): alternative for form, alternative in self.forms.items()}
        return self


class SubstitutionSpec(RuleSpec):
    kind: Literal["substitution"]
    swap: list[Swap] = []
    data: str | None = None  # a word list in rules/data with more entries
    lemma: bool = True  # false: only the listed forms match, never a token by its lemma
    fix: Literal["safe", "unsafe", "none"] = "safe"
    messages: dict[Literal["rewrite"], str] = {}  # rewrite: the message for entries with `rewrite` ({hint})

    placeholders: ClassVar[frozenset[str]] = frozenset({"match", "suggestion", "suggestions", "hint"})

    @model_validator(mode="after")
    def _some_entries(self) -> SubstitutionSpec:
        if not self.swap and not self.data:
            raise ValueError("substitution-regeln behöver swap eller data")
        return self

    @model_validator(mode="after")
    def _rewrite_message(self) -> SubstitutionSpec:
        if any(swap.rewrite for swap in self.swap) and "rewrite" not in self.messages:
            raise ValueError("en post med rewrite behöver messages.rewrite")
        return self

    def entries(self) -> list[Swap]:
        """The entries of `swap`, then those of the `data` word list."""
        if not self.data:
            return self.swap
        listed = load_data(self.data)
        if not isinstance(listed, list) or not listed:
            raise SpecError(("data",), f"ordlistan {self.data} saknas eller är ingen lista")
        try:
            return self.swap + [Swap.model_validate(entry) for entry in listed]
        except ValidationError as error:
            raise SpecError(("data",), f"ordlistan {self.data}: {error.errors()[0]['msg']} (”{error.errors()[0]['input']}”)") from None


@dataclass(frozen=True)
class _Candidate:
    swap: Swap
    words: tuple[str, ...]  # lower-case words of the base phrase
    index: int  # position of this swap in the spec, to keep the output stable
    phrases: tuple[tuple[str, ...], ...] = ()  # words of the base phrase and of each multi-word form

    @property
    def base(self) -> str:
        return " ".join(self.words)


def _second_words(candidates: list[_Candidate]) -> frozenset[str] | None:
    """The words that can follow the first word of these entries; None when one of them (or
    one of their listed forms, like "pga" for "på grund av") is a single word."""
    if any(len(words) == 1 for candidate in candidates for words in (candidate.words, *candidate.phrases)):
        return None
    return frozenset(words[1] for candidate in candidates for words in candidate.phrases if len(words) > 1)


_NO_WORDS: frozenset[str] = frozenset()
_NO_HASHES: frozenset[int] = frozenset()


class FormIndex:
    """The entries of a word list by their first word: found in a parsed block token by
    token, by listed form and (when asked) by lemma. Shared by the substitution kind and
    checks with word lists of their own."""

    def __init__(self, swaps: list[Swap], lemma: bool = True) -> None:
        self.by_form: dict[str, list[_Candidate]] = {}
        self.by_lemma: dict[str, list[_Candidate]] = {}
        for index, swap in enumerate(swaps):
            words = tuple(swap.match.lower().split())
            phrases = (words,) + tuple(tuple(form.split()) for form in swap.forms if len(words) > 1)
            candidate = _Candidate(swap, words, index, phrases)
            first_forms = {words[0]} | {form.split()[0] for form in swap.forms}
            for form in first_forms:
                self.by_form.setdefault(form, []).append(candidate)
            if swap.lemma and lemma:
                self.by_lemma.setdefault(words[0], []).append(candidate)
        # Kept apart: a word can start a one-word entry by its form and only phrases by its lemma.
        self._second_by_form = {word: _second_words(candidates) for word, candidates in self.by_form.items()}
        self._second_by_lemma = {word: _second_words(candidates) for word, candidates in self.by_lemma.items()}

    def prepare(self, nlp) -> None:
        strings = nlp.vocab.strings
        self._form_hashes = frozenset(strings.add(form) for form in self.by_form)
        lemmas = [variant for lemma in self.by_lemma for variant in (lemma, lemma.capitalize())]
        self._lemma_hashes = frozenset(strings.add(lemma) for lemma in lemmas)
        self._any_hashes = self._form_hashes | self._lemma_hashes

    def may_occur(self, parsed, use_lemma: bool) -> bool:
        """Whether the block has a listed word: most blocks have none (one set operation)."""
        listed = self._any_hashes if use_lemma else self._form_hashes
        return not listed.isdisjoint(parsed.token_hashes[2])

    def matches(self, parsed, use_lemma: bool) -> Iterator[tuple[int, int, _Candidate]]:
        lowers, lemmas, present = parsed.token_hashes
        forms_here = present.intersection(self._form_hashes)
        lemmas_here = present.intersection(self._lemma_hashes) if use_lemma else _NO_HASHES
        if not forms_here and not lemmas_here:
            return
        word_lowers, word_lemmas, starts = parsed.token_words
        token_count = len(lowers)
        skip_until = 0
        for position in _listed_positions(lowers, forms_here, lemmas, lemmas_here):
            if position < skip_until:
                continue
            by_lower = self._second_by_form.get(word_lowers[position], _NO_WORDS)
            by_lemma = self._second_by_lemma.get(word_lemmas[position], _NO_WORDS)
            # Phrases often begin with common words (i, av, med): when only phrases start
            # here, most places fail at the second word.
            if by_lower is not None and by_lemma is not None:
                following = position + 1
                if following == token_count or starts[following]:
                    continue
                next_lower, next_lemma = word_lowers[following], word_lemmas[following]
                if not (next_lower in by_lower or next_lemma in by_lower or next_lower in by_lemma or next_lemma in by_lemma):
                    continue
            found = self._match_at(parsed, position, use_lemma)
            if found:
                end, candidate = found
                yield position, end, candidate
                skip_until = end

    def _match_at(self, parsed, position: int, use_lemma: bool) -> tuple[int, _Candidate] | None:
        lowers, lemmas, _ = parsed.token_words
        candidates = list(self.by_form.get(lowers[position], ()))
        if use_lemma:
            lemma_candidates = self.by_lemma.get(lemmas[position], ())
            pos = parsed.doc[position].pos_ if lemma_candidates else ""
            for candidate in lemma_candidates:
                if candidate.swap.pos is None or pos in candidate.swap.pos:
                    candidates.append(candidate)
        best: tuple[int, _Candidate] | None = None
        for candidate in sorted(candidates, key=lambda c: (-len(c.words), c.index)):
            end = self._phrase_end(parsed.token_words, position, candidate, use_lemma)
            if end is not None and (best is None or end > best[0]):
                best = (end, candidate)
        return best

    def _phrase_end(self, token_words, position: int, candidate: _Candidate, use_lemma: bool) -> int | None:
        if len(candidate.words) == 1:
            return position + 1
        lowers, lemmas, starts = token_words
        best = None
        for words in candidate.phrases:  # the base phrase (also by lemma) and its listed forms ("äger rum")
            end = position + len(words)
            if end > len(lowers):
                continue
            if use_lemma and words is candidate.words:
                second = position + 1  # most phrases already fail at their second word
                if starts[second] or (lowers[second] != words[1] and lemmas[second] != words[1]):
                    continue
                found = all(
                    (index == position or not starts[index]) and (lowers[index] == word or lemmas[index] == word)
                    for index, word in zip(range(position, end), words)
                )
            else:
                found = tuple(lowers[position:end]) == words and not any(starts[position + 1 : end])
            if found:
                best = max(best or end, end)
        return best


class SubstitutionRule(Rule):
    kind = "substitution"
    spec_model = SubstitutionSpec
    spec: SubstitutionSpec

    def __init__(self, spec: SubstitutionSpec, origin: str = "") -> None:
        super().__init__(spec, origin)
        self.swaps = spec.entries()
        self.forms = FormIndex(self.swaps, spec.lemma)
        self._unless = {id(swap): [re.compile(p, re.I) for p in swap.unless] for swap in self.swaps}

    @property
    def fixable(self) -> bool:
        return self.spec.fix != "none"

    def prepare(self, nlp) -> None:
        self.forms.prepare(nlp)

    def check(self, ctx: RuleContext) -> Iterable[Hit]:
        use_lemma = self.spec.lemma and "lemma" in ctx.annotations
        for parsed in ctx.blocks(self.spec.scope):
            if not self.forms.may_occur(parsed, use_lemma):
                continue
            doc = parsed.doc
            quotes = None
            for start, end, candidate in self.forms.matches(parsed, use_lemma):
                first, last = doc[start], doc[end - 1]
                start_char, end_char = first.idx, last.idx + len(last)
                text = parsed.text[start_char:end_char]
                if ctx.is_vocabulary(text) or self._excepted(candidate.swap, doc, start, end):
                    continue
                quotes = quoted_spans(parsed.text) if quotes is None else quotes
                if inside(start_char, quotes):
                    continue  # quoted speech and titles are left as written
                fits = not _attributive_participle(doc, start, end, candidate.swap)
                yield self._hit(ctx, parsed.block, text, start_char, end_char, candidate, fits)

    def _excepted(self, swap: Swap, doc, start: int, end: int) -> bool:
        patterns = self._unless[id(swap)]
        if not patterns:
            return False
        sentence = doc[start:end].sent.text if has_sentences(doc) else doc.text
        return any(pattern.search(sentence) for pattern in patterns)

    def _hit(self, ctx: RuleContext, block, matched: str, start_char: int, end_char: int, candidate: _Candidate, fits: bool = True) -> Hit:
        swap = candidate.swap
        if swap.rewrite:  # no word fits in its place: a hint, never a word to paste
            return ctx.replacement_hit(
                block, start_char, end_char, None, "unsafe", (), suggestion=swap.rewrite, hint=swap.rewrite, variant="rewrite"
            )
        fitting, known = _fitting(swap, candidate, matched.lower()) if fits else ([], False)
        suggestions = tuple(dict.fromkeys(keep_case(matched, alternative) for alternative in fitting))
        shown = suggestions[0] if suggestions else keep_case(matched, swap.suggest[0])  # the message names the word anyway
        replacement = suggestions[0] if suggestions else None
        safety = "safe" if known and swap.safe and self.spec.fix == "safe" else "unsafe"
        if self.spec.fix == "none" or not swap.fix:
            replacement = None
        return ctx.replacement_hit(
            block,
            start_char,
            end_char,
            replacement,
            safety,
            suggestions,
            suggestion=shown,
            suggestions=" eller ".join(suggestions or (shown,)),
        )


def _fitting(swap: Swap, candidate: _Candidate, matched: str) -> tuple[list[str], bool]:
    """The alternatives that fit where the matched form stands, and whether the first is known to fit.

    An inflected form takes the inflections the entry lists for it; an alternative in its
    base form fits only a match in base form ("inkommit" never gets "lämna in").
    """
    known = swap.forms.get(matched)
    if isinstance(known, list):
        return [alternative for alternative in known if alternative], True
    if known:
        return [known], True
    if matched == candidate.base:
        return list(swap.suggest), len(swap.suggest) == 1
    return [], False


def _attributive_participle(doc, start: int, end: int, swap: Swap) -> bool:
    """A verb entry matched on a participle used as an adjective ("de tilldelade resurserna"):
    the taggers read it as a finite verb, but a finite alternative ("gav") does not fit there."""
    if swap.pos is None or end - start != 1 or start == 0 or {"NOUN", "ADJ"} & set(swap.pos):
        return False
    before = doc[start - 1]
    return before.pos_ == "DET" or (before.pos_ == "PRON" and "Yes" in before.morph.get("Poss"))


def _listed_positions(lowers: list[int], forms: frozenset[int], lemmas: list[int], lemma_forms: frozenset[int]) -> Iterator[int]:
    """The token indexes whose lower-case form is in `forms` or whose lemma is in `lemma_forms`."""
    if not lemma_forms:
        flags = map(forms.__contains__, lowers)
    elif not forms:
        flags = map(lemma_forms.__contains__, lemmas)
    else:
        flags = map(or_, map(forms.__contains__, lowers), map(lemma_forms.__contains__, lemmas))
    return compress(count(), flags)
