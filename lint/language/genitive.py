"""A pipeline component: an -s genitive is a noun, never a passive verb.

The embedded model tags genitives such as kamraternas, hustruns and andras as `VERB` with
`Voice=Pass`. When the dictionary knows the form only as a non-verb -s form (see
`voice_lexicon`) and the sentence reads as a genitive, the token becomes a noun in the genitive. Every reader of the
doc then sees the same analysis: KLAR006–KLAR008, the passive share and the nominal
quotient. Forms the dictionary also knows as a passive (kallas) are left to the model.
"""

from __future__ import annotations

from lint.language.voice_lexicon import BASE_S, OTHER, PASSIVE, word_bits

NAME = "kommlint_genitive"
MIN_LENGTH = 4  # ses, tas, ges: too short to tell from the dictionary
COORDINATION = {"och", "eller", ","}


def genitive_reading(token) -> bool:
    """The -s word is a genitive (or a noun ending in -s), never a passive.

    A capitalised word the dictionary does not know as a passive is a name's genitive before a
    name or a noun. Otherwise the dictionary must know it only as a non-verb form, and either the form is a noun's
    own base form (insats), or the word is followed by the noun phrase it determines
    (andras behov, kamraternas och föräldrarnas synpunkter). The second condition keeps
    the passives of verbs the dictionary describes only in part (görs, utsatts för våld).
    """
    low = token.lower_
    tail = low.rsplit("-", 1)[-1]  # 1-åringarnas
    if len(tail) < MIN_LENGTH or not tail.endswith("s") or not tail.isalpha():
        return False
    bits = word_bits(low)
    passive_reading = bits & PASSIVE or not bits & OTHER
    if token.text[:1].isupper() and not bits & PASSIVE:
        return _before_name_or_noun(token)  # Skarpnäcks SDF, Farstas bibliotek: a name's genitive
    if passive_reading:
        return False
    return bool(bits & BASE_S) or determines_noun(token)


def _before_name_or_noun(token) -> bool:
    """A capitalised -s word is a name's genitive when a name or the noun phrase it determines follows."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return following is not None and (following.pos_ == "PROPN" or following.text.isupper() or determines_noun(token))


def determines_noun(token) -> bool:
    """The word is followed by a noun phrase it could determine as a genitive: an indefinite
    noun, perhaps after adjectives or other genitives (sammanträdes första del, barnens och
    föräldrarnas synpunkter)."""
    doc = token.doc
    position, end = token.i + 1, min(len(doc), token.i + 8)
    while position < end:
        following = doc[position]
        if following.is_space or (following.pos_ in {"ADJ", "NUM"} and not following.like_num):
            position += 1
            continue
        if following.lower_ in COORDINATION and position + 1 < end and doc[position + 1].lower_.endswith("s"):
            position += 2  # barnens och föräldrarnas: another genitive of the same noun
            continue
        return following.pos_ == "NOUN" and "Def" not in following.morph.get("Definite")
    return False


def genitive_rules(doc):
    if not len(doc) or not doc.has_annotation("MORPH"):
        return doc
    strings = doc.vocab.strings
    morphs = doc.to_array("MORPH").tolist()
    passive = {value for value in set(morphs) if value and "Voice=Pass" in strings[value]}
    for index, value in enumerate(morphs):
        if value in passive:
            token = doc[index]
            if token.pos_ in ("VERB", "AUX") and not _after_article(token) and genitive_reading(token):
                _make_genitive(token)
    return doc


def _after_article(token) -> bool:
    """After "en" or "ett" an -s form is as often a split compound's first part (en
    återvinnings central) as a genitive (ett barns rätt): the token keeps the model's tag
    there for the spelling rules; the passive analysis still reads it as a genitive."""
    return token.i > 0 and token.doc[token.i - 1].lower_ in ("en", "ett")


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
