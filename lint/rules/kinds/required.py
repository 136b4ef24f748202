"""required: the document must contain one of a set of patterns.

A required rule applies to the profiles that list its `element` under `requires` (or to
the profiles named in the rule). The element is present when a regex or phrase is found
in the prose, when a metadata key is set, or when a link's target matches. Patterns may
use `{organization}`, filled in from the configuration.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict

from lint.rules.api import Hit, Rule, RuleContext, RuleSpec


class AnyOf(BaseModel):
    model_config = ConfigDict(extra="forbid")

    patterns: list[str] = []  # regexes on the prose (and the raw source, for HTML/DOCX headers)
    tokens: list[str] = []  # phrases, matched as whole words, case-insensitive
    metadata: list[str] = []  # metadata keys that count when set
    links: list[str] = []  # regexes on link targets


class RequiredSpec(RuleSpec):
    kind: Literal["required"]
    element: str | None = None  # the profile requirement this rule checks (kontakt, datum …)
    any_of: AnyOf
    suggestion: str  # the text to add, shown as the suggestion
    location: Literal["start", "end"] = "start"

    placeholders: ClassVar[frozenset[str]] = frozenset({"match", "suggestion", "organization", "profile"})


class RequiredRule(Rule):
    kind = "required"
    spec_model = RequiredSpec
    spec: RequiredSpec

    def check(self, ctx: RuleContext) -> Iterable[Hit]:
        if self.spec.element and self.spec.element not in ctx.profile.requires:
            return
        if not is_whole_document(ctx.document):
            return
        organization = ctx.settings.organization
        if self._present(ctx, organization):
            return
        values = {"suggestion": self.spec.suggestion.format(organization=organization), "organization": organization, "profile": ctx.profile.name}
        hit = self._location_hit(ctx, values)
        yield Hit(hit.offset, hit.end_offset, hit.values, (values["suggestion"],))

    def _present(self, ctx: RuleContext, organization: str) -> bool:
        spec = self.spec.any_of
        if any(ctx.document.metadata.get(key) not in (None, "", False) for key in spec.metadata):
            return True
        text = searchable_text(ctx.document)
        for pattern in spec.patterns:
            if re.search(pattern.replace("{organization}", re.escape(organization)), text, re.I | re.M):
                return True
        for phrase in spec.tokens:
            phrase = phrase.replace("{organization}", organization)
            if re.search(r"(?<!\w)" + re.escape(phrase).replace(r"\ ", r"\s+") + r"(?!\w)", text, re.I):
                return True
        return any(re.search(pattern, link.href, re.I) for pattern in spec.links for link in ctx.document.links)

    def _location_hit(self, ctx: RuleContext, values: dict) -> Hit:
        if self.spec.location == "end" and ctx.parsed:
            last = ctx.parsed[-1].block
            return ctx.hit(last, 0, len(last.text), **values)
        return ctx.document_hit(**values)


TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]+>", re.I | re.S)


def is_whole_document(document) -> bool:
    """Whether missing elements can be judged: not for a file without text (a scanned PDF)
    nor for an HTML fragment, whose page around it holds the sender, date and contact."""
    return any(char.isalnum() for char in document.text) and document.extras.get("html_page") is not False


def searchable_text(document) -> str:
    """The prose, plus for HTML the rest of the page's text (header and footer are not
    prose blocks, but that is where a sender, a date or contact details often stand)."""
    if document.format != "html":
        return document.text
    return document.text + "\n\n" + html.unescape(TAG.sub(" ", document.source))
