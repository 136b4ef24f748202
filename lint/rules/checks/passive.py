"""Passive voice rules: KLAR006 agentless passive, KLAR007 double passive.

The analysis (what counts as a passive, deponents, agents) is in `lint.language.passive`.
"""

from __future__ import annotations

from collections.abc import Iterator

from lint.language.passive import (
    MODALS,
    SKIP_BETWEEN,
    deponents,
    passives,
    previous_word,
)
from lint.language.text import is_protected, protected_spans
from lint.rules.api import Hit, RuleContext
from lint.rules.kinds.python import Check


class AgentlessPassive(Check):
    """KLAR006: one finding per sentence, at its first agentless passive."""

    def run(self, ctx: RuleContext) -> Iterator[Hit]:
        forms = deponents()
        for sentence in ctx.sentences(self.spec.scope):
            found = passives(sentence.span, forms)
            protected = protected_spans(sentence.text) if found else []
            for passive in found:
                start_char = sentence.span.doc[passive.start].idx
                if passive.has_agent or is_protected(start_char - sentence.start, protected):
                    continue
                end_token = sentence.span.doc[passive.end - 1]
                yield ctx.hit(sentence.block, start_char, end_token.idx + len(end_token.text), suggestion="")
                break


class DoublePassive(Check):
    """KLAR007: a passive followed by another (föreslås inrättas, anses böra beaktas)."""

    def run(self, ctx: RuleContext) -> Iterator[Hit]:
        forms = deponents()
        for sentence in ctx.sentences(self.spec.scope):
            found = passives(sentence.span, forms)
            if len(found) < 2:
                continue
            doc = sentence.span.doc
            protected = protected_spans(sentence.text)
            for first, second in zip(found, found[1:]):
                between = [token.lower_ for token in doc[first.end : second.start]]
                if len(between) > 2 or any(
                    word not in MODALS | SKIP_BETWEEN | {"böra", "kunna", "behöva", "få", "komma", "att"} for word in between
                ):
                    continue
                if (
                    first.kind != "s"
                    or previous_word(doc, first.start, sentence.span.start) is not None
                    and previous_word(doc, first.start, sentence.span.start).lower_ in MODALS
                ):
                    continue  # "behöver kompletteras skickas": a governed passive ends its clause
                start_char = doc[first.start].idx
                if is_protected(start_char - sentence.start, protected):
                    continue
                end_token = doc[second.end - 1]
                yield ctx.hit(sentence.block, start_char, end_token.idx + len(end_token.text), suggestion="")
