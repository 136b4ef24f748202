"""Sensitive personal data about a named person (OFF009, GDPR art. 9 and 10).

A finding needs three things in one sentence: a person's name (two or more capitalised
words in a row, "Anna Berg"), then within a few words a category word (health,
ethnic origin, religion, sexual orientation, union membership, offences), and between
them a word that ties the category to the person ("har", "är", "sin"), unless the
category word itself says what happened to the person ("dömdes"). The category word is
not counted after a phrase about a group or a topic ("personer med autism", "föreläser
om depression"): services and subjects are not personal data. Everything but the name
test is the rule's data (its YAML options).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property

from pydantic import BaseModel, ConfigDict, Field

from lint.rules.api import Hit, RuleContext
from lint.rules.kinds.python import Check

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
SENTENCE_BREAK = re.compile(r"[.!?;:]\s|[–—]\s|\n")
LOOK_BEHIND = 60  # characters before a category word that the guards see


class Category(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str  # what the message calls it ("hälsa")
    words: list[str]  # whole-word regexes
    events: list[str] = []  # words that need no tie to the name ("dömdes")


class SensitiveData(Check):
    class Options(Check.Options):
        window: int = Field(8, ge=0)  # words between the name and the category word
        categories: dict[str, Category]
        ties: list[str]  # words that tie a category to the person before it
        guards: list[str]  # regexes on the text just before the category word
        not_names: list[str] = []  # capitalised words (a sentence's first) that start no name

    values = frozenset({"category", "name"})

    @cached_property
    def compiled(self) -> tuple[re.Pattern[str], dict[str, tuple[str, bool]], frozenset[str], re.Pattern[str]]:
        """One regex for every category word (named groups), what each group is, the ties, the guards."""
        groups, meaning = [], {}
        for key, category in self.options.categories.items():
            for kind, words in (("word", category.words), ("event", category.events)):
                if words:
                    group = f"{key}_{kind}"
                    groups.append(f"(?P<{group}>" + "|".join(words) + ")")
                    meaning[group] = (category.name, kind == "event")
        words = re.compile(r"(?<![\w-])(?:" + "|".join(groups) + r")(?![\w-])", re.I)
        guards = re.compile("|".join(f"(?:{g})" for g in self.options.guards) + r"|(?!)", re.I)
        return words, meaning, frozenset(t.lower() for t in self.options.ties), guards

    @cached_property
    def not_names(self) -> frozenset[str]:
        return frozenset(word.lower() for word in self.options.not_names)

    def run(self, ctx: RuleContext) -> Iterator[Hit]:
        words, meaning, ties, guards = self.compiled
        for parsed in ctx.blocks(self.spec.scope):
            text = parsed.block.text
            found = list(words.finditer(text))
            if not found:
                continue
            names = person_names(text, self.not_names)
            reported: set[tuple[int, int]] = set()
            for match in found:
                name = self._person(text, match, names, meaning[match.lastgroup][1], ties, guards)
                if name is None or name in reported:
                    continue
                reported.add(name)
                yield ctx.hit(
                    parsed.block, match.start(), match.end(), category=meaning[match.lastgroup][0]
                )  # the message never repeats the name: that would copy the personal data

    def _person(self, text: str, match: re.Match, names: list[tuple[int, int]], event: bool, ties, guards) -> tuple[int, int] | None:
        """The name the category word is about, if any (the nearest before it)."""
        before = text[max(0, match.start() - LOOK_BEHIND) : match.start()]
        if guards.search(before):
            return None
        for start, end in reversed(names):
            if end > match.start():
                continue
            gap = text[end : match.start()]
            gap_words = [w.lower() for w in WORD.findall(gap)]
            if SENTENCE_BREAK.search(gap) or len(gap_words) > self.options.window:
                return None
            if event and not gap_words or ties.intersection(gap_words):
                return start, end
            return None
        return None


def person_names(text: str, not_names: frozenset[str]) -> list[tuple[int, int]]:
    """Character spans of two or more capitalised words in a row, joined by single spaces
    (first name and surname). The tagger's PROPN misses too many first names to rely on;
    Swedish capitalises few other words, and a sentence's capitalised first word that is
    no name (option `not_names`) is left out."""
    spans, run = [], []
    for match in [*WORD.finditer(text), None]:
        word = match.group(0) if match else ""
        capital = word[:1].isupper() and not word.isupper() and word.lower() not in not_names
        if capital and run and text[run[-1].end() : match.start()] == " ":
            run.append(match)
            continue
        if len(run) >= 2:
            spans.append((run[0].start(), run[-1].end()))
        run = [match] if capital else []
    return spans
