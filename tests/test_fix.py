"""--fix, --unsafe-fixes and --diff: choosing fixes, writing files back as they were."""

from __future__ import annotations

import codecs
import itertools
import os
import random
import stat
from dataclasses import replace

import pytest
from click.testing import CliRunner

import lint.engine.fix
from lint.cli.main import main
from lint.diagnostics import Diagnostic, Edit, Fix, Severity
from lint.engine.fix import Fixer, FixError, applicable, apply_edits, choose, fix_path
from lint.engine.linter import Linter, Options
from lint.rules.packs import load_rules

EXTENSIONS = {"text": ".txt", "markdown": ".md", "html": ".html"}
FIXABLE = [
    pytest.param(rule, example, id=f"{rule.code}-{index}")
    for rule in load_rules(entry_points=False)
    if rule.fixable
    for index, example in enumerate(rule.spec.examples)
    if example.bad and example.fixed is not None and not example.metadata
]


def finding(offset, end, replacement, code="KLAR003", safety="safe"):
    return Diagnostic(
        code,
        "regel",
        "klarspråk",
        Severity.WARNING,
        "meddelande",
        "x.txt",
        1,
        offset + 1,
        1,
        end + 1,
        offset,
        end,
        "x",
        (),
        Fix((Edit(offset, end, replacement),), safety),
    )


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("KOMMLINT_CACHE_DIR", str(tmp_path / "cache"))


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)


# Choosing fixes ----------------------------------------------------------------------


def test_only_safe_fixes_unless_unsafe_asked_for():
    safe, unsafe = finding(0, 5, "ska"), finding(10, 14, "inte", safety="unsafe")
    assert applicable([safe, unsafe]) == [safe]
    assert applicable([safe, unsafe], unsafe=True) == [safe, unsafe]


def test_overlapping_fixes_are_resolved_the_same_way_in_any_order():
    # Earliest start wins, then the shorter edit, then the lower rule code.
    source = "Du skall icke svara."
    candidates = [
        finding(3, 8, "ska"),
        finding(3, 13, "ska inte", code="KLAR001"),
        finding(9, 13, "inte", code="KLAR004"),
        finding(9, 13, "ej", code="KLAR002"),
    ]
    outcomes = {apply_edits(source, (e for d in choose(order) for e in d.fix.edits)) for order in itertools.permutations(candidates)}
    assert outcomes == {"Du ska ej svara."}


def test_insertions_at_the_same_place_do_not_both_apply():
    chosen = choose([finding(4, 4, ","), finding(4, 4, ";", code="KLAR001")])
    assert [d.fix.edits[0].replacement for d in chosen] == [";"]


def _choose_by_comparing_all(diagnostics):
    """The plain definition: each fix against every edit chosen before it."""
    chosen, taken = [], []
    for d in sorted(diagnostics, key=lint.engine.fix._order):
        edits = d.fix.edits
        if any(lint.engine.fix._overlaps(a, b) for a in edits for b in taken):
            continue
        if any(lint.engine.fix._overlaps(a, b) for i, a in enumerate(edits) for b in edits[i + 1 :]):
            continue
        chosen.append(d)
        taken.extend(edits)
    return chosen


def test_choosing_agrees_with_comparing_every_pair_also_for_fixes_with_gaps():
    generator = random.Random(7)
    for _ in range(200):
        candidates = []
        for number in range(generator.randint(1, 12)):
            edits = []
            for _ in range(generator.choice((1, 1, 2, 3))):
                start = generator.randint(0, 40)
                edits.append(Edit(start, start + generator.choice((0, 1, 3, 6)), "x"))
            candidates.append(replace(finding(0, 0, ""), code=f"KLAR{number:03}", fix=Fix(tuple(edits), "safe")))
        assert choose(candidates) == _choose_by_comparing_all(candidates)


def test_choosing_among_many_fixes_compares_each_only_with_its_neighbours(monkeypatch):
    calls = []
    original = lint.engine.fix._overlaps
    monkeypatch.setattr(lint.engine.fix, "_overlaps", lambda a, b: calls.append(1) or original(a, b))
    candidates = [finding(10 * i, 10 * i + 5, "ska") for i in range(6000)] + [
        finding(10 * i + 3, 10 * i + 8, "x", code="KLAR001") for i in range(6000)
    ]
    chosen = choose(candidates)
    assert [d.offset for d in chosen] == [10 * i for i in range(6000)]
    assert len(calls) <= 3 * len(candidates)


# Every fixable rule, through real files ----------------------------------------------


@pytest.mark.parametrize(("rule", "example"), FIXABLE)
def test_fixing_a_file_twice_changes_nothing_the_second_time(tmp_path, rule, example):
    linter = Linter(Options(select=(rule.code,), profile=example.profile or "webbsida", keep_documents=True))
    if rule.needs - linter.pipeline(None).provides:
        pytest.skip(f"{rule.code} behöver {sorted(rule.needs)}")
    path = tmp_path / f"exempel{EXTENSIONS[example.format]}"
    path.write_text(example.bad, encoding="utf-8")
    fixer = Fixer(linter, unsafe=True)
    assert not fixer.lint_file(str(path)).errors
    assert path.read_text(encoding="utf-8").rstrip("\n") == example.fixed.rstrip("\n")
    written = path.read_bytes()
    second = Fixer(linter, unsafe=True)
    second.lint_file(str(path))
    assert second.outcomes == [] and path.read_bytes() == written


# Writing files back --------------------------------------------------------------------


def _klar003():
    return Linter(Options(select=("KLAR003",), keep_documents=True))


@pytest.mark.parametrize(
    ("encoding", "bom", "newline"),
    [
        ("utf-8", b"", "\r\n"),
        ("utf-8", codecs.BOM_UTF8, "\n"),
        ("cp1252", b"", "\r\n"),
        ("utf-16-le", codecs.BOM_UTF16_LE, "\r\n"),
        ("utf-16-be", codecs.BOM_UTF16_BE, "\n"),
        ("utf-32-le", codecs.BOM_UTF32_LE, "\n"),
        ("utf-32-be", codecs.BOM_UTF32_BE, "\r\n"),
    ],
)
def test_fix_keeps_encoding_bom_and_line_endings(tmp_path, encoding, bom, newline):
    path = tmp_path / "brev.txt"
    text = "Sökanden skall svara.{nl}Beslutet gäller icke {nl}retroaktivt.{nl}"
    path.write_bytes(bom + text.format(nl=newline).encode(encoding))
    fixer = Fixer(_klar003())
    fixer.lint_file(str(path))
    expected = "Sökanden ska svara.{nl}Beslutet gäller inte {nl}retroaktivt.{nl}"
    assert path.read_bytes() == bom + expected.format(nl=newline).encode(encoding)
    assert fixer.applied == 2


def test_fix_keeps_file_permissions_and_leaves_no_temporary_files(tmp_path):
    path = tmp_path / "utkast.md"
    path.write_text("Du skall svara.\n", encoding="utf-8")
    os.chmod(path, 0o640)
    Fixer(_klar003()).lint_file(str(path))
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["utkast.md"]


def test_docx_fixes_are_refused_in_swedish(tmp_path):
    path = tmp_path / "beslut.docx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(FixError, match="stöds inte för DOCX-filer"):
        fix_path(_klar003(), str(path))


# The command line --------------------------------------------------------------------


def test_check_without_fix_never_touches_the_file(tmp_path):
    path = tmp_path / "utkast.txt"
    path.write_bytes(b"Du skall svara.\r\n")
    before = path.stat().st_mtime_ns
    result = run("check", path, "--select", "KLAR003", "--format", "concise")
    assert result.exit_code == 1
    assert path.read_bytes() == b"Du skall svara.\r\n" and path.stat().st_mtime_ns == before


def test_diff_shows_the_change_without_writing(tmp_path):
    path = tmp_path / "utkast.txt"
    path.write_text("Rubrik\n\nDu skall svara.\n", encoding="utf-8")
    result = run("check", path, "--select", "KLAR003", "--diff")
    assert result.exit_code == 1
    assert f"--- a/{path}\n+++ b/{path}\n" in result.stdout
    assert "-Du skall svara.\n+Du ska svara.\n" in result.stdout
    assert path.read_text(encoding="utf-8") == "Rubrik\n\nDu skall svara.\n"


def test_fix_writes_and_reports_what_is_left(tmp_path):
    path = tmp_path / "utkast.txt"
    path.write_text("Du skall svara.\n", encoding="utf-8")
    result = run("check", path, "--select", "KLAR003", "--fix", "--format", "concise")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "Rättade 1 fynd i 1 fil." in result.stderr
    assert path.read_text(encoding="utf-8") == "Du ska svara.\n"


def test_unsafe_fixes_need_fix_or_diff(tmp_path):
    path = tmp_path / "utkast.txt"
    path.write_text("Du skall svara.\n", encoding="utf-8")
    result = run("check", path, "--unsafe-fixes")
    assert result.exit_code == 2
    assert "--unsafe-fixes används tillsammans med --fix eller --diff" in result.stderr


def test_fix_refuses_standard_input():
    result = run("check", "-", "--fix", input="Du skall svara.\n")
    assert result.exit_code == 2
    assert "fungerar inte med standard in" in result.stderr


def test_fix_on_a_word_file_says_word_files_are_never_changed_and_points_to_annotate(tmp_path):
    from docx import Document as WordDocument

    path = tmp_path / "brev.docx"
    word = WordDocument()
    word.add_paragraph("Du skall svara senast i maj.")
    word.save(path)
    before = path.read_bytes()
    result = CliRunner().invoke(main, ["check", str(path), "--select", "KLAR003", "--fix", "--no-cache"])
    assert path.read_bytes() == before
    assert (
        f"{path}: 1 fynd har en rättning, men Word- och PDF-filer ändras aldrig av --fix. "
        f"Rätta i Word, eller få en kopia med rättningarna som spårade ändringar: kommlint annotate {path}"
    ) in result.stderr
