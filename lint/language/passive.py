"""Passive voice (KLAR006 passive, KLAR007 double passive, KLAR008 passive share).

A passive is found from the pipeline's morphology (`Voice=Pass` on a verb), with three
safety nets because a small model misses some and mislabels others:

* deponent verbs (hoppas, finns, lyckas, trivs …) are never passive, whatever the
  model says; the list is data in the rule pack (`rules/klarsprak/data/deponenter.txt`)
  and in the pipeline's own Swedish rules;
* an -s form right after a modal or temporal auxiliary (ska lämnas, har beviljats) and
  the common raising verbs (anses, föreslås, bedöms …) count even if the model missed them;
* bli + participle (blev riven, har blivit beviljad) is the other Swedish passive.

A passive followed by an agent ("av nämnden") is not agentless; KLAR006 leaves it alone
but it still counts for the passive share.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from lint.language.genitive import determines_noun, genitive_reading
from lint.language.morphology import PLURAL_SUBJECTS
from lint.language.passive_exceptions import is_exception
from lint.language.verbs import DEPONENT_FORMS, RECIPROCAL, STRONG_FORMS
from lint.language.views import token_lowers
from lint.language.voice_lexicon import ADJECTIVE, OTHER, PASSIVE, word_bits
from lint.resources import builtin_rules_dir

MODALS = {
    "ska",
    "skall",
    "skulle",
    "kan",
    "kunde",
    "kunna",
    "måste",
    "bör",
    "borde",
    "böra",
    "får",
    "fick",
    "få",
    "vill",
    "ville",
    "behöver",
    "behövde",
    "behöva",
    "brukar",
    "brukade",
    "lär",
    "torde",
    "tycks",
    "verkar",
    "slipper",
    "har",
    "hade",
    "ha",
}
RAISING = {
    "anses",
    "ansågs",
    "ansetts",
    "föreslås",
    "föreslogs",
    "föreslagits",
    "bedöms",
    "bedömdes",
    "bedömts",
    "beräknas",
    "beräknades",
    "förväntas",
    "förväntades",
    "uppges",
    "uppgavs",
    "sägs",
    "sades",
    "påstås",
    "påstods",
    "antas",
    "antogs",
    "planeras",
    "planerades",
    "avses",
    "avsågs",
    "befaras",
    "befarades",
    "begärs",
    "begärdes",
    "tillåts",
    "tilläts",
}
SHORT_PASSIVES = {"tas", "togs", "ges", "gavs", "fås", "dras", "drogs"}  # ta, ge, få, dra: never anything but passive
BLI = {"bli", "blir", "blev", "blivit", "bliva", "bliver"}
SKIP_BETWEEN = {
    "inte",
    "också",
    "även",
    "redan",
    "alltid",
    "aldrig",
    "snart",
    "nu",
    "då",
    "därför",
    "ofta",
    "sedan",
    "bara",
    "gärna",
    "helt",
    "delvis",
    "troligen",
    "förmodligen",
    "kanske",
    "ju",
    "dock",
    "endast",
    "först",
}
# Words that end in -s without being verbs, and endings of such compounds (webbplats, arbetsprocess).
NOT_PASSIVE = {
    "alls",
    "ibland",
    "tills",
    "fritids",
    "förgäves",
    "bakifrån",
    "annars",
    "nämligen",
    "dels",
    "hurdags",
    "ingenstans",
    "någonstans",
    "överallt",
    "tvärs",
    "utomlands",
    "hemmavid",
    "stundtals",
    "slags",
    "sorts",
    "mars",
    "våras",
    "höstas",
    "somras",
    "vintras",
    "bas",
    "gas",
    "glas",
    "kaos",
    "ens",
    "hos",
    "oss",
    "vars",
    "dess",
    "hans",
    "hennes",
    "deras",
    "hens",
    "års",
    "dags",
    "mans",
    "kvarts",
    "buss",
    "alldeles",
}
NOT_PASSIVE_ENDINGS = (
    "plats",
    "insats",
    "process",
    "status",
    "kurs",
    "moms",
    "tjänstemans",
    "andes",
    "endes",
    "biogas",
    "naturgas",
    "vätgas",
    "fordonsgas",
    "klass",
    "skjuts",
    "fullmäktiges",
    "hus",
    "pris",
    "kris",
    "arnas",
    "ernas",
    "ornas",
    "ens",  # definite genitives (nämndens, skolornas)
    "länges",
    "ledes",
    "vägs",
    "värtes",
)  # adverbs: baklänges, likaledes, halvvägs, invärtes
# Adverbs that are also passives; the passive only before these words (förstås som, förstås av).
ADVERB_HOMOGRAPHS = {"förstås": {"som", "av"}}
MIN_LEXICON_LENGTH = 4  # ses, tas, ges: too short to look up (letters, abbreviations)
NAMING_SKIP = frozenset(
    SKIP_BETWEEN
    | {"ibland", "oftast", "vanligen", "numera", "förr", "tidigare", "i", "dag", "vardagligt", "tal"}
    | {"du", "ni", "vi", "han", "hon", "hen", "de", "man"}
)  # härmed kallas du till möte
AGENT_STOP = {",", ";", ":", "och", "men", "att", "som", "eftersom", "när", "om", "för", "så"}


@dataclass(frozen=True)
class Passive:
    start: int  # token indices in the doc
    end: int  # exclusive
    kind: str  # s | bli
    has_agent: bool


@lru_cache(maxsize=1)
def deponents() -> frozenset[str]:
    """The pipeline's deponent forms and the pack's list (rules/klarsprak/data/deponenter.txt)."""
    words = set(DEPONENT_FORMS)
    path = builtin_rules_dir() / "klarsprak" / "data" / "deponenter.txt"
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            words.update(word.lower() for word in line.split("#", 1)[0].split())
    return frozenset(words)


def previous_word(doc, index: int, low_bound: int):
    position = index - 1
    while position >= low_bound and (doc[position].lower_ in SKIP_BETWEEN or doc[position].is_space):
        position -= 1
    return doc[position] if position >= low_bound else None


PASSIVE_ENDINGS = ("as", "ats", "its", "tts", "ts", "es", "ås", "ds")
NOUN_MARKERS = {"i", "inkl.", "exkl.", "en", "ett", "varje", "denna", "detta"}
ARTICLES = {"i", "inkl.", "exkl.", "en", "ett", "varje"}
WEAK_DEFINITE = {"den", "de", "dom"}  # not "det": det krävs bygglov, det beviljades bidrag
NOT_A_VERB = {"PROPN", "PRON", "DET", "ADP", "NUM", "CCONJ", "SCONJ", "PUNCT"}


def is_s_passive(token, low_bound: int, deponent_forms: frozenset[str], high_bound: int | None = None) -> bool:
    """An s-passive verb: granskas, beviljades, har skickats, ska betalas."""
    low = token.lower_
    if low in SHORT_PASSIVES:
        return True
    if not _may_be_verb(token, low, low_bound, deponent_forms):
        return False
    if is_exception(token, low_bound, len(token.doc) if high_bound is None else high_bound, NAMING_SKIP):
        return False  # kallas A-inkomster, justeras omedelbart, öppnas i nytt fönster
    if low in ADVERB_HOMOGRAPHS:
        following = token.doc[token.i + 1].lower_ if token.i + 1 < len(token.doc) else ""
        return following in ADVERB_HOMOGRAPHS[low]  # "han är förstås pessimist": of course
    if low in RAISING:
        return True
    bits = word_bits(low) if len(low) >= MIN_LEXICON_LENGTH else 0
    if low in STRONG_FORMS and not STRONG_FORMS[low].endswith("s"):
        bits |= PASSIVE  # lades, skrevs: strong verbs the dictionary lacks forms of
    if bits & (PASSIVE | OTHER) == OTHER:
        if genitive_reading(token) or token.pos_ not in {"VERB", "AUX"}:
            return False  # the dictionary knows only a genitive or noun: andras behov, gårds festsal
        bits = 0  # görs, utsatts: a verb the dictionary lacks; the model decides
    previous = previous_word(token.doc, token.i, low_bound)
    if previous is not None and (previous.lower_ in MODALS or previous.lower_ in RAISING):
        return low.endswith(PASSIVE_ENDINGS) and token.pos_ not in NOT_A_VERB  # ska betalas, har beviljats (not: har trots detta)
    before = _previous_token(token, low_bound)
    if before is not None and before.lower_ in WEAK_DEFINITE and determines_noun(token):
        return False  # den försäkrades inkomst, de boendes synpunkter: an adjective's genitive
    after_preposition = before is not None and (before.pos_ == "ADP" or before.lower_ in ARTICLES)
    if bits & (PASSIVE | OTHER) == PASSIVE:
        return not after_preposition  # only a passive in the dictionary: avslås, töms, (de) används
    if bits & PASSIVE:  # a passive or a noun (läggs, sammanträdes, dans): the model's verb, and no noun phrase after
        return token.pos_ in {"VERB", "AUX"} and not after_preposition and not determines_noun(token)
    noun_context = after_preposition or (before is not None and before.pos_ in {"DET", "ADJ"})
    tagged = "Pass" in token.morph.get("Voice") and token.pos_ in {"VERB", "AUX", ""}
    if tagged and "Fin" in token.morph.get("VerbForm"):
        return True  # the model saw a finite passive: handlingar som är inkomna registreras
    if noun_context or _genitive(token):
        return False  # en viktig insats, i våras, inkl. moms, medias rätt: nouns and adverbs
    if tagged:
        return True
    return token.pos_ not in NOT_A_VERB and _passive_of_lemma(token)


def _previous_token(token, low_bound: int):
    """The token before, line breaks skipped (Ansökan\navslås); a masked span (blanks) is kept."""
    position = token.i - 1
    while position >= low_bound and token.doc[position].is_space and "\n" in token.doc[position].text:
        position -= 1
    return token.doc[position] if position >= low_bound else None


def _may_be_verb(token, low: str, low_bound: int, deponent_forms: frozenset[str]) -> bool:
    if len(low) < 3 or not low.endswith("s") or not token.is_alpha:
        return False
    if low in deponent_forms or low in NOT_PASSIVE or low.endswith(NOT_PASSIVE_ENDINGS):
        return False
    if low in RECIPROCAL and token.i > 0 and token.doc[token.i - 1].lower_ in PLURAL_SUBJECTS:
        return False  # vi ses, vi hörs: reciprocal, not passive
    # Stockholms, Hans: names and genitives are not verbs.
    return token.pos_ != "PROPN" and not (token.text[:1].isupper() and token.i > low_bound)


def _genitive(token) -> bool:
    """medias rätt, allmänhetens insyn: an -s word before an indefinite noun."""
    if "Fin" in token.morph.get("VerbForm"):
        return False  # the model saw a finite verb: skickas hem, hölls 2024-03-12
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if following is None or following.pos_ not in {"NOUN", "PROPN"} or following.like_num:
        return False
    return "Def" not in following.morph.get("Definite")


def _passive_of_lemma(token) -> bool:
    """The form is a passive of its lemma (granska → granskas, granskades; bestämma → bestäms).

    A small model sometimes tags a passive as a noun but still finds its verb lemma.
    """
    lemma, low = token.lemma_.lower(), token.lower_
    if not lemma.endswith("a") or low == lemma or len(lemma) < 4:
        return False
    stems = {lemma[:-1]}
    if len(lemma) > 3 and lemma[-2] == lemma[-3]:
        stems.add(lemma[:-2])  # bestämma → bestäm-
    forms = {lemma + "s", lemma + "des", lemma + "ts"}
    for stem in stems:
        forms.update(stem + ending for ending in ("s", "es", "des", "tes", "ts", "des"))
    return low in forms


def is_participle(token) -> bool:
    """A past participle after bli: beviljad, rivet, byggda (the model's tag first)."""
    low = token.lower_
    if low.endswith(("ande", "ende")) or "Pres" in token.morph.get("Tense"):
        return False  # bli självförsörjande, blir gällande: present participles are adjectives
    if len(low) >= MIN_LEXICON_LENGTH and word_bits(low) == ADJECTIVE:
        return False  # bli trångt, blir klara: the dictionary knows a plain adjective
    if "Part" in token.morph.get("VerbForm"):
        return True
    if token.pos_ == "ADJ" or len(low) < 5:
        return False  # blev dyrt, blir bättre: adjectives
    return low.endswith(("ad", "at", "ade", "en", "et", "na", "dd", "tt", "d", "t")) and token.pos_ in {"VERB", "NOUN", ""}


def passives(span, deponent_forms: frozenset[str]) -> tuple[Passive, ...]:
    """Passive constructions in a sentence, in order.

    Found once per sentence (with the rule pack's deponents) and kept on the doc: the
    metrics, KLAR006, KLAR007 and the passive share all walk the same sentences.
    """
    if deponent_forms is not deponents():
        return tuple(_passives(span, deponent_forms))
    cache = span.doc.user_data.setdefault("kommlint_passives", {})
    key = (span.start, span.end)
    found = cache.get(key)
    if found is None:
        found = cache[key] = tuple(_passives(span, deponent_forms))
    return found


def _passives(span, deponent_forms: frozenset[str]) -> Iterator[Passive]:
    doc = span.doc
    lowers = token_lowers(doc)  # plain words first: only -s words and forms of bli need a Token
    low_bound = span.start
    index = span.start
    while index < span.end:
        low = lowers[index]
        found = None
        if low.endswith("s") and is_s_passive(doc[index], low_bound, deponent_forms, span.end):
            found = Passive(index, index + 1, "s", False)
        elif low in BLI:
            following = index + 1
            while following < span.end and lowers[following] in SKIP_BETWEEN:
                following += 1
            if following < span.end and is_participle(doc[following]):
                found = Passive(index, following + 1, "bli", False)
        if found is None:
            index += 1
            continue
        yield Passive(found.start, found.end, found.kind, _has_agent(doc, found.end, span.end))
        index = found.end


AGENT_HEAD = {"NOUN", "PROPN", "PRON", "DET", "ADJ", "NUM"}
TIME_PREPOSITIONS = {"i", "under", "nästa", "varje"}
TIME_WORDS = {
    "år",
    "höst",
    "vår",
    "sommar",
    "vinter",
    "dag",
    "morgon",
    "kväll",
    "helgen",
    "veckan",
    "vecka",
    "månad",
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
}


def _has_agent(doc, start: int, end: int) -> bool:
    """An "av" phrase right after the passive: granskas (nu) av handläggaren.

    An "av" after a noun belongs to the noun (i början av månaden), and an "av" that is
    not followed by a noun phrase is a particle (stängas av under byggtiden).
    """
    position = start
    while position < min(end, start + 6):
        token = doc[position]
        following = doc[position + 1].lower_ if position + 1 < end else ""
        if (token.lower_ in TIME_PREPOSITIONS and following in TIME_WORDS) or (token.lower_, following) == ("om", "hand"):
            position += 2  # införs i höst av förvaltningen, tas om hand av en entreprenör
            continue
        position += 1
        if token.lower_ == "av":
            return position < end and doc[position].pos_ in AGENT_HEAD
        if token.lower_ in AGENT_STOP or token.pos_ in {"NOUN", "PROPN", "PRON"}:
            return False
    return False
