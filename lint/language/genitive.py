"""A pipeline component: an -s genitive is a noun, never a passive verb.

The embedded model tags genitives such as kamraternas, hustruns, andras and nöjes as
`VERB` with `Voice=Pass`. When the dictionary knows the form only as a non-verb -s form
(see `voice_lexicon`), the token becomes a noun in the genitive. Every reader of the
doc then sees the same analysis: KLAR006–KLAR008, the passive share and the nominal
quotient. Forms the dictionary also knows as a passive (kallas) are left to the model.
"""

from __future__ import annotations

from lint.language.voice_lexicon import OTHER, word_bits

NAME = "kommlint_genitive"
MIN_LENGTH = 4  # ses, tas, ges: too short to tell from the dictionary


def is_genitive_form(low: str) -> bool:
    """The dictionary knows `low` as a genitive (or other non-verb -s form) and not as a passive."""
    tail = low.rsplit("-", 1)[-1]  # 1-åringarnas
    return len(tail) >= MIN_LENGTH and tail.endswith("s") and tail.isalpha() and word_bits(low) == OTHER


def genitive_rules(doc):
    if not len(doc) or not doc.has_annotation("MORPH"):
        return doc
    strings = doc.vocab.strings
    morphs = doc.to_array("MORPH").tolist()
    passive = {value for value in set(morphs) if value and "Voice=Pass" in strings[value]}
    for index, value in enumerate(morphs):
        if value in passive:
            token = doc[index]
            if token.pos_ in ("VERB", "AUX") and is_genitive_form(token.lower_):
                _make_genitive(token)
    return doc


def _make_genitive(token) -> None:
    feats = {key: value for key, value in token.morph.to_dict().items() if key in ("Definite", "Gender", "Number")}
    feats["Case"] = "Gen"
    token.pos_ = "NOUN"
    token.set_morph(feats)


def adapt(nlp):
    """Add the component last (after the Swedish morphology rules). Idempotent."""
    from spacy.language import Language

    if NAME not in Language.factories:
        Language.component(NAME, func=genitive_rules)
    if NAME not in nlp.pipe_names and "morphologizer" in nlp.pipe_names:
        nlp.add_pipe(NAME, last=True)
    return nlp
