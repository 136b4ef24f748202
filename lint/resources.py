"""Where the packaged data lies (kept free of heavy imports: the cache needs it)."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def builtin_rules_dir() -> Path:
    """`lint/_rules` in an installed wheel; the repository's `rules/` in a checkout."""
    package = Path(__file__).resolve().parent
    installed = package / "_rules"
    return installed if installed.is_dir() else package.parent / "rules"


def user_cache_dir() -> Path:
    """The platform's per-user cache folder for kommlint."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "kommlint" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "kommlint"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kommlint"


def cache_root() -> Path:
    """$KOMMLINT_CACHE_DIR, else the user cache folder: where kommlint keeps what it derives
    from its own data (the spelling table, hyphenation patterns, rule files' YAML)."""
    return Path(os.environ["KOMMLINT_CACHE_DIR"]) if os.environ.get("KOMMLINT_CACHE_DIR") else user_cache_dir()
