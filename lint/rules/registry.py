"""Redirects: old rule codes and names that still select the rule that replaced them.

`rules/redirects.yaml` maps a code or name no longer in use (KLAR019, folded into
MALG003) to the current code. Selectors in the configuration and on the command line,
and the codes in suppression comments, go through `redirect` before they are matched.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated

import yaml

from lint import safe_data
from lint.errors import RulePackError
from lint.resources import builtin_rules_dir

REDIRECTS_FILE = "redirects.yaml"


@lru_cache(maxsize=1)
def _table_model():
    """The table's pydantic model, built on first use: the linter imports this module, and a
    run whose files all come from the result cache never needs pydantic."""
    from pydantic import Field, RootModel

    code = Annotated[str, Field(pattern=r"^[A-Z]{2,5}\d{3}$")]

    class RedirectTable(RootModel[dict[Annotated[str, Field(min_length=1)], code]]):
        pass

    return RedirectTable


@lru_cache(maxsize=1)
def redirects() -> dict[str, str]:
    """Old code or name (case-folded) → current code."""
    from pydantic import ValidationError

    path = builtin_rules_dir() / REDIRECTS_FILE
    if not path.is_file():
        return {}
    try:
        table = _table_model().model_validate(safe_data.safe_load(path.read_text(encoding="utf-8")) or {})
    except (OSError, yaml.YAMLError, ValidationError) as error:
        raise RulePackError(f"{path}: ogiltig tabell över omdirigerade regler: {error}") from None
    return {old.casefold(): new for old, new in table.root.items()}


def redirect(selector: str) -> str:
    """The selector, or the current code when it is an old code or name."""
    return redirects().get(selector.strip().casefold(), selector)


def check_redirects(codes: set[str], names: set[str]) -> None:
    """Every redirect leads to a loaded rule, and none hides a rule that exists."""
    current = {code.casefold() for code in codes} | {name.casefold() for name in names}
    path = builtin_rules_dir() / REDIRECTS_FILE
    for old, new in redirects().items():
        if old in current:
            raise RulePackError(f"{path}: {old} är en regel som finns och kan inte pekas om till {new}")
        if new not in codes:
            raise RulePackError(f"{path}: {old} pekar om till {new}, som inte finns")
