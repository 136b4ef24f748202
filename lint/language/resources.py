"""The language layer's data files (package data under lint/language/data)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def load_data(name: str) -> dict[str, Any]:
    """A YAML file of lint/language/data, read once per process."""
    text = (resources.files("lint.language") / "data" / name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def words(value: str | list[str]) -> tuple[str, ...]:
    """A word list written as one space-separated string or as a YAML list."""
    return tuple(value.split()) if isinstance(value, str) else tuple(value)
