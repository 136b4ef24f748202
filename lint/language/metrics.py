"""Readability and style measures (REFERENCE §6: LIX, OVIX, nominalkvot, passive share).

All counts use the project's own Swedish segmentation. A word is a token that holds a
letter or digit (punctuation is not a word). The measures are taken over the document's
*prose sentences*: sentences outside headings that end in a full stop, question mark,
exclamation mark or colon, or that have at least `FRAGMENT_WORDS` words. Signature lines,
addresses, phone numbers and headings are not sentences, and counting them would make
every text with a contact block look easier than it is. When a text has no prose
sentence at all, every sentence counts.

Syllables come from pyphen's Swedish hyphenation patterns, counted as textstat counts
them (textstat itself is not imported at run time). textstat's LIX is cross-checked
against ours in the tests on our own sentence split (its splitter breaks on "t.ex." and "kl. 13.00"). Its reading time is not used: it
assumes English text (a fixed time per character, about 800 words a minute).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from operator import mul
from typing import NamedTuple

from lint.language.views import (
    MORPH_TEXTS,
    ParsedBlock,
    SharedTable,
    doc_text,
    morph_values,
    sentence_spans,
    token_columns,
)

MIN_LIX_WORDS = 20  # a LIX over fewer words says little (a paragraph's or a page's)
LONG_WORD = 6  # LIX: words longer than six letters
FRAGMENT_WORDS = 6  # a line without a full stop counts as a sentence from this many words
MIN_CLAUSES = 4  # the passive share needs at least this many finite verbs
LIX_BANDS = ((30, "mycket lätt"), (40, "lätt"), (50, "medelsvår"), (60, "svår"))
SENTENCE_FINAL = (".", "!", "?", ":", "…")
NOMINAL_POS = {"NOUN", "ADP"}
VERBAL_POS = {"PRON", "ADV", "VERB", "AUX"}
# OVIX depends on text length, and on short texts almost every word is new, so the
# denominator log(2 - log(u)/log(w)) nears zero and the value explodes (256.8 on a
# 46-word notice). Below this many prose words OVIX is reported as null.
MIN_OVIX_WORDS = 100
# Reading time assumes 200 words a minute: a deliberately unhurried pace for the broad
# public a public body writes for (adults read easy Swedish prose at roughly 200-250
# words a minute; many readers of official texts read more slowly than that).
WORDS_PER_MINUTE = 200


def is_word(token) -> bool:
    """A word: not punctuation or blank, with a letter or a digit (a spaCy Token, Lexeme or TokenRow)."""
    if token.is_punct or token.is_space:
        return False
    text = token.text
    return text.isalnum() or any(char.isalnum() for char in text)


def lix_band(lix: float) -> str:
    for limit, band in LIX_BANDS:
        if lix < limit:
            return band
    return "mycket svår"


def lix(words: int, sentences: int, long_words: int) -> float:
    if not words or not sentences:
        return 0.0
    return words / sentences + 100 * long_words / words


def ovix(words: int, unique: int) -> float | None:
    """The formula itself (any length); document_metrics leaves out texts under MIN_OVIX_WORDS."""
    if words < 2 or unique < 1:
        return None
    if unique == words:
        return None  # every word distinct: the formula divides by log(1) = 0
    denominator = math.log(2 - math.log(unique) / math.log(words))
    return math.log(words) / denominator if denominator > 0 else None


def nominal_quotient(nominal: int, verbal: int) -> float | None:
    return nominal / verbal if verbal else None


def morph_is_participle(morph: str) -> bool:
    return "VerbForm=" in morph and "Part" in morph_values(morph, "VerbForm")


class TokenFlags(NamedTuple):
    """Per token of a doc, 0 or 1 (a byte each: a long document keeps them for every token):
    the measures sum these over each sentence's slice."""

    word: bytes
    long_word: bytes
    nominal: bytes  # a word tagged noun or preposition, or a participle
    verbal: bytes  # a word tagged pronoun, adverb, verb or auxiliary (and not nominal)
    finite_verb: bytes  # a clause's finite verb, for the passive share
    lower: list[int]  # LOWER hashes, for the vocabulary


def _word_kind(orth: int, doc) -> tuple[int, int]:
    lexeme = doc.vocab[orth]
    word = is_word(lexeme)
    return int(word), int(word and is_long_word(lexeme.text))


def _tag_kind_of(tag: tuple[int, int], doc) -> tuple[int, int, int]:
    pos, morph = tag
    return _tag_kind(doc.vocab.strings[pos] if pos else "", MORPH_TEXTS.lookup([morph], doc)[0])


# What a word (ORTH) and a tag (POS, MORPH) mean for the measures: (word, long word) and
# (nominal, verbal, finite verb), found once per distinct value for every doc.
WORD_KINDS = SharedTable(_word_kind)
TAG_KINDS = SharedTable(_tag_kind_of)


def token_flags(doc) -> TokenFlags:
    flags = doc.user_data.get("kommlint_flags")
    if flags is None:
        flags = doc.user_data["kommlint_flags"] = _flags(doc)
    return flags


def _flags(doc) -> TokenFlags:
    columns = token_columns(doc)
    if not columns.orth:
        return TokenFlags(b"", b"", b"", b"", b"", [])
    words, long_words = zip(*WORD_KINDS.lookup(columns.orth, doc))
    nominal, verbal, finite = zip(*TAG_KINDS.lookup(list(zip(columns.pos, columns.morph)), doc))
    return TokenFlags(
        bytes(words), bytes(long_words), bytes(map(mul, words, nominal)), bytes(map(mul, words, verbal)), bytes(finite), columns.lower
    )


def _tag_kind(pos: str, morph: str) -> tuple[int, int, int]:
    nominal = pos in NOMINAL_POS or morph_is_participle(morph)
    verbal = not nominal and pos in VERBAL_POS
    finite = pos in {"VERB", "AUX"} and "Fin" in morph_values(morph, "VerbForm")
    return int(nominal), int(verbal), int(finite)


def word_count(sentence) -> int:
    return sum(token_flags(sentence.doc).word[sentence.start : sentence.end])


def sentence_text(sentence) -> str:
    """`sentence.text` without building a Token for each of its words."""
    return doc_text(sentence.doc)[sentence.start_char : sentence.end_char]


sentence_words = word_count  # the name the metric rule kind uses


def split_sentences(parsed: Iterable[ParsedBlock]) -> tuple[list, list]:
    """(every sentence with a word, the prose sentences the measures are taken over).

    A prose sentence is running text, not a heading, a signature or an address line: it
    ends like a sentence or has at least FRAGMENT_WORDS words.
    """
    every, prose = [], []
    for item in parsed:
        block_every, block_prose = block_split(item)
        every += block_every
        prose += block_prose
    return every, prose or every


def block_split(item: ParsedBlock) -> tuple[list, list]:
    """split_sentences for one block, without the fallback to every sentence."""
    every, prose = [], []
    in_heading = item.block.kind.value == "heading"
    text = doc_text(item.doc)
    for sentence in sentence_spans(item.doc):
        words = word_count(sentence)
        if not words:
            continue
        every.append(sentence)
        if in_heading:
            continue
        if words >= FRAGMENT_WORDS or text[sentence.start_char : sentence.end_char].rstrip().endswith(SENTENCE_FINAL):
            prose.append(sentence)
    return every, prose


@dataclass
class Counts:
    words: int = 0
    sentences: int = 0
    long_words: int = 0
    nominal: int = 0  # nouns, prepositions, participles
    verbal: int = 0  # pronouns, adverbs, verbs
    vocabulary: set[int] = field(default_factory=set)  # LOWER hashes of the words

    def add_sentence(self, sentence, verbs: frozenset[int] = frozenset()) -> None:
        """Count a sentence; `verbs` are token indices known to be verbs (passives a model mis-tagged)."""
        flags, start, end = token_flags(sentence.doc), sentence.start, sentence.end
        words = flags.word[start:end]
        self.sentences += 1
        self.words += sum(words)
        self.long_words += sum(flags.long_word[start:end])
        self.vocabulary.update(compress(flags.lower[start:end], words))
        nominal, verbal = sum(flags.nominal[start:end]), sum(flags.verbal[start:end])
        for index in verbs:
            if start <= index < end and flags.word[index] and not flags.verbal[index]:
                nominal -= flags.nominal[index]
                verbal += 1
        self.nominal += nominal
        self.verbal += verbal


def is_long_word(text: str) -> bool:
    """LIX's long word: more than LONG_WORD letters (digits and hyphens do not count)."""
    if len(text) <= LONG_WORD:
        return False
    return text.isalpha() or sum(char.isalpha() for char in text) > LONG_WORD


def passive_tokens(sentence) -> frozenset[int]:
    from lint.language.passive import deponents, passives

    found = passives(sentence, deponents())
    return frozenset(i for passive in found for i in range(passive.start, passive.end)) if found else frozenset()


def document_metrics(parsed: Iterable[ParsedBlock], annotations: frozenset[str]) -> dict[str, float | int | None]:
    """`words` and `sentences` count the whole text; the measures count its prose sentences.

    One pass over the blocks, so a giant document's blocks drop their caches behind it
    (lint.language.views.ReleasingBlocks) instead of all being held until the end.
    """
    tally = Tally(with_passives={"pos", "morph"} <= annotations)
    for item in parsed:
        tally.add(item)
    counts, tokens = tally.measured()
    words = counts.words
    metrics: dict[str, float | int | None] = {
        "words": tally.words,
        "sentences": tally.sentences,
        "prose_words": words,
        "prose_sentences": counts.sentences,
        "lix": round(lix(words, counts.sentences, counts.long_words), 1),
        "ovix": _round(ovix(words, len(counts.vocabulary))) if words >= MIN_OVIX_WORDS else None,
        "long_words_share": round(counts.long_words / words, 3) if words else 0.0,
        "avg_sentence_words": round(words / counts.sentences, 1) if counts.sentences else 0.0,
        "nk": None,
        "passive_share": None,
    }
    if tally.with_passives:
        metrics["nk"] = _round(nominal_quotient(counts.nominal, counts.verbal), 2)
        metrics["passive_share"] = round(min(tally.passives / tally.clauses, 1.0), 3) if tally.clauses >= MIN_CLAUSES else None
    metrics["syllables_per_word"] = syllable_share(tokens, words)
    metrics["reading_time_seconds"] = reading_time_seconds(metrics["words"])
    return metrics


@dataclass
class Tally:
    """What document_metrics adds up, block by block."""

    with_passives: bool
    words: int = 0  # in every sentence with a word
    sentences: int = 0
    prose: Counts = field(default_factory=Counts)
    prose_tokens: Counter = field(default_factory=Counter)  # the prose's whitespace-separated tokens, for syllables
    clauses: int = 0  # finite verbs, for the passive share
    passives: int = 0
    unprosed: list = field(default_factory=list)  # every sentence, kept while no prose sentence is found

    def add(self, item: ParsedBlock) -> None:
        every, prose = block_split(item)
        self.words += sum(map(word_count, every))
        self.sentences += len(every)
        for sentence in prose:
            self._count(self.prose, self.prose_tokens, sentence)
        if not self.prose.sentences:
            self.unprosed.extend(every)
        elif self.unprosed:
            self.unprosed = []
        if self.with_passives and item.doc is not None:
            self._passive_clauses(item.doc)

    def measured(self) -> tuple[Counts, Counter]:
        """The counts and tokens of the prose sentences, or of every sentence when there is no prose."""
        if self.prose.sentences:
            return self.prose, self.prose_tokens
        counts, tokens = Counts(), Counter()
        for sentence in self.unprosed:
            self._count(counts, tokens, sentence)
        return counts, tokens

    def _count(self, counts: Counts, tokens: Counter, sentence) -> None:
        counts.add_sentence(sentence, passive_tokens(sentence) if self.with_passives else frozenset())
        tokens.update(sentence_text(sentence).split())

    def _passive_clauses(self, doc) -> None:
        """A clause is counted at each finite verb; a passive infinitive after a modal (ska
        lämnas) is a passive clause whose finite verb is the modal."""
        from lint.language.passive import deponents, passives

        forms = deponents()
        finite = token_flags(doc).finite_verb
        for span in sentence_spans(doc):
            self.clauses += sum(finite[span.start : span.end])
            self.passives += len(passives(span, forms))


def reading_time_seconds(words: int) -> int:
    """Whole seconds to read `words` words at WORDS_PER_MINUTE (rounded up)."""
    return math.ceil(words * 60 / WORDS_PER_MINUTE)


@lru_cache(maxsize=1)
def _hyphenator():
    """pyphen's Swedish hyphenation dictionary: the syllable source textstat uses for Swedish,
    without importing textstat (it imports nltk, a sixth of a one-file run)."""
    from lint.language.hyphenation import swedish_hyphenator

    try:
        return swedish_hyphenator()
    except ImportError:  # pragma: no cover - pyphen is a dependency
        return None


# textstat's word cleaning: apostrophes that are not an English contraction, then all
# punctuation but apostrophes, are removed before counting.
_NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s\']")


def syllable_count(token: str, hyphenator) -> int:
    """Syllables in one whitespace-separated token, as textstat counts them for Swedish."""
    cleaned = _PUNCTUATION.sub("", _NONCONTRACTION_APOSTROPHE.sub("", token)).lower()
    return sum(len(hyphenator.positions(word)) + 1 for word in cleaned.split())


def syllables_per_word(text: str, words: int) -> float | None:
    return syllable_share(Counter(text.split()), words)


def syllable_share(tokens: Counter, words: int) -> float | None:
    """Syllables per word over whitespace-separated tokens and their counts."""
    hyphenator = _hyphenator() if tokens else None
    if hyphenator is None or not words:
        return None
    # Per distinct word: long texts repeat their words, and so do the files of one run.
    return round(sum(_syllables(token) * count for token, count in tokens.items()) / words, 2)


@lru_cache(maxsize=100_000)
def _syllables(token: str) -> int:
    return syllable_count(token, _hyphenator())


def _round(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)
