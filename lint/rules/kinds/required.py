"""required: the document must contain one of a set of patterns.

A required rule applies to the profiles that list its `element` under `requires` (or to
the profiles named in the rule). The element is present when a regex or phrase is found
in the prose, when a metadata key is set, when a link's target matches, or when a named
detector finds it. Patterns may use `{organization}`, filled in from the configuration.

A detector is a function `(ctx) -> bool` named by its path, `package.module:function`,
for what a pattern cannot say (the organisation's own name and units, say); `when` names
detectors that must all hold for the rule to apply at all, `also_when` detectors that
make it apply where the profile does not require the element, and `at` a function
`(ctx) -> Hit | None` that places the finding.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from lint.rules.api import WHOLE_DOCUMENT_FORMATS, Hit, Rule, RuleContext, RuleSpec, SpecError

DETECTOR_PATH = r"^[\w.]+:\w+$"
Detector = Callable[[RuleContext], bool]


class AnyOf(BaseModel):
    model_config = ConfigDict(extra="forbid")

    patterns: list[str] = []  # regexes on the prose (and the raw source, for HTML/DOCX headers)
    tokens: list[str] = []  # phrases, matched as whole words, case-insensitive
    metadata: list[str] = []  # metadata keys that count when set
    links: list[str] = []  # regexes on link targets
    detectors: list[Annotated[str, Field(pattern=DETECTOR_PATH)]] = []  # functions (ctx) -> bool


class RequiredSpec(RuleSpec):
    kind: Literal["required"]
    element: str | None = None  # the profile requirement this rule checks (kontakt, datum …)
    any_of: AnyOf
    suggestion: str | None = None  # the text to add, shown as the suggestion
    location: Literal["start", "end", "file"] = "start"  # file: the file as a whole (offset 0)
    when: list[Annotated[str, Field(pattern=DETECTOR_PATH)]] = []  # detectors that must all hold
    also_when: list[Annotated[str, Field(pattern=DETECTOR_PATH)]] = []  # apply also when the profile does not require the element
    at: Annotated[str, Field(pattern=DETECTOR_PATH)] | None = None  # a function (ctx) -> Hit | None: where the finding stands
    formats: list[str] | None = None  # only documents of these formats
    files_without_text: bool = False  # true: a file without text is judged too (its metadata, say)
    messages: dict[str, str] = {}  # document format → message, where it differs from `message`

    placeholders: ClassVar[frozenset[str]] = frozenset({"match", "suggestion", "organization", "profile", "looked"})


class RequiredRule(Rule):
    kind = "required"
    spec_model = RequiredSpec
    spec: RequiredSpec

    def __init__(self, spec: RequiredSpec, origin: str = "") -> None:
        super().__init__(spec, origin)
        self.conditions = [_detector(name, ("when", index)) for index, name in enumerate(spec.when)]
        self.also = [_detector(name, ("also_when", index)) for index, name in enumerate(spec.also_when)]
        self.at = _detector(spec.at, ("at",)) if spec.at else None
        self.detectors = [_detector(name, ("any_of", "detectors", index)) for index, name in enumerate(spec.any_of.detectors)]

    def check(self, ctx: RuleContext) -> Iterable[Hit]:
        if not self._applies(ctx):
            return
        organization = ctx.settings.organization
        if self._present(ctx, organization):
            return
        suggestion = self.spec.suggestion.format(organization=organization) if self.spec.suggestion is not None else None
        values = {
            "suggestion": suggestion or "…",
            "organization": organization,
            "profile": ctx.profile.name,
            "looked": looked_in(ctx.document, ctx.profile.printed_date),
        }
        if ctx.document.format in self.spec.messages:
            values["variant"] = ctx.document.format
        hit = self._location_hit(ctx, values)
        yield Hit(hit.offset, hit.end_offset, hit.values, (suggestion,) if suggestion is not None else (), whole_document=True)

    def _applies(self, ctx: RuleContext) -> bool:
        """Whether the profile requires the element (or an `also_when` detector holds), and
        the `when` conditions and `formats` allow the rule."""
        if self.spec.element and self.spec.element in ctx.settings.provided_for(ctx.document.path):
            return False  # the site template adds it to every page (config template-provides)
        required = (not self.spec.element or self.spec.element in ctx.profile.requires) and self._judged(ctx.document)
        if not required and not self.also:
            return False
        if not all(condition(ctx) for condition in self.conditions):
            return False
        if self.spec.formats is not None and ctx.document.format not in self.spec.formats:
            return False
        return required or any(detector(ctx) for detector in self.also)

    def _judged(self, document) -> bool:
        if self.spec.files_without_text:
            return document.whole_page
        return is_whole_document(document)

    def _present(self, ctx: RuleContext, organization: str) -> bool:
        spec = self.spec.any_of
        if any(_is_set(ctx.document.metadata.get(key)) for key in spec.metadata):
            return True
        text = searchable_text(ctx.document)
        for pattern in spec.patterns:
            if re.search(pattern.replace("{organization}", re.escape(organization)), text, re.I | re.M):
                return True
        for phrase in spec.tokens:
            phrase = phrase.replace("{organization}", organization)
            if re.search(r"(?<!\w)" + re.escape(phrase).replace(r"\ ", r"\s+") + r"(?!\w)", text, re.I):
                return True
        if any(re.search(pattern, link.href, re.I) for pattern in spec.links for link in ctx.document.links):
            return True
        return any(detector(ctx) for detector in self.detectors)

    def _location_hit(self, ctx: RuleContext, values: dict) -> Hit:
        found = self.at(ctx) if self.at else None
        if found is not None:
            return Hit(found.offset, found.end_offset, {**found.values, **values})
        if self.spec.location == "file":
            if ctx.document.format in WHOLE_DOCUMENT_FORMATS and ctx.parsed:
                return ctx.document_hit(**values)  # a Word comment needs words to sit on
            return Hit(0, 0, {"match": "", **values})
        if self.spec.location == "end" and ctx.parsed:
            # The body's last block: a Word footer or page header is not where contact details are added.
            body = [parsed.block for parsed in ctx.parsed if not parsed.block.attrs.get("section")]
            last = (body or [ctx.parsed[-1].block])[-1]
            return ctx.hit(last, 0, len(last.text), **values)
        return ctx.document_hit(**values)


def _is_set(value: object) -> bool:
    return value is not None and value is not False and bool(str(value).strip())


def _detector(path: str, location: tuple) -> Detector:
    module_name, _, name = path.partition(":")
    try:
        found: Any = getattr(importlib.import_module(module_name), name)
    except (ImportError, AttributeError) as error:
        raise SpecError(location, f"kan inte läsa in {path} ({error})") from None
    if not callable(found):
        raise SpecError(location, f"{path} är ingen funktion")
    return found


def is_whole_document(document) -> bool:
    """Whether missing elements can be judged: not for a file without text (a scanned PDF)
    nor for an HTML fragment, whose page around it holds the sender, date and contact."""
    return any(char.isalnum() for char in document.text) and document.whole_page


def looked_in(document, printed_date: bool = False) -> str:
    """Where presence checks looked, for the message of a missing-element finding (Swedish).
    `printed_date`: the profile's letters and decisions must print their date."""
    if document.chrome.page_text:
        where = "texten, sidhuvudet, sidfoten, menyn, sidans titel och metataggar, logotypernas alt-texter och länkarna"
        return where + (" och sidans adress" if document.url else "")
    if document.binary:
        parts = "brevhuvudet, sidhuvud och sidfot" if document.page_count else "Word-filens sidhuvud och sidfot"
        own = "; filens egna datum räknas inte, ett brev eller beslut ska skriva ut sitt" if printed_date else " och filens egenskaper"
        return f"hela texten, också {parts}{own}"
    if document.front_matter:
        return "texten och dess front matter"
    return "hela texten"


def searchable_text(document) -> str:
    """The prose, plus a web page's whole text (header and footer are not prose blocks,
    but that is where a sender, a date or contact details often stand)."""
    page = document.chrome.page_text
    return document.text + "\n\n" + page if page else document.text
