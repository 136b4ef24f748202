"""Nominal style, substantivsjuka (KLAR005).

Two patterns, both read from the rule's options so the word lists stay data:

* a light verb with an action noun where one verb would do: "utför en kontroll av" →
  "kontrollerar", "fattade beslut om" → "beslutade om", "har gjort en bedömning av" →
  "har bedömt". The suggestion takes the tense of the light verb.
* an action noun with "ske" or a passive light verb: "utbetalning sker i maj",
  "en kontroll genomförs" → "vi betalar ut", "vi kontrollerar".

Only token texts are used, so the rule works with any pipeline; with lemmas it is no better.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from itertools import compress
from operator import attrgetter
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from lint.language.text import block_sentences, is_protected, protected_spans
from lint.language.verbs import verb_forms
from lint.language.views import TokenRow, keep_case, token_rows
from lint.rules.api import Hit, RuleContext
from lint.rules.kinds.python import Check

SLOTS = ("inf", "pres", "past", "sup")
PASSIVE_SLOTS = ("pinf", "ppres", "ppast", "psup")
IS_SPACE = attrgetter("is_space")


def paradigm(spec: str) -> dict[str, str]:
    """'bedöma/bedömer/bedömde/bedömt' or a regular '-a' verb, with a particle tail ("betala ut")."""
    parts = [part.split(" ", 1) for part in spec.split("/")]
    tail = next((part[1] for part in parts if len(part) > 1), "")
    forms = verb_forms("/".join(part[0] for part in parts))
    forms.pop("ppres_es", None)
    return {slot: f"{form} {tail}".strip() for slot, form in forms.items()}


@dataclass(frozen=True)
class Noun:
    base: str
    forms: frozenset[str]
    verb: dict[str, str]  # slot → form of the plain verb
    light: frozenset[str]  # light verbs it goes with
    absorbs: str | None  # the preposition the verb swallows: "en bedömning av X" → "bedömer X"
    doer: str = "vi"  # who does it in a rewrite: "vi betalar ut", but "du ansöker"


@dataclass(frozen=True)
class Lexicon:
    light_forms: dict[str, tuple[str, str]]  # form → (light verb, slot)
    nouns: dict[str, Noun]  # any form → noun
    fillers: frozenset[str]
    ske_forms: frozenset[str]
    ske_suffixes: tuple[str, ...]
    # Hashes of words (and lemmas) known to start no finding, to start one only before
    # certain words (see `after_suffixed`), or to start one: a text repeats most of its
    # words, so each is tested once.
    plain: set[int] = field(default_factory=set, compare=False, hash=False)
    suffixed: set[int] = field(default_factory=set, compare=False, hash=False)
    triggers: set[int] = field(default_factory=set, compare=False, hash=False)

    @cached_property
    def after_suffixed(self) -> frozenset[str]:
        """The words after which a word known only by its suffix can start a finding:
        "utbetalning sker", "utbetalning av bidraget sker" (see _noun_then_verb)."""
        return self.ske_forms | {"av", "om"}

    def kind(self, word: str) -> set[int]:
        """Which of the hash sets above a (lower-case) word belongs in."""
        if word in self.light_forms or word in self.nouns:
            return self.triggers
        return self.suffixed if word.endswith(self.ske_suffixes) else self.plain


class NounEntry(BaseModel):
    """An action noun in the options: its forms (a/b/c) and the verb to write instead."""

    model_config = ConfigDict(extra="forbid")

    forms: str
    verb: str  # a paradigm: inf/pres/past/sup, or the infinitive of a regular verb
    generic: bool = True  # found with every generic light verb, not only those in `with`
    with_: list[str] = Field([], alias="with")
    av: bool = True  # "av" after the noun belongs to the phrase (unless `absorb` names another word)
    absorb: str | None = None
    doer: Literal["vi", "du"] = "vi"  # who does it when nobody is named: the authority, or the reader


class NominalOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    generic_light_verbs: list[str]
    light_verbs: dict[str, str]  # light verb → paradigm
    fillers: list[str]  # words that may stand between the light verb and the noun
    ske: list[str]
    ske_suffixes: list[str]
    nouns: dict[str, NounEntry]


def build_lexicon(options: NominalOptions) -> Lexicon:
    light_forms: dict[str, tuple[str, str]] = {}
    for light, spec in options.light_verbs.items():
        for slot, form in paradigm(spec).items():
            light_forms.setdefault(form, (light, slot))
    nouns: dict[str, Noun] = {}
    generic = frozenset(options.generic_light_verbs)
    for base, entry in options.nouns.items():
        forms = frozenset(entry.forms.split("/"))
        light = generic | frozenset(entry.with_) if entry.generic else frozenset(entry.with_)
        absorbs = entry.absorb if "absorb" in entry.model_fields_set else ("av" if entry.av else None)
        noun = Noun(base, forms, paradigm(entry.verb), light, absorbs, entry.doer)
        for form in forms:
            nouns[form] = noun
    return Lexicon(light_forms, nouns, frozenset(options.fillers), frozenset(options.ske), tuple(options.ske_suffixes))


class NominalStyle(Check):
    Options = NominalOptions
    variants = frozenset({"light_verb", "hidden_action", "noun_and_verb"})
    values = frozenset({"verb", "phrase"})

    @cached_property
    def lexicon(self) -> Lexicon:
        return build_lexicon(self.options)

    def run(self, ctx: RuleContext) -> Iterator[Hit]:
        lex = self.lexicon
        for parsed in ctx.blocks(self.spec.scope):
            triggers = _trigger_positions(parsed, lex)
            if triggers:
                yield from _block_hits(ctx, parsed, triggers, lex)


def _trigger_positions(parsed, lex: Lexicon) -> list[int]:
    """Token indices of the block whose word can start a finding (most words cannot).

    Words are compared by their spaCy hashes, which the block already has as a set.
    """
    lowers, _, block_words = parsed.token_hashes
    candidates = block_words - lex.plain
    unknown = candidates - lex.triggers - lex.suffixed
    if unknown:
        if len(lex.plain) > 50_000:
            lex.plain.clear()
            lex.suffixed.clear()
        strings = parsed.doc.vocab.strings
        for word in unknown:
            lex.kind(strings[word]).add(word)
        candidates -= lex.plain
    if not candidates:
        return []
    positions = list(compress(range(len(lowers)), map(candidates.__contains__, lowers)))
    if candidates.isdisjoint(lex.suffixed):
        return positions
    words, after = parsed.token_words[0], lex.after_suffixed
    last = len(words) - 1
    # The next word may also be a space token, which the sentence's word list leaves out.
    return [i for i in positions if lowers[i] in lex.triggers or (i < last and (words[i + 1] in after or words[i + 1].isspace()))]


def _block_hits(ctx: RuleContext, parsed, triggers: list[int], lex: Lexicon) -> Iterator[Hit]:
    rows = token_rows(parsed.doc)
    remaining = iter(triggers)
    trigger = next(remaining)
    for sentence in block_sentences(parsed):
        first, last = sentence.span.start, sentence.span.end
        starts = []
        while trigger is not None and trigger < last:
            if trigger >= first:
                starts.append(trigger)
            trigger = next(remaining, None)
        if not starts:
            continue
        tokens = rows[first:last]
        if not any(map(IS_SPACE, tokens)):
            starts = [index - first for index in starts]
        else:
            tokens = [row for row in tokens if not row.is_space]
            position = {row.i: index for index, row in enumerate(tokens)}
            starts = [position[index] for index in starts if index in position]
        found = sorted(_findings(tokens, starts, lex), key=lambda f: (f[0].i, -f[1].i))
        if found:
            yield from _sentence_hits(ctx, parsed, sentence, found)


def _sentence_hits(ctx: RuleContext, parsed, sentence, found: list[tuple]) -> Iterator[Hit]:
    protected = protected_spans(sentence.text)
    last_end = -1
    for start, end, suggestion, fixable, values in found:
        start_idx = parsed.doc[start.i].idx
        if start.i < last_end or is_protected(start_idx - sentence.start, protected):
            continue
        last_end = end.i + 1
        block_start, block_end = start_idx, parsed.doc[end.i].idx + len(end.text)
        matched = sentence.block.text[block_start:block_end]
        suggestion = keep_case(matched, suggestion)
        yield ctx.replacement_hit(
            sentence.block,
            block_start,
            block_end,
            suggestion if fixable else None,
            "unsafe",
            (suggestion,) if fixable else (),
            suggestion=suggestion,
            **values,
        )


def _findings(tokens: list[TokenRow], starts: list[int], lex: Lexicon) -> Iterator[tuple]:
    """Findings that start at the given positions of `tokens` (the sentence's words)."""
    for index in starts:
        token = tokens[index]
        light = lex.light_forms.get(token.lower)
        if light is not None:
            found = _light_verb_phrase(tokens, index, light, lex)
            if found:
                yield found
        noun = lex.nouns.get(token.lower)
        if noun is not None or token.lower.endswith(lex.ske_suffixes):
            found = _noun_then_verb(tokens, index, noun, lex)
            if found:
                yield found


def _light_verb_phrase(tokens: list[TokenRow], index: int, light: tuple[str, str], lex: Lexicon):
    """utför (en noggrann) kontroll (av) → kontrollerar."""
    verb_name, slot = light
    if slot in PASSIVE_SLOTS:
        return None
    position = index + 1
    while position < len(tokens) and position - index <= 3 and tokens[position].lower in lex.fillers:
        position += 1
    if position >= len(tokens):
        return None
    noun = lex.nouns.get(tokens[position].lower)
    if noun is None or verb_name not in noun.light:
        return None
    end = position
    if noun.absorbs and end + 1 < len(tokens) and tokens[end + 1].lower == noun.absorbs:
        end += 1
    matched = " ".join(token.text for token in tokens[index : end + 1])
    return tokens[index], tokens[end], noun.verb[slot], True, {"variant": "light_verb", "verb": noun.verb[slot], "phrase": matched}


def _noun_then_verb(tokens: list[TokenRow], index: int, noun: Noun | None, lex: Lexicon):
    """utbetalning sker / en kontroll genomförs → vi betalar ut / vi kontrollerar."""
    for position in range(index + 1, min(index + 4, len(tokens))):
        word = tokens[position].lower
        light = lex.light_forms.get(word)
        is_ske = word in lex.ske_forms
        passive_light = light is not None and light[1] in PASSIVE_SLOTS and noun is not None and light[0] in noun.light
        if is_ske or passive_light:
            if noun is None and not _looks_like_action_noun(tokens[index], lex):
                return None
            if noun is None:
                return tokens[index], tokens[position], "", False, {"variant": "hidden_action", "phrase": f"{tokens[index].text} {word}"}
            plain = f"{noun.doer} {noun.verb['pres']}"
            return tokens[index], tokens[position], plain, False, {"variant": "noun_and_verb", "verb": plain}
        if tokens[position].is_punct or tokens[index + 1].lower not in {"av", "om"}:
            return None  # only "utbetalning sker", "utbetalning av bidraget sker", "ansökan om plats görs"
    return None


def _looks_like_action_noun(token: TokenRow, lex: Lexicon) -> bool:
    if token.pos and token.pos not in {"NOUN", "PROPN", ""}:
        return False  # (a capitalised first word is sometimes tagged as a name)
    return len(token.text) > 6 and token.lower.endswith(lex.ske_suffixes)
