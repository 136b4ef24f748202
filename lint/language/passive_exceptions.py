"""Passive forms a reader would not call passive: naming verbs and fixed formulas.

The lists are data (`passive_exceptions.yaml`, documented there in Swedish): "kallas
A-inkomster" and "benämns Söderort" name something; "Beslutet justeras omedelbart" and a
link's "(öppnas i nytt fönster)" are formulas no writer should rewrite.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lint import safe_data

DATA = Path(__file__).resolve().parent / "passive_exceptions.yaml"


@dataclass(frozen=True)
class Exceptions:
    always_naming: frozenset[str]
    naming: frozenset[str]
    passive_before: frozenset[str]
    formulas: dict[str, tuple[tuple[int, tuple[str, ...]], ...]]  # passive form -> (its index, the phrase)


@lru_cache(maxsize=1)
def exceptions() -> Exceptions:
    data = safe_data.safe_load(DATA.read_text(encoding="utf-8"))
    naming = data["namngivning"]
    formulas: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    for phrase in data["formler"]:
        words = tuple(phrase.lower().split())
        index = next(i for i, word in enumerate(words) if word.endswith("s"))
        formulas.setdefault(words[index], []).append((index, words))
    return Exceptions(
        frozenset(naming["alltid"]),
        frozenset(naming["former"]),
        frozenset(str(word) for word in naming["passiv_före"]),
        {form: tuple(found) for form, found in formulas.items()},
    )


def _words_around(doc, index: int, low_bound: int, high_bound: int) -> tuple[list[str], list[str]]:
    """Up to five words before and after `index` (lower case, line breaks skipped)."""
    before = [doc[i].lower_ for i in range(max(low_bound, index - 12), index) if not doc[i].is_space][-5:]
    after = [doc[i].lower_ for i in range(index + 1, min(high_bound, index + 13)) if not doc[i].is_space][:5]
    return before, after


def is_exception(token, low_bound: int, high_bound: int, skip: frozenset[str]) -> bool:
    """The -s form at `token` names something or belongs to a fixed formula."""
    data, low = exceptions(), token.lower_
    if low in data.always_naming:
        return True
    if low not in data.naming and low not in data.formulas:
        return False
    before, after = _words_around(token.doc, token.i, low_bound, high_bound)
    if low in data.naming:
        following = next((word for word in after if word not in skip), None)
        if following is not None and following not in data.passive_before:
            return True  # kallas (ofta) A-inkomster, kallades hemhjälp, kallas för ...
    for position, phrase in data.formulas.get(low, ()):
        head, tail = phrase[:position], phrase[position + 1 :]
        if tuple(before[len(before) - len(head) :]) == head and tuple(after[: len(tail)]) == tail:
            return True
    return False
