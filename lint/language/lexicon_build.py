"""Builds kommlint's compact spelling lexicon from the hunspell-sv dictionary.

Hunspell stores stems with affix flags and decides compounds at lookup time; spylls
(pure Python) does that faithfully but needs ~4 s to read the files and seconds per
suggestion. Here every stem is expanded once into its inflected forms, each stored in a
marisa trie (read through a memory map) with a bitmask saying where the form may stand
(alone, first, middle or last in a compound); the REP and TRY lines go to a JSON file
beside it. `lint.language.lexicon` then answers lookups from the trie in about a
microsecond and decides compounds itself. Both are rebuilt when the dictionary's version
or this module's FORMAT changes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import metadata
from pathlib import Path

FORMAT = 8
MASK_FORMAT = "<I"  # one unsigned 32-bit mask per form in the trie
PACKAGE = "hunspell-sv"

# Bits of a form's mask.
ALONE = 1  # a word on its own
BEGIN = 2  # may start a compound
MIDDLE = 4  # may stand inside a compound
END = 8  # may end a compound
FORBIDDEN = 16
NOSUGGEST = 32
RULE_HEAD = 64  # COMPOUNDRULE ">j" / ")k": first part (a stem with > or ))
RULE_TAIL = 128  # ... last part (a form of a stem with j or k)
HYPHEN_TAIL = 256  # COMPOUNDRULE "1*-6": may follow a number and a hyphen (1-åring)


# Forms public text uses that hunspell-sv lacks, or lacks in this role (app as a compound's
# last part: parkeringsappen). Kept small: a word belongs here only when it is standard Swedish.
SUPPLEMENT = {
    **dict.fromkeys(("app", "appen", "appar", "apparna", "appens", "apps"), ALONE | END),
    **dict.fromkeys(("meröppen", "meröppet", "meröppna", "meröppenhet"), ALONE | END),
    "gatu": BEGIN | MIDDLE,  # gatuplats, gatukontor: the dictionary has only lexicalised ones
    **dict.fromkeys(("webbinarium", "webbinariet", "webbinarier", "webbinarierna"), ALONE | END),
}


class DictionaryMissing(RuntimeError):
    """The hunspell-sv package (its sv_SE.dic/.aff) is not installed."""


@lru_cache(maxsize=1)  # a scan of the installed files: once per process, not once per document
def dictionary_files() -> tuple[Path, str]:
    """The sv_SE file stem (path without .dic/.aff) and the package version."""
    try:
        distribution = metadata.distribution(PACKAGE)
    except metadata.PackageNotFoundError:
        raise DictionaryMissing(f"paketet {PACKAGE} är inte installerat") from None
    for file in distribution.files or ():
        if file.name == "sv_SE.dic":
            path = Path(distribution.locate_file(file)).resolve()
            if path.is_file() and path.with_suffix(".aff").is_file():
                return path.with_suffix(""), distribution.version
    raise DictionaryMissing(f"paketet {PACKAGE} saknar sv_SE.dic och sv_SE.aff")


def _flags_mask(flags: set[str], aff) -> int:
    mask = 0
    if aff.COMPOUNDBEGIN in flags:
        mask |= BEGIN
    if aff.COMPOUNDMIDDLE in flags:
        mask |= MIDDLE
    if aff.COMPOUNDEND in flags:
        mask |= END
    if ">" in flags or ")" in flags:
        mask |= RULE_HEAD
    if "j" in flags or "k" in flags:
        mask |= RULE_TAIL
    if "6" in flags:
        mask |= HYPHEN_TAIL
    if aff.NOSUGGEST in flags:
        mask |= NOSUGGEST
    return mask


def _alone(flags: set[str], aff) -> bool:
    return not ({aff.ONLYINCOMPOUND, aff.NEEDAFFIX, aff.FORBIDDENWORD} & flags)


def _stem_forms(word, aff) -> Iterator[tuple[str, int]]:
    """The forms of one dictionary stem with their masks."""
    flags = set(word.flags)
    stem_mask = _flags_mask(flags, aff)
    forbidden = aff.FORBIDDENWORD in flags
    if aff.NEEDAFFIX not in flags or forbidden:
        yield word.stem, FORBIDDEN if forbidden else stem_mask | (ALONE if _alone(flags, aff) else 0)
    for flag in flags:
        for suffix in aff.SFX.get(flag, ()):
            for form, mask in _suffixed(word.stem, suffix, stem_mask, aff, depth=0):
                yield form, FORBIDDEN if forbidden else mask


def _suffixed(stem: str, suffix, stem_mask: int, aff, depth: int) -> Iterator[tuple[str, int]]:
    if not suffix.cond_regexp.search(stem) or (suffix.strip and not stem.endswith(suffix.strip)):
        return
    form = stem[: len(stem) - len(suffix.strip)] + suffix.add if suffix.strip else stem + suffix.add
    own = set(suffix.flags)
    if aff.COMPOUNDPERMITFLAG in own:
        # A linking form (bostads-, skol-): only where its own flags put it.
        mask = _flags_mask(own, aff) & (BEGIN | MIDDLE)
    else:
        # An inflected form: ends a compound when its stem does (kundtjänsten).
        mask = stem_mask & (END | RULE_TAIL | HYPHEN_TAIL | NOSUGGEST)
    if _alone(own, aff):
        mask |= ALONE
    yield form, mask
    if depth == 0:
        for flag in own:
            for second in aff.SFX.get(flag, ()):
                yield from _suffixed(form, second, stem_mask, aff, depth=1)


def expand(words: Iterable, aff) -> dict[str, int]:
    """Every form of every stem, masks of the same form OR-ed together."""
    table: dict[str, int] = {}
    for word in words:
        for form, mask in _stem_forms(word, aff):
            if form:
                table[form] = table.get(form, 0) | mask
    return table


def build(target: Path) -> int:
    """Write the trie to `target` and its meta file beside it; returns the number of forms.

    Both go through temporary files, the trie last: a trie that exists is complete."""
    import marisa_trie
    from spylls.hunspell import Dictionary

    stem, version = dictionary_files()
    dictionary = Dictionary.from_files(str(stem))
    aff = dictionary.aff
    table = expand(dictionary.dic.words, aff)
    for form, mask in SUPPLEMENT.items():
        table[form] = table.get(form, 0) | mask
    target.parent.mkdir(parents=True, exist_ok=True)
    reps = "\n".join(f"{rep.pattern}\t{rep.replacement}" for rep in aff.REP)
    meta = {"version": version, "format": FORMAT, "rep": reps, "try": aff.TRY or ""}
    _write_atomically(meta_path(target), lambda path: path.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8"))
    trie = marisa_trie.RecordTrie(MASK_FORMAT, ((form, (mask,)) for form, mask in table.items()))
    _write_atomically(target, lambda path: trie.save(str(path)))
    return len(table)


def meta_path(trie: Path) -> Path:
    return trie.with_suffix(".json")


def _write_atomically(target: Path, write) -> None:
    temporary = target.with_name(f"{target.name}.{id(write)}.tmp")
    write(temporary)
    temporary.replace(target)
