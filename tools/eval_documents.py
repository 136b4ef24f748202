"""Document-level judgments on the document evaluation set (corpora/documents/).

Each document `<name>.<ext>` has a sidecar `<name>.<ext>.expected.yaml`:

    profile: beslut                      # the profile a reader would give it
    elements: {datum: missing, …}        # every element the profile requires, present or missing
    must_fire: [AVS005, {code: X, match: …}]   # optional: findings that must be there
    must_not_fire: [OFF003]              # optional: traps, codes that must not fire

A kommlint.toml beside documents of another organisation sets `organization`.

A missing-element finding (AVS001 for avsandare, OFF002 for diarienummer …; the element
names and codes are read from the rules) is a positive: precision is the share of
missing-findings that are right, recall the share of missing elements that were found.
Scored per document are the elements its expected file lists and those the detected
profile requires (a finding caused by a wrong profile is a false alarm). Findings for an
element neither asks for (OFF001 on an invitation in a web page) are listed, not scored.

Run from the repository root:  python tools/eval_documents.py [FOLDER]
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpora" / "documents"
SUFFIXES = (".html", ".htm", ".txt", ".md", ".docx", ".pdf")
STATES = ("present", "missing")
TARGETS = {"profile_accuracy": 0.9, "precision": 0.95, "recall": 0.9}


@dataclass
class Expected:
    path: Path
    profile: str
    elements: dict[str, str]
    must_fire: list[dict]
    must_not_fire: list[str]


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, expected_missing: bool, reported: bool) -> str:
        kind = ("tp" if expected_missing else "fp") if reported else ("fn" if expected_missing else "tn")
        setattr(self, kind, getattr(self, kind) + 1)
        return kind

    @property
    def precision(self) -> float:
        return _share(self.tp, self.fp)

    @property
    def recall(self) -> float:
        return _share(self.tp, self.fn)


def _share(right: int, wrong: int) -> float:
    """right / (right + wrong); 1.0 when there is nothing to count."""
    return right / (right + wrong) if right + wrong else 1.0


@dataclass
class Evaluation:
    documents: int = 0
    profiles: dict[str, Counter] = field(default_factory=dict)  # expected -> Counter(detected)
    elements: dict[str, Counts] = field(default_factory=dict)
    by_profile: dict[str, Counts] = field(default_factory=dict)  # element counts per expected profile
    wrong_profiles: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)
    unscored: list[str] = field(default_factory=list)
    trap_violations: list[str] = field(default_factory=list)
    traps: int = 0

    @property
    def profile_accuracy(self) -> float:
        right = sum(counter[name] for name, counter in self.profiles.items())
        return right / self.documents if self.documents else 0.0

    @property
    def total(self) -> Counts:
        total = Counts()
        for counts in self.elements.values():
            total.tp, total.fp, total.fn, total.tn = total.tp + counts.tp, total.fp + counts.fp, total.fn + counts.fn, total.tn + counts.tn
        return total


def documents(corpus: Path = CORPUS) -> list[Path]:
    return sorted(p for p in corpus.rglob("*") if p.suffix.lower() in SUFFIXES and sidecar(p).is_file())


def sidecar(path: Path) -> Path:
    return path.with_name(path.name + ".expected.yaml")


def load_expected(path: Path, profiles, element_codes: dict[str, str]) -> Expected:
    """The expectations for `path`, checked against the known profiles and elements."""
    data = yaml.safe_load(sidecar(path).read_text(encoding="utf-8")) or {}
    name = sidecar(path).name
    profile = data.get("profile")
    if profile not in profiles:
        raise ValueError(f"{name}: okänd profil {profile!r}")
    elements = data.get("elements") or {}
    unknown = sorted(set(elements) - set(element_codes))
    bad = sorted(element for element, state in elements.items() if state not in STATES)
    unlisted = sorted(profiles.get(profile).requires - set(elements))
    if unknown or bad or unlisted:
        raise ValueError(f"{name}: okända element {unknown}, felaktiga värden {bad}, krävs men saknas i filen {unlisted}")
    must_fire = [item if isinstance(item, dict) else {"code": item} for item in data.get("must_fire") or []]
    return Expected(path, profile, dict(elements), must_fire, list(data.get("must_not_fire") or []))


def element_codes(linter, corpus: Path = CORPUS) -> dict[str, str]:
    """Element name -> the code of the rule that reports it missing (AVS006 for datum)."""
    codes: dict[str, str] = {}
    for rule in linter.rules(linter.settings_for(corpus)):
        element = getattr(rule.spec, "element", None) or getattr(rule, "options", {}).get("element")
        if element:
            codes.setdefault(element, rule.code)
    return codes


def evaluate(linter, corpus: Path = CORPUS) -> Evaluation:
    evaluation = Evaluation()
    profiles = linter.profiles()
    codes = element_codes(linter, corpus)
    by_code = {code: element for element, code in codes.items()}
    for path in documents(corpus):
        expected = load_expected(path, profiles, codes)
        result = linter.lint_file(str(path))
        label = str(path.relative_to(corpus))
        if result.errors:
            raise RuntimeError(f"{label}: {[error.message for error in result.errors]}")
        evaluation.documents += 1
        _score_profile(evaluation, label, expected, result)
        requires = profiles.get(result.profile).requires if result.profile in profiles else frozenset()
        _score_elements(evaluation, label, expected, result, requires, by_code)
        _check_traps(evaluation, label, expected, result)
    return evaluation


def _score_profile(evaluation: Evaluation, label: str, expected: Expected, result) -> None:
    evaluation.profiles.setdefault(expected.profile, Counter())[result.profile] += 1
    if result.profile != expected.profile:
        evaluation.wrong_profiles.append(f"{label}: {result.profile} ({result.profile_reason}), väntat {expected.profile}")


def _score_elements(evaluation: Evaluation, label: str, expected: Expected, result, requires, by_code: dict[str, str]) -> None:
    reported = {}
    for diagnostic in result.diagnostics:
        element = by_code.get(diagnostic.code)
        if element:
            reported.setdefault(element, diagnostic)
    scored = set(expected.elements) | set(requires)
    for element in sorted(scored):
        counts = evaluation.elements.setdefault(element, Counts())
        finding = reported.get(element)
        kind = counts.add(expected.elements.get(element) == "missing", finding is not None)
        evaluation.by_profile.setdefault(expected.profile, Counts()).add(expected.elements.get(element) == "missing", finding is not None)
        if kind == "fn":
            evaluation.misses.append(f"{label}: {element} saknas men rapporteras inte")
        elif kind == "fp":
            why = "krävs inte av profilen " + expected.profile if element not in expected.elements else "finns"
            evaluation.false_alarms.append(f"{label}:{finding.line}: {finding.code} ({element} {why}): {finding.message}")
    for element, finding in sorted(reported.items()):
        if element not in scored:
            evaluation.unscored.append(f"{label}:{finding.line}: {finding.code} ({element}): {finding.message}")


def _check_traps(evaluation: Evaluation, label: str, expected: Expected, result) -> None:
    found = result.diagnostics
    for code in expected.must_not_fire:
        evaluation.traps += 1
        hits = [d for d in found if d.code == code]
        if hits:
            evaluation.trap_violations.append(
                f"{label}:{hits[0].line}: {code} får inte rapporteras: {hits[0].message} «{hits[0].match[:40]}»"
            )
    for item in expected.must_fire:
        evaluation.traps += 1
        match = item.get("match")
        if not any(d.code == item["code"] and (match is None or match.lower() in d.match.lower()) for d in found):
            evaluation.trap_violations.append(f"{label}: {item['code']} ska rapporteras" + (f" på «{match}»" if match else ""))


def report(evaluation: Evaluation) -> str:
    total = evaluation.total
    lines = [
        f"Dokument: {evaluation.documents}",
        f"Profiler: {evaluation.profile_accuracy:.2f} rätt (mål {TARGETS['profile_accuracy']})",
        "",
        "| profil | dokument | rätt | andel | togs för |",
        "|---|---|---|---|---|",
    ]
    for name, counter in sorted(evaluation.profiles.items()):
        count = sum(counter.values())
        others = ", ".join(f"{other} {n}" for other, n in counter.most_common() if other != name)
        lines.append(f"| {name} | {count} | {counter[name]} | {counter[name] / count:.2f} | {others} |")
    lines += [
        "",
        (
            f"Element som saknas (positiva): precision {total.precision:.2f} (mål {TARGETS['precision']}), "
            f"recall {total.recall:.2f} (mål {TARGETS['recall']})"
        ),
        "",
        "| element | tp | fp | fn | tn | precision | recall |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, c in sorted(evaluation.elements.items()):
        lines.append(f"| {name} | {c.tp} | {c.fp} | {c.fn} | {c.tn} | {c.precision:.2f} | {c.recall:.2f} |")
    lines += ["", "| väntad profil | tp | fp | fn | tn | precision | recall |", "|---|---|---|---|---|---|---|"]
    for name, c in sorted(evaluation.by_profile.items()):
        lines.append(f"| {name} | {c.tp} | {c.fp} | {c.fn} | {c.tn} | {c.precision:.2f} | {c.recall:.2f} |")
    passed = evaluation.traps - len(evaluation.trap_violations)
    lines += ["", f"Fällor och krav: {passed}/{evaluation.traps} håller"]
    for title, items in (
        ("Fel profil", evaluation.wrong_profiles),
        ("Missade (element saknas men rapporteras inte)", evaluation.misses),
        ("Falsklarm (element rapporteras saknas men finns eller krävs inte)", evaluation.false_alarms),
        ("Fällor som slog igen", evaluation.trap_violations),
        ("Ej räknat (element som varken förväntas eller krävs av den valda profilen)", evaluation.unscored),
    ):
        if items:
            lines += ["", f"{title}:"] + [f"  {item}" for item in items]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    from lint.engine.linter import Linter

    corpus = Path(argv[0]).resolve() if argv else CORPUS
    if not corpus.is_dir():
        print(f"Hittar ingen mapp {corpus}", file=sys.stderr)
        return 2
    print(report(evaluate(Linter(), corpus)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
