"""One finding per problem: when two rules flag the same words, the more specific one stays.

The order is data (`rules/precedence.yaml`): each entry names a rule that wins and the
rules it hides where their findings overlap in the source. "Ansökan görs" is
substantivsjuka (KLAR005, which suggests the verb) and a passive (KLAR006); rewriting it
with a verb ("Du ansöker") answers both, so only KLAR005 is shown.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from lint import safe_data
from lint.errors import RulePackError
from lint.resources import builtin_rules_dir

FILE_NAME = "precedence.yaml"


@lru_cache(maxsize=4)
def load_precedence(path: Path | None = None) -> dict[str, frozenset[str]]:
    """Winning code -> the codes it hides where they overlap."""
    path = path or builtin_rules_dir() / FILE_NAME
    if not path.is_file():
        return {}
    try:
        data = safe_data.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise RulePackError(f"{path}: kan inte läsa filen: {error}") from None
    order = data.get("precedence") or []
    if not isinstance(order, list) or not all(isinstance(item, dict) and {"keep", "hides"} <= set(item) for item in order):
        raise RulePackError(f"{path}: precedence ska vara en lista med keep och hides")
    return {str(item["keep"]): frozenset(map(str, item["hides"])) for item in order}


def one_per_problem(diagnostics: list, order: dict[str, frozenset[str]] | None = None) -> list:
    """The diagnostics without those a more specific overlapping finding hides."""
    order = load_precedence() if order is None else order
    if not order:
        return diagnostics
    winners = [d for d in diagnostics if d.code in order]
    if not winners:
        return diagnostics
    return [d for d in diagnostics if not any(_hides(w, d, order) for w in winners)]


def _hides(winner, other, order: dict[str, frozenset[str]]) -> bool:
    if other.code not in order[winner.code] or other is winner:
        return False
    return winner.offset < other.end_offset and other.offset < winner.end_offset
