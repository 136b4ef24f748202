"""Lemmas from the dictionary where the model's lemmatizer gave up.

For a definite noun it has not seen (räntorna, synapserna, lånevillkoren) the edit-tree
lemmatizer often keeps the form itself as the lemma. Then the definite endings are
stripped in a fixed order, and the lemma is the first candidate the spelling lexicon
knows as a word; with none, the form stays.
"""

from __future__ import annotations

from lint.language.verbs import VOWELS

# (ending, replacement) pairs tried, in order, on a definite noun: räntorna → ränta,
# bilarna → bil, lärarna → lärare, synapserna → synaps, pojken → pojke,
# barnen → barn, stycket → stycke, strecket → streck. Indefinite forms are left to the model:
# a plural like barn, spår or pengar is often its own lemma.
NOUN_ENDINGS = (
    ("orna", "a"),
    ("arna", ""),
    ("arna", "are"),
    ("erna", ""),
    ("n", ""),
    ("en", ""),
    ("t", ""),
    ("et", ""),
)
MIN_STEM = 3


def _known_words():
    """The spelling lexicon's `known`, or None without the dictionary."""
    try:
        from lint.language import lexicon
        from lint.language.lexicon_build import DictionaryMissing

        return lexicon.load(lexicon.lexicon_dir()).known
    except (ImportError, DictionaryMissing, OSError):
        return None


def _candidates(form: str) -> list[str]:
    found = []
    for end, add in NOUN_ENDINGS:
        stem = form[: -len(end)]
        if not form.endswith(end) or len(stem) < MIN_STEM:
            continue
        if len(end) == 1 and stem[-1] not in VOWELS:
            continue  # -n and -t follow a vowel (pojke-n, stycke-t); after a consonant it is -en, -et
        found.append(stem + add)
    return found


def dictionary_lemma(tok, known) -> str | None:
    """The lemma of a definite noun the model left as it stands, when the dictionary has one."""
    form = tok.lower_
    feats = tok.morph.to_dict()
    if tok.pos_ != "NOUN" or tok.lemma_.lower() != form or not form.isalpha() or feats.get("Definite") != "Def":
        return None
    if feats.get("Case") == "Gen" and form.endswith("s"):
        form = form[:-1]  # kommunens → kommunen
    return next((candidate for candidate in _candidates(form) if known(candidate)), None)


def fill_lemmas(doc) -> None:
    """Give unlemmatised definite nouns their dictionary lemma."""
    known = None
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() != tok.lower_:
            continue
        if known is None:
            known = _known_words()
            if known is None:
                return
        lemma = dictionary_lemma(tok, known)
        if lemma is not None:
            tok.lemma_ = lemma
