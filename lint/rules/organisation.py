"""The sender organisation: its data file (`rules/data/<organisation>.yaml`) as facts rules use.

The organisation's own facts (its name's wrong spellings, its units, its internal
abbreviations) are data; nothing here names a city.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from lint import safe_data
from lint.errors import RulePackError
from lint.resources import builtin_rules_dir

if TYPE_CHECKING:
    from lint.rules.api import RuleContext


DATA_DIR_NAME = "data"


def data_dir() -> Path:
    return builtin_rules_dir() / DATA_DIR_NAME


@lru_cache(maxsize=64)
def load_data(name: str, directory: Path | None = None) -> Any:
    """A YAML data file (from rules/data unless `directory` is given); missing means empty."""
    path = (directory or data_dir()) / name
    if not path.is_file():
        return {}
    try:
        return safe_data.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise RulePackError(f"{path}: kan inte läsa datafilen: {error}") from None


@dataclass(frozen=True, eq=False)  # hashed by identity: organization() caches one per name
class Organization:
    """What the rules know about the sender organisation (from its data file, if any)."""

    name: str
    wrong_names: tuple[str, ...] = ()
    allowed_names: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    abbreviations: dict[str, str] = field(default_factory=dict)
    domains: tuple[str, ...] = ()  # web and e-mail domains (stockholm.se)
    phone_area_code: str | None = None  # numbers written without it are still phone numbers

    @property
    def genitive(self) -> str:
        return self.name if self.name.endswith(("s", "x", "z")) else self.name + "s"

    @classmethod
    def from_data(cls, name: str, data: dict) -> Organization:
        districts = data.get("stadsdelsomraden", [])
        units = [*data.get("forvaltningar", []), *data.get("nämnder", []), *data.get("bolag", [])]
        units += [f"{district} {kind}" for district in districts for kind in ("stadsdelsförvaltning", "stadsdelsnämnd")]
        return cls(
            name=name,
            wrong_names=tuple(data.get("wrong_names", [])),
            allowed_names=tuple(data.get("allowed_names", [])),
            units=tuple(units),
            abbreviations=dict(data.get("internal_abbreviations", {})),
            domains=tuple(str(domain).lower() for domain in data.get("domains", []) or derived_domains(name)),
            phone_area_code=str(data["phone_area_code"]) if data.get("phone_area_code") else None,
        )

    @classmethod
    def without_data(cls, name: str) -> Organization:
        return cls(name=name, domains=derived_domains(name))


MUNICIPAL = re.compile(r"^(?P<place>[\w-]+)\s+(?:stad|kommun|region)$", re.I)
FOLD = str.maketrans("åäöéü", "aaoeu")


def derived_domains(name: str) -> tuple[str, ...]:
    """A Swedish municipality's or region's usual domain ("Malmö stad" -> malmo.se) when no
    data file gives one; none for other names."""
    match = MUNICIPAL.match(name.strip())
    if not match:
        return ()
    place = match.group("place").lower().translate(FOLD)
    # "Göteborgs Stad" is at goteborg.se, "Västerås stad" at vasteras.se: both forms.
    return tuple(dict.fromkeys((place + ".se", place.removesuffix("s") + ".se")))


def is_municipal(name: str) -> bool:
    """A municipality or region has units (förvaltningar, nämnder); a state authority such
    as Justitiekanslern is its own unit."""
    return MUNICIPAL.match(name.strip()) is not None


@lru_cache(maxsize=8)
def organization(name: str, packs: tuple[str, ...] = ()) -> Organization:
    """The organisation's data: a `data/*.yaml` file whose `name` is the configured name,
    in an extra rule pack (config `rule-packs`) or among the built-in data files."""
    directories = [Path(pack) / DATA_DIR_NAME for pack in reversed(packs)] + [data_dir()]
    for directory in directories:
        for path in sorted(directory.glob("*.yaml")) if directory.is_dir() else ():
            data = load_data(path.name, directory)
            if isinstance(data, dict) and str(data.get("name", "")).casefold() == name.casefold():
                return Organization.from_data(name, data)
    return Organization.without_data(name)


def org(ctx: RuleContext) -> Organization:
    return organization(ctx.settings.organization, ctx.settings.rule_packs)


#: `{org.<term>}` in a pattern rule's regex: the organisation's data as regex source.
ORG_TERM = re.compile(r"\{org\.(\w+)\}")
ORG_TERMS = ("name", "name_as_written", "wrong_names", "allowed_names", "abbreviations")


def regex_terms(organization: Organization) -> dict[str, str]:
    """The organisation's name (its words with any blank between them), the name exactly as
    written, and its wrong and allowed names and internal abbreviations as alternations
    (longest first; `(?!)`, which never matches, for an empty list)."""
    return {
        "name": r"\s+".join(re.escape(word) for word in organization.name.split()),
        "name_as_written": re.escape(organization.name),
        "wrong_names": _alternation(organization.wrong_names),
        "allowed_names": _alternation(organization.allowed_names),
        "abbreviations": "|".join(sorted(map(re.escape, organization.abbreviations), key=len, reverse=True)) or "(?!)",
    }


def _alternation(phrases: tuple[str, ...]) -> str:
    parts = sorted({re.escape(phrase).replace(r"\ ", r"\s+") for phrase in phrases if phrase}, key=len, reverse=True)
    return "|".join(parts) or "(?!)"


def expand_terms(pattern: str, terms: dict[str, str]) -> str:
    return ORG_TERM.sub(lambda match: terms[match.group(1)], pattern)
