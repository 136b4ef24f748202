"""The document evaluation set (corpora/documents/) and the targets of issue 14.

The set's own shape is checked strictly, and the targets hold: profile detection, precision
and recall of missing-element findings, and every trap (a code that must stay silent or fire).
Print the full table with:  python tools/eval_documents.py
"""

from __future__ import annotations

import importlib.util
import sys
import tomllib
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pytest

TOOLS = Path(__file__).resolve().parents[1] / "tools"
sys.path.insert(0, str(TOOLS))

import eval_documents as ev  # noqa: E402


def _make_docx():
    spec = importlib.util.spec_from_file_location("make_docx", ev.CORPUS / "make_docx.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def evaluation(linter) -> ev.Evaluation:
    return ev.evaluate(linter)


def test_set_covers_every_profile_and_three_organisations(linter):
    paths = ev.documents()
    assert len(paths) >= 60
    codes = ev.element_codes(linter)
    profiles = Counter(ev.load_expected(path, linter.profiles(), codes).profile for path in paths)
    assert set(profiles) == set(linter.profiles().by_name), profiles
    organisations = {tomllib.loads(config.read_text(encoding="utf-8"))["organization"] for config in ev.CORPUS.glob("*/kommlint.toml")}
    assert {"Malmö stad", "Tyresö kommun"} <= organisations
    assert sum(path.suffix == ".docx" for path in paths) >= 6


def test_every_expected_file_lists_the_profiles_elements(linter):
    codes = ev.element_codes(linter)
    for path in ev.documents():
        expected = ev.load_expected(path, linter.profiles(), codes)  # raises on a bad file
        assert linter.profiles().get(expected.profile).requires <= set(expected.elements), path.name


def test_load_expected_rejects_an_unlisted_required_element(tmp_path, linter):
    document = tmp_path / "beslut.txt"
    document.write_text("Beslut\n", encoding="utf-8")
    ev.sidecar(document).write_text("profile: beslut\nelements: {datum: present}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="diarienummer"):
        ev.load_expected(document, linter.profiles(), ev.element_codes(linter))


def test_committed_docx_files_are_the_generators():
    from docx import Document

    make_docx = _make_docx()
    built = {spec.path: spec for spec in make_docx.SPECS}
    committed = {str(path.relative_to(ev.CORPUS)) for path in ev.CORPUS.rglob("*.docx")}
    assert committed == set(built)
    for name, spec in built.items():
        word = Document(str(ev.CORPUS / name))
        assert [p.text for p in word.paragraphs if p.text] == [text for _, text in spec.body], name
        assert [p.text for p in word.sections[0].footer.paragraphs if p.text] == spec.footer, name


def _result(profile: str, *codes: str):
    diagnostics = [SimpleNamespace(code=code, line=1, message="m", match="x") for code in codes]
    return SimpleNamespace(profile=profile, profile_reason="", diagnostics=diagnostics, errors=[])


def test_scoring_counts_a_wrong_profiles_findings_as_false_alarms():
    evaluation = ev.Evaluation()
    expected = ev.Expected(Path("a.html"), "webbsida", {"datum": "missing", "kontakt": "present"}, [], ["OFF003"])
    by_code = {"AVS006": "datum", "AVS004": "kontakt", "OFF003": "overklagande", "OFF001": "allman_handling"}
    result = _result("beslut", "AVS006", "OFF003", "OFF001")
    ev._score_elements(evaluation, "a.html", expected, result, frozenset({"datum", "kontakt", "overklagande"}), by_code)
    ev._check_traps(evaluation, "a.html", expected, result)
    assert (evaluation.elements["datum"].tp, evaluation.elements["kontakt"].tn, evaluation.elements["overklagande"].fp) == (1, 1, 1)
    assert [item.split(":")[0] for item in evaluation.unscored] == ["a.html"] and "OFF001" in evaluation.unscored[0]
    assert len(evaluation.trap_violations) == 1 and "OFF003" in evaluation.trap_violations[0]
    assert evaluation.total.precision == 0.5 and evaluation.total.recall == 1.0


def test_scoring_counts_an_unreported_missing_element_as_a_miss():
    evaluation = ev.Evaluation()
    expected = ev.Expected(Path("b.txt"), "beslut", {"overklagande": "missing"}, [{"code": "AVS005"}], [])
    result = _result("webbsida")
    ev._score_elements(evaluation, "b.txt", expected, result, frozenset({"avsandare"}), {"OFF003": "overklagande"})
    ev._check_traps(evaluation, "b.txt", expected, result)
    assert evaluation.elements["overklagande"].fn == 1 and evaluation.total.recall == 0.0
    assert evaluation.misses == ["b.txt: overklagande saknas men rapporteras inte"]
    assert evaluation.trap_violations == ["b.txt: AVS005 ska rapporteras"]


def test_profile_detection_target(evaluation):
    assert evaluation.profile_accuracy >= ev.TARGETS["profile_accuracy"], evaluation.wrong_profiles


def test_missing_element_precision_target(evaluation):
    assert evaluation.total.precision >= ev.TARGETS["precision"], evaluation.false_alarms


def test_missing_element_recall_target(evaluation):
    assert evaluation.total.recall >= ev.TARGETS["recall"], evaluation.misses


def test_traps_hold(evaluation):
    assert not evaluation.trap_violations, evaluation.trap_violations
