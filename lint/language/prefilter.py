"""Pre-filters derived from a regex: the literal texts every match must contain.

As Vale's MightMatch does, `Needs.of(pattern)` reads the pattern's syntax tree once and keeps
clauses of literal texts: every match of the pattern holds, for each clause, at least one of
its texts. A text that lacks one clause entirely cannot match, so a rule skips the regex
there. Nothing is kept by hand beside the regex: a new alternative without a literal makes
the clause disappear (no quick test), never a skipped match.

Texts are compared in lower case as `fold` gives it, and only texts made of characters for
which that is exact under re.IGNORECASE (see PLAIN) are kept, so the test is sound whether
or not the pattern ignores case.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from re import _constants as sre
from re import _parser as sre_parse

# Characters whose lower case fold() gives exactly as a case-insensitive regex compares them
# (see lint.language.detectors.PLAIN_WORD), and the space, punctuation and signs that match
# only themselves (ASCII, Latin-1 but µ, ª and º, general punctuation, the euro sign).
PLAIN_CHARACTERS = (
    r"0-9a-z_ \x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e\u00df-\u00f6\u00f8-\u00ff"
    r"\u00a1-\u00a9\u00ab-\u00b4\u00b6-\u00b9\u00bb-\u00bf\u2010-\u2027\u2030-\u205e\u20ac"
)
PLAIN = re.compile(f"[{PLAIN_CHARACTERS}]+")
MAX_CLAUSES = 3  # the strongest ones; more cost time and rarely add anything
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)

_enabled = True
#: Every Needs made by Needs.of with its patterns, for the test that no match is ever skipped.
REGISTERED: list[tuple[tuple[re.Pattern[str] | str, ...], Needs]] = []


@contextmanager
def disabled() -> Iterator[None]:
    """Every pre-filter lets everything through (for tests that compare with and without)."""
    global _enabled
    _enabled = False
    try:
        yield
    finally:
        _enabled = True


@dataclass(frozen=True)
class Needs:
    clauses: tuple[frozenset[str], ...]  # every clause: one of its texts stands in a matching text

    @classmethod
    def of(cls, *patterns: re.Pattern[str] | str) -> Needs:
        """What a text must hold for any of the patterns to match in it: for one pattern up to
        MAX_CLAUSES clauses, for several one clause, the union of each one's strongest."""
        needs = cls(_needed(patterns))
        REGISTERED.append((patterns, needs))
        return needs

    def may_match(self, folded: str) -> bool:
        """False only when no match can stand in `folded` (a text in lower case, as fold gives it)."""
        if not _enabled:
            return True
        return all(any(text in folded for text in clause) for clause in self.clauses)


def _needed(patterns: tuple[re.Pattern[str] | str, ...]) -> tuple[frozenset[str], ...]:
    if len(patterns) == 1:
        return tuple(_pruned(set(_clauses(_parse(patterns[0]))))[:MAX_CLAUSES])
    alternatives = [_strongest(_clauses(_parse(pattern))) for pattern in patterns]
    if any(clause is None for clause in alternatives):
        return ()
    return (frozenset().union(*alternatives),)  # type: ignore[arg-type]


def _pruned(clauses: set[frozenset[str]]) -> list[frozenset[str]]:
    """Strongest first, without the clauses a kept one implies (each of its texts holds one of theirs)."""
    kept: list[frozenset[str]] = []
    for clause in sorted(clauses, key=lambda clause: (_weakness(clause), sorted(clause))):
        if not any(_implies(other, clause) for other in kept):
            kept.append(clause)
    return kept


def _implies(clause: frozenset[str], weaker: frozenset[str]) -> bool:
    return all(any(part in text for part in weaker) for text in clause)


def _parse(pattern: re.Pattern[str] | str):
    source, flags = (pattern.pattern, pattern.flags) if isinstance(pattern, re.Pattern) else (pattern, 0)
    return sre_parse.parse(source, flags)


def _weakness(clause: frozenset[str]) -> tuple[int, int]:
    """Shorter texts and more of them let more texts through."""
    return (-min(len(text) for text in clause), len(clause))


def _strongest(clauses: list[frozenset[str]]) -> frozenset[str] | None:
    return min(clauses, key=_weakness) if clauses else None


def _clauses(items) -> list[frozenset[str]]:
    """The clauses a sequence of pattern items needs: its literal runs and its required parts.
    The literals right before and after an alternation are read as part of each alternative
    (in "[Hh](?:an|onom)" each alternative needs "han" or "honom", not only "an" or "onom")."""
    items = list(items)
    clauses: list[frozenset[str]] = []
    run: list[str] = []
    index = 0
    while index < len(items):
        op, value = items[index]
        index += 1
        char = _single_char(op, value)
        if char is not None:
            run.append(char)
            continue
        if op is sre.BRANCH:
            tail = []
            while index < len(items) and (char := _single_char(*items[index])) is not None:
                tail.append(char)
                index += 1
            clauses += _run_clause(run) + _branch_clauses(value[1], run, tail)
            run = tail
            continue
        clauses += _run_clause(run) + _item_clauses(op, value)
        run = []
    return clauses + _run_clause(run)


def _branch_clauses(alternatives, before: list[str], after: list[str]) -> list[frozenset[str]]:
    """One clause: the union of each alternative's strongest clause (none if one has none)."""
    union: set[str] = set()
    for alternative in alternatives:
        literals = [(sre.LITERAL, ord(char)) for char in before], [(sre.LITERAL, ord(char)) for char in after]
        clause = _strongest(_clauses([*literals[0], *alternative, *literals[1]]))
        if clause is None:
            return []
        union |= clause
    return [frozenset(union)]


def _single_char(op, value) -> str | None:
    """The one character (in lower case) a literal or a set like [Hh] matches."""
    if op is sre.LITERAL:
        return chr(value).lower()
    if op is sre.IN and value and all(kind is sre.LITERAL for kind, _ in value):
        chars = {chr(code).lower() for _, code in value}
        if len(chars) == 1:
            return chars.pop()
    return None


def _item_clauses(op, value) -> list[frozenset[str]]:
    if op is sre.SUBPATTERN:
        return _clauses(value[3])
    if op is sre.ATOMIC_GROUP:
        return _clauses(value)
    if op in _REPEATS and value[0] >= 1:
        return _clauses(value[2])
    if op is sre.BRANCH:
        return _branch_clauses(value[1], [], [])
    if op is sre.IN and value and all(kind is sre.LITERAL for kind, _ in value):
        chars = frozenset(chr(code).lower() for _, code in value)
        return [chars] if all(PLAIN.fullmatch(char) for char in chars) else []
    return []  # optional parts, classes, lookarounds, anchors: nothing required


def _run_clause(run: list[str]) -> list[frozenset[str]]:
    """The longest plain piece of a literal run, as a clause of one text."""
    pieces = [piece for piece in PLAIN.findall("".join(run)) if piece.strip()]
    return [frozenset({max(pieces, key=len)})] if pieces else []
