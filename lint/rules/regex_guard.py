"""Refusing rule-pack regexes that can take exponential time (catastrophic backtracking).

A quantified group that itself holds an unbounded quantifier, such as `(a+)+$` or
`(\\w*)*`, makes Python's backtracking engine try exponentially many ways to split a
failing match: one such pattern in a pack hung every run. These are refused when the
pack is loaded, with the reason; the same match can nearly always be written without the
nesting (`a+$`).
"""

from __future__ import annotations

import re

try:  # the parser of the `re` module (renamed in Python 3.11)
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_parse  # type: ignore[no-redef]

REPEATS = {sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT} | (
    {sre_parse.POSSESSIVE_REPEAT} if hasattr(sre_parse, "POSSESSIVE_REPEAT") else set()
)
UNBOUNDED = sre_parse.MAXREPEAT


def nested_quantifier(pattern: str) -> bool:
    """True when a repeated part of `pattern` contains an unbounded repeat."""
    try:
        parsed = sre_parse.parse(pattern)
    except re.error:
        return False  # compiling reports the syntax error itself
    return _nested(parsed, inside_repeat=False)


def _nested(items, inside_repeat: bool) -> bool:
    """A repeat (more than once) whose whole body is an unbounded repeat: `(a+)+`, `(?:\\w*)*`.

    Only that shape is refused: `(x+y)*` repeats something that must end in y, which
    backtracks in linear time, and a false refusal would cost a working pack.
    """
    for op, value in items:
        if op in REPEATS:
            _low, high, sub = value
            if high > 1 and _bare_unbounded(sub):
                return True
            if _nested(sub, inside_repeat or high > 1):
                return True
        elif op == sre_parse.SUBPATTERN and _nested(value[-1], inside_repeat):
            return True
        elif op == sre_parse.BRANCH and any(_nested(branch, inside_repeat) for branch in value[1]):
            return True
        elif op in (sre_parse.ASSERT, sre_parse.ASSERT_NOT) and _nested(value[1], inside_repeat):
            return True
    return False


def _bare_unbounded(items) -> bool:
    items = list(items)
    while len(items) == 1 and items[0][0] == sre_parse.SUBPATTERN:
        items = list(items[0][1][-1])
    return len(items) == 1 and items[0][0] in REPEATS and items[0][1][1] == UNBOUNDED


def check_pattern(pattern: str) -> None:
    """Raise ValueError (a Swedish reason) for a pattern that does not compile or can hang."""
    try:
        re.compile(pattern)
    except re.error as error:
        raise ValueError(f"ogiltigt reguljärt uttryck ”{pattern}”: {error}") from None
    if nested_quantifier(pattern):
        raise ValueError(
            f"det reguljära uttrycket ”{pattern}” har en upprepning inuti en upprepning (som (a+)+) "
            "och kan ta orimligt lång tid; skriv det utan den inre upprepningen"
        )
