"""Spelling suggestions with a bounded cost.

Candidates are the dictionary's REP replacements (common Swedish confusions: e/ä, j/g/gj,
double consonants) and every word one edit away (a letter dropped, added, changed or two
swapped), tried in that order. Plain dictionary forms are checked in one batch query;
compounds only until the time budget is spent, so a long unknown word costs at most
`budget` seconds.
"""

from __future__ import annotations

from lint.language.lexicon import Lexicon
from lint.language.lexicon_build import ALONE, BEGIN, END, FORBIDDEN, NOSUGGEST

LETTERS = "abcdefghijklmnopqrstuvwxyzåäöé"
MAX_COMPOUND_LENGTH = 30  # longer unknown words get the plain corrections only
MAX_REPAIRS_TRIED = 40  # compound repairs looked up in full, cheapest first
MAX_PART_QUERIES = 6  # parts of a compound whose edits are looked up


def _rep_candidates(word: str, reps: tuple[tuple[str, str], ...]) -> list[str]:
    found = []
    for pattern, replacement in reps:
        if pattern.startswith("^") or pattern.endswith("$") or "_" in replacement:
            continue
        start = word.find(pattern)
        while start >= 0:
            found.append(word[:start] + replacement + word[start + len(pattern) :])
            start = word.find(pattern, start + 1)
    return found


def _stutters(word: str) -> list[str]:
    """A letter group typed twice: myndighetenen -> myndigheten, ansökanan -> ansökan."""
    found = []
    for size in (2, 3):
        for i in range(len(word) - 2 * size + 1):
            if word[i : i + size] == word[i + size : i + 2 * size]:
                found.append(word[: i + size] + word[i + 2 * size :])
    return found


def _edits(word: str, letters: str) -> list[str]:
    n = len(word)
    swaps = [word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(n - 1) if word[i] != word[i + 1]]
    drops = [word[:i] + word[i + 1 :] for i in range(n)]
    inserts = [word[:i] + c + word[i:] for i in range(n + 1) for c in letters]
    changes = [word[:i] + c + word[i + 1 :] for i in range(n) for c in letters if c != word[i]]
    return swaps + drops + inserts + changes


def _letters(lexicon: Lexicon) -> str:
    return "".join(dict.fromkeys(c for c in lexicon.try_chars + LETTERS if c.isalpha() and c.islower()))


VOWELS = set("aeiouyåäöé")


def _cost(word: str, candidate: str) -> float:
    """How unlikely the typo is: swapped or doubled letters are cheap, a changed first letter dear."""
    cost = 2.0
    if len(candidate) == len(word):
        changed = [i for i, (a, b) in enumerate(zip(word, candidate, strict=True)) if a != b]
        if len(changed) == 2:
            cost = 1.0  # two letters swapped
        elif len(changed) == 1 and (word[changed[0]] in VOWELS) == (candidate[changed[0]] in VOWELS):
            cost = 1.5  # a vowel for a vowel, a consonant for a consonant
    else:
        longer, shorter = (word, candidate) if len(word) > len(candidate) else (candidate, word)
        index = next((i for i, (a, b) in enumerate(zip(longer, shorter, strict=False)) if a != b), len(shorter))
        if (index and longer[index] == longer[index - 1]) or longer[index + 1 : index + 2] == longer[index]:
            cost = 1.0  # a letter doubled or undoubled
        elif len(candidate) > len(word):
            cost = 1.2  # a letter left out
    return cost + (0.5 if candidate[:1] != word[:1] else 0.0)


def candidates(word: str, lexicon: Lexicon) -> list[str]:
    """Every candidate correction, the likeliest first (REP replacements before plain edits)."""
    letters = _letters(lexicon)
    reps = dict.fromkeys(_rep_candidates(word, lexicon.reps) + _stutters(word))
    edits = sorted(dict.fromkeys(e for e in _edits(word, letters) if e not in reps), key=lambda e: _cost(word, e))
    ordered = [c for c in (*reps, *edits) if c != word and len(c) > 1]
    return ordered


def _compound_repairs(word: str, lexicon: Lexicon, letters: str) -> list[str]:
    """Corrections of one part of a compound: the tail after a known head, or the head before a known tail."""
    found: list[str] = []
    n = len(word)
    queries = 0
    for cut in range(2, n - 1):
        if queries >= MAX_PART_QUERIES:
            break
        head, tail = word[:cut], word[cut:]
        if len(tail) >= 3 and lexicon.head(head):
            edits = _edits(tail, letters)
            queries += 1
            masks = lexicon.masks(set(edits))
            found += [head + e for e in sorted(edits, key=lambda e: _cost(tail, e)) if masks[e] & END]
        elif len(head) >= 3 and lexicon.mask(tail) & END:
            edits = _edits(head, letters)
            queries += 1
            masks = lexicon.masks(set(edits))
            found += [e + tail for e in sorted(edits, key=lambda e: _cost(head, e)) if masks[e] & BEGIN]
    return list(dict.fromkeys(found))


MAX_MEMO = 50_000  # suggestions kept per lexicon (a word form's are looked for once per run)


def suggest(word: str, lexicon: Lexicon, limit: int = 3) -> list[str]:
    """Up to `limit` corrections for a misspelt word (lower case), best first.

    The work is bounded by counts, never by the clock, so the same text always gets the same
    suggestions, however busy the machine is; they are memoised per word form."""
    memo = lexicon.suggestions
    found = memo.get((word, limit))
    if found is None:
        if len(memo) >= MAX_MEMO:
            memo.clear()
        found = memo[(word, limit)] = tuple(_suggest(word, lexicon, limit))
    return list(found)


def _plain_corrections(word: str, lexicon: Lexicon) -> list[str]:
    """The candidates that are dictionary words, in candidates()' order: the edits are sorted
    after the lookup, so only the few that are words pay for their cost (the sort is stable)."""
    reps = dict.fromkeys(_rep_candidates(word, lexicon.reps) + _stutters(word))
    edits = [e for e in dict.fromkeys(_edits(word, _letters(lexicon))) if e not in reps]
    pool = [c for c in (*reps, *edits) if c != word and len(c) > 1]
    masks = lexicon.masks(set(pool))
    good = {c for c in pool if masks[c] & ALONE and not masks[c] & (FORBIDDEN | NOSUGGEST)}
    return [c for c in reps if c in good] + sorted((e for e in edits if e in good), key=lambda e: _cost(word, e))


def _suggest(word: str, lexicon: Lexicon, limit: int) -> list[str]:
    found = _plain_corrections(word, lexicon)[:limit]
    if len(found) >= limit or len(word) < 6:
        return found
    found += [s for s in _stutters(word) if s not in found and lexicon.known(s)][: limit - len(found)]
    if len(found) >= limit:
        return found
    if len(word) > MAX_COMPOUND_LENGTH:
        return found
    repairs = sorted(_compound_repairs(word, lexicon, _letters(lexicon)), key=lambda c: _cost(word, c))
    for candidate in repairs[:MAX_REPAIRS_TRIED]:
        if len(found) >= limit:
            break
        if candidate not in found and lexicon.known(candidate):
            found.append(candidate)
    return found
