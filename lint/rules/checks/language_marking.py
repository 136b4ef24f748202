"""Text in another language than the one declared for it (TILL012, WCAG 3.1.2).

The engine detects each block's language once (lint.language.languages) and keeps the
facts in `document.block_languages`; this check compares them with the nearest `lang`.
A run of blocks in the same language is one finding, and a page that is all in another
language than it declares is one finding for the page.
"""

from __future__ import annotations

from collections.abc import Iterator

from lint.language.languages import SWEDISH, BlockLanguage, same_language
from lint.rules.api import Hit, RuleContext
from lint.rules.kinds.python import Check


class LanguageMarking(Check):
    class Options(Check.Options):
        names: dict[str, str]  # ISO 639-1 code → the language's Swedish name

    variants = frozenset({"unmarked", "marked", "page"})
    values = frozenset({"language", "code", "count"})

    def run(self, ctx: RuleContext) -> Iterator[Hit]:
        document = ctx.document
        facts: list[BlockLanguage] = document.block_languages or []
        if not _marks_languages(document) or len(facts) != len(document.blocks):
            return
        # Swedish text under a page's other language is TILL004's finding, not this one's.
        runs = [run for run in _mismatched_runs(facts) if facts[run[0]].detected != SWEDISH or document.blocks[run[0]].attrs.get("lang")]
        judged = [fact for fact in facts if fact.detected is not None]
        if runs and len(runs) == 1 and len(runs[0]) == len(judged) and len(judged) > 1:
            first = runs[0][0]
            yield self._hit(ctx, first, facts[first], "page", len(runs[0]))
            return
        for run in runs:
            fact = facts[run[0]]
            variant = "marked" if document.blocks[run[0]].attrs.get("lang") else "unmarked"
            yield self._hit(ctx, run[0], fact, variant, len(run))

    def _hit(self, ctx: RuleContext, index: int, fact: BlockLanguage, variant: str, count: int) -> Hit:
        code = fact.detected or ""
        language = self.options.names.get(code, code)
        block = ctx.document.blocks[index]
        return ctx.hit(block, 0, len(block.text), variant=variant, language=language, code=code, value=fact.declared or "", count=count)


def _marks_languages(document) -> bool:
    """An HTML page: a web document with a language declaration of its own (Markdown has none)."""
    return document.medium == "web" and document.language is not None


def _mismatched_runs(facts: list[BlockLanguage]) -> Iterator[list[int]]:
    """Indices of judged blocks whose language is not the declared one, grouped into runs of
    the same language (blocks too short to judge between them do not break a run)."""
    run: list[int] = []
    for index, fact in enumerate(facts):
        if fact.detected is None:
            continue
        if not same_language(fact.detected, fact.declared or SWEDISH):
            if run and facts[run[-1]].detected == fact.detected and facts[run[-1]].declared == fact.declared:
                run.append(index)
                continue
            if run:
                yield run
            run = [index]
        elif run:
            yield run
            run = []
    if run:
        yield run
