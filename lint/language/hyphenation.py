"""pyphen's Swedish hyphenation patterns, read from their dictionary once per pyphen version.

pyphen parses `hyph_sv.dic` (15 000 patterns) every time a process starts: a twentieth of a
one-file run. The parsed patterns are kept as JSON in `hyphenation/` of the user's kommlint
cache ($KOMMLINT_CACHE_DIR or ~/.cache/kommlint), keyed by pyphen's version and the
dictionary file's path, size and time, and handed to pyphen through its own table of
loaded dictionaries (`pyphen.hdcache`). Anything unexpected (another pyphen whose
dictionary object holds more than patterns, a damaged file) means pyphen reads the
dictionary itself, as before.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

FORMAT = 1
FIELDS = {"patterns", "cache", "maxlen"}  # what pyphen's HyphDict holds (checked before storing)


def swedish_hyphenator() -> Any:
    """pyphen.Pyphen for Swedish, its patterns from the cache when they are there."""
    import pyphen

    path = Path(pyphen.LANGUAGES[pyphen.language_fallback("sv")])
    if path not in pyphen.hdcache:
        entry = _entry(path, pyphen.__version__)
        loaded = _read(entry, pyphen) if entry else None
        if loaded is None:
            loaded = pyphen.HyphDict(path)
            if entry:
                _write(entry, loaded)
        pyphen.hdcache[path] = loaded
    return pyphen.Pyphen(lang="sv")


def _entry(path: Path, version: str) -> Path | None:
    from lint.resources import cache_root

    try:
        info = path.stat()
    except OSError:
        return None
    key = hashlib.sha256(f"{FORMAT}\0{version}\0{path}\0{info.st_size}\0{info.st_mtime_ns}".encode()).hexdigest()[:24]
    return cache_root() / "hyphenation" / f"{path.stem}-{key}.json"


def _read(entry: Path, pyphen) -> Any | None:
    try:
        data = json.loads(entry.read_text(encoding="utf-8"))
        patterns = {tag: (int(start), tuple(int(value) for value in values)) for tag, start, values in data["patterns"]}
        maxlen = int(data["maxlen"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    loaded = object.__new__(pyphen.HyphDict)
    loaded.patterns, loaded.cache, loaded.maxlen = patterns, {}, maxlen
    return loaded


def _write(entry: Path, loaded: Any) -> None:
    """Stores the patterns when they are plain numbers (no nonstandard hyphenation)."""
    if set(vars(loaded)) != FIELDS or any(type(value) is not int for _, values in loaded.patterns.values() for value in values):
        return
    data = {"patterns": [[tag, start, list(values)] for tag, (start, values) in loaded.patterns.items()], "maxlen": loaded.maxlen}
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        temporary = entry.with_name(f"{entry.name}.{os.getpid()}.tmp")
        temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, entry)
    except OSError:
        return
