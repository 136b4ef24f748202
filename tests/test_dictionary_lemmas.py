"""lint.language.lemmas: definite nouns the lemmatizer left as they stand get the dictionary's lemma."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")
pytest.importorskip("spylls")

from lint.language.lemmas import fill_lemmas  # noqa: E402

DEF_PLUR = "Case=Nom|Definite=Def|Gender=Com|Number=Plur"


def _doc(rows):
    """rows: (word, pos, morph, lemma) — the model's analysis before the fallback."""
    words, pos, morphs, lemmas = zip(*rows)
    return spacy.blank("sv").make_doc(" ".join(words)), list(pos), list(morphs), list(lemmas)


def _filled(rows) -> list[str]:
    doc, pos, morphs, lemmas = _doc(rows)
    for tok, p, m, lemma in zip(doc, pos, morphs, lemmas):
        tok.pos_, tok.lemma_ = p, lemma
        tok.set_morph(m or None)
    fill_lemmas(doc)
    return [tok.lemma_ for tok in doc]


def test_unlemmatised_definite_nouns_get_the_dictionary_lemma():
    rows = [
        ("räntorna", "NOUN", DEF_PLUR, "räntorna"),
        ("bilarna", "NOUN", DEF_PLUR, "bilarna"),
        ("lånevillkoren", "NOUN", "Case=Nom|Definite=Def|Gender=Neut|Number=Plur", "lånevillkoren"),
        ("kommunens", "NOUN", "Case=Gen|Definite=Def|Gender=Com|Number=Sing", "kommunens"),
    ]
    assert _filled(rows) == ["ränta", "bil", "lånevillkor", "kommun"]


def test_other_words_keep_the_models_lemma():
    rows = [
        ("barn", "NOUN", "Case=Nom|Definite=Ind|Gender=Neut|Number=Plur", "barn"),  # indefinite: its own lemma
        ("husen", "NOUN", "Case=Nom|Definite=Def|Gender=Neut|Number=Plur", "hus"),  # the model had one
        ("norra", "ADJ", "Case=Nom|Definite=Def|Degree=Pos", "norra"),  # not a noun
        ("qwxzarna", "NOUN", DEF_PLUR, "qwxzarna"),  # no candidate in the dictionary
    ]
    assert _filled(rows) == ["barn", "hus", "norra", "qwxzarna"]
