"""Document profiles (kinds of document): reader, thresholds and required elements.

Profiles are data in `rules/profiles.yaml`. A document's profile is chosen, in order:
the command line, the document's metadata, a config glob, detection from the text,
and the default profile.
"""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatch
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from lint.document import Document
from lint.rules.profile_detection import ranked, weak_reason


class Detection(BaseModel):
    """Signals that a text is of this kind; each regex that matches adds its weight."""

    model_config = ConfigDict(extra="forbid")

    headings: list[str] = []  # regexes a heading (or a short first line) matches
    phrases: list[str] = []  # regexes anywhere in the prose
    # Regexes matched from the start of the name, type or id of an HTML form field that
    # stands after a form's start; one such field alone is enough.
    form_fields: list[str] = []
    # Regexes on the text outside the page chrome (the source, for text formats); one
    # match alone is enough (form lines to fill in).
    decisive: list[str] = []
    labels: list[str] = []  # regexes a heading or short line matches; strong (the page says what it is)
    urls: list[str] = []  # regexes on the page's address (crawled, canonical, og:url); strong
    breadcrumbs: list[str] = []  # regexes a breadcrumb item matches; strong
    meta: dict[str, str] = {}  # meta tag name -> regex its content matches (og:type: article)
    # Groups (name -> regexes on the prose or a line) that must all be found; {opening: regex}
    # must match one of the document's first lines (its title or first heading).
    needs: dict[str, list[str | dict[Literal["opening"], str]]] = {}
    min_signals: float = 1
    priority: int = 0  # breaks ties between profiles with as many signals


class ProfileSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str
    reader: str
    description: str = ""
    thresholds: dict[str, float] = {}
    requires: list[str] = []
    # A letter or decision must print its date: a Word or PDF file's own dates do not count.
    printed_date: bool = False
    detect: Detection = Field(default_factory=Detection)


class ProfilesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    default: str
    profiles: dict[str, ProfileSpec]


@dataclass(frozen=True)
class Profile:
    name: str
    title: str
    reader: str
    thresholds: dict[str, float]
    requires: frozenset[str]
    detect: Detection
    printed_date: bool = False


@dataclass(frozen=True)
class ProfileChoice:
    profile: Profile
    source: str  # cli | metadata | config | detected | default
    reason: str  # Swedish, for the text report


class Profiles:
    def __init__(self, spec: ProfilesFile) -> None:
        self.default = spec.default
        self.by_name = {
            name: Profile(name, item.title, item.reader, dict(item.thresholds), frozenset(item.requires), item.detect, item.printed_date)
            for name, item in spec.profiles.items()
        }

    def __contains__(self, name: str) -> bool:
        return name in self.by_name

    def get(self, name: str) -> Profile:
        return self.by_name[name]

    def choose(self, document: Document, cli: str | None, config_globs: dict[str, str], config_profile: str | None) -> ProfileChoice:
        if cli:
            return ProfileChoice(self.get(cli), "cli", f"vald med --profile {cli}")
        declared = declared_profile(document)
        if declared in self:
            return ProfileChoice(self.get(declared), "metadata", f"angiven i dokumentets metadata (profile: {declared})")
        choice = self._choose_without_metadata(document, config_globs, config_profile)
        if declared:
            known = ", ".join(self.by_name)
            return ProfileChoice(
                choice.profile, choice.source, f"{choice.reason}; metadata anger okänd profil ”{declared}” (finns: {known})"
            )
        return choice

    def _choose_without_metadata(self, document: Document, config_globs: dict[str, str], config_profile: str | None) -> ProfileChoice:
        for pattern, name in config_globs.items():
            if fnmatch(document.path, pattern) or fnmatch(Path(document.path).name, pattern):
                return ProfileChoice(self.get(name), "config", f"konfigurationen anger {name} för {pattern}")
        if config_profile:
            return ProfileChoice(self.get(config_profile), "config", f"konfigurationen anger profile = {config_profile}")
        detected, scores = self.detect_scored(document)
        if detected:
            return detected
        return ProfileChoice(self.get(self.default), "default", weak_reason(scores) or "standardprofil (ingen annan profil kändes igen)")

    def detect(self, document: Document) -> ProfileChoice | None:
        """The profile with the best score (at least its min_signals, every `needs` group found)."""
        return self.detect_scored(document)[0]

    def detect_scored(self, document: Document) -> tuple[ProfileChoice | None, list]:
        """The detected profile (or None) and every profile's score, best first."""
        scores = ranked(list(self.by_name.values()), document)
        best = scores[0] if scores and scores[0].chosen else None
        if best is None:
            return None, scores
        return ProfileChoice(best.profile, "detected", f"igenkänd från texten som {best.profile.title.lower()}: {best.describe()}"), scores


METADATA_KEYS = ("profile", "kommlint:profile", "kommlint_profile")


def declared_profile(document: Document) -> str | None:
    for key in METADATA_KEYS:
        value = document.metadata.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


@lru_cache(maxsize=8)
def load_profiles(path: Path) -> Profiles:
    from lint.rules.packs import load_yaml_model

    return Profiles(load_yaml_model(path, ProfilesFile))
