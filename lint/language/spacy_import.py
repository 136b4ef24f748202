"""Importing spaCy without its command-line package.

spaCy's `__init__` imports `spacy.cli.info` only to offer `spacy.info()`, and that pulls in
the whole command line: typer, requests, urllib3, weasel, httpx, jinja2 (a sixth of a
one-file kommlint run, and nothing kommlint uses). While `import spacy` runs, a stand-in
for that one module offers `info` as a function that imports the real module when called;
the stand-in is removed as soon as the import is done, so a later `import spacy.cli`
(spaCy's own command line, a plug-in) gets the real package and the real `info`.

The stand-in is used only when spaCy is not yet imported and its `__init__` holds exactly
the import line below (checked in its source), so another spaCy version is imported as it
is. What differs afterwards: `spacy.cli` is not an attribute of `spacy` until something
imports it (`import spacy.cli`), as with any other subpackage.
"""

from __future__ import annotations

import importlib.util
import sys
import types
from pathlib import Path
from typing import Any

CLI_INFO = "spacy.cli.info"
IMPORT_LINE = "from .cli.info import info"


def import_spacy() -> Any:
    """The spacy module, imported without spacy.cli where that is known to be safe."""
    if "spacy" in sys.modules or CLI_INFO in sys.modules or not _imports_cli_for_info_only():
        import spacy

        return spacy
    stand_in = types.ModuleType(CLI_INFO, "Stands in for spacy.cli.info while spaCy is imported (lint.language.spacy_import).")
    stand_in.info = info
    sys.modules[CLI_INFO] = stand_in
    try:
        import spacy
    finally:
        if sys.modules.get(CLI_INFO) is stand_in:
            del sys.modules[CLI_INFO]
    return spacy


def info(*args: Any, **kwargs: Any) -> Any:
    """spacy.info: the real one, imported on first use."""
    from spacy.cli.info import info as real

    return real(*args, **kwargs)


def _imports_cli_for_info_only() -> bool:
    """Whether spaCy's __init__ reaches spacy.cli only through IMPORT_LINE (read, not run)."""
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.origin or not spec.origin.endswith("__init__.py"):
        return False
    try:
        source = Path(spec.origin).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    lines = [line.split("#")[0].strip() for line in source.splitlines()]
    return lines.count(IMPORT_LINE) == 1 and sum(".cli" in line for line in lines) == 1
