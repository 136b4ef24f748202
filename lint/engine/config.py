"""Configuration: `[tool.kommlint]` in pyproject.toml, or kommlint.toml / .kommlint.toml.

The file nearest to each linted file wins (searched upward from the file); command-line
options win over files. Unknown keys are errors that name the nearest valid key.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from fnmatch import fnmatch
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

from lint.diagnostics import SEVERITY_NAMES
from lint.errors import ConfigError
from lint.safe_data import DataError, load_toml

CONFIG_NAMES = ("kommlint.toml", ".kommlint.toml", "pyproject.toml")
DEFAULT_ORGANIZATION = "Stockholms stad"


def shown(value: Any) -> str:
    """A configured value as a message quotes it: text in ”…”, numbers and booleans as they are."""
    return f"”{value}”" if isinstance(value, str) else repr(value)


def _strings(value: Any, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    raise ConfigError(f"{key} ska vara en lista med textsträngar")


def _string(value: Any, key: str) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"{key} ska vara en textsträng")
    return value


def _table(value: Any, key: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{key} ska vara en tabell")
    return value


def _severity(value: Any, key: str) -> str:
    """A level by its English or Swedish name, kept as the English label."""
    if isinstance(value, str) and value.strip().lower() in SEVERITY_NAMES:
        return SEVERITY_NAMES[value.strip().lower()].label
    raise ConfigError(f"{key}: nivån ska vara info, varning eller fel, inte {shown(value)}")


def _severity_table(value: Any, key: str) -> dict[str, str]:
    return {selector: _severity(level, f"{key}.{selector}") for selector, level in _table(value, key).items()}


def _glob_lists(value: Any, key: str) -> dict[str, tuple[str, ...]]:
    return {pattern: _strings(codes, f"{key}.{pattern}") for pattern, codes in _table(value, key).items()}


# Elements a profile can require (rules/profiles.yaml `requires`), for template-provides.
ELEMENTS = (
    "avsandare",
    "forvaltning",
    "kontakt",
    "datum",
    "pa_uppdrag",
    "allman_handling",
    "diarienummer",
    "overklagande",
    "motivering",
    "personuppgifter",
)


def _elements(value: Any, key: str) -> tuple[str, ...]:
    names = _strings(value, key)
    for name in names:
        if name not in ELEMENTS:
            nearest = difflib.get_close_matches(name, ELEMENTS, n=1)
            hint = f" Menade du ”{nearest[0]}”?" if nearest else f" Giltiga: {', '.join(ELEMENTS)}."
            raise ConfigError(f"{key}: okänt element ”{name}”.{hint}")
    return names


def _template_provides(value: Any, key: str) -> dict[str, tuple[str, ...]]:
    """A list (every file) or a table of globs to lists: what the site template adds."""
    if isinstance(value, dict):
        return {pattern: _elements(names, f"{key}.{pattern}") for pattern, names in value.items()}
    return {"*": _elements(value, key)}


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)  # true is no size


def _thresholds(value: Any, key: str) -> dict[str, Any]:
    table = _table(value, key)
    for name, item in table.items():
        if isinstance(item, dict):
            for inner, number in item.items():
                if not _is_number(number) or number <= 0:
                    raise ConfigError(f"{key}.{name}.{inner} ska vara ett positivt tal, inte {shown(number)}")
        elif not _is_number(item) or item <= 0:
            raise ConfigError(f"{key}.{name} ska vara ett positivt tal eller en tabell per profil, inte {shown(item)}")
    return table


def _positive_int(value: Any, key: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise ConfigError(f"{key} ska vara ett positivt heltal (antal byte), inte {shown(value)}")
    return value


def _boolean(value: Any, key: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{key} ska vara true eller false")
    return value


# Every valid key, with the function that checks and converts its value. Features that
# need a key of their own add it here.
KEYS: dict[str, Callable[[Any, str], Any]] = {
    "select": _strings,
    "ignore": _strings,
    "extend-select": _strings,
    "severity": _severity_table,
    "profile": _string,
    "profiles": lambda value, key: {k: _string(v, f"{key}.{k}") for k, v in _table(value, key).items()},
    "per-file-ignores": _glob_lists,
    "exclude": _strings,
    "extend-exclude": _strings,
    "rule-packs": _strings,
    "vocabulary": _strings,
    "thresholds": _thresholds,
    "organization": _string,
    "model": _string,
    "fail-on": _severity,
    "max-file-size": _positive_int,
    "report-unused-suppressions": _boolean,
    "ai-generated": _strings,  # globs of files whose text is AI-generated (OFF007)
    "html-selector": _string,  # CSS selector for the prose part of HTML pages
    "max-unpacked-size": _positive_int,  # bytes a DOCX may unpack to (zip bombs)
    "cache-dir": _string,  # result cache folder, relative to the config file (".kommlint_cache")
    "template-provides": _template_provides,  # elements the site template adds to every page (or per glob)
}


def _choice(value: Any, key: str, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise ConfigError(f"{key} ska vara en av {', '.join(choices)}")
    return value


# Folders never walked, whatever `exclude` says: version control, environments, caches.
ALWAYS_EXCLUDED = (".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".kommlint_cache")
DEFAULT_EXCLUDE = ALWAYS_EXCLUDED + ("_site", "build", "dist")


@dataclass(frozen=True)
class Settings:
    """The effective configuration for one file."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    profile: str | None = None
    profiles: dict[str, str] = field(default_factory=dict)
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    rule_packs: tuple[str, ...] = ()
    vocabulary: frozenset[str] = frozenset()
    thresholds: dict[str, Any] = field(default_factory=dict)
    organization: str = DEFAULT_ORGANIZATION
    model: str | None = None
    fail_on: str = "warning"
    max_file_size: int = 20 * 1024 * 1024
    report_unused_suppressions: bool = False
    ai_generated: tuple[str, ...] = ()
    html_selector: str | None = None
    max_unpacked_size: int = 200 * 1024 * 1024
    cache_dir: str | None = None
    template_provides: dict[str, tuple[str, ...]] = field(default_factory=dict)
    accept: tuple[str, ...] = ()  # lines of the nearest kommlint-ord.txt (words or regexes SPR001 accepts)
    root: Path | None = None  # folder of the config file; globs are relative to it
    source: str | None = None  # the config file, for messages

    def threshold(self, profile: str, name: str, default: float | None) -> float | None:
        per_profile = self.thresholds.get(profile)
        if isinstance(per_profile, dict) and name in per_profile:
            return per_profile[name]
        value = self.thresholds.get(name)
        return value if isinstance(value, (int, float)) else default

    def relative(self, path: str | Path) -> str:
        resolved = Path(path).resolve()
        if self.root is not None:
            try:
                return PurePosixPath(resolved.relative_to(self.root)).as_posix()
            except ValueError:
                pass
        return Path(path).as_posix()

    def matches(self, path: str | Path, patterns: tuple[str, ...] | list[str]) -> bool:
        relative = self.relative(path)
        parts = PurePosixPath(relative).parts
        return any(fnmatch(relative, pattern) or any(fnmatch(part, pattern) for part in parts) for pattern in patterns)

    def is_excluded(self, path: str | Path) -> bool:
        return Path(path).name in ALWAYS_EXCLUDED or self.matches(path, self.exclude)

    def ignored_for(self, path: str | Path) -> tuple[str, ...]:
        codes: list[str] = []
        for pattern, selectors in self.per_file_ignores.items():
            if self.matches(path, (pattern,)):
                codes.extend(selectors)
        return tuple(codes)

    def provided_for(self, path: str | Path) -> frozenset[str]:
        """Elements the template supplies to the file at `path` (config template-provides)."""
        found: set[str] = set()
        for pattern, names in self.template_provides.items():
            if pattern == "*" or self.matches(path, (pattern,)):
                found.update(names)
        return frozenset(found)

    def with_overrides(self, **overrides: Any) -> Settings:
        values = {key: value for key, value in overrides.items() if value is not None}
        return replace(self, **values) if values else self


def _field_name(key: str) -> str:
    return key.replace("-", "_")


def parse_table(table: dict[str, Any], source: str, root: Path | None) -> Settings:
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in KEYS:
            nearest = difflib.get_close_matches(key, KEYS, n=1)
            hint = f" Menade du ”{nearest[0]}”?" if nearest else ""
            raise ConfigError(f"{source}: okänd inställning ”{key}”.{hint}")
        try:
            values[_field_name(key)] = KEYS[key](value, key)
        except ConfigError as error:
            raise ConfigError(f"{source}: {error}") from None
    exclude = values.pop("exclude", DEFAULT_EXCLUDE) + values.pop("extend_exclude", ())
    if "vocabulary" in values:
        values["vocabulary"] = frozenset(word.lower() for word in values["vocabulary"])
    if "rule_packs" in values and root is not None:
        values["rule_packs"] = tuple(str((root / pack).resolve()) for pack in values["rule_packs"])
    known = {_field_name(key) for key in Settings.__dataclass_fields__}
    extra = {key: value for key, value in values.items() if key not in known}
    if extra:  # keys added to KEYS by a feature but not to Settings
        raise ConfigError(f"{source}: inställningen {next(iter(extra))} stöds inte av den här versionen")
    return Settings(exclude=exclude, root=root, source=source, **values)


TOML_PROBLEMS = {
    "Expected ']'": "en hakparentes ] saknas",
    "Unclosed array": "en lista saknar sin avslutande ]",
    "Unclosed inline table": "en tabell saknar sin avslutande }",
    "Invalid value": "ogiltigt värde (text ska stå inom citattecken)",
    "Expected '=' after a key": "ett likhetstecken saknas efter nyckeln",
    "Cannot overwrite a value": "nyckeln anges två gånger",
    "Cannot declare": "tabellen anges två gånger",
    "Illegal character": "otillåtet tecken",
    "Unterminated string": "en text saknar sitt avslutande citattecken",
}


def _toml_position(error: tomllib.TOMLDecodeError) -> str:
    found = re.search(r"at line (\d+), column (\d+)", str(error))
    return f":{found[1]}:{found[2]}" if found else ""


def _toml_problem(error: tomllib.TOMLDecodeError) -> str:
    message = str(getattr(error, "msg", error))
    return next((swedish for english, swedish in TOML_PROBLEMS.items() if message.startswith(english)), "syntaxfel")


@lru_cache(maxsize=256)
def load_config_file(path: Path) -> Settings | None:
    """Settings from one file, or None for a pyproject.toml without [tool.kommlint]."""
    try:
        data = load_toml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: kan inte läsa konfigurationen: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}{_toml_position(error)}: ogiltig TOML: {_toml_problem(error)}") from None
    except DataError as error:
        raise ConfigError(f"{path}: konfigurationen {error}.") from None
    tool = data.get("tool")
    if tool is not None and not isinstance(tool, dict):
        raise ConfigError(f"{path}: tool ska vara en tabell ([tool.kommlint]), inte {shown(tool)}")
    if path.name == "pyproject.toml":
        table = (tool or {}).get("kommlint")
        if table is None:
            return None
    else:
        table = (tool or {}).get("kommlint", data) if tool is not None else data
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: kommlint ska vara en tabell ([tool.kommlint]), inte {shown(table)}")
    return parse_table(table, str(path), path.parent.resolve())


@lru_cache(maxsize=1024)
def _config_for_directory(directory: Path) -> Settings:
    settings = _config_file_settings(directory)
    accept = accept_words(directory)
    return replace(settings, accept=accept) if accept else settings


def _config_file_settings(directory: Path) -> Settings:
    for folder in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                settings = load_config_file(candidate)
                if settings is not None:
                    return settings
    return Settings()


ACCEPT_FILE = "kommlint-ord.txt"


@lru_cache(maxsize=256)
def accept_words(directory: Path) -> tuple[str, ...]:
    """The lines of the nearest kommlint-ord.txt at or above `directory` (blank lines and # comments left out)."""
    for folder in (directory, *directory.parents):
        candidate = folder / ACCEPT_FILE
        if candidate.is_file():
            try:
                text = candidate.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError) as error:
                raise ConfigError(f"{candidate}: kan inte läsa ordlistan: {error}") from None
            lines = (line.strip() for line in text.splitlines())
            return tuple(line for line in lines if line and not line.startswith("#"))
    return ()


def discover(path: str | Path) -> Settings:
    """The settings that apply to `path` (a file or folder), found upward from it."""
    resolved = Path(path).resolve()
    directory = resolved if resolved.is_dir() else resolved.parent
    return _config_for_directory(directory)
