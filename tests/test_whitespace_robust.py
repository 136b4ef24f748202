"""Every rule finds the same in its examples when the spaces between words change.

Drafts pasted from Word or a web page carry doubled spaces, non-breaking spaces and line
breaks in the middle of a phrase ("inom tre  veckor"); a rule that matched only single
spaces would miss there, or report a missing element that is present.
"""

from __future__ import annotations

import re

import pytest
from conftest import lint_text

from lint.rules.packs import load_rules

EXTENSIONS = {"text": "exempel.txt", "markdown": "exempel.md", "html": "exempel.html"}
BETWEEN_WORDS = re.compile(r"(?<=[^\W\d_]) (?=[^\W\d_])")  # a space between two letters
TAG = re.compile(r"<[^>]*>")


def _outside_tags(text: str, change) -> str:
    pieces = TAG.split(text)
    tags = TAG.findall(text)
    out = [change(pieces[0])]
    for tag, piece in zip(tags, pieces[1:]):
        out += [tag, change(piece)]
    return "".join(out)


def _every_third(piece: str) -> str:
    """A line break for every third space between words, as in hard-wrapped prose (not in headings or tables)."""
    count = iter(range(10**6))
    lines = piece.split("\n")
    return "\n".join(
        line if line.lstrip().startswith(("#", "|")) else BETWEEN_WORDS.sub(lambda m: "\n" if next(count) % 3 == 1 else " ", line)
        for line in lines
    )


VARIANTS = {
    "dubbla-mellanslag": lambda piece: BETWEEN_WORDS.sub("  ", piece),
    "hårda-mellanslag": lambda piece: BETWEEN_WORDS.sub("\u00a0", piece),
    "radbrytningar": _every_third,
}

CASES = [
    pytest.param(rule, example, variant, id=f"{rule.code}-{'bad' if example.bad else 'good'}-{index}-{variant}")
    for rule in load_rules(entry_points=False)
    for index, example in enumerate(rule.spec.examples)
    for variant in VARIANTS
    if not (variant == "radbrytningar" and example.format == "html")  # a line break in HTML is a space anyway
    and not (variant == "dubbla-mellanslag" and rule.code == "SPR008")  # SPR008 is the rule about doubled spaces
]


def _findings(linter, rule, example, text, variant):
    # Plain text reads short lines as separate blocks (an address); a soft line break inside
    # a paragraph is a Markdown notion, so the line-break variant reads both texts as Markdown.
    name = "exempel.md" if variant == "radbrytningar" and example.format == "text" else EXTENSIONS[example.format]
    result = lint_text(linter, text, name=name, select=(rule.code,), profile=example.profile or "webbsida", metadata=example.metadata)
    assert not result.errors, result.errors
    return sorted(" ".join(d.match.split()) for d in result.diagnostics if d.code == rule.code)


@pytest.mark.parametrize(("rule", "example", "variant"), CASES)
def test_spacing_does_not_change_the_findings(linter, rule, example, variant):
    if rule.needs - linter.pipeline(None).provides:
        pytest.skip(f"{rule.code} behöver {sorted(rule.needs)}")
    text = example.bad or example.good
    changed = _outside_tags(text, VARIANTS[variant])
    if changed == text:
        pytest.skip("inga mellanslag mellan ord att ändra")
    assert _findings(linter, rule, example, changed, variant) == _findings(linter, rule, example, text, variant), repr(changed)


def test_the_variants_change_only_spaces_between_words():
    text = '<p lang="sv">Inom tre veckor, senast 1 maj.</p>'
    assert _outside_tags(text, VARIANTS["dubbla-mellanslag"]) == '<p lang="sv">Inom  tre  veckor, senast 1 maj.</p>'
    assert _outside_tags("a b c d e", VARIANTS["radbrytningar"]) == "a b\nc d e"


def test_a_doubled_space_in_the_deadline_still_satisfies_the_appeal_rule(linter):
    text = (
        "Nämnden beviljar bygglov. Om du vill överklaga beslutet ska du skriva till nämnden. "
        "Överklagandet måste ha kommit in inom tre  veckor från den dag du fick del av beslutet."
    )
    result = lint_text(linter, text, select=("OFF003", "SPR008"), profile="beslut")
    assert [(d.code, d.line, d.column, d.match) for d in result.diagnostics] == [("SPR008", 1, 126, "  ")]


def test_findings_after_odd_spaces_land_on_the_characters_written(linter):
    text = "Vi\u00a0kommer  att  erhålla\tbeslutet i  enlighet med reglerna."
    result = lint_text(linter, text, select=("KLAR001",))
    found = [(d.column, d.end_column, d.match) for d in result.diagnostics]
    assert found == [(17, 24, "erhålla"), (34, 49, "i  enlighet med")]
    fixes = [d.fix for d in result.diagnostics]
    assert fixes[0] is not None and fixes[1] is None  # no fix across the doubled space: the source is not one run
