"""Compounds written apart (särskrivning), decided with the spelling lexicon.

A pair of words is a split compound when joining them gives a word the dictionary knows
and the pair itself does not read as a normal phrase. The grammar part (which parts of
speech, which neighbours) is the rule's; this module only answers the dictionary side.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lint.language.lexicon import Lexicon
from lint.language.lexicon_build import ALONE, BEGIN, END, MIDDLE

CODE = re.compile(r"[A-ZÅÄÖ]{2,5}|[A-ZÅÄÖ]{1,3}\d{1,3}")  # LSS, SFI, E4, E18


def linking_form(lexicon: Lexicon, word: str) -> bool:
    """A first part that cannot stand alone: bostads, skol, förskole."""
    mask = lexicon.mask(word.lower())
    return bool(mask & (BEGIN | MIDDLE)) and not mask & ALONE


def joined(lexicon: Lexicon, first: str, second: str, linking: bool = False) -> str | None:
    """The compound of two words if the dictionary knows it (kund + tjänst -> kundtjänst);
    with `linking` also with a linking s (förråd + byggnad -> förrådsbyggnad)."""
    if CODE.fullmatch(first):
        return f"{first}-{second}" if lexicon.known(second) else None
    found = _joined(lexicon, first, second)
    if found is None and linking and linking_form(lexicon, first + "s") is False and lexicon.mask((first + "s").lower()) & BEGIN:
        found = _joined(lexicon, first + "s", second)
    return found


def dictionary_form(lexicon: Lexicon, word: str) -> bool:
    """A form of a dictionary stem (not a compound the lexicon puts together)."""
    return bool(lexicon.mask(word.lower()) & ALONE)


@lru_cache(maxsize=65_536)  # per word form: a page repeats its words, and so do the pages of a run
def noun_like(lexicon: Lexicon, word: str) -> bool:
    """A noun by its forms (luft: luften; not stor, which has stort and stora), whatever the tagger says."""
    lower = word.lower()
    definite = (lower + "n", lower + "t") if lower[-1:] in "aeiouyåäö" else (lower + "en", lower + "et")
    adjective = lexicon.known(lower + "t") and lexicon.known(lower + "a")
    return any(lexicon.known(form) for form in definite) and not adjective


def _joined(lexicon: Lexicon, first: str, second: str) -> str | None:
    word = first + second.lower()
    if first[:1].isupper() and lexicon.known(first + second.lower()):
        return word
    lower = word.lower()
    if lexicon.mask(lower) & ALONE or lexicon.compound(lower):
        return lower if first.islower() else word
    return None


def compound_tail(lexicon: Lexicon, word: str) -> str | None:
    """The last part of a compound (sekretesslagen -> lagen), the longest the dictionary allows."""
    lower = word.lower()
    for cut in range(2, len(lower) - 1):
        tail = lower[cut:]
        if len(tail) >= 3 and lexicon.mask(tail) & END and lexicon.head(lower[:cut]):
            return tail
    return None


def shared_tail_form(lexicon: Lexicon, first: str, tail: str) -> str | None:
    """The first word as the first part of `first` + `tail` (offentlighet + lagen -> offentlighets,
    hälsa + undersökning -> hälso), for "offentlighets- och sekretesslagen"."""
    lower = first.lower()
    stems = [lower, lower + "s"]
    if lower[-1:] in "ae":
        stems += [lower[:-1] + "o", lower[:-1] + "e", lower[:-1]]
    for stem in stems:
        if lexicon.known(stem + tail):
            return first[:1] + stem[1:]
    return None


def genitive_link(lexicon: Lexicon, word: str) -> bool:
    """A singular word + s that is also a compound's first part (bostads, kommuns): written
    before a noun without an article it is most often a split compound."""
    lower = word.lower()
    return lower.endswith("s") and len(lower) > 4 and bool(lexicon.mask(lower) & BEGIN) and lexicon.known(lower[:-1])
