"""Precision and recall of the SPR (språkriktighet) rules on corpora/sprak, and SPR001
false alarms on every other corpus.

Each document in corpora/sprak has `<stem>.expected.yaml` with the planted errors
(`findings`: code, line, matched source text) and the traps (`traps`: line and text that
no SPR finding may touch). Every SPR finding not expected is a false alarm for its rule.

Run `python tests/sprak_eval.py` for the table (tests/test_sprak_corpus.py asserts it).
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml
from klarsprak_eval import Score

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpora" / "sprak"
CODES = tuple(f"SPR00{n}" for n in range(1, 9))
SUFFIXES = (".txt", ".md", ".html")
OTHER_SUFFIXES = (*SUFFIXES, ".docx", ".pdf")
WORDS_PER_UNIT = 2000


def documents(corpus: Path = CORPUS) -> list[tuple[Path, dict]]:
    found = []
    for path in sorted(corpus.iterdir()):
        if path.suffix in SUFFIXES:
            expected = yaml.safe_load(path.with_name(path.stem + ".expected.yaml").read_text(encoding="utf-8"))
            found.append((path, expected))
    return found


def score(lint) -> tuple[dict[str, Score], list[str]]:
    """Scores per rule, and the traps some SPR finding touched."""
    scores = {code: Score() for code in CODES}
    sprung: list[str] = []
    for path, expected in documents():
        text = path.read_text(encoding="utf-8")
        diagnostics = [d for d in lint(text, path.name).diagnostics if d.code in CODES]
        remaining = list(diagnostics)
        for item in expected.get("findings") or []:
            hit = next((d for d in remaining if (d.code, d.line, d.match) == (item["code"], item["line"], item["match"])), None)
            if hit is None:
                scores[item["code"]].fn += 1
                scores[item["code"]].misses.append(f"{path.name}:{item['line']}: {item['match']!r}")
            else:
                scores[item["code"]].tp += 1
                remaining.remove(hit)
        for d in remaining:
            scores[d.code].fp += 1
            scores[d.code].false_alarms.append(f"{path.name}:{d.line}: {d.match!r} ({d.message})")
        for trap in expected.get("traps") or []:
            if any(d.line == trap["line"] and (trap["text"] in d.match or d.match in trap["text"]) for d in remaining):
                sprung.append(f"{path.name}:{trap['line']}: {trap['text']!r}")
    return scores, sprung


def other_corpora() -> list[Path]:
    """Every prose document of the other corpora (their READMEs describe, they are not corpus text)."""
    folders = [ROOT / "corpora", ROOT.parent / "shared" / "seeds"]
    found = []
    for folder in folders:
        if folder.is_dir():
            found += [
                p for p in sorted(folder.rglob("*")) if p.suffix in OTHER_SUFFIXES and "sprak" not in p.parts and p.name != "README.md"
            ]
    return found


def spelling_false_alarms(lint_path) -> tuple[int, int, list[str]]:
    """(words, SPR001 findings, the findings) on every other corpus; all count as false alarms."""
    words = 0
    found = []
    for path in other_corpora():
        result = lint_path(path)
        if result.document is not None:
            words += sum(len(block.text.split()) for block in result.document.blocks)
        found += [f"{path.relative_to(path.parents[2])}:{d.line}: {d.match!r}" for d in result.diagnostics if d.code == "SPR001"]
    return words, len(found), found


def table(scores: dict[str, Score]) -> str:
    rows = ["| regel | TP | FP | FN | precision | recall |", "|---|---:|---:|---:|---:|---:|"]
    for code, s in scores.items():
        rows.append(f"| {code} | {s.tp} | {s.fp} | {s.fn} | {s.precision:.2f} | {s.recall:.2f} |")
    return "\n".join(rows)


def main() -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    from dataclasses import replace

    from lint.engine.config import Settings, discover
    from lint.engine.linter import Linter, Options
    from lint.formats import read_bytes

    linter = Linter(Options(keep_documents=True))
    settings = replace(Settings(), select=CODES)

    def lint(text: str, name: str):
        return linter.lint_document(read_bytes(text.encode("utf-8"), name), settings)

    def lint_path(path: Path):
        return linter.lint_document(read_bytes(path.read_bytes(), str(path)), replace(discover(path), select=("SPR001",)))

    scores, sprung = score(lint)
    print(table(scores))
    for code, s in scores.items():
        for line in s.false_alarms:
            print(f"  {code} falsklarm {line}")
        for line in s.misses:
            print(f"  {code} missar {line}")
    traps = sum(len(e.get("traps") or []) for _, e in documents())
    planted = sum(len(e.get("findings") or []) for _, e in documents())
    print(f"{len(documents())} texter, {planted} planterade fel, {traps} fällor, {len(sprung)} fällor gav fynd")
    for line in sprung:
        print(f"  fälla {line}")
    words, count, found = spelling_false_alarms(lint_path)
    print(f"SPR001 på övriga korpusar: {count} fynd på {words} ord = {count / max(words, 1) * WORDS_PER_UNIT:.2f} per {WORDS_PER_UNIT} ord")
    for line in found:
        print(f"  {line}")


if __name__ == "__main__":
    main()
