"""Rule files' YAML, composed once per content.

Composing a rule file node by node (to keep every value's line) is most of what loading a
pack costs before validation. The result, the data and its line numbers, depends only on
the file's text, so it is kept as JSON in `yaml/` of the user's kommlint cache
($KOMMLINT_CACHE_DIR or ~/.cache/kommlint), named by a hash of the text, PyYAML's version
and FORMAT. Validation and compiling the rules still run on every load, so a wrong
entry can give no rule that the pack's own checks would refuse. Only data that JSON gives
back exactly is stored (no dates, no keys other than text); a damaged entry is a miss.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import yaml

FORMAT = 1


def entry(text: str) -> Path:
    from lint.resources import cache_root

    key = hashlib.sha256(f"{FORMAT}\0{yaml.__version__}\0{text}".encode()).hexdigest()[:32]
    return cache_root() / "yaml" / f"{key}.json"


def read(path: Path) -> tuple[Any, dict[tuple, int]] | None:
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        return stored["data"], {tuple(key): int(line) for key, line in stored["lines"]}
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write(path: Path, data: Any, lines: dict[tuple, int]) -> None:
    try:
        text = json.dumps({"data": data, "lines": [[list(key), line] for key, line in lines.items()]}, ensure_ascii=False)
    except (TypeError, ValueError):
        return  # a date or another value JSON does not hold
    stored = json.loads(text)
    if stored["data"] != data or {tuple(key): line for key, line in stored["lines"]} != lines:
        return  # JSON would not give it back exactly (a number as a key, say)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        return
