"""The accessibility statement (TILL011): the parts DIGG requires, and a recent review date.

In `kommlint check` the rule runs on a document of the profile tillganglighetsredogorelse
(found from its heading); `kommlint crawl` also reports a site where no page links to a
statement (lint.crawl.sitechecks, with this rule's `not_linked` message).

What each part looks like is the rule's data: regexes in the YAML's options, searched
in the statement's text (and, for the complaint service, its link addresses).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from functools import cached_property

from pydantic import Field

from lint.clock import today
from lint.rules.api import Hit, RuleContext
from lint.rules.checks.dates import MONTHS
from lint.rules.kinds.python import Check

ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
WRITTEN_DATE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})\b", re.I)
PARTS = ("status", "content", "method", "contact", "complaint")


def dates_in(text: str) -> list[date]:
    found = []
    for match in ISO_DATE.finditer(text):
        found.append((int(match.group(1)), int(match.group(2)), int(match.group(3))))
    for match in WRITTEN_DATE.finditer(text):
        found.append((int(match.group(3)), MONTHS.index(match.group(2).lower()) + 1, int(match.group(1))))
    valid = []
    for year, month, day in found:
        try:
            valid.append(date(year, month, day))
        except ValueError:
            continue
    return valid


class StatementParts(Check):
    class Options(Check.Options):
        parts: dict[str, list[str]]  # part → regexes (any one found is enough)
        complete: str  # the status that needs no list of inaccessible content ("helt förenlig")
        date_labels: str  # a block with one of these and a date says when the statement was made or reviewed
        max_age_days: int = Field(365, ge=1)

    variants = frozenset({f"missing_{part}" for part in PARTS} | {"missing_date", "outdated", "not_linked"})
    values = frozenset({"date", "days"})

    @cached_property
    def patterns(self) -> dict[str, re.Pattern[str]]:
        parts = self.options.parts
        return {part: re.compile("|".join(f"(?:{p})" for p in parts.get(part, [])) or r"(?!)", re.I) for part in PARTS}

    @cached_property
    def complete(self) -> re.Pattern[str]:
        return re.compile(self.options.complete, re.I)

    @cached_property
    def labels(self) -> re.Pattern[str]:
        return re.compile(self.options.date_labels, re.I)

    def run(self, ctx: RuleContext) -> Iterator[Hit]:
        blocks = [parsed.block.text for parsed in ctx.parsed]
        text = "\n".join(blocks)
        hrefs = "\n".join(link.href for link in ctx.document.links)
        for part in PARTS:
            if part == "content" and self.complete.search(text):
                continue
            haystack = text + "\n" + hrefs if part == "complaint" else text
            if not self.patterns[part].search(haystack):
                yield ctx.document_hit(variant=f"missing_{part}")
        labelled = [found for block in blocks if self.labels.search(block) for found in dates_in(block)]
        if not labelled:
            yield ctx.document_hit(variant="missing_date")
            return
        newest = max(labelled)
        age = (today() - newest).days
        if age > self.options.max_age_days:
            yield ctx.document_hit(variant="outdated", date=newest.isoformat(), days=age)
