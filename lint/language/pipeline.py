"""The Swedish spaCy pipeline: finding it, loading it once, and parsing blocks with it.

Order: an explicit model (CLI `--model` or config `model`, a package name or a path) >
an installed `sv_core_news_sm` > the pipeline embedded in this package > a blank Swedish
pipeline with a rule-based sentence splitter. spaCy is imported only here and only when a
text is parsed, so listing rules or a fully cached run stay fast.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from lint.errors import KommlintError

OFFICIAL_MODEL = "sv_core_news_sm"
EMBEDDED_DIR = Path(__file__).resolve().parent / "embedded"

# What each annotation name means in terms of what spaCy components assign.
ASSIGNS = {
    "pos": ("token.pos",),
    "morph": ("token.morph",),
    "lemma": ("token.lemma",),
    "dep": ("token.dep", "token.head"),
    "sents": ("token.is_sent_start", "doc.sents"),
}


class ModelError(KommlintError):
    pass


def embedded_model_path() -> Path | None:
    for meta in sorted(EMBEDDED_DIR.glob("*/meta.json")):
        return meta.parent
    return None


@dataclass(frozen=True)
class ModelChoice:
    name: str  # package name or path to load
    source: str  # cli | config | installed | embedded | blank


def choose_model(explicit: str | None = None, explicit_source: str = "cli") -> ModelChoice:
    if explicit:
        return ModelChoice(explicit, explicit_source)
    if importlib.util.find_spec(OFFICIAL_MODEL) is not None:
        return ModelChoice(OFFICIAL_MODEL, "installed")
    embedded = embedded_model_path()
    if embedded is not None:
        return ModelChoice(str(embedded), "embedded")
    return ModelChoice("blank:sv", "blank")


@dataclass
class Pipeline:
    nlp: Any
    name: str
    version: str
    path: str | None
    source: str
    provides: frozenset[str]
    meta: dict[str, Any] = field(default_factory=dict)
    _disabled_for: dict[frozenset[str], list[str]] = field(default_factory=dict)

    def components_for(self, needs: frozenset[str]) -> list[str]:
        """Names of the pipeline components that produce `needs`, with what they need."""
        nlp = self.nlp
        wanted = {attr for need in needs for attr in ASSIGNS.get(need, ())}
        keep: set[str] = set()
        for name in nlp.pipe_names:
            assigns = set(nlp.get_pipe_meta(name).assigns)
            if assigns & wanted:
                keep.add(name)
        # Sentences come from a parser only when dependencies are needed anyway: a senter
        # or the rule-based sentencizer is much cheaper.
        if "sents" in needs and "dep" not in needs and "parser" in keep:
            cheaper = [n for n in ("senter", "sentencizer") if n in nlp.component_names]
            if cheaper:
                keep.discard("parser")
                keep.add(cheaper[0])
        for name in list(keep):
            keep.update(self._requirements(name))
        return [name for name in nlp.component_names if name in keep]

    def _requirements(self, name: str) -> set[str]:
        nlp = self.nlp
        required: set[str] = set()
        requires = set(nlp.get_pipe_meta(name).requires)
        for other in nlp.pipe_names:
            if other == name:
                continue
            if set(nlp.get_pipe_meta(other).assigns) & requires:
                required.add(other)
            component = nlp.get_pipe(other)
            listeners = getattr(component, "listening_components", None)
            if listeners and name in listeners:
                required.add(other)
        # Components that always shape tokens (custom Swedish fixes) stay on.
        required.update(n for n in nlp.pipe_names if n.startswith("kommlint_"))
        return required

    def parse(self, texts: Iterable[str], needs: frozenset[str], batch_size: int = 64) -> Iterator[Any]:
        enabled = set(self.components_for(needs | {"sents"}))
        disable = [name for name in self.nlp.component_names if name not in enabled]
        import numpy

        with self.nlp.select_pipes(disable=disable):
            for doc in self.nlp.pipe(texts, batch_size=batch_size):
                # No rule reads the token vectors; they are most of a parsed doc's memory.
                doc.tensor = numpy.zeros((0,), dtype="float32")
                yield doc


def _provides(nlp: Any) -> frozenset[str]:
    assigned = {attr for name in nlp.pipe_names for attr in nlp.get_pipe_meta(name).assigns}
    return frozenset(need for need, attrs in ASSIGNS.items() if set(attrs) & assigned)


def _adapt(nlp: Any) -> Any:
    try:
        from lint.language import genitive, swedish
    except ImportError:
        return nlp
    nlp = swedish.adapt(nlp) or nlp
    return genitive.adapt(nlp)


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None, model_source: str = "cli") -> Pipeline:
    from lint.language.spacy_import import import_spacy

    spacy = import_spacy()

    choice = choose_model(model, model_source)
    if choice.source == "blank":
        nlp = spacy.blank("sv")
        nlp.add_pipe("sentencizer")
        path = None
    else:
        try:
            nlp = spacy.load(choice.name)
        except (OSError, ValueError, ImportError) as error:
            raise ModelError(f"Kan inte läsa in språkmodellen ”{choice.name}”: {error}") from None
        path = str(nlp.path) if getattr(nlp, "path", None) else None
    nlp = _adapt(nlp)
    meta = dict(nlp.meta)
    name = f"{meta.get('lang', 'sv')}_{meta.get('name', 'blank')}"
    return Pipeline(nlp, name, str(meta.get("version", "0.0.0")), path, choice.source, _provides(nlp), meta)


def model_fingerprint(model: str | None = None) -> str:
    """Identifies the pipeline for cache keys without importing spaCy."""
    choice = choose_model(model)
    meta_path = Path(choice.name) / "meta.json"
    if meta_path.is_file():
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        return f"{choice.source}:{meta.get('name')}:{meta.get('version')}"
    return f"{choice.source}:{choice.name}"
