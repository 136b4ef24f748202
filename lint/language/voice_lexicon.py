"""What an -s word can be, from the hunspell-sv dictionary: a verb's s-passive, or something else.

The embedded model tags many -s genitives as passive verbs (kamraternas, andras, nöjes).
The dictionary knows better: its stems carry the affix flags that made each form, and a
form made by a verb's passive suffixes (bevilja → beviljas, beviljades; hålla → hölls;
slå → slås) is a passive, while one made from a noun, adjective or pronoun stem (kamrat →
kamraternas, nöje → nöjes, andra → andras) is not. Some forms are both (kallas: the verb
kalla and the noun kalla; slås: the verb slå and the noun slå); then the sentence decides.

A third bit marks forms of plain adjectives (trång → trångt, klar → klara): "bli trångt"
is bli with an adjective, not a passive. Stems that look like participles (godkänd, riven,
uppsagd) are left out, since "bli godkänd" is a passive.

Which flags do what is read from sv_SE.aff (hunspell-sv 2.x): m, M, N, K and L conjugate
verbs; on a verb stem the -s forms of A (-s: granskas, slås), N (granskades, granskats),
L (bedöms, bedömdes) and R (-es on an a-stem: läses) are passives, while B, F and T make
nouns from the verb (beviljandes, användarnas); on any other stem an -s form is not a passive;
O, P and Q inflect adjectives. The table is built once per dictionary version beside the
spelling lexicon (a few seconds) and read from SQLite afterwards.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

PASSIVE = 1  # an s-passive of a verb
OTHER = 2  # an -s form that is not a passive: a genitive, a noun, a deponent's own stem
ADJECTIVE = 4  # a form of an adjective that is not a participle
VERB = 8  # a verb's infinitive (a stem with conjugation flags)
BASE_S = 16  # a noun whose own base form ends in -s (insats, dans, kurs): no genitive, no passive
FORMAT = 6
VERB_FLAGS = frozenset("mMNKL")
LEMMA_FLAGS = VERB_FLAGS | frozenset("Bj")  # B makes -ande nouns, j imperatives: only verbs have them
ADJECTIVE_FLAGS = frozenset("OPQ")
COMPOUND_FLAGS = frozenset("XYUZW")
PASSIVE_FLAGS = frozenset("ANLR")  # on a verb stem: granskas, granskades, bedöms, läses
PARTICIPLE_SHAPES = ("d", "t", "en", "et")
MIN_TAIL = 4  # the shortest last part of a compound looked up on its own
_LOCK = threading.Lock()


def _entry_forms(stem: str, flags: set[str], aff) -> Iterator[tuple[str, str]]:
    """(form, flag) for every form one dictionary entry makes; flag "" for the stem itself."""
    yield stem, ""
    for flag in flags:
        for suffix in aff.SFX.get(flag, ()):
            if not suffix.cond_regexp.search(stem) or (suffix.strip and not stem.endswith(suffix.strip)):
                continue
            base = stem[: len(stem) - len(suffix.strip)] if suffix.strip else stem
            yield base + suffix.add, flag


def _bits(stem: str, flags: set[str], form: str, flag: str) -> int:
    verb = bool(flags & VERB_FLAGS) and not stem.endswith("s")
    if flag == "" and not flags - COMPOUND_FLAGS:
        return 0  # a bare stem kept for compounding (godkänns, lämnas): says nothing about its class
    if form.endswith("s"):
        if flag == "" and not verb:
            return OTHER | BASE_S
        if verb and flag in PASSIVE_FLAGS and (flag != "R" or stem.endswith("a")):
            return PASSIVE
        return OTHER  # nouns and their genitives, also those made from a verb (beviljandes, användarnas)
    if not verb and flags & ADJECTIVE_FLAGS and (flag == "" or flag in ADJECTIVE_FLAGS) and not stem.endswith(PARTICIPLE_SHAPES):
        return ADJECTIVE
    return 0


def expand(words, aff) -> dict[str, int]:
    table: dict[str, int] = {}
    for word in words:
        flags = set(word.flags)
        if aff.FORBIDDENWORD in flags:
            continue
        if flags & LEMMA_FLAGS and not word.stem.endswith("s"):
            table[word.stem.lower()] = table.get(word.stem.lower(), 0) | VERB
        for form, flag in _entry_forms(word.stem, flags, aff):
            bits = _bits(word.stem, flags, form, flag)
            if bits and form:
                form = form.lower()
                table[form] = table.get(form, 0) | bits
    return table


def table_path(folder: Path, version: str) -> Path:
    return folder / f"sv_SE-{version}-voice-f{FORMAT}.sqlite"


def build(target: Path) -> int:
    from spylls.hunspell import Dictionary

    from lint.language.lexicon_build import dictionary_files

    stem, _version = dictionary_files()
    dictionary = Dictionary.from_files(str(stem))
    table = expand(dictionary.dic.words, dictionary.aff)
    temporary = target.with_name(f"{target.name}.{id(table)}.tmp")
    target.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(temporary)
    try:
        connection.execute("CREATE TABLE forms (form TEXT PRIMARY KEY, bits INTEGER) WITHOUT ROWID")
        connection.executemany("INSERT INTO forms VALUES (?, ?)", sorted(table.items()))
        connection.commit()
    finally:
        connection.close()
    temporary.replace(target)
    return len(table)


class VoiceLexicon:
    def __init__(self, path: Path) -> None:
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)

    def exact(self, form: str) -> int | None:
        with _LOCK:
            row = self._db.execute("SELECT bits FROM forms WHERE form = ?", (form,)).fetchone()
        return row[0] if row else None

    @lru_cache(maxsize=65536)  # noqa: B019 - one instance per process
    def bits(self, word: str) -> int:
        """The bits of `word` (lower case), or of its last part when it is a compound."""
        word = word.rsplit("-", 1)[-1] if "-" in word.strip("-") else word
        for start in (0, *range(2, len(word) - MIN_TAIL + 1)):
            tail = word[start:]
            found = self.exact(tail)
            if found is None and tail.endswith("as") and (self.exact(tail[:-1]) or 0) & ADJECTIVE:
                found = OTHER  # föräldraledigas, arbetslösas: an adjective used as a noun, in the genitive
            if found is not None:
                if found & OTHER and not found & PASSIVE and any((self.exact(lemma) or 0) & VERB for lemma in verb_lemmas(tail)):
                    found |= PASSIVE  # läggs, visas, samlas: a verb the dictionary describes only in part
                return found & (PASSIVE | OTHER | ADJECTIVE | BASE_S)
        return 0


def verb_lemmas(form: str) -> set[str]:
    """Infinitives an -s form could be the passive of (läggs → lägga, granskades → granska)."""
    stem = form[:-1]
    lemmas = {stem, stem + "a"}
    for ending, cut in (("des", 3), ("tes", 3), ("ts", 2), ("es", 2)):
        if form.endswith(ending):
            lemmas.update({form[:-cut], form[:-cut] + "a"})
    return {lemma for lemma in lemmas if len(lemma) >= 3}


@lru_cache(maxsize=1)
def voice_lexicon() -> VoiceLexicon | None:
    """The table, built on first use; None when hunspell-sv (or spylls) is not installed."""
    try:
        from lint.language.lexicon import lexicon_dir
        from lint.language.lexicon_build import DictionaryMissing, dictionary_files

        _stem, version = dictionary_files()
    except (ImportError, DictionaryMissing):
        return None
    path = table_path(lexicon_dir(), version)
    with _LOCK:
        if not path.is_file():
            try:
                build(path)
            except ImportError:
                return None
            for stale in path.parent.glob("sv_SE-*-voice-f*.sqlite"):
                if stale != path:
                    stale.unlink(missing_ok=True)
    return VoiceLexicon(path)


def word_bits(word: str) -> int:
    """PASSIVE, OTHER, ADJECTIVE and BASE_S bits of a word (0 when unknown or without a dictionary)."""
    lexicon = voice_lexicon()
    return lexicon.bits(word.lower()) if lexicon is not None else 0
