"""Strict `[tool.kommlint.thresholds]`: every name must be a threshold or a profile.

A misspelt threshold would otherwise be ignored and the default kept without a word.
The valid names are known only once the profiles and the rules (with their packs) are
loaded, so this runs in the linter rather than in the config parser.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from lint.errors import ConfigError


def threshold_names(profiles, rules: Iterable) -> set[str]:
    names = {name for profile in profiles.by_name.values() for name in profile.thresholds}
    names |= {rule.spec.threshold for rule in rules if isinstance(getattr(rule.spec, "threshold", None), str)}
    return names


def _nearest(name: str, choices: Iterable[str]) -> str:
    nearest = difflib.get_close_matches(name, sorted(choices), n=1)
    return f" Menade du ”{nearest[0]}”?" if nearest else ""


def check_thresholds(thresholds: dict, source: str | None, profiles, rules: Iterable) -> None:
    """Raise a Swedish ConfigError for the first unknown threshold or profile name."""
    where = source or "konfigurationen"
    known = threshold_names(profiles, rules)
    for name, value in thresholds.items():
        if isinstance(value, dict):
            if name not in profiles.by_name:
                hint = _nearest(name, profiles.by_name)
                raise ConfigError(f"{where}: okänd profil ”{name}” i [tool.kommlint.thresholds.{name}].{hint}")
            for inner in value:
                if inner not in known:
                    hint = _nearest(inner, known)
                    raise ConfigError(f"{where}: okänt gränsvärde ”{inner}” i [tool.kommlint.thresholds.{name}].{hint}")
        elif name not in known:
            hint = _nearest(name, known)
            raise ConfigError(f"{where}: okänt gränsvärde ”{name}” i [tool.kommlint.thresholds].{hint}")
