"""A cache of lint results, so unchanged files are not parsed again.

An entry is keyed by everything that can change a file's findings: the file's bytes, its
path (per-file ignores, profile globs), the kommlint version and code, the rule packs,
the effective configuration, the language model and the `--profile` option. A run in
which every file hits the cache never imports spaCy.

Entries live in the user's cache folder (`~/.cache/kommlint` on Linux), in the folder
named by `cache-dir` in the configuration, or in `--cache-dir` / `$KOMMLINT_CACHE_DIR`.
They are written to a temporary file and renamed into place, so runs in parallel never
see half an entry. A damaged entry counts as a miss.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
import sys
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from lint import __version__
from lint.diagnostics import Diagnostic, EngineError
from lint.engine.writing import write_atomically
from lint.resources import user_cache_dir

CACHE_FORMAT = 1
ENTRIES = f"v{CACHE_FORMAT}"
ENVIRONMENT = "KOMMLINT_CACHE_DIR"
TAG = "CACHEDIR.TAG"
TAG_TEXT = "Signature: 8a477f597d28d172789f06886806bc55\n# Cache för kommlint (kan tas bort med: kommlint cache clean)\n"


def cache_dir(settings=None, option: str | Path | None = None) -> Path:
    """`--cache-dir` > $KOMMLINT_CACHE_DIR > config `cache-dir` > the user cache folder."""
    if option:
        return Path(option)
    if os.environ.get(ENVIRONMENT):
        return Path(os.environ[ENVIRONMENT])
    configured = getattr(settings, "cache_dir", None)
    if configured:
        path = Path(configured)
        root = getattr(settings, "root", None)
        return path if path.is_absolute() or root is None else Path(root) / path
    return user_cache_dir()


# Fingerprints -------------------------------------------------------------------------


def _digest(*parts: Any) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(part if isinstance(part, bytes) else str(part).encode("utf-8"))
        hasher.update(b"\0")
    return hasher.hexdigest()


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """The kommlint version and the content of its own modules (edits in a checkout count)."""
    package = Path(__file__).resolve().parent
    hasher = hashlib.sha256(__version__.encode("utf-8"))
    for file in sorted(package.rglob("*.py")):
        hasher.update(file.relative_to(package).as_posix().encode("utf-8") + b"\0" + file.read_bytes())
    return hasher.hexdigest()


@lru_cache(maxsize=16)
def packs_fingerprint(extra_packs: tuple[str, ...]) -> str:
    """The content of every file in the built-in and configured rule packs."""
    from lint.resources import builtin_rules_dir

    parts: list[Any] = []
    for folder in (builtin_rules_dir(), *map(Path, extra_packs)):
        parts.append(str(folder))
        if folder.is_dir():
            for file in sorted(p for p in folder.rglob("*") if p.is_file()):
                parts += [file.relative_to(folder).as_posix(), hashlib.sha256(file.read_bytes()).hexdigest()]
    return _digest(*parts, *_entry_point_packs())


@lru_cache(maxsize=1)
def _entry_point_packs() -> tuple[str, ...]:
    """Stands in for the rule packs other packages add through entry points.

    Installing, upgrading or removing a package changes its site-packages folder, so the
    folders' modification times are enough, and much cheaper than reading every installed
    package's entry points (which would cost a cached run a third of its time).
    """
    stamps = []
    for entry in sys.path:
        if entry.endswith(("site-packages", "dist-packages")):
            try:
                stamps.append(f"{entry}:{os.stat(entry).st_mtime_ns}")
            except OSError:
                continue
    return tuple(stamps)


def _canonical(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _canonical(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _canonical(v) for k, v in sorted(value.items(), key=lambda item: str(item[0]))}
    if isinstance(value, (set, frozenset)):
        return sorted(_canonical(v) for v in value)
    if isinstance(value, (list, tuple)):
        return [_canonical(v) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def settings_fingerprint(settings) -> str:
    return _digest(json.dumps(_canonical(settings), sort_keys=True, ensure_ascii=False))


@lru_cache(maxsize=8)
def _model_fingerprint(model: str | None) -> str:
    """The pipeline's name and version, and for a folder its meta.json and the size and
    time of each file (a retrained embedded model may keep its version number)."""
    from importlib.metadata import PackageNotFoundError, version

    from lint.language.pipeline import choose_model, model_fingerprint

    parts: list[Any] = [model_fingerprint(model)]
    folder = Path(choose_model(model).name)
    if folder.is_dir():
        for file in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = file.stat()
            parts += [file.relative_to(folder).as_posix(), info.st_size, info.st_mtime_ns]
        parts.append((folder / "meta.json").read_bytes() if (folder / "meta.json").is_file() else b"")
    else:
        try:
            parts.append(version(folder.name))
        except (PackageNotFoundError, ValueError):
            pass
    return _digest(*parts)


# Entries ------------------------------------------------------------------------------


def result_to_json(result) -> dict[str, Any]:
    data = result.to_json()
    for item, diagnostic in zip(data["diagnostics"], result.diagnostics):
        if diagnostic.context:
            item["context"] = diagnostic.context
        if diagnostic.whole_document:
            item["whole_document"] = True
    return data


def result_from_json(data: dict[str, Any]):
    from lint.engine.linter import FileResult

    path = data["path"]
    return FileResult(
        path=path,
        format=data.get("format"),
        encoding=data.get("encoding"),
        profile=data.get("profile"),
        profile_source=data.get("profile_source"),
        profile_reason=data.get("profile_reason"),
        metrics=data.get("metrics") or {},
        diagnostics=[Diagnostic.from_json(d, path) for d in data.get("diagnostics", [])],
        errors=[EngineError.from_json(e, path) for e in data.get("errors", [])],
    )


class ResultCache:
    """Wraps a `Linter`: results of unchanged files come from disk."""

    def __init__(self, linter, directory: Path) -> None:
        self.linter = linter
        self.directory = Path(directory)
        self.hits = 0
        self.misses = 0
        self._writable = True
        self._last_settings: tuple[Any, str] | None = None  # (settings, fingerprint)

    # Keys and storage ----------------------------------------------------------------
    def key(self, path: str, data: bytes, settings) -> str:
        return _digest(
            CACHE_FORMAT,
            code_fingerprint(),
            packs_fingerprint(tuple(settings.rule_packs)),
            self._settings_print(settings),
            _model_fingerprint(settings.model),
            self.linter.options.profile or "",
            path,
            os.path.abspath(path),
            hashlib.sha256(data).hexdigest(),
        )

    def _settings_print(self, settings) -> str:
        """Files of one run mostly share their settings; comparing is cheaper than hashing."""
        last = self._last_settings
        if last is None or not (last[0] is settings or last[0] == settings):
            last = self._last_settings = (settings, settings_fingerprint(settings))
        return last[1]

    def _entry(self, key: str) -> Path:
        return self.directory / ENTRIES / key[:2] / f"{key}.json"

    def load(self, key: str):
        try:
            data = json.loads(self._entry(key).read_bytes())
            if data.get("key") != key:
                return None
            result = result_from_json(data["result"])
        except (OSError, ValueError, KeyError, TypeError):
            return None
        for notice in data.get("notices", []):
            if notice not in self.linter.notices:
                self.linter.notices.append(notice)
        return result

    def store(self, key: str, result) -> None:
        if not self._writable:
            return
        entry = {"key": key, "result": result_to_json(result), "notices": list(self.linter.notices)}
        try:
            self._ensure_tag()
            target = self._entry(key)
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(target, json.dumps(entry, ensure_ascii=False).encode("utf-8"), durable=False)
        except OSError as error:
            self._writable = False  # a read-only or full disk slows the run, nothing more
            self.linter.notices.append(f"Cachen i {self.directory} kan inte skrivas ({error.strerror}); körningen fortsätter utan cache.")

    def _ensure_tag(self) -> None:
        tag = self.directory / TAG
        if not tag.exists():
            self.directory.mkdir(parents=True, exist_ok=True)
            write_atomically(tag, TAG_TEXT.encode("utf-8"), durable=False)

    # Linting -------------------------------------------------------------------------
    def _data(self, path: str, settings) -> bytes | None:
        try:
            file = Path(path)
            if not file.is_file() or file.stat().st_size > settings.max_file_size:
                return None
            return file.read_bytes()
        except OSError:
            return None

    def key_for(self, path: str) -> str | None:
        """The file's cache key, or None when it cannot be cached (unreadable, too big)."""
        settings = self.linter.settings_for(path)
        data = self._data(path, settings)
        return None if data is None else self.key(path, data, settings)

    def lookup(self, path: str):
        """(key, the cached result or None)."""
        key = self.key_for(path)
        return key, (self.load(key) if key else None)

    def lint_file(self, path: str):
        key, cached = self.lookup(path)
        if cached is not None:
            self.hits += 1
            return cached
        self.misses += 1
        result = self.linter.lint_file(path)
        self.remember(key, path, result)
        return result

    def remember(self, key: str | None, path: str, result) -> None:
        """Store a fresh result, unless it had errors or the file changed meanwhile."""
        if key is None or result.errors or result.profile is None:
            return
        if self.key_for(path) == key:
            self.store(key, result)

    def lint_paths(self, paths: Iterable[str]) -> Iterator:
        for path in self.linter.expand(paths):
            yield self.lint_file(path)


def clean(directory: Path) -> int:
    """Remove kommlint's entries from `directory`; returns how many were removed."""
    directory = Path(directory)
    removed = 0
    entries = directory / ENTRIES
    if entries.is_dir():
        removed = sum(1 for p in entries.rglob("*.json"))
        shutil.rmtree(entries)
    tag = directory / TAG
    if tag.is_file():
        tag.unlink()
    try:
        directory.rmdir()  # only when nothing else is left there
    except OSError:
        pass
    return removed
