"""SPR001 stavning: words the Swedish dictionary (hunspell-sv) does not know."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lint.errors import RulePackError
from lint.language import words as prose
from lint.language.lexicon_build import ALONE, BEGIN, MIDDLE, DictionaryMissing
from lint.language.suggest import suggest
from lint.language.text import block_sentences
from lint.language.views import keep_case, quoted_spans, token_rows
from lint.rules.api import Hit, RuleContext
from lint.rules.kinds.python import Check
from lint.rules.organisation import org

SUGGESTED_WORDS = 60  # unknown words per document that get suggestions; later findings come without (a count, not a time: output must not depend on the machine)
NAME_MIN_LENGTH = 13  # a capitalised word this long one typo from a dictionary word is reported
FOREIGN_SHARE = 0.4  # a sentence or quotation with this share of unknown words is another language


def lexicon_for(ctx: RuleContext):
    from lint.language import lexicon

    try:
        return lexicon.load(lexicon.lexicon_dir())
    except DictionaryMissing as error:
        raise RulePackError(f"stavningskontrollen saknar sin ordlista: {error} (installera med: pip install hunspell-sv)") from None


@dataclass
class Word:
    start: int  # block text offsets
    end: int
    text: str
    initial: bool  # first word of a sentence (or after an opening bracket or quote)
    propn: bool
    numbered: bool = False  # a number follows (Tallkrogsvägen 21)


def misspellings(ctx: RuleContext, rule) -> Iterator[Hit]:
    lexicon = lexicon_for(ctx)
    accept = accept_for(ctx)
    suggested = 0  # unknown words given suggestions in this document
    for parsed in ctx.blocks(rule.spec.scope):
        if _foreign_block(parsed.block):
            continue
        yield from verb_slips(ctx, parsed.block)
        mask = prose.prose_mask(parsed.text)
        quotes = quoted_spans(parsed.text)
        for sentence in block_sentences(parsed):
            found = [(w, lexicon_says(lexicon, w)) for w in sentence_words(sentence, mask) if not _accepted(accept, w.text)]
            unknown = [w for w, verdict in found if verdict is not None]
            if not unknown or _foreign(len(unknown), len(found)) or prose.looks_english(sentence.text.split()):
                continue
            for word in unknown:
                if _in_foreign_quote(word, quotes, found):
                    continue
                hit = _report(ctx, lexicon, parsed.block, word, suggested < SUGGESTED_WORDS)
                suggested += 1
                if hit is not None:
                    yield hit


def accept_for(ctx: RuleContext) -> prose.AcceptList:
    organization = org(ctx)
    names = (organization.name, *organization.units, *organization.allowed_names, *organization.abbreviations)
    return prose.accept_list(ctx.settings.vocabulary, ctx.settings.accept, names)


def _accepted(accept: prose.AcceptList, word: str) -> bool:
    """The user's or kommlint's own words, also as parts of a hyphenated word (mån-tors)."""
    return accept.accepts(word) or ("-" in word.strip("-") and all(accept.accepts(p) for p in word.split("-") if p))


def _foreign_block(block) -> bool:
    lang = str(block.attrs.get("lang") or "")
    return bool(lang) and not lang.lower().startswith("sv")


def _foreign(unknown: int, total: int) -> bool:
    return unknown >= 2 and unknown >= FOREIGN_SHARE * total


def _in_foreign_quote(word: Word, quotes, found) -> bool:
    for start, end in quotes:
        if start <= word.start < end:
            inner = [verdict for w, verdict in found if start <= w.start < end]
            if prose.looks_english(w.text for w, _ in found if start <= w.start < end):
                return True
            return _foreign(sum(v is not None for v in inner), len(inner)) or len(inner) <= 2
    return False


def sentence_words(sentence, mask) -> Iterator[Word]:
    """The checkable words of a sentence with where they stand."""
    doc = sentence.span.doc
    rows = token_rows(doc)
    offsets = _token_offsets(doc)
    previous_open = True
    for i in range(sentence.span.start, sentence.span.end):
        row = rows[i]
        if row.is_space or row.is_punct:
            previous_open = previous_open or row.is_space or row.text in "([{\"”“'–-:•*.!?" or i == sentence.span.start
            continue
        start = offsets[i]
        end = start + len(row.text)
        initial, previous_open = previous_open, False
        if not prose.checkable(row.text) or prose.masked(start, end, mask) or prose.is_abbreviation(row.text):
            continue
        numbered = i + 1 < len(rows) and not rows[i + 1].is_space and rows[i + 1].text[:1].isdigit()
        if row.text[:1].isupper() and _company_name(rows, i, len(rows)):  # past the sentence: the tagger may cut a name
            continue  # Gatubygg Syd AB: a company's name is spelt as its owners chose
        yield Word(start, end, row.text, initial, row.pos == "PROPN", numbered)


def _company_name(rows, index: int, end: int) -> bool:
    return prose.in_company_name(rows[i].text for i in range(index, end) if not rows[i].is_space)


def _token_offsets(doc) -> list[int]:
    offsets = doc.user_data.get("kommlint_idx")
    if offsets is None:
        offsets = doc.user_data["kommlint_idx"] = doc.to_array("IDX").tolist() if len(doc) else []
    return offsets


def lexicon_says(lexicon, word: Word) -> str | None:
    """None when the word is fine; else what to look up for suggestions (lower case)."""
    text = word.text
    if lexicon.known(text) or (prose.is_place_name(text) and (word.propn or word.numbered or not word.initial)):
        return None
    bare = text.rstrip("-")
    if bare != text and (lexicon.known(bare) or lexicon.head(bare.lower())):
        return None  # "förskole- och skolbarn"
    lower = bare.lower()
    if lexicon.mask(lower) & (BEGIN | MIDDLE) and not lexicon.mask(lower) & ALONE:
        return None  # a compound's first part written apart: SPR002 reports it
    if text[:1].isupper() and (not word.initial or word.propn) or (text[1:] != text[1:].lower() and "-" not in text):
        return "name"
    return lower


def _report(ctx: RuleContext, lexicon, block, word: Word, with_suggestions: bool) -> Hit | None:
    verdict = lexicon_says(lexicon, word)
    lower = word.text.lower()
    if verdict == "name":
        # A name unless it is long and one typo from a dictionary word (Föräkringskassan).
        if len(word.text) < NAME_MIN_LENGTH or "-" in word.text or not with_suggestions:
            return None
        found = suggest(lower, lexicon, limit=1)
        if not found:
            return None
        suggestions = tuple(keep_case(word.text, s) for s in found)
    else:
        found = suggest(lower, lexicon) if with_suggestions else []
        suggestions = tuple(keep_case(word.text, s) for s in found)
    replacement = suggestions[0] if suggestions else None
    text = ", ".join(suggestions) if suggestions else "inget förslag"
    return ctx.replacement_hit(block, word.start, word.end, replacement, "unsafe", suggestions, suggestion=text, variant="unknown")


# A verb written as its noun before a particle: "logg in" (the noun logg) for "logga in".
VERB_AS_NOUN = re.compile(r"(?<![\w-])(logg)(?=\s+(?:in|ut|på)\b)", re.I)
NOUN_BEFORE = re.compile(r"(?:\b(?:en|ett|din|min|vår|er|den|denna|sin|varje)\s+)$", re.I)


def verb_slips(ctx: RuleContext, block) -> Iterator[Hit]:
    text = block.text
    for match in VERB_AS_NOUN.finditer(text):
        if NOUN_BEFORE.search(text[: match.start()]):
            continue
        right = keep_case(match[1], "logga")
        particle = text[match.end() :].split()[0]
        yield ctx.replacement_hit(
            block, match.start(1), match.end(1), right, "unsafe", (right,), suggestion=right, variant="verb", particle=particle
        )


# --- the checks ------------------------------------------------------------------------------


class Misspellings(Check):
    """SPR001."""

    variants = frozenset({"unknown", "verb"})
    values = frozenset({"particle"})

    def run(self, ctx: RuleContext) -> Iterator[Hit]:
        return misspellings(ctx, self.rule)
