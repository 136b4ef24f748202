"""kommlint's morphology rules, run last in the pipeline.

Deponent verbs (hoppas, finns, lyckas, trivs, minns, syns ...) never carry ``Voice=Pass``
and get their deponent lemma; strong public-sector verbs (erhöll, inkommit, ingav ...) get
their dictionary lemma; forms that are certainly verbs become verbs; Voice agrees with the
s-form; reciprocal verbs after vi/ni/de are not passive; a definite noun the lemmatizer
left as it stands gets the dictionary's lemma (`lint.language.lemmas`).
"""

from __future__ import annotations

from lint.language.lemmas import fill_lemmas
from lint.language.verbs import (
    DEPONENT_FORMS,
    DETERMINERS,
    LEMMA_EXCEPTIONS,
    RECIPROCAL,
    passive_lemma,
    strong_verb_lemma,
    verb_analysis,
)

HAVE = frozenset({"har", "hade", "ha", "haft", "hava"})
PLURAL_SUBJECTS = frozenset({"vi", "ni", "de", "dom"})


def morph_rules(doc):
    """Deponent verbs are not passive; fix lemmas of a few strong verbs."""
    has_morph = doc.has_annotation("MORPH")
    has_lemma = doc.has_annotation("LEMMA")
    for tok in doc:
        low = tok.lower_
        if has_lemma:
            _fix_lemma_case(tok)
        if low in ("§", "§§") and has_morph:
            # Section signs are symbols (UD SYM), not nouns: they must not count as words
            # in nominal-style measures.
            tok.pos_ = "SYM"
            tok.set_morph(None)
        elif not _deponent(doc, tok, low, has_morph) and not (has_morph and _certain_verb(doc, tok, low)):
            _fix_verb(doc, tok, low, has_morph, has_lemma)
    if has_lemma and has_morph:
        fill_lemmas(doc)
    return doc


def _deponent(doc, tok, low: str, has_morph: bool) -> bool:
    """Give a deponent its lemma and drop Voice=Pass; whether the token is a deponent form."""
    dep_lemma = DEPONENT_FORMS.get(low)
    if dep_lemma == "kännas" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "igen":
        dep_lemma = None  # "känns igen" is the passive of "känna igen"
    if dep_lemma is None:
        return False
    if tok.pos_ in ("VERB", "AUX", "") or not tok.pos_:
        tok.lemma_ = dep_lemma
        if has_morph and "Voice=Pass" in str(tok.morph):
            _drop_voice(tok)
    return True


def _certain_verb(doc, tok, low: str) -> bool:
    """Make a form that is certainly a verb a verb (unless a determiner stands before it)."""
    if tok.pos_ in ("VERB", "AUX", "") or not tok.is_alpha:
        return False
    analysis = verb_analysis(low)
    prev = doc[tok.i - 1].lower_ if tok.i else ""
    if analysis is None or prev in DETERMINERS:
        return False
    tok.pos_ = "VERB"
    tok.set_morph(analysis[1])
    tok.lemma_ = analysis[0]
    return True


def _fix_verb(doc, tok, low: str, has_morph: bool, has_lemma: bool) -> None:
    lemma = LEMMA_EXCEPTIONS.get(low)
    if lemma is not None and tok.pos_ in ("VERB", "AUX", ""):
        tok.lemma_ = lemma
    elif tok.pos_ in ("VERB", "AUX") and has_lemma and "Part" not in tok.morph.get("VerbForm"):
        if low == "satt":
            before = {t.lower_ for t in doc[max(0, tok.i - 3) : tok.i]}
            tok.lemma_ = "sätta" if before & HAVE else "sitta"
        else:
            strong = strong_verb_lemma(low)
            if strong is not None:
                tok.lemma_ = strong
    if has_morph and tok.pos_ == "VERB":
        _fix_voice(tok, low)
        if low in RECIPROCAL and tok.i and doc[tok.i - 1].lower_ in PLURAL_SUBJECTS:
            _drop_voice(tok)  # "vi ses", "ni träffas": reciprocal, not passive


def _drop_voice(tok) -> None:
    feats = tok.morph.to_dict()
    feats.pop("Voice", None)
    tok.set_morph(feats or None)


def _fix_lemma_case(tok) -> None:
    """Lower-case the lemma of a capitalised sentence-initial common word (Förslaget -> förslag)."""
    lemma = tok.lemma_
    if not lemma[:1].isupper() or tok.pos_ in ("PROPN", "X", "SYM", "") or lemma.isupper():
        return
    if tok.i == 0 or tok.is_sent_start or tok.nbor(-1).is_punct or tok.nbor(-1).is_space:
        tok.lemma_ = lemma[:1].lower() + lemma[1:]


def _fix_voice(tok, low: str) -> None:
    """Make Voice agree with the s-form of a (non-participle) verb.

    A verb form ending in -s whose lemma does not (prövas/pröva, fattades/fatta,
    hölls/hålla) is an s-passive; one that does not end in -s is not. Imperatives
    (läs/läsa), -ss stems (kyss) and participles are left alone.
    """
    feats = tok.morph.to_dict()
    if feats.get("VerbForm") == "Part":
        return
    lemma = tok.lemma_.lower()
    if low.endswith("s") and (not lemma or lemma == low) and low.isalpha() and len(low) > 4:
        guess = passive_lemma(low)
        if guess:
            tok.lemma_ = guess
            lemma = guess
    voice = feats.get("Voice")
    if not low.endswith("s"):
        if voice == "Pass":
            feats["Voice"] = "Act"
            tok.set_morph(feats)
    elif voice != "Pass" and _s_passive(low, lemma):
        feats["Voice"] = "Pass"
        tok.set_morph(feats)


def _s_passive(low: str, lemma: str) -> bool:
    """Whether an -s form whose lemma is `lemma` is an s-passive (not -ss, not the lemma)."""
    return (
        not low.endswith("ss")
        and bool(lemma)
        and not lemma.endswith("s")
        and low != lemma
        and not (lemma.endswith("a") and low == lemma[:-1])
        and low.isalpha()
    )
