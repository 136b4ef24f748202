"""Program rules on the evaluation corpus: profile detection and precision/recall per rule.

Each document in corpora/program/<profile>/ has a sidecar `<name>.expected.yaml` with the
expected profile (and optionally its source) and the expected findings of the program
rules (MALG, AVS, OFF): a code, and the matched text when the finding points at words.
Run this file as a script to print the table:  python tests/test_program_corpus.py
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from klarsprak_eval import (
    Score,  # the same tp/fp/fn counter as the klarspråk evaluation
)
from safety_eval import CODES as SAFETY_CODES  # evaluated on corpora/safety instead

CORPUS = Path(__file__).resolve().parents[1] / "corpora" / "program"
PREFIXES = ("MALG", "AVS", "OFF")
MIN_SCORE = 0.9


@dataclass
class Evaluation:
    documents: int = 0
    profiles_right: int = 0
    detected: int = 0  # documents whose profile came from detection or default
    detected_right: int = 0
    wrong_profiles: list[str] = field(default_factory=list)
    rules: dict[str, Score] = field(default_factory=dict)

    @property
    def accuracy(self) -> float:
        return self.profiles_right / self.documents if self.documents else 0.0


def corpus_documents() -> list[Path]:
    return sorted(p for p in CORPUS.rglob("*") if p.suffix in (".txt", ".md", ".html") and p.with_suffix(".expected.yaml").is_file())


def _program(code: str) -> bool:
    return code.startswith(PREFIXES)


def _same(expected: dict, diagnostic) -> bool:
    if expected["code"] != diagnostic.code:
        return False
    match = expected.get("match")
    return match is None or " ".join(match.split()).lower() == " ".join(diagnostic.match.split()).lower()


def evaluate(linter) -> Evaluation:
    evaluation = Evaluation()
    for path in corpus_documents():
        expected = yaml.safe_load(path.with_suffix(".expected.yaml").read_text(encoding="utf-8"))
        result = linter.lint_file(str(path))
        assert not result.errors, (path, result.errors)
        evaluation.documents += 1
        right = result.profile == expected["profile"]
        evaluation.profiles_right += right
        if result.profile_source in ("detected", "default"):
            evaluation.detected += 1
            evaluation.detected_right += right
        if not right:
            evaluation.wrong_profiles.append(f"{path.name}: {result.profile} ({result.profile_reason}), väntat {expected['profile']}")
        _score(evaluation, path, expected.get("findings") or [], [d for d in result.diagnostics if _program(d.code)])
    return evaluation


def _score(evaluation: Evaluation, path: Path, expected: list[dict], found: list) -> None:
    left = list(found)
    for item in expected:
        score = evaluation.rules.setdefault(item["code"], Score())
        hit = next((d for d in left if _same(item, d)), None)
        if hit is None:
            score.fn += 1
            score.misses.append(f"{path.name}: saknas {item}")
        else:
            score.tp += 1
            left.remove(hit)
    for diagnostic in left:
        score = evaluation.rules.setdefault(diagnostic.code, Score())
        score.fp += 1
        score.false_alarms.append(f"{path.name}:{diagnostic.line}: oväntat {diagnostic.code} ”{diagnostic.match[:40]}”")


def table(evaluation: Evaluation) -> str:
    lines = [
        f"Profiler: {evaluation.profiles_right}/{evaluation.documents} rätt ({evaluation.accuracy:.0%}); "
        f"igenkända ur texten: {evaluation.detected_right}/{evaluation.detected}",
        "",
        "| regel | tp | fp | fn | precision | recall |",
        "|---|---|---|---|---|---|",
    ]
    for code in sorted(evaluation.rules):
        s = evaluation.rules[code]
        lines.append(f"| {code} | {s.tp} | {s.fp} | {s.fn} | {s.precision:.2f} | {s.recall:.2f} |")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def evaluation(linter) -> Evaluation:
    return evaluate(linter)


def test_corpus_has_five_documents_per_profile(linter):
    counts = Counter(path.parent.name for path in corpus_documents())
    profiles = linter.profiles().by_name
    assert set(counts) == set(profiles)
    assert min(counts.values()) >= 5, counts


def test_profile_detection_accuracy(evaluation):
    print("\n" + table(evaluation))
    assert evaluation.accuracy >= MIN_SCORE, evaluation.wrong_profiles


def test_every_program_rule_is_evaluated(evaluation, linter):
    codes = {rule.code for rule in linter.rules(linter.settings_for(CORPUS)) if _program(rule.code)} - set(SAFETY_CODES)
    assert codes <= set(evaluation.rules), sorted(codes - set(evaluation.rules))


def test_precision_and_recall_per_rule(evaluation):
    weak = {
        code: score.misses + score.false_alarms
        for code, score in evaluation.rules.items()
        if score.precision < MIN_SCORE or score.recall < MIN_SCORE
    }
    assert not weak, weak


if __name__ == "__main__":
    from lint.engine.linter import Linter

    result = evaluate(Linter())
    print(table(result))
    for code, score in sorted(result.rules.items()):
        for miss in score.misses + score.false_alarms:
            print(f"  {code}: {miss}")
    for wrong in result.wrong_profiles:
        print("  profil:", wrong)
