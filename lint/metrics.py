"""Readability and style measures (REFERENCE §6: LIX, OVIX, nominalkvot).

All counts use the project's own segmentation: a word is a token that holds a letter or
digit; a sentence is a sentence of the pipeline (a block without a splitter is one).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from lint.kinds.base import ParsedBlock, sentence_spans

LONG_WORD = 6  # LIX: words longer than six letters
LIX_BANDS = ((30, "mycket lätt"), (40, "lätt"), (50, "medelsvår"), (60, "svår"))


WORD_CHAR = re.compile(r"\w")


def is_word(token) -> bool:
    return not token.is_punct and not token.is_space and WORD_CHAR.search(token.text) is not None


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
    if words < 2 or unique < 1:
        return None
    denominator = math.log(2 - math.log(unique) / math.log(words))
    return math.log(words) / denominator if denominator > 0 else None


def is_participle(token) -> bool:
    return "Part" in token.morph.get("VerbForm")


def is_passive_finite(token) -> bool:
    return token.pos_ in {"VERB", "AUX"} and "Fin" in token.morph.get("VerbForm") and "Pass" in token.morph.get("Voice")


@dataclass
class Counts:
    words: int = 0
    sentences: int = 0
    long_words: int = 0
    nominal: int = 0  # nouns, prepositions, participles
    verbal: int = 0  # pronouns, adverbs, verbs
    finite_verbs: int = 0
    passive_finite: int = 0

    def add_word(self, token) -> None:
        self.words += 1
        if len(token.text) > LONG_WORD:
            self.long_words += 1
        pos = token.pos_
        if pos in {"NOUN", "PROPN", "ADP"} or is_participle(token):
            self.nominal += 1
        elif pos in {"PRON", "ADV", "VERB"}:
            self.verbal += 1
        if pos in {"VERB", "AUX"} and "Fin" in token.morph.get("VerbForm"):
            self.finite_verbs += 1
            if "Pass" in token.morph.get("Voice"):
                self.passive_finite += 1


def document_metrics(parsed: Iterable[ParsedBlock], annotations: frozenset[str]) -> dict[str, float | int | None]:
    counts = Counts()
    vocabulary: set[str] = set()
    for item in parsed:
        for sentence in sentence_spans(item.doc):
            words_before = counts.words
            for token in sentence:
                if is_word(token):
                    counts.add_word(token)
                    vocabulary.add(token.lower_)
            if counts.words > words_before:
                counts.sentences += 1
    words = counts.words
    metrics: dict[str, float | int | None] = {
        "words": words,
        "sentences": counts.sentences,
        "lix": round(lix(words, counts.sentences, counts.long_words), 1),
        "ovix": _round(ovix(words, len(vocabulary))),
        "long_words_share": round(counts.long_words / words, 3) if words else 0.0,
        "avg_sentence_words": round(words / counts.sentences, 1) if counts.sentences else 0.0,
        "nk": None,
        "passive_share": None,
    }
    if {"pos", "morph"} <= annotations:
        metrics["nk"] = round(counts.nominal / counts.verbal, 2) if counts.verbal else None
        metrics["passive_share"] = round(counts.passive_finite / counts.finite_verbs, 3) if counts.finite_verbs else 0.0
    return metrics


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def sentence_words(sentence) -> int:
    return sum(1 for token in sentence if is_word(token))
