"""Build corpora/sprak from marked-up drafts: each planted error and each trap is marked in the draft.

Usage: python tools/sprak_corpus.py DRAFT_DIR [OUT_DIR]

In a draft, ⟦SPR001:ansökningsblankeet⟧ is a planted error (the text is kept, the finding
expected on its line) and ⟪Skarpnäck⟫ a trap (kept; no SPR finding may touch it). The
clean text goes to OUT_DIR/<name> and the expectations to OUT_DIR/<stem>.expected.yaml.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

MARK = re.compile(r"⟦(SPR\d{3}):(.*?)⟧|⟪(.*?)⟫", re.S)


def convert(draft: str) -> tuple[str, list[dict], list[dict]]:
    out: list[str] = []
    findings: list[dict] = []
    traps: list[dict] = []
    position = 0
    for match in MARK.finditer(draft):
        out.append(draft[position : match.start()])
        text = match[2] if match[1] else match[3]
        line = "".join(out).count("\n") + 1
        if match[1]:
            findings.append({"code": match[1], "line": line, "match": text})
        else:
            traps.append({"line": line, "text": text})
        out.append(text)
        position = match.end()
    out.append(draft[position:])
    return "".join(out), findings, traps


def main(arguments: list[str]) -> None:
    source = Path(arguments[0])
    target = Path(arguments[1]) if len(arguments) > 1 else Path("corpora/sprak")
    for draft in sorted(source.iterdir()):
        if not draft.is_file():
            continue
        text, findings, traps = convert(draft.read_text(encoding="utf-8"))
        (target / draft.name).write_text(text, encoding="utf-8")
        expected = {"findings": findings, "traps": traps}
        header = "# Väntade fynd (kod, rad, matchad text) och fällor (text som inte får ge något SPR-fynd).\n"
        body = yaml.safe_dump(expected, allow_unicode=True, sort_keys=False, width=200)
        (target / f"{draft.stem}.expected.yaml").write_text(header + body, encoding="utf-8")
        print(f"{draft.name}: {len(findings)} fel, {len(traps)} fällor")


if __name__ == "__main__":
    main(sys.argv[1:])
