"""Document profiles (kinds of document): reader, thresholds and required elements.

Profiles are data in `rules/profiles.yaml`. A document's profile is chosen, in order:
the command line, the document's metadata, a config glob, detection from the text,
and the default profile.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fnmatch import fnmatch
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from lint.document import BlockKind, Document


class Detection(BaseModel):
    """Signals that a text is of this kind; each regex that matches adds its weight."""

    model_config = ConfigDict(extra="forbid")

    headings: list[str] = []  # regexes a heading (or a short first line) matches
    phrases: list[str] = []  # regexes anywhere in the prose
    html: list[str] = []  # regexes on the raw source (forms, meta tags)
    min_signals: int = 1
    priority: int = 0  # breaks ties between profiles with as many signals


class ProfileSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str
    reader: str
    description: str = ""
    thresholds: dict[str, float] = {}
    requires: list[str] = []
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


@dataclass(frozen=True)
class ProfileChoice:
    profile: Profile
    source: str  # cli | metadata | config | detected | default
    reason: str  # Swedish, for the text report


class Profiles:
    def __init__(self, spec: ProfilesFile) -> None:
        self.default = spec.default
        self.by_name = {
            name: Profile(name, item.title, item.reader, dict(item.thresholds), frozenset(item.requires), item.detect)
            for name, item in spec.profiles.items()
        }

    def __contains__(self, name: str) -> bool:
        return name in self.by_name

    def get(self, name: str) -> Profile:
        return self.by_name[name]

    def choose(self, document: Document, cli: str | None, config_globs: dict[str, str], config_profile: str | None) -> ProfileChoice:
        if cli:
            return ProfileChoice(self.get(cli), "cli", f"vald med --profile {cli}")
        declared = document.metadata.get("profile")
        if isinstance(declared, str) and declared in self:
            return ProfileChoice(self.get(declared), "metadata", f"angiven i dokumentets metadata (profile: {declared})")
        for pattern, name in config_globs.items():
            if fnmatch(document.path, pattern) or fnmatch(Path(document.path).name, pattern):
                return ProfileChoice(self.get(name), "config", f"konfigurationen anger {name} för {pattern}")
        if config_profile:
            return ProfileChoice(self.get(config_profile), "config", f"konfigurationen anger profile = {config_profile}")
        detected = self.detect(document)
        if detected:
            return detected
        return ProfileChoice(self.get(self.default), "default", "standardprofil (ingen annan profil kändes igen)")

    def detect(self, document: Document) -> ProfileChoice | None:
        best: tuple[int, int, Profile, list[str]] | None = None
        for profile in self.by_name.values():
            signals = _signals(profile.detect, document)
            if len(signals) >= profile.detect.min_signals and signals:
                key = (len(signals), profile.detect.priority)
                if best is None or key > best[:2]:
                    best = (*key, profile, signals)
        if best is None:
            return None
        _, _, profile, signals = best
        return ProfileChoice(profile, "detected", "igenkänd från texten: " + ", ".join(signals[:3]))


def _signals(detect: Detection, document: Document) -> list[str]:
    found = []
    headings = [b.text for b in document.blocks if b.kind is BlockKind.HEADING or len(b.text) < 60]
    for pattern in detect.headings:
        regex = re.compile(pattern, re.I)
        hit = next((text for text in headings if regex.fullmatch(text.strip())), None)
        if hit:
            found.append(f"«{hit.strip()}»")
    prose = document.text
    for pattern in detect.phrases:
        match = re.search(pattern, prose, re.I | re.M)
        if match:
            found.append(f"«{match.group(0).strip()}»")
    for pattern in detect.html:
        if re.search(pattern, document.source, re.I):
            found.append("formulärfält i HTML")
    return found


def filter_globs(globs: dict[str, str], profiles: Profiles) -> dict[str, str]:
    return {pattern: name for pattern, name in globs.items() if name in profiles}


@lru_cache(maxsize=8)
def load_profiles(path: Path) -> Profiles:
    from lint.packs import load_yaml_model

    return Profiles(load_yaml_model(path, ProfilesFile))
