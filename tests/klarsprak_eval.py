"""Precision and recall of the klarspråk rules on the evaluation set in corpora/klarsprak.

Each `<name>.txt` holds one text per line; `<name>.expected.yaml` maps a line number to
the findings expected on it as [rule, matched text]. A matched text ending in "…" is
compared as a prefix; null matches any text (document-level rules). Lines not listed
must give no klarspråk finding at all.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

CORPUS = Path(__file__).resolve().parents[1] / "corpora" / "klarsprak"
PREFIX = "KLAR"


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def items(corpus: Path = CORPUS):
    """(file name, line number, text, expected [(code, match)]) for every text."""
    for path in sorted(corpus.glob("*.txt")):
        expected_path = path.with_name(path.stem + ".expected.yaml")
        expected = yaml.safe_load(expected_path.read_text(encoding="utf-8")) or {}
        lines = path.read_text(encoding="utf-8").splitlines()
        unknown = [number for number in expected if not 1 <= number <= len(lines) or not lines[number - 1].strip()]
        assert not unknown, f"{expected_path.name}: rader utan text: {unknown}"
        for number, text in enumerate(lines, start=1):
            if text.strip() and not text.startswith("#"):
                yield path.name, number, text, [tuple(item) for item in expected.get(number, [])]


def _same(expected: str | None, found: str) -> bool:
    if expected is None:
        return True
    if expected.endswith("…"):
        return found.startswith(expected[:-1])
    return found == expected


def score(lint, skip: frozenset[str] = frozenset()) -> dict[str, Score]:
    """Lint every text alone with the klarspråk rules and compare with the expectations."""
    scores: dict[str, Score] = {}
    for name, number, text, expected in items():
        result = lint(text)
        found = [(d.code, d.match) for d in result.diagnostics if d.code.startswith(PREFIX) and d.code not in skip]
        remaining = list(found)
        for code, match in expected:
            if code in skip:
                continue
            score_ = scores.setdefault(code, Score())
            hit = next((item for item in remaining if item[0] == code and _same(match, item[1])), None)
            if hit is None and _reported_by_winner(code, match, found):
                score_.tp += 1  # one finding per problem: the more specific rule reports these words
                continue
            if hit is None:
                score_.fn += 1
                score_.misses.append(f"{name}:{number}: {match}")
            else:
                score_.tp += 1
                remaining.remove(hit)
        for code, match in remaining:
            score_ = scores.setdefault(code, Score())
            score_.fp += 1
            score_.false_alarms.append(f"{name}:{number}: {match}")
    return scores


def _reported_by_winner(code: str, match: str | None, found: list[tuple[str, str]]) -> bool:
    """Whether a rule that hides `code` (rules/precedence.yaml) flagged words containing `match`."""
    from lint.engine.precedence import load_precedence

    order = load_precedence()
    return match is not None and any(code in order.get(other, ()) and match in text for other, text in found)


def table(scores: dict[str, Score]) -> str:
    rows = ["| regel | TP | FP | FN | precision | recall |", "|---|---:|---:|---:|---:|---:|"]
    for code in sorted(scores):
        s = scores[code]
        rows.append(f"| {code} | {s.tp} | {s.fp} | {s.fn} | {s.precision:.2f} | {s.recall:.2f} |")
    return "\n".join(rows)


SENTENCE_END = re.compile(r"[.!?](?=\s+[A-ZÅÄÖ0-9\"”])|[.!?]\s*$")


def sentence_counts(corpus: Path = CORPUS) -> Counter:
    """Sentences per corpus file, counted roughly by their final punctuation."""
    counts: Counter = Counter()
    for name, _, text, _ in items(corpus):
        counts[name] += max(1, len(SENTENCE_END.findall(text)))
    return counts
