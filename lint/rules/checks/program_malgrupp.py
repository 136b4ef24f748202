"""Målgrupp: is the text written for its reader (MALG001–MALG005)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from lint.language.detectors import (
    Phrases,
    block_words,
    masked_text,
    sentence_start,
    word_count,
    words_regex,
)
from lint.language.prefilter import Needs
from lint.language.text import folded_text
from lint.language.views import keep_case
from lint.rules.api import Hit, RuleContext
from lint.rules.checks.program import prose_blocks, title_hit
from lint.rules.kinds.existence import token_matcher
from lint.rules.kinds.python import Check
from lint.rules.kinds.substitution import FormIndex, Swap
from lint.rules.organisation import load_data

# MALG001 tilltal ----------------------------------------------------------------------


class ThirdPerson(BaseModel):
    """A way of naming the reader in the third person, and the pronoun to write instead."""

    model_config = ConfigDict(extra="forbid")

    pattern: list[dict[str, Any]] = Field(min_length=1)  # a spaCy Matcher token pattern
    suggest: str
    object: str | None = None  # the pronoun where the phrase is an object: "beviljas den sökande" → "dig"


def _pattern_words(pattern: list[dict[str, Any]]) -> str | None:
    """The words a pattern of plain LOWER tokens matches ("den sökande"), else None."""
    words = [token.get("LOWER") for token in pattern]
    return " ".join(words) if all(isinstance(word, str) and len(token) == 1 for word, token in zip(words, pattern)) else None


# "man" meaning the reader: a pronoun "man" followed by a modal or a typical action verb.
READER_MAN = re.compile(
    r"(?<![\w-])(?<!en )(?<!ingen )(?<!varje )(?<!någon )(?<!den )(?<!samme )"
    r"(?P<man>[Mm]an)\s+(?:kan|ska|skall|måste|behöver|får|bör|vill|har rätt|söker|ansöker|anmäler|fyller i|skickar|betalar|lämnar)(?![\w-])"
)
# ... or after a modal or a subjunction: "kan man använda", "om man vill".
READER_MAN_AFTER = re.compile(
    r"\b(?:[Kk]an|[Ss]ka|[Ss]kall|[Mm]åste|[Bb]ehöver|[Ff]år|[Bb]ör|[Vv]ill|[Oo]m|[Nn]är|[Hh]ur|[Ii]nnan) (?P<man>man)(?= [a-zåäö])"
)
# Not after [\w-] either: _capital_pronouns checks that itself, so that the regex engine can
# skip straight to a "D", "N" or "E" (a pattern that starts with a look-behind is tried everywhere).
CAPITAL_PRONOUN = re.compile(r"(Du|Dig|Din|Ditt|Dina|Ni|Er|Ert|Era)(?![\w-])")
PRONOUNS = frozenset({"du", "dig", "din", "ditt", "dina", "ni", "er", "ert", "era"})


class Address(Check):
    """The reader not addressed as du/ni: den sökande, reader-meaning man, Du/Ni mid-sentence."""

    class Options(Check.Options):
        third_person: list[ThirdPerson] = []

    variants = frozenset({"third_person", "man", "capital"})

    def __init__(self, rule, options) -> None:
        super().__init__(rule, options)
        self.matcher = None
        phrases = [_pattern_words(entry.pattern) for entry in options.third_person]
        self.phrases = Phrases.of(phrases) if None not in phrases else Phrases({}, anything=True)

    def prepare(self, nlp) -> None:
        if self.matcher is None and self.options.third_person:
            patterns = [entry.pattern for entry in self.options.third_person]
            self.matcher = token_matcher(nlp, patterns, f"{self.rule.origin}: regel {self.code}, fält options.third_person")

    def run(self, ctx: RuleContext) -> Iterator[Hit]:
        for parsed in ctx.blocks(self.spec.scope):
            words = block_words(parsed)
            found = []
            if self.matcher is not None and parsed.doc is not None and self.phrases.may_occur(words):
                found += self._third_person(parsed)
            if "man" in words:
                found += _reader_man(parsed, ctx)
            if not PRONOUNS.isdisjoint(words):
                found += _capital_pronouns(parsed.block.text)
            for start, end, right, safety, variant in sorted(found):
                yield ctx.replacement_hit(parsed.block, start, end, right, safety, (right,), suggestion=right, variant=variant)

    def _third_person(self, parsed) -> Iterator[tuple[int, int, str, str, str]]:
        from spacy.util import filter_spans

        doc = parsed.doc
        matches = {(start, end): int(doc.vocab.strings[key]) for key, start, end in self.matcher(doc)}
        for span in filter_spans([doc[start:end] for start, end in matches]):  # the longest where matches overlap
            written = parsed.block.text[span.start_char : span.end_char]
            entry = self.options.third_person[matches[span.start, span.end]]
            right = keep_case(written, entry.object if entry.object and _is_object(doc, span.start) else entry.suggest)
            yield span.start_char, span.end_char, right, "unsafe", "third_person"


def _is_object(doc, start: int) -> bool:
    """Whether the phrase at token `start` stands as an object: after a preposition ("till den
    sökande"), or after a finite verb that a subject comes before ("Vi ger den sökande",
    "Tillstånd beviljas den sökande"). After a modal or an adverbial first ("Sedan skickar den
    sökande in") it is the subject."""
    if start == 0:
        return False
    before = doc[start - 1]
    if before.pos_ == "ADP":
        return True
    if before.pos_ != "VERB" or "Fin" not in before.morph.get("VerbForm"):
        return False
    sentence_start = before.sent.start if doc.has_annotation("SENT_START") else 0
    opening = [token for token in doc[sentence_start : before.i] if not token.is_punct]
    return bool(opening) and all(t.pos_ in {"NOUN", "PROPN", "PRON", "DET", "ADJ", "NUM"} for t in opening)


def _reader_man(parsed, ctx: RuleContext) -> Iterator[tuple[int, int, str, str, str]]:
    text = parsed.block.text
    men = {match.span("man"): match.group("man") for regex in (READER_MAN, READER_MAN_AFTER) for match in regex.finditer(text)}
    for (start, end), word in men.items():
        if _tagged(parsed, ctx, start, end, "NOUN"):
            continue  # "en man", "mannen" as the pipeline reads it
        yield start, end, keep_case(word, "du"), "unsafe", "man"


def _capital_pronouns(text: str) -> Iterator[tuple[int, int, str, str, str]]:
    for match in CAPITAL_PRONOUN.finditer(text):
        before = text[match.start() - 1] if match.start() else " "
        if before.isalnum() or before in "_-":
            continue  # right after a word character or a hyphen
        if not sentence_start(text, match.start()):
            right = match.group(0).lower()
            yield match.start(), match.end(), right, "safe", "capital"


def _tagged(parsed, ctx: RuleContext, start: int, end: int, pos: str) -> bool:
    """Whether the pipeline (when it has part-of-speech tags) tags block text [start, end) as `pos`."""
    if "pos" not in ctx.annotations or parsed.doc is None:
        return False
    span = parsed.doc.char_span(start, end)
    return span is not None and span[0].pos_ == pos


# MALG004 inkluderande (MALG003 anglicism is a substitution rule) -----------------------


@dataclass(frozen=True)
class Entry:
    unless: tuple[re.Pattern[str], ...]  # regexes on the block: when one matches, no finding
    attributive: str | None  # "med funktionsnedsättning": handikappade barn → barn med funktionsnedsättning


class WordList:
    """A word list with inflected alternatives, found by token with the substitution kind's
    form machinery (listed forms only, never by lemma)."""

    def __init__(self, entries: list[dict]) -> None:
        swaps = [
            Swap.model_validate({key: entry[key] for key in ("match", "suggest", "forms") if key in entry} | {"lemma": False})
            for entry in entries
        ]
        self.forms = FormIndex(swaps, lemma=False)
        self.entries = [Entry(tuple(re.compile(p) for p in entry.get("unless", [])), entry.get("attributive")) for entry in entries]

    def prepare(self, nlp) -> None:
        self.forms.prepare(nlp)

    def hits(self, ctx: RuleContext, rule) -> Iterator[Hit]:
        for parsed in ctx.blocks(rule.spec.scope):
            if parsed.doc is None or not self.forms.may_occur(parsed, False):
                continue
            for start, end, candidate in self.forms.matches(parsed, False):
                first, last = parsed.doc[start], parsed.doc[end - 1]
                yield from self._hit(ctx, parsed, first.idx, last.idx + len(last), candidate)

    def _hit(self, ctx: RuleContext, parsed, start: int, end: int, candidate) -> Iterator[Hit]:
        block, entry, swap = parsed.block, self.entries[candidate.index], candidate.swap
        written = block.text[start:end]
        if any(pattern.search(block.text) for pattern in entry.unless):
            return
        inflected = swap.forms.get(" ".join(written.lower().split()))
        noun = _noun_after(parsed, ctx, end) if entry.attributive else None
        if noun:
            replacement = keep_case(written, f"{noun.group(1)} {entry.attributive}")
        elif inflected and not (entry.attributive and COPULA_BEFORE.search(masked_text(parsed), 0, start)):
            replacement = keep_case(written, inflected)
        else:
            replacement = None  # "Många är handikappade": no noun phrase to put in its place
        suggestions = (replacement,) if replacement else tuple(keep_case(written, s) for s in swap.suggest)
        yield ctx.replacement_hit(
            block, start, noun.end() if noun else end, replacement, "unsafe", suggestions, suggestion=suggestions[0], variant="word"
        )


COPULA_BEFORE = re.compile(r"\b(?:är|var|blir|blev|vara|varit|bli|blivit)\s+$", re.I)
NEXT_WORD = re.compile(r"[ \u00a0]+([a-zåäöé]+(?:-[a-zåäöé]+)*)\b")
NOT_NOUNS = frozenset(
    "och eller samt men som att i på för med av till från om hos vid under över efter utan mot sedan "
    "är var blir blev har hade ska skall kan får måste bör vill inte också redan ofta alltid".split()
)


def _noun_after(parsed, ctx: RuleContext, offset: int) -> re.Match[str] | None:
    """The noun right after an adjective (handikappade «barn»), read from the pipeline's tags
    when it has them, else any following word that is not a function word."""
    match = NEXT_WORD.match(parsed.block.text, offset)
    if match is None:
        return None
    if "pos" in ctx.annotations and parsed.doc is not None:
        return match if _tagged(parsed, ctx, match.start(1), match.end(1), "NOUN") else None
    return None if match.group(1) in NOT_NOUNS else match


@lru_cache(maxsize=4)
def _word_list(name: str, key: str) -> WordList:
    return WordList(load_data(name).get(key) or [])


PRONOUN_HAN = re.compile(r"(?<![\w-])(?:[Hh]an|[Hh]onom|[Hh]ans)(?![\w/-])")
HAN_NEEDS = Needs.of(PRONOUN_HAN)
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9\"”»])")


class Inclusive(Check):
    """Words with inclusive alternatives, han/hon pairs and a generic han after a role word."""

    class Options(Check.Options):
        data: str = "inkluderande.yaml"  # the word list in rules/data

    variants = frozenset({"word", "pronoun"})

    def prepare(self, nlp) -> None:
        _word_list(self.options.data, "words").prepare(nlp)

    def run(self, ctx: RuleContext) -> Iterator[Hit]:
        name = self.options.data
        yield from _word_list(name, "words").hits(ctx, self)
        pairs, pair_phrases, roles, role_phrases = _pairs_and_roles(name)
        for parsed in ctx.blocks(self.spec.scope):
            words = block_words(parsed)
            block = parsed.block
            pair_spans = [(m.start(), m.end()) for m in pairs.finditer(block.text)] if pairs and pair_phrases.may_occur(words) else []
            for start, end in pair_spans:
                yield ctx.replacement_hit(block, start, end, None, "unsafe", ("hen", "den"), suggestion="hen", variant="pronoun")
            if roles and HAN_NEEDS.may_match(folded_text(parsed)) and role_phrases.may_occur(words):
                yield from _generic_han(ctx, block, roles, pair_spans)


@lru_cache(maxsize=4)
def _pairs_and_roles(name: str) -> tuple[re.Pattern[str] | None, Phrases, re.Pattern[str] | None, Phrases]:
    data = load_data(name)
    pairs, roles = data.get("pairs", []), data.get("generic_roles", [])
    return words_regex(pairs), Phrases.of(pairs), words_regex(roles), Phrases.of(roles)


def _generic_han(ctx: RuleContext, block, roles: re.Pattern[str], skip: list[tuple[int, int]]) -> Iterator[Hit]:
    text = block.text
    starts = [0] + [m.end() for m in SENTENCE_SPLIT.finditer(text)]
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        window_start = starts[index - 1] if index else start
        for match in PRONOUN_HAN.finditer(text, start, end):
            if any(a <= match.start() < b for a, b in skip):
                continue
            window = text[window_start : match.start()]
            if roles.search(window) and not _names_person(window):
                yield ctx.replacement_hit(
                    block, match.start(), match.end(), None, "unsafe", ("hen", "den"), suggestion="hen", variant="pronoun"
                )
                return  # once per block is enough to make the point


NAME = re.compile(r"(?<=[a-zåäö,] )[A-ZÅÄÖ][a-zåäö]+(?: [A-ZÅÄÖ][a-zåäö]+)?")


def _names_person(window: str) -> bool:
    """A capitalised word mid-sentence: a name, so "han" may well be that person."""
    return bool(NAME.search(window))


# MALG005 struktur ---------------------------------------------------------------------

DEADLINE = re.compile(
    r"\b(?:senast(?: den)? \d{1,2}(?:\s+\w+)?|senast \d{4}-\d{2}-\d{2}|sista (?:ansöknings|anmälnings)?dag(?:en)?\b|före den \d{1,2} \w+)",
    re.I,
)
DECISION = re.compile(
    r"\b(?:(?:vi|nämnden|förvaltningen|kontoret) har (?:beslutat|bestämt) att|(?:du|ni|ansökan) (?:beviljas|avslås)|(?:vi|nämnden) (?:beviljar|avslår)|har (?:beviljat|avslagit))\b",
    re.I,
)
MAIN_POINT_NEEDS = Needs.of(DEADLINE, DECISION)


class Structure(Check):
    """Long text without headings, too long paragraphs, the main point only at the end."""

    class Options(Check.Options):
        min_words: int = Field(150, ge=0)  # shorter texts have no "end" for the main point to hide in

    variants = frozenset({"no_headings", "long_paragraph", "main_point_late"})

    def run(self, ctx: RuleContext) -> Iterator[Hit]:
        blocks = list(prose_blocks(ctx))
        counts = [word_count(parsed) for parsed in blocks]
        total = sum(counts)
        heading_words = ctx.threshold("heading_words", 250)
        if heading_words and total > heading_words and not _has_subheading(ctx):
            hit = title_hit(ctx, variant="no_headings", value=total, limit=int(heading_words))
            yield Hit(hit.offset, hit.end_offset, hit.values, ("Dela in texten med mellanrubriker som säger vad avsnittet handlar om.",))
        block_words = ctx.threshold("block_words", 90)
        for parsed, count in zip(blocks, counts):
            if block_words and count > block_words:
                hit = ctx.hit(parsed.block, 0, len(parsed.block.text), variant="long_paragraph", value=count, limit=int(block_words))
                yield Hit(hit.offset, hit.end_offset, hit.values, ("Dela stycket i kortare stycken med en tanke i varje.",))
        yield from _main_point_late(ctx, self.options.min_words)


def _has_subheading(ctx: RuleContext) -> bool:
    """A heading after the title with text after it (a date line at the end is no heading)."""
    kinds = [parsed.block.kind.value for parsed in ctx.parsed]
    return any(
        kind == "heading" and "heading" not in kinds[index + 1 : index + 2] and index + 1 < len(kinds)
        for index, kind in enumerate(kinds)
        if index > 0
    )


def _main_point_late(ctx: RuleContext, min_words: int) -> Iterator[Hit]:
    """A deadline or decision that first appears after 60 % of a longer text."""
    total = sum(word_count(parsed) for parsed in ctx.parsed)
    if total < min_words:
        return
    seen = 0
    for parsed in ctx.parsed:
        match = _main_point(parsed) if MAIN_POINT_NEEDS.may_match(folded_text(parsed)) else None
        if match:
            if seen > total * 0.6:
                hit = ctx.hit(parsed.block, match.start(), match.end(), variant="main_point_late")
                yield Hit(
                    hit.offset,
                    hit.end_offset,
                    hit.values,
                    ("Börja med det viktigaste: flytta beslutet eller datumet till början av texten.",),
                )
            return
        seen += word_count(parsed)


def _main_point(parsed) -> re.Match[str] | None:
    """A deadline or a decision in the block, unless it is about appealing."""
    text = parsed.block.text
    if "överklag" in folded_text(parsed):
        return None
    return DEADLINE.search(text) or DECISION.search(text)
