"""Where the packaged data lies (kept free of heavy imports: the cache needs it)."""

from __future__ import annotations

from pathlib import Path


def builtin_rules_dir() -> Path:
    """`lint/_rules` in an installed wheel; the repository's `rules/` in a checkout."""
    package = Path(__file__).resolve().parent
    installed = package / "_rules"
    return installed if installed.is_dir() else package.parent / "rules"
