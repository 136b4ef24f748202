"""Baselines: today's findings, recorded so that only new ones are reported.

Each finding is identified by its file, its rule and a fingerprint of the matched text
and the sentence around it, with whitespace collapsed. Line and column are left out, so
adding a paragraph above an old finding, re-wrapping lines or moving the sentence
elsewhere in the file does not bring it back. Identical findings are counted: if a
sentence with a finding is copied, the copy is new.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from lint.errors import KommlintError

BASELINE_VERSION = 1
CONTEXT_REACH = 600  # characters searched on each side for the sentence boundaries
_BOUNDARY = re.compile(r"[.!?…](?=\s)|\n[ \t]*\n|\n(?=[ \t]*(?:[#>|*+-]|\d+[.)]\s))")
_SPACE = re.compile(r"\s+")


class BaselineError(KommlintError):
    pass


def _collapse(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def context_of(source: str, offset: int, end_offset: int) -> str:
    """The sentence (or list item, heading …) around source[offset:end_offset]."""
    low = max(0, offset - CONTEXT_REACH)
    start = low
    for boundary in _BOUNDARY.finditer(source, low, offset):
        start = boundary.end()
    high = min(len(source), end_offset + CONTEXT_REACH)
    found = _BOUNDARY.search(source, end_offset, high)
    end = found.end() if found else high
    return _collapse(source[start:end])


def fingerprint(diagnostic, source: str | None, profile: str | None = None) -> str:
    """A line-independent identity for a finding: its rule, match and sentence.

    A whole-document finding (an element missing) is anchored on some heading or block that
    says nothing about it: its identity is its rule and the document's profile only, so that
    editing that heading does not make it new.
    """
    if diagnostic.whole_document:
        parts = (diagnostic.code, "whole-document", profile or "")
    else:
        context = context_of(source, diagnostic.offset, diagnostic.end_offset) if source is not None else diagnostic.context
        parts = (diagnostic.code, _collapse(diagnostic.match).lower(), context.lower())
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:20]


def fingerprints(result) -> list[str]:
    """Fingerprints of a result's findings, in order (the source is read once)."""
    from lint.engine.fix import load_source

    source = load_source(result)
    return [fingerprint(d, source, result.profile) for d in result.diagnostics]


def _relative(path: str, root: Path) -> str:
    try:
        return Path(os.path.relpath(Path(path).resolve(), root)).as_posix()
    except ValueError:  # another drive on Windows
        return Path(path).resolve().as_posix()


# Creating -----------------------------------------------------------------------------


def create(results: Iterable, file: str | Path) -> int:
    """Write a baseline of `results` to `file`; returns the number of findings recorded."""
    target = Path(file)
    root = target.resolve().parent
    counts: Counter[tuple[str, str, str]] = Counter()
    names: dict[tuple[str, str, str], tuple[str, str]] = {}
    for result in results:
        if result.path == "-":
            continue
        relative = _relative(result.path, root)
        for d, print_ in zip(result.diagnostics, fingerprints(result)):
            key = (relative, d.code, print_)
            counts[key] += 1
            names.setdefault(key, (d.name, d.match))
    findings = [
        {"path": key[0], "code": key[1], "name": names[key][0], "fingerprint": key[2], "match": names[key][1], "count": counts[key]}
        for key in sorted(counts)
    ]
    from lint import __version__
    from lint.engine.writing import write_atomically

    data = {"version": BASELINE_VERSION, "tool": {"name": "kommlint", "version": __version__}, "findings": findings}
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    except OSError as error:
        raise BaselineError(f"Kan inte skriva baslinjen {file}: {error.strerror}.") from None
    return sum(counts.values())


# Applying -----------------------------------------------------------------------------

# The json module's error messages (by prefix), in Swedish.
_JSON_PROBLEMS = {
    "Expecting property name enclosed in double quotes": "ett fältnamn inom dubbla citattecken saknas",
    "Expecting value": "ett värde saknas",
    "Expecting ',' delimiter": "ett kommatecken saknas",
    "Expecting ':' delimiter": "ett kolon saknas",
    "Extra data": "det finns text efter slutet av JSON-datat",
    "Unterminated string": "en sträng saknar avslutande citattecken",
    "Invalid control character": "en sträng innehåller ett otillåtet styrtecken",
    "Invalid \\escape": "en sträng innehåller en ogiltig escape-sekvens",
    "Illegal trailing comma": "ett kommatecken för mycket före slutparentesen",
}


def _json_problem(message: str) -> str:
    for prefix, swedish in _JSON_PROBLEMS.items():
        if message.startswith(prefix):
            return swedish
    return "felaktig syntax"


class Baseline:
    def __init__(self, counts: Counter, root: Path) -> None:
        self.counts = counts
        self.root = root
        self.suppressed = 0

    @classmethod
    def load(cls, file: str | Path) -> Baseline:
        path = Path(file)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise BaselineError(f"Baslinjen {file} finns inte. Skapa den med: kommlint baseline create SÖKVÄG… -o {file}") from None
        except json.JSONDecodeError as error:
            raise BaselineError(
                f"{file}:{error.lineno}:{error.colno}: baslinjen är inte giltig JSON: {_json_problem(error.msg)}. "
                "Skapa om den med: kommlint baseline create SÖKVÄG… -o " + str(file)
            ) from None
        except UnicodeDecodeError:
            raise BaselineError(f"Baslinjen {file} är inte sparad som UTF-8.") from None
        except OSError as error:
            raise BaselineError(f"Baslinjen {file} går inte att läsa: {error.strerror}.") from None
        if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION or not isinstance(data.get("findings"), list):
            raise BaselineError(f"{file} är ingen baslinje från kommlint (version {BASELINE_VERSION}).")
        counts: Counter[tuple[str, str, str]] = Counter()
        try:
            for item in data["findings"]:
                counts[(item["path"], item["code"], item["fingerprint"])] += int(item.get("count", 1))
        except (KeyError, TypeError, ValueError):
            raise BaselineError(f"{file}: en post i baslinjen saknar path, code eller fingerprint.") from None
        return cls(counts, path.resolve().parent)

    def filter(self, result):
        """The result with the findings already in the baseline removed."""
        if result.path == "-" or not result.diagnostics:
            return result
        relative = _relative(result.path, self.root)
        kept = []
        for d, print_ in zip(result.diagnostics, fingerprints(result)):
            key = (relative, d.code, print_)
            if self.counts[key] > 0:
                self.counts[key] -= 1
                self.suppressed += 1
            else:
                kept.append(d)
        return replace(result, diagnostics=kept) if len(kept) != len(result.diagnostics) else result

    def notice(self) -> str | None:
        if not self.suppressed:
            return None
        return f"{self.suppressed} fynd finns redan i baslinjen och visas inte."
