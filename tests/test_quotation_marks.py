"""Everything a user reads quotes with the Swedish marks ”…”: no «…», »…« or straight "…" pairs."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from lint.resources import builtin_rules_dir

# A straight pair around text; lang="sv" and alt="…" in HTML examples are markup, not quotation.
STRAIGHT_PAIR = re.compile(r'(?<![=\w\\])"[^"\n]{1,300}"')
GUILLEMETS = re.compile(r"[«»]")
USER_FACING = ("message", "messages", "explanation")
# SPR007 is about quotation marks: it names the wrong ones on purpose.
NAMES_WRONG_MARKS = {"SPR007"}
ROOT = Path(__file__).resolve().parents[1]


def _strings(node, path: str):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _strings(value, f"{path}[{index}]")
    elif isinstance(node, str):
        yield path, node


def _wrong(text: str) -> list[str]:
    return GUILLEMETS.findall(text) + STRAIGHT_PAIR.findall(" ".join(text.split()))


def test_rule_texts_use_swedish_quotation_marks():
    found = {}
    for path in sorted(builtin_rules_dir().rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("code") in NAMES_WRONG_MARKS:
            continue
        for key in USER_FACING:
            for where, text in _strings(data.get(key), f"{path.name}:{key}"):
                if _wrong(text):
                    found[where] = text
    assert found == {}


def test_the_scan_sees_each_wrong_convention():
    assert _wrong("skriv «ska»") and _wrong('skriv "ska" i stället') and _wrong("»ska«")
    assert not _wrong("skriv ”ska”") and not _wrong('Skriv <html lang="sv">.')


# Places in the code where a message quotes a word (reporters, annotate, profiles, web page).
CODE = ["lint/reporters", "lint/annotate", "lint/rules/profiles.py", "lint/serve", "lint/sitereport", "lint/cli", "lint/engine"]


def _code_files():
    for name in CODE:
        path = ROOT / name
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.suffix in {".py", ".js", ".html", ".j2"})
        yield from files


def test_code_that_writes_messages_uses_no_guillemets():
    found = {str(path.relative_to(ROOT)): GUILLEMETS.findall(path.read_text(encoding="utf-8")) for path in _code_files()}
    assert {path: marks for path, marks in found.items() if marks} == {}


# `{x!r}` quotes with Python's '…'; click's English message ids (the keys in click_sv) keep it.
REPR_IN_MESSAGE = re.compile(r"!r\}")


def test_messages_quote_values_with_the_swedish_marks_not_python_repr():
    found = {}
    for path in sorted((ROOT / "lint").rglob("*.py")):
        if "embedded" in path.parts:
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        if path.name == "click_sv.py":
            lines = [line.split('": "', 1)[-1] for line in lines]  # the Swedish side of each pair
        hits = [line.strip() for line in lines if REPR_IN_MESSAGE.search(line)]
        if hits:
            found[str(path.relative_to(ROOT))] = hits
    assert found == {}
