"""Swedish word lookup from the compact hunspell-sv table (see lexicon_build).

`Lexicon.known(word)` answers whether Hunspell would accept the word: a form of a
dictionary stem, or a compound of forms allowed first, inside and last (with Hunspell's
checks on repeated parts and REP look-alikes). Three equal letters at a boundary are allowed
(Svenska skrivregler accept presssekreterare), unlike Hunspell's CHECKCOMPOUNDTRIPLE.
Answers are memoised per process, so a word is looked up once however often it occurs.
"""

from __future__ import annotations

import json
import threading
from functools import lru_cache
from pathlib import Path

from lint.language import lexicon_build as build
from lint.language.lexicon_build import ALONE, BEGIN, END, FORBIDDEN, HYPHEN_TAIL, MIDDLE, NOSUGGEST, RULE_HEAD, RULE_TAIL

MIN_PART = 2  # COMPOUNDMIN
MAX_PARTS = 4  # COMPOUNDWORDMAX
MAX_LENGTH = 60
_LOCK = threading.Lock()


ENVIRONMENT = "KOMMLINT_LEXICON_DIR"


def lexicon_dir() -> Path:
    """$KOMMLINT_LEXICON_DIR, else `lexicon` in the user's kommlint cache ($KOMMLINT_CACHE_DIR or
    ~/.cache/kommlint): one per user, not per project, since it depends only on the dictionary."""
    import os

    from lint.resources import user_cache_dir

    for variable, folder in ((ENVIRONMENT, ""), ("KOMMLINT_CACHE_DIR", "lexicon")):
        if os.environ.get(variable):
            return Path(os.environ[variable]) / folder
    return user_cache_dir() / "lexicon"


def lexicon_path(folder: Path, version: str) -> Path:
    return folder / f"sv_SE-{version}-f{build.FORMAT}.marisa"


class Lexicon:
    def __init__(self, path: Path) -> None:
        import marisa_trie

        self.path = path
        # Read through a memory map: loading takes no time, and the pages are the file's, shared
        # between worker processes and never written.
        self._forms = marisa_trie.RecordTrie(build.MASK_FORMAT).mmap(str(path))
        meta = json.loads(build.meta_path(path).read_text(encoding="utf-8"))
        self.version = meta["version"]
        self.reps = tuple(tuple(line.split("\t")) for line in meta["rep"].splitlines() if "\t" in line)
        self.try_chars = meta["try"]
        self._known: dict[str, bool] = {}
        self.suggestions: dict[tuple[str, int], tuple[str, ...]] = {}  # lint.language.suggest's memo

    # Forms ---------------------------------------------------------------------------
    def masks(self, forms: set[str]) -> dict[str, int]:
        """The mask of every given form (0 for one not in the table)."""
        lookup = self._forms.get
        return {form: found[0][0] if (found := lookup(form)) else 0 for form in forms}

    def mask(self, form: str) -> int:
        found = self._forms.get(form)
        return found[0][0] if found else 0

    # Words ---------------------------------------------------------------------------
    def known(self, word: str) -> bool:
        answer = self._known.get(word)
        if answer is None:
            answer = self._decide(word)
            if len(self._known) > 200_000:
                self._known.clear()
            self._known[word] = answer
        return answer

    def _decide(self, word: str) -> bool:
        if not word or len(word) > MAX_LENGTH:
            return True
        variants = _case_variants(word)
        masks = self.masks(set(variants))
        for variant in variants:  # the exact spelling first: Kungsgatan is a name, kungsgatan is not a word
            if masks[variant] & FORBIDDEN:
                return False
            if masks[variant] & ALONE:
                return True
        if "-" in word.strip("-"):
            return self._hyphenated(word)
        lower = word.lower()
        if word != lower and word[1:] != word[1:].lower() and not word.isupper():
            return False  # mixed case inside a word that is not in the dictionary
        return self.compound(lower) or (word != lower and not word.isupper() and self.compound(word))

    def _hyphenated(self, word: str) -> bool:
        """BREAK -: every part known (a part may also be a compound-only form: 1-åring)."""
        parts = word.split("-")
        for index, part in enumerate(parts):
            if not part or part.isdigit() or (part.isupper() and len(part) <= 6) or self.known(part):
                continue
            if index == 0 and len(part) <= 5 and len(parts) > 1:  # an abbreviation in lower case: sms-, hbtqi-
                continue
            mask = max(self.mask(v) for v in _case_variants(part))
            wanted = (END | HYPHEN_TAIL | MIDDLE) if index else (BEGIN | MIDDLE)
            if not mask & wanted and not self.compound(part.lower(), final_alone=False):
                return False
        return True

    def compound(self, word: str, final_alone: bool = True) -> bool:
        """Whether `word` (lower case) splits into 2–4 parts Hunspell allows as a compound."""
        n = len(word)
        if n < 2 * MIN_PART:
            return False
        if not self._splits(word, 0, 0, Substrings(self, word), None):
            return False
        return not self._rep_lookalike(word)

    def _splits(self, word: str, start: int, count: int, masks: Substrings, previous: str | None) -> bool:
        n = len(word)
        if count >= MAX_PARTS:
            return False
        masks.starting_at(start)
        for cut in range(start + MIN_PART, n - MIN_PART + 1):
            for part, rest in _parts_at(word, start, cut):
                mask = masks.get(part, 0)
                need = BEGIN if count == 0 else MIDDLE
                if part == previous:
                    continue  # CHECKCOMPOUNDDUP
                last = word[rest:]
                if mask & need:
                    tail = masks.get(last, 0)
                    if tail & END and last != part:
                        return True
                    if self._splits(word, rest, count + 1, masks, part):
                        return True
                if count == 0 and mask & RULE_HEAD and masks.get(last, 0) & RULE_TAIL:
                    return True
        return False

    def head(self, word: str) -> bool:
        """Whether `word` can open a compound: a first part, then any parts allowed inside (bygg|lovs)."""
        n = len(word)
        masks = Substrings(self, word)

        def chain(start: int, count: int) -> bool:
            if masks.get(word[start:], 0) & (MIDDLE if count else BEGIN):
                return True
            if count + 1 >= MAX_PARTS - 1:
                return False
            masks.starting_at(start)
            need = MIDDLE if count else BEGIN
            return any(masks.get(word[start:cut], 0) & need and chain(cut, count + 1) for cut in range(start + MIN_PART, n - MIN_PART + 1))

        return chain(0, 0)

    def _rep_lookalike(self, word: str) -> bool:
        """CHECKCOMPOUNDREP: a compound that one REP change turns into a plain word is a misspelling."""
        candidates = set()
        for pattern, replacement in self.reps:
            start = word.find(pattern)
            while start >= 0:
                candidates.add(word[:start] + replacement + word[start + len(pattern) :])
                start = word.find(pattern, start + 1)
        masks = self.masks(candidates)
        return any(mask & ALONE and not mask & FORBIDDEN for mask in masks.values())

    def suggestable(self, word: str) -> bool:
        mask = max(self.mask(v) for v in _case_variants(word))
        return not mask & (NOSUGGEST | FORBIDDEN)


class Substrings:
    """The masks of a word's substrings for compound(): its endings at once, the parts that
    start at a position only once a split reaches it (most positions are never reached, so
    a word costs far fewer lookups than all its substrings would)."""

    def __init__(self, lexicon: Lexicon, word: str) -> None:
        self.lexicon, self.word = lexicon, word
        self.known = lexicon.masks({word[i:] for i in range(len(word) - MIN_PART + 1)})
        self.fetched: set[int] = set()

    def starting_at(self, start: int) -> None:
        if start not in self.fetched:
            self.fetched.add(start)
            word = self.word
            self.known.update(self.lexicon.masks({word[start:end] for end in range(start + MIN_PART, len(word) + 1)}))

    def get(self, part: str, default: int = 0) -> int:
        """A part's mask; 0 for one shorter than MIN_PART (never a part)."""
        mask = self.known.get(part)
        if mask is None:
            return self.lexicon.mask(part) if len(part) >= MIN_PART else default
        return mask


def _parts_at(word: str, start: int, cut: int) -> list[tuple[str, int]]:
    """The part word[start:cut] and where the next part starts: at `cut`, or one letter back
    when the part ends in a double letter (SIMPLIFIEDTRIPLE: tull + lista is written tullista)."""
    part = word[start:cut]
    if cut - start >= 3 and word[cut - 1] == word[cut - 2] and cut < len(word):
        return [(part, cut), (part, cut - 1)]
    return [(part, cut)]


@lru_cache(maxsize=8192)
def _case_variants(word: str) -> tuple[str, ...]:
    variants = [word]
    if word[:1].isupper():
        variants.append(word.lower())
        if word.isupper() and len(word) > 1:
            variants.append(word[0] + word[1:].lower())
    return tuple(dict.fromkeys(variants))


_INSTANCE: Lexicon | None = None


def load(folder: Path) -> Lexicon:
    """The lexicon, built into `folder` on first use (a few seconds, once per dictionary version)."""
    global _INSTANCE
    stem, version = build.dictionary_files()
    path = lexicon_path(folder, version)
    if _INSTANCE is not None and _INSTANCE.path == path:
        return _INSTANCE
    with _LOCK:
        if not (path.is_file() and build.meta_path(path).is_file()):
            build.build(path)
            _remove_stale(path)
    _INSTANCE = Lexicon(path)
    return _INSTANCE


def _remove_stale(current: Path) -> None:
    """Tables of an older dictionary or format (the voice lexicon beside them is not ours)."""
    for stale in current.parent.glob("sv_SE-*"):
        if "-voice-" not in stale.name and not stale.name.startswith(f"{current.stem}."):
            stale.unlink(missing_ok=True)
