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
from lint.document_parts import FormField


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
        declared = declared_profile(document)
        if declared in self:
            return ProfileChoice(self.get(declared), "metadata", f"angiven i dokumentets metadata (profile: {declared})")
        choice = self._choose_without_metadata(document, config_globs, config_profile)
        if declared:
            known = ", ".join(self.by_name)
            return ProfileChoice(choice.profile, choice.source, f"{choice.reason}; metadata anger okänd profil «{declared}» (finns: {known})")
        return choice

    def _choose_without_metadata(self, document: Document, config_globs: dict[str, str], config_profile: str | None) -> ProfileChoice:
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
        """The profile with most signals in the text (at least its min_signals)."""
        view = _TextView.of(document)
        best: tuple[int, int, Profile, list[str]] | None = None
        for profile in self.by_name.values():
            signals, decisive = _signals(profile.detect, view)
            count = max(len(signals), profile.detect.min_signals) if decisive else len(signals)
            if signals and count >= profile.detect.min_signals:
                key = (count, profile.detect.priority)
                if best is None or key > best[:2]:
                    best = (*key, profile, signals)
        if best is None:
            return None
        _, _, profile, signals = best
        shown = ", ".join(signals[:3]) + (" …" if len(signals) > 3 else "")
        return ProfileChoice(profile, "detected", f"igenkänd från texten som {profile.title.lower()}: {shown}")


METADATA_KEYS = ("profile", "kommlint:profile", "kommlint_profile")


def declared_profile(document: Document) -> str | None:
    for key in METADATA_KEYS:
        value = document.metadata.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


@dataclass(frozen=True)
class _TextView:
    """What detection looks at: headings and short lines, the prose, the text outside the
    page chrome, and the form fields."""

    lines: tuple[str, ...]
    prose: str
    content: str
    fields: tuple[FormField, ...]

    @classmethod
    def of(cls, document: Document) -> _TextView:
        lines = tuple(
            block.text.strip() for block in document.blocks if block.kind is BlockKind.HEADING or len(block.text) < SHORT_LINE
        )
        title = document.metadata.get("title")
        if isinstance(title, str) and title.strip():
            lines = (title.strip(), *lines)
        return cls(lines, _framing(document.text), _framing(content_text(document)), tuple(_form_fields(document)))


SHORT_LINE = 60
# Phrases and markup are looked for in a document's opening and closing only: that is
# where a letter, a decision or a press release shows its kind, and it keeps detection
# from costing more with every page of a long report.
DETECTION_HEAD = 50_000  # characters
DETECTION_TAIL = 10_000


def _framing(text: str) -> str:
    """The start and the end of `text` (all of it when it is short), cut at line ends so no
    word is split and no line seems to start where it does not."""
    if len(text) <= DETECTION_HEAD + DETECTION_TAIL:
        return text
    head_end = text.rfind("\n", 0, DETECTION_HEAD) + 1 or DETECTION_HEAD
    tail_start = text.find("\n", len(text) - DETECTION_TAIL) + 1 or len(text) - DETECTION_TAIL
    return text[:head_end] + ("" if text[head_end - 1] == "\n" else "\n") + text[tail_start:]


def content_text(document: Document) -> str:
    """The text without a web page's header, footer and navigation (a newsletter sign-up
    in the footer of every page does not make each page a form); of a text format, its source."""
    content = document.chrome.content_text
    return document.source if content is None else content


def _form_fields(document: Document) -> list[FormField]:
    """Form fields outside the page chrome that stand after the start of such a form."""
    starts = [form.offset for form in document.forms if not form.in_chrome]
    if not starts:
        return []
    return [field for field in document.form_fields if not field.in_chrome and field.tag == "input" and field.offset > min(starts)]


@lru_cache(maxsize=512)
def _regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I | re.M)


def _signals(detect: Detection, view: _TextView) -> tuple[list[str], bool]:
    """Descriptions of the signals found (one text matched twice counts once), and whether
    a decisive one is among them."""
    found: dict[str, str] = {}
    for pattern in detect.headings:
        regex = _regex(pattern)
        hit = next((line for line in view.lines if regex.fullmatch(line)), None)
        if hit:
            found.setdefault(hit.casefold(), f"raden «{hit}»")
    for pattern in detect.phrases:
        match = _regex(pattern).search(view.prose)
        if match:
            text = match.group(0).strip()
            if not any(text.casefold() in seen for seen in found):
                found.setdefault(text.casefold(), f"«{text}»")
    decisive = False
    for pattern in detect.form_fields:
        regex = _regex(pattern)
        if any(regex.match(value) for field in view.fields for value in (field.name, field.type, field.id) if value):
            decisive = True
            found.setdefault("<decisive>", "ett formulär som frågar efter personuppgifter")
    for pattern in detect.decisive:
        match = _regex(pattern).search(view.content)
        if match:
            decisive = True
            found.setdefault("<decisive>", f"fältet «{' '.join(match.group(0).split())}»")
    return list(found.values()), decisive


@lru_cache(maxsize=8)
def load_profiles(path: Path) -> Profiles:
    from lint.rules.packs import load_yaml_model

    return Profiles(load_yaml_model(path, ProfilesFile))
