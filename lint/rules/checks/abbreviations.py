"""Abbreviations (KLAR013), following Myndigheternas skrivregler kap. 12.

Four things are checked:
1. an accepted abbreviation written the wrong way (t ex, t. ex., dvs without a stop);
2. an abbreviation that is not on the accepted list (ca, inkl., p.g.a.), which should be written out;
3. an acronym (KF, SLK, TU) that is not explained at its first use, by "(KF)" after the
   words or "(kommunfullmäktige)" after the acronym;
4. an abbreviation that starts a sentence (T.ex. kan du …).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import product

from lint.language.text import (
    ChunkKinds,
    block_sentences,
    has_clean_sentence_bounds,
    is_protected,
    protected_spans,
)
from lint.language.views import ParsedBlock, keep_case
from lint.rules.api import Hit, RuleContext
from lint.rules.kinds.python import Check

# Accepted abbreviations (usable without explanation) and their written-out forms.
ACCEPTED = {
    "bl.a.": "bland annat",
    "dvs.": "det vill säga",
    "e.d.": "eller dylikt",
    "etc.": "etcetera",
    "fr.o.m.": "från och med",
    "m.a.o.": "med andra ord",
    "m.fl.": "med flera",
    "m.m.": "med mera",
    "obs.": "observera",
    "o.d.": "och dylikt",
    "osv.": "och så vidare",
    "s.k.": "så kallad",
    "t.ex.": "till exempel",
    "t.o.m.": "till och med",
}
# Abbreviations to write out, and what to write.
WRITE_OUT = {
    "ca": "cirka",
    "ca.": "cirka",
    "inkl.": "inklusive",
    "exkl.": "exklusive",
    "p.g.a.": "på grund av",
    "pga.": "på grund av",
    "pga": "på grund av",
    "ang.": "angående",
    "enl.": "enligt",
    "ev.": "eventuellt",
    "resp.": "respektive",
    "jfr": "jämför",
    "jfr.": "jämför",
    "fr.a.": "framför allt",
    "m.h.a.": "med hjälp av",
    "mha": "med hjälp av",
    "iofs.": "i och för sig",
    "iaf": "i alla fall",
    "bla.": "bland annat",
    "mm.": "med mera",
    "tex.": "till exempel",
    "d.v.s.": "det vill säga",
    "o.s.v.": "och så vidare",
    "fö.": "för övrigt",
    "f.ö.": "för övrigt",
    "dyl.": "dylikt",
    "st.": "stycken",
    "sk.": "så kallad",
    "t.v.": "tills vidare",
    "f.n.": "för närvarande",
    "i st.f.": "i stället för",
    "istf.": "i stället för",
}
# Older spellings of accepted abbreviations: d.v.s. → dvs.
RESPELL = {"d.v.s.": "dvs.", "o.s.v.": "osv.", "bla.": "bl.a.", "mm.": "m.m.", "tex.": "t.ex.", "sk.": "s.k."}

ACRONYM = re.compile(r"(?<![\w@./-])(?P<a>[A-ZÅÄÖ]{2,6})(?::s|-\w+)?(?![\w@/])")
# Words in capitals side by side, one of them four letters or more: "RÖSTA NU", "SISTA DAG".
# That is shouting (TILL006, versaler), not a string of acronyms.
CAPITAL_RUN = re.compile(r"(?<![\w-])[A-ZÅÄÖÉ]+(?:[ \u00a0]+[A-ZÅÄÖÉ]+)+(?![\w-])")
ROMAN = re.compile(r"^(?=[IVXLC]+$)M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$")


def _loose(abbreviation: str) -> str:
    """A regex for an accepted abbreviation with any stops and spaces between its letters."""
    parts = [re.escape(part) for part in abbreviation.strip(".").split(".")]
    return r"\.?\s*".join(parts) + r"\.?"


def _wrong_forms() -> re.Pattern:
    alternatives = sorted({_loose(a) for a in ACCEPTED}, key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(alternatives) + r")(?![\w])", re.I)


WRONG_FORM = _wrong_forms()
WRITE_OUT_RE = re.compile(
    r"(?<![\w.])(?:" + "|".join(re.escape(a).replace(r"\ ", r"\s") for a in sorted(WRITE_OUT, key=len, reverse=True)) + r")(?=\s|$|[,;:)])",
    re.I,
)


def _spelling_pieces() -> re.Pattern:
    """What a chunk of text (between whitespace) holds where a spelling finding starts.

    WRONG_FORM and WRITE_OUT_RE match at a position not preceded by a letter or a stop. A
    match without whitespace lies within one chunk, followed by a non-letter or the chunk's
    end. A match with whitespace ("t ex") fills its chunk from that position to the end
    with its part before the whitespace; for "i st.f.", whose first part is the everyday
    "i", the next chunk starts with "st.f." instead.
    """
    whole, cut = set(), set()
    for abbreviation in ACCEPTED:  # the forms WRONG_FORM allows: t.ex, t. ex, tex, t ex ...
        parts = abbreviation.strip(".").split(".")
        for count in range(1, len(parts) + 1):
            for stops in product(("", "."), repeat=count):
                piece = "".join(part + stop for part, stop in zip(parts, stops))
                (whole if count == len(parts) else cut).add(piece)
    whole |= {written for written in WRITE_OUT if " " not in written}
    continued = {written.rsplit(" ", 1)[1] for written in WRITE_OUT if " " in written}
    return re.compile(rf"(?<![\w.])(?:(?:{_alternation(cut)})$|(?:{_alternation(whole)})(?!\w))|^(?:{_alternation(continued)})(?!\w)", re.I)


def _alternation(words: set[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


SPELLING_PIECE = _spelling_pieces()
UPPER_PAIR = re.compile(r"[A-ZÅÄÖ]{2}")  # in every ACRONYM match
SPELLING, ACRONYM_LIKE = 1, 2  # what a chunk of text may start


def _chunk_kinds(chunk: str) -> int:
    return (SPELLING if SPELLING_PIECE.search(chunk) else 0) | (ACRONYM_LIKE if UPPER_PAIR.search(chunk) else 0)


CHUNK_KINDS = ChunkKinds(_chunk_kinds)


class Abbreviations(Check):
    class Options(Check.Options):
        known_acronyms: list[str] = []  # written in capitals, known to every reader
        internal_acronyms: list[str] = []  # the organisation's own: always to be written out

    variants = frozenset({"spacing", "modern", "write_out", "sentence_start", "internal", "unexplained"})
    values = frozenset({"canonical", "modern", "full"})

    def run(self, ctx: RuleContext) -> Iterator[Hit]:
        allowed = {word.upper() for word in self.options.known_acronyms} | {w.upper() for w in ctx.settings.vocabulary}
        internal = {word.upper() for word in self.options.internal_acronyms}
        explained: set[str] = set()
        for parsed in ctx.blocks(self.spec.scope):
            kinds = _block_kinds(parsed)
            if kinds:
                yield from _block_findings(ctx, parsed, kinds & SPELLING, kinds & ACRONYM_LIKE, allowed, internal, explained)


def _block_kinds(parsed: ParsedBlock) -> int:
    """SPELLING if a sentence of the block may have a spelling finding or start with an
    abbreviation; ACRONYM_LIKE if one may hold an acronym.

    An acronym has two capitals side by side, within one chunk. An abbreviation that starts
    a sentence is a WRONG_FORM match too, and with sentences that end and start at
    whitespace, every such match starts in a chunk that SPELLING_PIECE accepts.
    """
    return (0 if has_clean_sentence_bounds(parsed) else SPELLING) | CHUNK_KINDS(parsed)


def _block_findings(ctx, parsed, spelling: bool, acronyms: bool, allowed, internal, explained) -> Iterator[Hit]:
    for sentence in block_sentences(parsed):
        text = sentence.text
        found = []
        if spelling:
            found += _spelling(text)
            found += _sentence_start(text)
        if acronyms:
            found += _acronyms(text, allowed, internal, explained, sentence)
        if not found:
            continue
        protected = protected_spans(text)
        last_end = -1
        for start, end, replacement, values in sorted(found, key=lambda f: (f[0], -f[1])):
            if start < last_end or is_protected(start, protected):
                continue
            last_end = end
            hit_start, hit_end = sentence.start + start, sentence.start + end
            if replacement is None:
                yield ctx.hit(sentence.block, hit_start, hit_end, suggestion="", **values)
            else:
                yield ctx.replacement_hit(
                    sentence.block, hit_start, hit_end, replacement, "safe", (replacement,), suggestion=replacement, **values
                )


def _spelling(text: str) -> Iterator[tuple[int, int, str, dict]]:
    for match in WRONG_FORM.finditer(text):
        written = match.group(0)
        canonical = _canonical(written)
        at_end = text[match.end() :].strip() == "" and written.endswith(".")
        if canonical.count(".") > 1 and not re.search(r"[.\s]", written.rstrip(".")):
            continue  # mm is millimetres and bla is a word; only t ex, t.ex and the like are slips
        if written.lower() == canonical or (at_end and written.lower() + "." == canonical) or written.lower() in RESPELL:
            continue
        if canonical == "obs." and text[match.end() : match.end() + 1] in "!:":
            continue  # OBS! and Obs: are set phrases
        fixed = keep_case(written, canonical)
        yield match.start(), match.end(), fixed, {"variant": "spacing", "canonical": canonical}
    for match in WRITE_OUT_RE.finditer(text):
        written = match.group(0)
        lower = written.lower()
        if lower in RESPELL:
            fixed = keep_case(written, RESPELL[lower])
            yield match.start(), match.end(), fixed, {"variant": "modern", "modern": RESPELL[lower]}
            continue
        full = WRITE_OUT[lower]
        yield match.start(), match.end(), keep_case(written, full), {"variant": "write_out", "full": full}


def _canonical(written: str) -> str:
    letters = re.sub(r"[\s.]", "", written.lower())
    for abbreviation in ACCEPTED:
        if abbreviation.replace(".", "") == letters:
            return abbreviation
    return written.lower()


def _sentence_start(text: str) -> Iterator[tuple[int, int, str, dict]]:
    stripped = text.lstrip()
    if not stripped[:1].isupper():
        return
    offset = len(text) - len(stripped)
    lowered = stripped.lower()
    for abbreviation, full in ACCEPTED.items():
        if lowered.startswith(abbreviation):
            fixed = keep_case(stripped[: len(abbreviation)], full)
            yield offset, offset + len(abbreviation), fixed, {"variant": "sentence_start"}
            return


def _acronyms(text, allowed, internal, explained, sentence) -> Iterator[tuple[int, int, str | None, dict]]:
    if not ACRONYM.search(text):
        return
    if sum(char.isupper() for char in text) > 0.5 * sum(char.isalpha() for char in text):
        return  # a line in capitals is emphasis, not a string of acronyms
    shouted = [run.span() for run in CAPITAL_RUN.finditer(text) if max(map(len, run.group(0).split())) >= 4]
    for match in ACRONYM.finditer(text):
        acronym = match.group("a")
        if ROMAN.match(acronym) or acronym in allowed or acronym in explained:
            continue
        if any(start <= match.start() < end for start, end in shouted):
            continue
        if re.match(r"\s*\d", text[match.end() :]):
            continue  # part of a reference number: SBK 2023-05678, KS 2024/123
        if _is_explained(text, match):
            explained.add(acronym)
            continue
        explained.add(acronym)  # one finding per acronym and document
        variant = "internal" if acronym in internal else "unexplained"
        yield match.start(), match.start() + len(acronym), None, {"variant": variant}


def _is_explained(text: str, match: re.Match) -> bool:
    before = text[: match.start()].rstrip()
    after = text[match.end() :].lstrip()
    in_parentheses = before.endswith("(") and after.startswith(")") and len(before) > 3
    followed_by_expansion = re.match(r"\(\s*[a-zåäöA-ZÅÄÖ][\w\s-]{3,}\)", after) is not None
    return in_parentheses or followed_by_expansion
