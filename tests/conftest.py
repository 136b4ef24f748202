"""Shared fixtures: one Linter (and so one loaded pipeline) per test session."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from lint.engine.config import Settings
from lint.engine.linter import Linter, Options
from lint.formats import read_bytes

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seeds" / "000_7c22c21e004f47d4.txt"


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory):
    """Tests never read or write the user's kommlint cache."""
    folder = tmp_path_factory.mktemp("kommlint-cache")
    patch = pytest.MonkeyPatch()
    patch.setenv("KOMMLINT_CACHE_DIR", str(folder))
    # The spelling lexicon depends only on the dictionary: built once, kept for later test runs.
    patch.setenv("KOMMLINT_LEXICON_DIR", str(tmp_path_factory.getbasetemp().parent / "kommlint-lexicon"))
    yield folder
    patch.undo()


@pytest.fixture(scope="session")
def linter() -> Linter:
    return Linter(Options(keep_documents=True))


def lint_text(linter: Linter, text: str, name: str = "exempel.txt", select: tuple[str, ...] | None = None, profile: str | None = None, metadata: dict | None = None):
    """Lint `text` as if read from a file called `name`, with default settings."""
    document = read_bytes(text.encode("utf-8"), name)
    if metadata:
        document.metadata.update(metadata)
    settings = replace(Settings(), select=select)
    previous = linter.options.profile
    linter.options.profile = profile
    try:
        return linter.lint_document(document, settings)
    finally:
        linter.options.profile = previous


@pytest.fixture(scope="session")
def lint(linter):
    def run(text: str, **kwargs):
        return lint_text(linter, text, **kwargs)

    return run
