"""Fuzzing every reader, the front matter, the configuration and the engine (issue 20).

Properties: a reader returns a document or raises ReadError (a Swedish message), never
anything else; every prose character maps onto the same character in the source; the
configuration loader returns settings or raises ConfigError; linting a file never ends
in an internal error (E003), only in findings or an E001/E002 line.

The default profile ("ci") is short and deterministic. The long run, for releases:

    KOMMLINT_FUZZ=long PYTHONPATH=$PWD python -m pytest -q tests/test_fuzz.py

(2 000 examples per test; expect an hour or more on two cores).
"""

from __future__ import annotations

import os

import fuzz_inputs as inputs
import pytest
from hypothesis import given, settings

from lint.engine.config import load_config_file
from lint.errors import ConfigError, ReadError
from lint.formats import read_bytes

LONG = os.environ.get("KOMMLINT_FUZZ") == "long"
FORMATS = {
    "brev.txt": inputs.text_files,
    "sida.html": inputs.html_files,
    "sida.md": inputs.markdown_files,
    "sida.mdx": inputs.markdown_files,
    "beslut.docx": inputs.docx_files,
    "rapport.pdf": inputs.pdf_files,
}


def _read(data: bytes, name: str):
    try:
        return read_bytes(data, name)
    except ReadError:
        return None


def _check_positions(document) -> None:
    for block in document.blocks:
        for seg in block.segments:
            if seg.source_length is None:
                text = block.text[seg.text_start : seg.text_start + seg.length]
                assert document.source[seg.source_start : seg.source_start + seg.length] == text
            assert 0 <= seg.source_start <= seg.source_end <= len(document.source)


@pytest.mark.parametrize("name", list(FORMATS))
def test_readers_return_a_document_or_a_read_error(name):
    @given(FORMATS[name]())
    def read(data: bytes) -> None:
        document = _read(data, name)
        if document is not None:
            _check_positions(document)

    read()


@given(inputs.front_matter().map(lambda fm: fm + "\nDu erhåller svar.\n"))
def test_front_matter_never_stops_the_prose(source: str):
    document = read_bytes(source.encode("utf-8", "surrogatepass"), "sida.md")
    _check_positions(document)
    assert any("erhåller" in block.text for block in document.blocks) or source.count("---") >= 2


@given(inputs.config_files())
def test_configuration_is_settings_or_a_config_error(tmp_path_factory, text: str):
    path = tmp_path_factory.mktemp("konfig") / "kommlint.toml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    load_config_file.cache_clear()
    try:
        load_config_file(path)
    except ConfigError as error:
        assert str(error).startswith(str(path))


@pytest.mark.parametrize("name", ["brev.txt", "sida.html", "sida.md", "beslut.docx", "rapport.pdf"])
def test_linting_never_ends_in_an_internal_error(linter, name):
    @settings(max_examples=settings().max_examples if LONG else 8)  # the engine parses: a few suffice in CI
    @given(FORMATS[name]())
    def lint(data: bytes) -> None:
        result = linter.lint_file(name, data=data)
        assert [error for error in result.errors if error.code not in ("E001", "E002")] == []

    lint()
