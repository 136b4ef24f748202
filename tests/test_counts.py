"""Counts that mean what they say: prose figures, safe/unsafe fixes, one truth in the JSON summary."""

from __future__ import annotations

import json

from click.testing import CliRunner

from lint.cli.main import main

DRAFT = (
    "# Bygglov för altan\n\n"
    "Du skall skicka in ritningen i god tid innan du börjar bygga, så att vi hinner titta på den ordentligt.\n\n"
    "| Avgift | Belopp |\n|---|---|\n| Bygglov | 3 500 kronor |\n\n"
    "Stadsbyggnadskontoret\n\n"
    "Box 8314\n"
)


def _check(tmp_path, *args):
    path = tmp_path / "utkast.md"
    path.write_text(DRAFT, encoding="utf-8")
    return CliRunner().invoke(main, ["check", str(path), "--no-cache", "--no-color", *args])


def test_summary_line_gives_the_running_text_figures_and_the_whole(tmp_path):
    result = _check(tmp_path, "--select", "KLAR003")
    data = json.loads(_check(tmp_path, "--select", "KLAR003", "--format", "json").output)["files"][0]["metrics"]
    assert data["prose_sentences"] == 1 and data["sentences"] > data["prose_sentences"]
    line = next(line for line in result.output.splitlines() if "profil" in line)
    assert f"löptext {data['prose_words']} ord · 1 mening · LIX" in line
    assert f"hela texten {data['words']} ord" in line


def test_statistics_counts_safe_and_unsafe_fixes(tmp_path):
    from lint.diagnostics import Diagnostic, Edit, Fix, Severity
    from lint.reporters.text import fix_label

    def finding(safety):
        return Diagnostic(
            "KLAR001", "krangelord", "klarspråk", Severity.WARNING, "m", "a.md", 1, 1, 1, 2, 0, 1, "x", (), Fix((Edit(0, 1, "y"),), safety)
        )

    assert fix_label([finding("safe")] * 4 + [finding("unsafe")] * 3) == "4 säkert, 3 med --unsafe-fixes"
    assert fix_label([finding("unsafe")]) == "1 med --unsafe-fixes"
    assert fix_label([]) == ""


def test_json_summary_errors_are_the_error_level_findings(tmp_path):
    result = _check(tmp_path, "--select", "KLAR003", "--format", "json")
    summary = json.loads(result.output)["summary"]
    assert summary["errors"] == summary["by_severity"].get("error", 0) == 0
    assert summary["problems"] == 0 and summary["files_with_problems"] == 0


def test_json_summary_problems_count_unreadable_files(tmp_path):
    broken = tmp_path / "trasig.docx"
    broken.write_bytes(b"inte en zip")
    result = CliRunner().invoke(main, ["check", str(broken), "--no-cache", "--format", "json"])
    summary = json.loads(result.output)["summary"]
    assert (summary["problems"], summary["files_with_problems"], summary["errors"]) == (1, 1, 0)


def test_lix_per_paragraph_rates_only_paragraphs_long_enough_and_names_them():
    from lint.engine.linter import Linter, Options
    from lint.formats import read_bytes
    from lint.serve.view import block_metrics

    linter = Linter(Options(keep_documents=True, keep_parsed=True))
    text = DRAFT.replace("i god tid", "i god tid, helst några veckor innan, och med alla mått utsatta")
    result = linter.lint_document(read_bytes(text.encode("utf-8"), "utkast.md"))
    rated = [(block.kind.value, metrics) for block, metrics in zip(result.document.blocks, block_metrics(result)) if metrics]
    assert [kind for kind, _ in rated] == ["paragraph"]
    assert rated[0][1]["opening"] == "Du skall skicka in ritningen i …"
    assert rated[0][1]["words"] >= 20
