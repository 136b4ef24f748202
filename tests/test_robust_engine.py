"""Issue 20, engine: one file's failure costs that file only, blocks are cut before the
parser sees them, a slow rule is stopped, and suppression stays linear."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from bounded import run_bounded
from click.testing import CliRunner

import lint.formats.text
from lint.cli.main import main
from lint.document import BlockBuilder, BlockKind
from lint.engine.guards import MAX_CHARS, MAX_RUN, split_blocks
from lint.engine.linter import Linter, Options
from lint.formats import read_bytes
from lint.language.pipeline import Pipeline

# Per-file isolation ----------------------------------------------------------------


@pytest.fixture
def three_files(tmp_path, monkeypatch):
    real = lint.formats.text.read_text

    def fragile(path, source, **fields):
        if "trasig" in path:
            raise ZeroDivisionError("division by zero")
        return real(path, source, **fields)

    monkeypatch.setattr(lint.formats.text, "read_text", fragile)
    for name in ("a.txt", "b-trasig.txt", "c.txt"):
        (tmp_path / name).write_text("Du erhåller beslutet.\n", encoding="utf-8")
    return tmp_path


def test_an_unexpected_error_costs_one_file_and_exit_code_2(three_files):
    result = CliRunner().invoke(main, ["check", "--no-cache", "--select", "KLAR001", "--format", "concise", str(three_files)])
    assert result.exit_code == 2
    lines = result.stdout.splitlines()
    assert [line.split(":")[0].rsplit("/", 1)[1] for line in lines if "KLAR001" in line] == ["a.txt", "c.txt"]
    broken = [line for line in lines if "b-trasig.txt" in line]
    assert len(broken) == 1 and "E003" in broken[0] and "ZeroDivisionError: division by zero" in broken[0]
    assert "Traceback" not in result.output


def test_verbose_shows_the_traceback(three_files):
    result = CliRunner().invoke(main, ["check", "--no-cache", "--select", "KLAR001", "--verbose", str(three_files / "b-trasig.txt")])
    assert result.exit_code == 2
    assert "Traceback (most recent call last)" in result.stderr and "ZeroDivisionError" in result.stderr


# Blocks cut before parsing ------------------------------------------------------------


def _block(text: str, offset: int = 7):
    builder = BlockBuilder()
    builder.add(text, offset)
    return builder.build(BlockKind.PARAGRAPH)


def test_a_million_character_paragraph_is_cut_after_sentences_with_offsets_kept():
    text = "Ansökan ska vara inne senast i maj. " * 34000  # 1.2 million characters
    pieces = split_blocks([_block(text)])
    assert all(len(piece.text) <= MAX_CHARS for piece in pieces)
    assert all(piece.text.endswith(".") for piece in pieces)
    assert "".join(piece.text + " " for piece in pieces) == text
    for piece in pieces[:3] + pieces[-3:]:
        start = piece.source_offset(0)
        assert text[start - 7 : start - 7 + len(piece.text)] == piece.text


def test_a_run_without_spaces_is_cut_into_short_pieces():
    text = "Du erhåller svar. " + "(" * 20000 + " Vi erhåller."
    pieces = split_blocks([_block(text, 0)])
    assert [p.text for p in pieces][:2] == ["Du erhåller svar.", "(" * MAX_RUN]
    assert pieces[-1].text == "Vi erhåller." and pieces[-1].source_offset(0) == text.index("Vi")
    assert max(len(p.text) for p in pieces) == MAX_RUN


def test_no_text_the_parser_sees_is_long_or_unbroken(monkeypatch, linter):
    seen: list[str] = []
    parse = Pipeline.parse

    def recording(self, texts, needs, batch_size=64):
        texts = list(texts)
        seen.extend(texts)
        return parse(self, texts, needs, batch_size)

    monkeypatch.setattr(Pipeline, "parse", recording)
    text = "Du erhåller svar. " + "(" * 20000 + " Vi erhåller. " + "Ett ord till. " * 2000
    document = read_bytes(text.encode(), "brev.txt")
    result = linter.lint_document(document)
    assert max(len(t) for t in seen) <= MAX_CHARS
    assert max(len(word) for t in seen for word in t.split()) <= MAX_RUN
    found = [(d.code, d.line, d.column, d.match) for d in result.diagnostics if d.code == "KLAR001"]
    assert found == [("KLAR001", 1, 4, "erhåller"), ("KLAR001", 1, 20023, "erhåller")]


# A time budget per rule -------------------------------------------------------------------


def test_a_rule_over_its_budget_is_reported_once_and_the_others_kept(monkeypatch):
    linter = Linter(Options(select=("KLAR001", "KLAR002"), rule_budget=1.0))
    settings = linter.settings_for(".")
    slow = next(rule for rule in linter.rules(settings) if rule.code == "KLAR002")

    def spin(ctx):
        deadline = time.monotonic() + 30  # long enough that no budget means no error
        while time.monotonic() < deadline:
            pass
        yield from ()

    monkeypatch.setattr(slow, "check", spin)
    result = linter.lint_document(read_bytes("Du erhåller beslutet.\n".encode(), "brev.txt"), settings)
    assert [(e.code, e.rule) for e in result.errors] == [("E002", "KLAR002")]
    assert result.errors[0].message.startswith("Regeln KLAR002 (") and "tog längre tid än 1 s" in result.errors[0].message
    assert [d.match for d in result.diagnostics if d.code == "KLAR001"] == ["erhåller"]


# Suppression ----------------------------------------------------------------------------


def test_many_suppression_comments_cost_a_lookup_per_finding():
    """5 000 `disable-next-line` and 5 000 findings: the target line was searched per finding."""
    code = """
from lint.document import Directive
from lint.engine.suppression import Suppressor
n = INPUTS["n"]
directives = [Directive("disable-next-line", ("KLAR001",), 2 * i + 1) for i in range(n)]
directives.append(Directive("disable", ("KLAR002",), 1))
suppressor = Suppressor(directives, list(range(2, 2 * n + 1, 2)))
silenced = sum(suppressor.suppresses("KLAR001", "krangligt-ord", 2 * i + 2) for i in range(n))
regions = sum(suppressor.suppresses("KLAR002", "x", 2 * i + 2) for i in range(n))
print(json.dumps([silenced, regions, len(list(suppressor.unused()))]))
"""
    assert run_bounded(code, n=5000) == [5000, 5000, 0]


# Rules on odd input -----------------------------------------------------------------------


def test_a_malformed_link_address_does_not_stop_the_pdf_link_rule(linter):
    source = '<html lang="sv"><body><main><p>Läs <a href="http://[x/a.pdf">beslutet</a> nu.</p></main></body></html>'
    result = linter.lint_document(read_bytes(source.encode(), "sida.html"), linter.settings_for(".").with_overrides(select=("TILL007",)))
    assert result.errors == []
    assert [(d.code, d.match, d.column) for d in result.diagnostics] == [("TILL007", "beslutet", source.index("beslutet") + 1)]


# A giant document: caches dropped as the rules go, the same findings ---------------------


def test_a_giant_document_drops_block_caches_as_rules_go_and_finds_the_same(monkeypatch):
    import lint.engine.linter as engine
    from lint.language.views import ParsedBlock

    corpora = Path(__file__).parent.parent / "corpora"
    files = sorted((corpora / "sprak").glob("*.md")) + sorted((corpora / "klarsprak").rglob("*.md"))
    text = "\n\n".join(path.read_text(encoding="utf-8") for path in files[:12])

    def findings() -> list[tuple]:
        result = Linter(Options()).lint_document(read_bytes(text.encode(), "stor.md"))
        assert not result.errors
        return [(d.code, d.line, d.column, d.match, d.message, d.suggestions) for d in result.diagnostics]

    releases = []
    release = ParsedBlock.release
    monkeypatch.setattr(ParsedBlock, "release", lambda self: (releases.append(self), release(self))[1])
    normal = findings()
    released_normally = len(releases)
    monkeypatch.setattr(engine, "GIANT_DOCUMENT", 0)
    giant = findings()
    assert len({code for code, *_ in normal}) >= 8 and len(normal) >= 40
    assert giant == normal
    assert len(releases) - released_normally > 5 * released_normally  # every rule's loop dropped the caches behind it


def test_a_loop_over_releasing_blocks_drops_each_block_behind_it_but_the_kept_one():
    from lint.document import Block
    from lint.language.views import ParsedBlock, ReleasingBlocks

    blocks = [ParsedBlock(Block(BlockKind.PARAGRAPH, f"Stycke {n}.", []), None) for n in range(3)]
    for item in blocks:
        item.cache["sentences"] = ["cached"]
    releasing = ReleasingBlocks(blocks, blocks[0])
    seen = []
    for _item in releasing:
        seen.append([bool(other.cache) for other in blocks])
    assert seen == [[True, True, True], [True, True, True], [True, False, True]]
    assert [bool(item.cache) for item in blocks] == [True, False, False]
    assert [bool(item.cache) for item in releasing[1:]] == [False, False]  # a slice is a plain list
