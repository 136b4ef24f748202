"""The result cache: same results as a fresh run, the right misses, no spaCy on a full hit."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

import lint
from lint.cli.main import main
from lint.engine.cache import (
    ENTRIES,
    ResultCache,
    cache_dir,
    packs_fingerprint,
    result_to_json,
)
from lint.engine.config import Settings
from lint.engine.linter import Linter, Options

# The folder the `lint` package under test was imported from (a checkout or site-packages).
PACKAGE_PARENT = Path(lint.__file__).resolve().parents[1]
TEXT = "# Ansökan\n\nDu skall skicka in ansökan senast den 1 maj. Avgiften betalas icke tillbaka.\n"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KOMMLINT_CACHE_DIR", raising=False)
    (tmp_path / "texter").mkdir()
    (tmp_path / "texter" / "ansokan.md").write_text(TEXT, encoding="utf-8")
    return tmp_path


def cached_linter(folder, **options):
    return ResultCache(Linter(Options(**options)), folder / "cache")


def entries(directory: Path) -> list[Path]:
    return sorted((directory / ENTRIES).rglob("*.json"))


def test_a_hit_restores_the_whole_result(folder):
    path = "texter/ansokan.md"
    fresh = Linter(Options()).lint_file(path)
    cache = cached_linter(folder)
    first, second = cache.lint_file(path), cache.lint_file(path)
    assert (cache.misses, cache.hits) == (1, 1)
    assert second.document is None
    assert second.diagnostics == fresh.diagnostics and any(d.fix for d in second.diagnostics)
    assert result_to_json(second) == result_to_json(fresh) == result_to_json(first)


def test_every_diagnostic_field_survives_the_round_trip():
    from dataclasses import fields

    from lint.diagnostics import Diagnostic, Edit, Fix, Severity
    from lint.engine.cache import result_from_json
    from lint.engine.linter import FileResult

    values = {
        "code": "KLAR003",
        "name": "alderdomlig-form",
        "principle": "klarspråk",
        "severity": Severity.ERROR,
        "message": "Skriv ska.",
        "path": "a.docx",
        "line": 2,
        "column": 3,
        "end_line": 2,
        "end_column": 8,
        "offset": 10,
        "end_offset": 15,
        "match": "skall",
        "suggestions": ("ska",),
        "fix": Fix((Edit(10, 15, "ska"), Edit(20, 20, ",")), "unsafe"),
        "page": 4,
        "context": "Du skall.",
        "heading": "Beslut",
        "whole_document": True,
    }
    assert set(values) == {f.name for f in fields(Diagnostic)}, "ett nytt fält i Diagnostic: lägg till det här och i from_json"
    original = FileResult("a.docx", "docx", "utf-8", "beslut", "cli", "vald", {"words": 3}, [Diagnostic(**values)])
    restored = result_from_json(result_to_json(original)).diagnostics[0]
    assert {f.name: getattr(restored, f.name) for f in fields(Diagnostic)} == values


def test_changes_that_matter_are_misses(folder):
    path = folder / "texter" / "ansokan.md"
    cache = cached_linter(folder)
    cache.lint_file(str(path))
    path.write_text(TEXT.replace("skall", "ska"), encoding="utf-8")
    cache.lint_file(str(path))
    assert cache.misses == 2
    (folder / "kommlint.toml").write_text('select = ["KLAR003"]\n', encoding="utf-8")
    _clear_config_caches()
    cache.lint_file(str(path))
    assert cache.misses == 3
    other_profile = ResultCache(Linter(Options(profile="beslut")), folder / "cache")
    other_profile.lint_file(str(path))
    assert other_profile.misses == 1


def _clear_config_caches():
    from lint.engine import config

    config._config_for_directory.cache_clear()
    config.load_config_file.cache_clear()


def test_rule_pack_edits_change_the_fingerprint(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "X.yaml").write_text("a: 1\n", encoding="utf-8")
    before = packs_fingerprint((str(pack),))
    (pack / "X.yaml").write_text("a: 2\n", encoding="utf-8")
    packs_fingerprint.cache_clear()
    assert packs_fingerprint((str(pack),)) != before


def test_a_damaged_entry_is_a_miss_and_is_replaced(folder):
    cache = cached_linter(folder)
    cache.lint_file("texter/ansokan.md")
    [entry] = entries(folder / "cache")
    entry.write_text("{inte json", encoding="utf-8")
    again = cached_linter(folder)
    assert again.lint_file("texter/ansokan.md").diagnostics
    assert again.misses == 1
    assert json.loads(entry.read_text(encoding="utf-8"))["result"]["path"] == "texter/ansokan.md"


def test_parallel_writers_leave_one_valid_entry(folder):
    cache = cached_linter(folder)
    result = cache.lint_file("texter/ansokan.md")
    key = cache.key_for("texter/ansokan.md")
    threads = [threading.Thread(target=cache.store, args=(key, result)) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [p.name for p in entries(folder / "cache")] == [f"{key}.json"]
    assert not [p for p in (folder / "cache").rglob("*.tmp")]
    assert cache.load(key).diagnostics == result.diagnostics


def test_files_with_errors_are_not_cached(folder):
    (folder / "texter" / "tom.md").write_bytes(b"   \n")
    cache = cached_linter(folder)
    assert cache.lint_file("texter/tom.md").errors
    assert entries(folder / "cache") == []


def test_cache_folder_order(tmp_path, monkeypatch):
    monkeypatch.delenv("KOMMLINT_CACHE_DIR", raising=False)
    configured = Settings(cache_dir=".kommlint_cache", root=tmp_path)
    assert cache_dir(configured) == tmp_path / ".kommlint_cache"
    monkeypatch.setenv("KOMMLINT_CACHE_DIR", str(tmp_path / "env"))
    assert cache_dir(configured) == tmp_path / "env"
    assert cache_dir(configured, tmp_path / "cli") == tmp_path / "cli"
    monkeypatch.delenv("KOMMLINT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if sys.platform.startswith("linux"):
        assert cache_dir(Settings()) == tmp_path / "xdg" / "kommlint"


def test_config_cache_dir_and_cache_clean(folder):
    (folder / "kommlint.toml").write_text('cache-dir = ".kommlint_cache"\n', encoding="utf-8")
    (folder / "annat.txt").write_text("lämnas kvar", encoding="utf-8")
    _clear_config_caches()
    runner = CliRunner()
    result = runner.invoke(main, ["check", "texter", "--format", "concise"], catch_exceptions=False)
    assert result.exit_code == 1
    assert len(entries(folder / ".kommlint_cache")) == 1
    cleaned = runner.invoke(main, ["cache", "clean"], catch_exceptions=False)
    assert cleaned.exit_code == 0 and "1 sparade resultat togs bort" in cleaned.stdout
    assert not (folder / ".kommlint_cache").exists() and (folder / "annat.txt").exists()


def test_no_cache_option_writes_nothing(folder):
    result = CliRunner().invoke(
        main, ["check", "texter", "--no-cache", "--cache-dir", "cache", "--format", "concise"], catch_exceptions=False
    )
    assert result.exit_code == 1
    assert not (folder / "cache").exists()


def test_text_output_from_the_cache_still_shows_the_source_line(folder):
    runner = CliRunner()
    args = ["check", "texter", "--select", "KLAR003", "--cache-dir", "cache", "--no-color"]
    cold = runner.invoke(main, args, catch_exceptions=False).stdout
    warm = runner.invoke(main, args, catch_exceptions=False).stdout
    assert "   3 | Du skall skicka in ansökan" in warm
    assert warm == cold


PROBE = """
import sys
from lint.cli.main import main
try:
    main(["check", "texter", "--format", "json", "--cache-dir", "cache"])
except SystemExit as exit:
    print("exit", exit.code, "spacy" in sys.modules, file=sys.stderr)
"""


def test_a_fully_cached_run_does_not_import_spacy(folder):
    # Fill the cache in this process (the pipeline is loaded here anyway) …
    cache = cached_linter(folder)
    expected = cache.lint_file("texter/ansokan.md")
    # … then the command in a fresh interpreter must answer from it without spaCy.
    env = {**os.environ, "PYTHONPATH": str(PACKAGE_PARENT)}
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=folder, env=env, capture_output=True, text=True, timeout=120)
    assert done.stderr.strip().splitlines()[-1] == "exit 1 False", done.stderr
    report = json.loads(done.stdout)
    assert [d["code"] for d in report["files"][0]["diagnostics"]] == [d.code for d in expected.diagnostics]
