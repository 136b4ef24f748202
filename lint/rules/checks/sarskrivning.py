"""SPR002 sarskrivning: compounds written apart (kund tjänst, E4 breddningen)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lint.language import compounds
from lint.language.lexicon_build import ALONE
from lint.language.text import block_sentences
from lint.language.verbs import VOWELS
from lint.language.views import morph_values, token_rows
from lint.language.words import LEGAL_FORMS, masked, prose_mask
from lint.rules.api import Hit, RuleContext
from lint.rules.checks.spelling import accept_for, lexicon_for
from lint.rules.kinds.python import Check

# After these the two nouns are often two objects: "vi ger barn mat", "visa personal rum".
TWO_OBJECT_VERBS = frozenset(
    "ge ger gav gett givit erbjuda erbjuder erbjöd visa visar visade lära lär lärde skicka skickar sälja säljer köpa köper".split()
)
NOUNISH = frozenset({"NOUN"})
CONJUNCTIONS = frozenset({"och", "eller"})
# Names of laws and bodies, where a shared last part is common: offentlighets- och sekretesslagen,
# barn- och ungdomsnämnden, miljö- och hälsoskyddsförvaltningen.
SHARED_TAILS = (
    "lagen lag lagar förordningen förordning balken nämnden nämnd förvaltningen förvaltning kontoret "
    "enheten avdelningen myndigheten verket utskottet förbundet programmet planen strategin policyn"
).split()
# Quantities and units: "ett stort antal frågor", "tre timmar arbete".
QUANTITIES = frozenset(
    "antal par del rad mängd massa procent gång gånger timme timmar minut minuter dag dagar vecka veckor "
    "månad månader år kronor kr styck st meter kilometer kilo liter".split()
)
# After these the first noun belongs to a fixed phrase or a quantity: till exempel grannar, ett par dagar.
FIXED_BEFORE = {"exempel": ("till",), "par": ("ett",), "del": ("en",), "rad": ("en",), "antal": ("ett",), "mängd": ("en",)}


@dataclass
class Tok:
    i: int
    start: int
    end: int
    text: str
    pos: str
    morph: str


def split_compounds(ctx: RuleContext, rule) -> Iterator[Hit]:
    lexicon = lexicon_for(ctx)
    accept = accept_for(ctx)
    for parsed in ctx.blocks(rule.spec.scope):
        mask = prose_mask(parsed.text, codes=False)
        for sentence in block_sentences(parsed):
            toks = _tokens(sentence)
            for index in range(len(toks) - 1):
                found = _finding(lexicon, parsed.text, toks, index)
                if found is None:
                    continue
                start, end, replacement = found
                if masked(start, end, mask) or accept.accepts(parsed.text[start:end].replace(" ", "")):
                    continue
                yield ctx.replacement_hit(parsed.block, start, end, replacement, "unsafe", (replacement,), suggestion=replacement)


def _tokens(sentence) -> list[Tok]:
    doc = sentence.span.doc
    rows = token_rows(doc)
    offsets = doc.user_data.get("kommlint_idx")
    if offsets is None:
        offsets = doc.user_data["kommlint_idx"] = doc.to_array("IDX").tolist() if len(doc) else []
    return [
        Tok(row.i, offsets[row.i], offsets[row.i] + len(row.text), row.text, row.pos, row.morph)
        for row in rows[sentence.span.start : sentence.span.end]
        if not row.is_space
    ]


def _finding(lexicon, text: str, toks: list[Tok], index: int) -> tuple[int, int, str] | None:
    first, second = toks[index], toks[index + 1]
    if text[first.end : second.start] != " " or not second.text.isalpha() or not second.text.islower():
        return None
    previous = toks[index - 1] if index else None
    if second.text in CONJUNCTIONS and index + 2 < len(toks):
        return _shared_tail(lexicon, text, first, toks[index + 2], previous)
    if first.text in LEGAL_FORMS:
        return None  # "Bistro Långholmen AB stadigvarande …": the company's name ends there
    if compounds.CODE.fullmatch(first.text):
        return _code_compound(lexicon, first, second)
    if not first.text.isalpha() or (first.text[:1].isupper() and previous is not None):
        return None
    if _imperative_opening(lexicon, first, second, previous):
        return None
    if _linking_first_part(lexicon, first, second, previous):
        joined = compounds.joined(lexicon, first.text, second.text)
        return (first.start, second.end, joined) if joined else None
    if _verb_after_preposition(lexicon, first, second, previous):
        return first.start, second.end, (first.text + second.text).lower()
    if _adjective_before_definite(lexicon, first, second, previous):
        joined = compounds.joined(lexicon, first.text, second.text)
        return (first.start, second.end, joined) if joined else None
    if not _noun_pair(lexicon, first, second, previous):
        return None
    joined = compounds.joined(lexicon, first.text, second.text, linking=True)
    return (first.start, second.end, joined) if joined else None


def _imperative_opening(lexicon, first: Tok, second: Tok, previous: Tok | None) -> bool:
    """ "Ring handläggaren", "Lägg plast i …": a clause that opens with a verb stem (ringa, lägga)
    is an instruction, whatever the tagger made of the stem, unless the two words make a word
    the dictionary has (Bygg lovet → bygglovet)."""
    if previous is not None and previous.text.lower() not in CONJUNCTIONS and previous.pos != "PUNCT":
        return False
    stem = first.text.lower()
    if not lexicon.mask(stem + "a") & ALONE or compounds.linking_form(lexicon, stem):
        return False
    return not lexicon.mask(stem + second.text.lower()) & ALONE


DEFINITE_ARTICLES = frozenset("den det de denna detta dessa".split())
DETERMINERS = frozenset(
    "en ett den det de denna detta dessa varje någon något några ingen inget inga min din sin vår er hans hennes deras dess vilken vilket".split()
)


def _linking_first_part(lexicon, first: Tok, second: Tok, previous: Tok | None) -> bool:
    """ "bostads område", "förskole plats": a first part that cannot stand alone, before a noun.

    An s-passive is no linking form: "om det ändras skickas", "platserna fördelas genom"."""
    if first.pos in ("VERB", "AUX") and first.text.lower().endswith("s"):
        return False
    if second.pos not in NOUNISH and "Part" not in morph_values(second.morph, "VerbForm"):
        return False
    return compounds.linking_form(lexicon, first.text) or _genitive_link(lexicon, first, second, previous)


def _genitive_link(lexicon, first: Tok, second: Tok, previous: Tok | None) -> bool:
    plural_genitive = "Plur" in morph_values(first.morph, "Number") and "Gen" in morph_values(first.morph, "Case")
    if plural_genitive and lexicon.mask((first.text + second.text).lower()) & ALONE:
        plural_genitive = False  # "söka bostads bidrag": bostadsbidrag is a word, the tagger's plural is not
    if plural_genitive or (previous is not None and previous.text.lower() in DETERMINERS):
        return False  # barns rättigheter, en bostads yta
    return compounds.genitive_link(lexicon, first.text)


def _adjective_before_definite(lexicon, first: Tok, second: Tok, previous: Tok | None) -> bool:
    """ "sjuk vården", "när bygg lovet": an indefinite adjective cannot stand before a definite
    noun without an article, so the two are one word."""
    # An "infinitive" without a final vowel is an adjective the tagger missed (kontakta sjuk vården).
    adjective = first.pos == "ADJ" or _mistagged_infinitive(first)
    if not adjective or second.pos not in NOUNISH or "Def" not in morph_values(second.morph, "Definite"):
        return False
    if (
        first.text.lower().endswith(("a", "e"))
        or "Cmp" in morph_values(first.morph, "Degree")
        or "Sup" in morph_values(first.morph, "Degree")
    ):
        return False
    if previous is not None and previous.pos == "VERB" and "Imp" in morph_values(previous.morph, "Mood"):
        return True  # "kontakta sjuk vården"
    return previous is None or (
        previous.pos not in ("DET", "ADJ", "NUM", "PRON", "VERB", "AUX") and previous.text.lower() not in DETERMINERS
    )


def _noun_pair(lexicon, first: Tok, second: Tok, previous: Tok | None) -> bool:
    """Two nouns (or a noun and a participle) that read as one thing, not as two phrases."""
    if not lexicon_plain(first.text) or first.text.lower() in QUANTITIES:
        return False
    if first.pos not in ("NOUN", "ADV", "ADJ", "PROPN") or not _noun_or_known_compound(lexicon, first, second):
        return False  # "ett enkel bad": a word with no noun forms is no compound's first part, whatever its tag
    if "Plur" in morph_values(first.morph, "Number"):
        return False  # "sina behov rätt till": a plural noun ends its phrase
    if previous is not None and previous.text.lower() in FIXED_BEFORE.get(first.text.lower(), ()):
        return False
    if previous is not None and previous.text.lower() in DEFINITE_ARTICLES and first.text.lower().endswith(("a", "e")):
        return False  # "de första dagarna": an adjective after the definite article
    if first.pos == "ADJ" and first.text.lower().endswith(("a", "e")):
        return False  # "fristående förskolor": an inflected adjective agrees with the noun after it
    if not compounds.dictionary_form(lexicon, second.text):
        return False  # "ring avgiftshandläggarna": a split before a long compound is rare
    if _definite_or_genitive(first):
        return False  # kommunens hemsida, beslutet gäller
    if "Gen" in morph_values(second.morph, "Case"):
        return False  # "ring kommunfullmäktiges kansli": a genitive determines the noun after it
    if not _nounish_second(lexicon, second):
        return False
    two_objects = previous is not None and (_verb_with_objects(previous) or previous.text.lower() in TWO_OBJECT_VERBS)
    if two_objects and "Def" not in morph_values(second.morph, "Definite"):
        return False  # vi ger barn mat (but: kontakta sjuk vården)
    if previous is not None and previous.pos == "NUM":
        return False  # 10 kronor avgift
    return len(first.text) >= 2 and len(second.text) >= 3


def _definite_or_genitive(tok: Tok) -> bool:
    """Definite or genitive by its features *and* its ending: the tagger gives a split-off first
    part (Bygg lovet, luft kvalitet) features its form cannot have."""
    low = tok.text.lower()
    genitive = "Gen" in morph_values(tok.morph, "Case") and low.endswith("s")
    ending = low.endswith(("en", "et", "na", "ne")) or (low[-1:] in ("n", "t") and low[-2:-1] in VOWELS)
    definite = "Def" in morph_values(tok.morph, "Definite") and ending
    return genitive or definite


def _mistagged_infinitive(tok: Tok) -> bool:
    """An "infinitive" without a final vowel is a noun or adjective the tagger missed (kontakt pedagog, sjuk vården)."""
    infinitive = tok.pos == "VERB" and "Inf" in morph_values(tok.morph, "VerbForm") and "Pass" not in morph_values(tok.morph, "Voice")
    return infinitive and tok.text[-1:] not in VOWELS + "s"


def _noun_or_known_compound(lexicon, first: Tok, second: Tok) -> bool:
    """A noun by its forms; a tagged noun also when the two make a dictionary word (Bygg lovet)."""
    if compounds.noun_like(lexicon, first.text):
        return True
    return first.pos == "NOUN" and bool(lexicon.mask((first.text + second.text).lower()) & ALONE)


def _nounish_second(lexicon, second: Tok) -> bool:
    """A noun, a participle, or a noun the tagger took for a verb or adjective (kontakt pedagog)."""
    if second.pos in NOUNISH or "Part" in morph_values(second.morph, "VerbForm") or _mistagged_infinitive(second):
        return True
    return second.pos == "ADJ" and compounds.noun_like(lexicon, second.text)


def _verb_with_objects(tok: Tok) -> bool:
    """A verb that may take two objects; an imperative only if it is one of TWO_OBJECT_VERBS (ring kund tjänst)."""
    return tok.pos in ("VERB", "AUX") and "Imp" not in morph_values(tok.morph, "Mood")


def lexicon_plain(word: str) -> bool:
    return word.isalpha()


def _verb_after_preposition(lexicon, first: Tok, second: Tok, previous: Tok | None) -> bool:
    """ "om bygg lov": a verb form cannot follow a preposition, so it is a compound's first part
    (only when the joined word is itself in the dictionary)."""
    if first.pos != "VERB" or second.pos not in NOUNISH or previous is None or previous.pos not in ("ADP", "DET"):
        return False
    return bool(lexicon.mask((first.text + second.text).lower()) & ALONE)


def _code_compound(lexicon, first: Tok, second: Tok) -> tuple[int, int, str] | None:
    participle = "Part" in morph_values(second.morph, "VerbForm")
    if (second.pos not in NOUNISH and not participle) or len(second.text) < 3:
        return None
    joined = compounds.joined(lexicon, first.text, second.text)
    return (first.start, second.end, joined) if joined else None


def _shared_tail(lexicon, text: str, first: Tok, last: Tok, previous: Tok | None) -> tuple[int, int, str] | None:
    """ "Offentlighet och sekretesslagen": the first word lacks its hyphen (offentlighets- och)."""
    if first.pos not in NOUNISH or not first.text.isalpha() or not last.text.isalpha():
        return None
    if first.text[:1].isupper() and previous is not None:
        return None
    if "Def" in morph_values(first.morph, "Definite") or not last.text.islower():
        return None
    tail = compounds.compound_tail(lexicon, last.text)
    if tail is None or tail not in SHARED_TAILS:
        return None
    linked = compounds.shared_tail_form(lexicon, first.text, tail)
    if linked is None:
        return None
    middle = text[first.end : last.start]
    return first.start, last.end, f"{linked}-{middle}{last.text}"


# --- the checks ------------------------------------------------------------------------------


class SplitCompounds(Check):
    """SPR002."""

    def run(self, ctx: RuleContext) -> Iterator[Hit]:
        return split_compounds(ctx, self.rule)
