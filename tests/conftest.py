"""Shared fixtures: one Linter (and so one loaded pipeline) per test session."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

try:  # imported here, not lazily by its pytest plugin at the end of the session, where
    # Python 3.11.7's AST validator failed on it after deep recursion (a CPython bug)
    from hypothesis import HealthCheck
    from hypothesis import settings as hypothesis_settings
except ImportError:  # the fuzz tests need it (pip install -e '.[test]')
    hypothesis_settings = None

from lint.engine.config import Settings
from lint.engine.linter import Linter, Options
from lint.formats import read_bytes

if hypothesis_settings is not None:
    # The fuzz suite (tests/test_fuzz.py): short and deterministic by default, long with KOMMLINT_FUZZ=long.
    slow = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture]
    hypothesis_settings.register_profile("ci", max_examples=40, derandomize=True, deadline=None, suppress_health_check=slow, database=None)
    hypothesis_settings.register_profile("long", max_examples=2000, deadline=None, suppress_health_check=slow)
    hypothesis_settings.load_profile("long" if os.environ.get("KOMMLINT_FUZZ") == "long" else "ci")

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seeds" / "000_7c22c21e004f47d4.txt"


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory):
    """Tests never read or write the user's kommlint cache."""
    folder = tmp_path_factory.mktemp("kommlint-cache")
    patch = pytest.MonkeyPatch()
    patch.setenv("KOMMLINT_CACHE_DIR", str(folder))
    # Rules that judge age (TILL011, OFF008) count from one fixed day: 1 December 2026.
    patch.setenv("SOURCE_DATE_EPOCH", "1796083200")
    # The spelling lexicon depends only on the dictionary: built once, kept for later test runs.
    patch.setenv("KOMMLINT_LEXICON_DIR", str(tmp_path_factory.getbasetemp().parent / "kommlint-lexicon"))
    yield folder
    patch.undo()


@pytest.fixture(scope="session")
def linter() -> Linter:
    return Linter(Options(keep_documents=True))


def lint_text(
    linter: Linter,
    text: str,
    name: str = "exempel.txt",
    select: tuple[str, ...] | None = None,
    profile: str | None = None,
    metadata: dict | None = None,
):
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
