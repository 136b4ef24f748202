"""och/eller, samt and respektive where a plain och or eller works (KLAR018)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.language.text import (
    block_sentences,
    folded_text,
    is_protected,
    protected_spans,
)
from lint.language.views import keep_case
from lint.rules.api import Hit, RuleContext

OCH_ELLER = re.compile(r"\boch\s*/\s*eller\b|\beller\s*/\s*och\b", re.I)
SAMT = re.compile(r"\bsamt\b", re.I)
RESPEKTIVE = re.compile(r"\brespektive\b", re.I)
# "i respektive stadsdel", "respektive nämnd ansvarar": respektive as 'each', which is right.
RESPEKTIVE_AS_EACH = re.compile(r"(?:^|\b(?:i|för|på|av|till|från|inom|med|hos|vid|under|enligt|mellan|om|och|var|sin|sitt|sina)\s+)$", re.I)
OCH_BEFORE = re.compile(r"\boch\b|,", re.I)
NUMBERS_AROUND = re.compile(r"\d[\d\s,.%]*\s+respektive\s+\d", re.I)


def plain_conjunctions(ctx: RuleContext, rule) -> Iterator[Hit]:
    for parsed in ctx.blocks(rule.spec.scope):
        folded = folded_text(parsed)
        if not _may_have_findings(parsed.text, folded):
            continue  # each regex needs one of these
        for sentence in block_sentences(parsed):
            text = sentence.text
            found = list(_findings(text, folded[sentence.start : sentence.end]))
            if not found:
                continue
            protected = protected_spans(text)
            for start, end, replacement, detail in found:
                if is_protected(start, protected):
                    continue
                suggestion = keep_case(text[start:end], replacement)
                yield ctx.replacement_hit(
                    sentence.block, sentence.start + start, sentence.start + end, suggestion, "unsafe", (suggestion,),
                    suggestion=suggestion, detail=detail,
                )


def _may_have_findings(text: str, folded: str) -> bool:
    """Whether the text has a slash, "samt" or "respektive" (`folded`: the text in lower case)."""
    return "/" in text or "samt" in folded or "respektive" in folded


def _findings(text: str, folded: str) -> Iterator[tuple[int, int, str, str]]:
    """Findings in a sentence; each regex runs only if the sentence has the text it needs."""
    if "/" in text:
        for match in OCH_ELLER.finditer(text):
            yield match.start(), match.end(), "eller", "skriv «eller» – det utesluter inte att båda gäller; vill du vara tydlig, skriv «eller båda» efter det sista ledet"
    if "samt" in folded:
        for match in SAMT.finditer(text):
            yield match.start(), match.end(), "och", "«samt» är ett stelt «och»; skriv «och»"
    if "respektive" not in folded:
        return
    for match in RESPEKTIVE.finditer(text):
        before = text[: match.start()]
        if RESPEKTIVE_AS_EACH.search(before):
            continue  # 'each': i respektive stadsdel
        if OCH_BEFORE.search(before):
            continue  # a true correspondence: Anna och Per fick 100 respektive 200 kronor
        if NUMBERS_AROUND.search(text[max(0, match.start() - 12) : match.end() + 12]):
            continue  # årskurs 7 respektive 8: figures paired with what they belong to
        yield match.start(), match.end(), "och", "«respektive» betyder ”var för sig i samma ordning”; här räcker «och»"
