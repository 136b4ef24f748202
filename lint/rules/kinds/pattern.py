"""pattern: regular expressions that each report a message variant and may fix what they find.

In a rule pack: `kind: pattern` and a list `find`, each entry a regex run over every block
of the rule's scope, in order. An entry reports the whole match or one `group`, under the
message variant `message` (a key of `messages`), with placeholders filled from the match
(`values`: placeholder → a template such as `\\2` or `\\g<sign>`, or a `table` that looks
the expanded template `of` up), and its fix `replace` (a template too, in which `{name}`
stands for a value; `keep_case` gives it the case of what it replaces). `exceptions` are
regexes; a reported text that fully matches one is skipped. The literal words each regex
needs are derived from it (lint.language.prefilter), so a block without them is skipped.

`ends` replaces only the first and the last character of what is found (quotation marks),
as two edits. `mask` leaves text alone that is not prose: `prose` (web and e-mail
addresses, file names and the like), `prose_and_codes` (also codes such as SFS 2017:900),
`quotations` (a finding that starts in quoted text or a legal citation) or `none`; with
`ends`, only the two marks must be prose. `as_written`: `finding` reports only where the text
around the finding stands so in the source (a reader may have dropped a web address or
markup), `fix` fixes only where the finding is the source text as written, `any` always.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from lint.diagnostics import Edit, Fix
from lint.language.detectors import masked_text
from lint.language.prefilter import Needs
from lint.language.spacing import as_read
from lint.language.text import folded_text, is_protected, protected_spans
from lint.language.views import keep_case
from lint.language.words import in_capitals, masked, prose_mask
from lint.rules.api import Hit, Rule, RuleContext, RuleSpec
from lint.rules.organisation import ORG_TERM, ORG_TERMS, Organization, expand_terms, org, regex_terms
from lint.rules.regex_guard import check_pattern

VALUE = re.compile(r"\{(\w+)\}")  # a value in an `unless_in_document` regex
TEMPLATE_PLACEHOLDER = re.compile(r"\\(?:g<(\w+)>|(\d+))")


class Lookup(BaseModel):
    """A value looked up in a table: `of` (a match.expand template) → its entry in `table`."""

    model_config = ConfigDict(extra="forbid")

    of: str
    table: dict[str, str] | Literal["org.abbreviations"] = {}  # or the organisation's abbreviations
    lower: bool = False  # the text is looked up (and, when not in the table, kept) in lower case

    def value(self, match: re.Match[str], organization: Organization | None) -> str:
        key = match.expand(self.of)
        key = key.lower() if self.lower else key
        table = organization.abbreviations if self.table == "org.abbreviations" and organization else self.table
        return table.get(key, key) if isinstance(table, dict) else key


class PatternFind(BaseModel):
    model_config = ConfigDict(extra="forbid")

    pattern: str
    ignore_case: bool = False
    group: int | str = 0  # the group reported (and replaced)
    message: str | None = None  # a key of the rule's `messages`; the rule's `message` when absent
    replace: str | None = None  # what replaces the group (a match.expand template): the fix
    keep_case: bool = False  # the replacement takes the case of what it replaces
    safety: Literal["safe", "unsafe"] = "safe"
    unsafe_with: str | None = None  # a group: when it took part in the match, the fix is unsafe
    ends: str | None = None  # the mark that replaces the first and the last character (two edits)
    suggest: list[str] = []  # suggestions shown, when not the replacement
    values: dict[str, str | Lookup] = {}  # placeholder → match.expand template, or a lookup
    exceptions: list[str] = []  # regexes; a reported text that fully matches one is skipped
    not_at: list[str] = []  # regexes; a match where one matches in the block text (not masked) is skipped
    unless_in_document: list[
        str
    ] = []  # regexes with {value} (as written, any blank for a space): found in the document, the match is skipped

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, pattern: str) -> str:
        check_pattern(_sample(pattern))
        return pattern

    @field_validator("exceptions", "not_at", "unless_in_document")
    @classmethod
    def _exceptions_compile(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            check_pattern(_sample(pattern))
        return patterns

    @property
    def uses_organisation(self) -> bool:
        lookups = [value for value in self.values.values() if isinstance(value, Lookup) and value.table == "org.abbreviations"]
        return bool(lookups) or any(ORG_TERM.search(pattern) for pattern in [self.pattern, *self.exceptions, *self.not_at])

    @model_validator(mode="after")
    def _groups_and_values_exist(self) -> PatternFind:
        regex = re.compile(_sample(self.pattern))
        for group in self._groups():
            if (int(group) > regex.groups) if group.isdigit() else group not in regex.groupindex:
                raise ValueError(f"gruppen ”{group}” finns inte i mönstret")
        for template in [self.replace or "", *(value for value in self.values.values() if isinstance(value, str))]:
            for _, name, _, _ in string.Formatter().parse(template):
                if name and name not in self.values and not (name.startswith("org.") and name[4:] in ORGANISATION_FIELDS):
                    raise ValueError(f"värdet {{{name}}} finns inte under values")
        return self

    def _groups(self) -> list[str]:
        """The groups the entry names: `group`, `unsafe_with` and those in its templates."""
        templates = [self.replace or "", *map(_template, self.values.values())]
        named = [name or number for template in templates for name, number in TEMPLATE_PLACEHOLDER.findall(template)]
        return [str(self.group), *([self.unsafe_with] if self.unsafe_with else []), *named]

    @property
    def flags(self) -> int:
        return re.I if self.ignore_case else 0


class PatternSpec(RuleSpec):
    kind: Literal["pattern"]
    message: str | None = None  # type: ignore[assignment]  # when the entries have no `message`
    messages: dict[str, str] = {}  # message variants for `find`
    find: list[PatternFind] = Field(min_length=1)
    mask: Literal["none", "prose", "prose_and_codes", "quotations", "addresses"] = "none"
    as_written: Literal["any", "fix", "finding"] = "any"
    # single: doubled and no-break spaces read as one (what every other rule sees);
    # as_written: the spaces as the format reader left them, for the rule about spaces (SPR008)
    spaces: Literal["single", "as_written"] = "single"
    overlaps: Literal["all", "longest"] = "all"  # longest: of overlapping findings the first and longest
    skip_capitals: bool = False  # true: blocks written in capitals are skipped (every word looks like an abbreviation)
    fix: Literal["safe", "unsafe", "none"] = "none"

    placeholders: ClassVar[frozenset[str]] = frozenset({"match", "suggestion"})

    @model_validator(mode="after")
    def _messages_and_values(self) -> PatternSpec:
        for index, entry in enumerate(self.find):
            if entry.message is None and self.message is None:
                raise ValueError(f"find[{index}] behöver message, eller regeln ett message")
            if entry.message is not None and entry.message not in self.messages:
                raise ValueError(f"meddelandet ”{entry.message}” saknas under messages")
            allowed = self.placeholders | entry.values.keys()
            text = self.messages.get(entry.message or "", self.message or "")
            unknown = {name for _, name, _, _ in string.Formatter().parse(text) if name} - allowed
            if unknown:
                raise ValueError(f"find[{index}]: okänd platshållare {{{sorted(unknown)[0]}}} i meddelandet")
        return self


class PatternRule(Rule):
    kind = "pattern"
    spec_model = PatternSpec
    spec: PatternSpec

    def __init__(self, spec: PatternSpec, origin: str = "") -> None:
        super().__init__(spec, origin)
        self.by_organisation: dict[Organization, list[Compiled]] = {}
        self.finds = None if any(entry.uses_organisation for entry in spec.find) else _compiled(spec.find, {})

    def _finds(self, ctx: RuleContext) -> list[Compiled]:
        """The compiled entries; with `{org.…}` terms, once per organisation."""
        if self.finds is not None:
            return self.finds
        organization = org(ctx)
        if organization not in self.by_organisation:
            self.by_organisation[organization] = _compiled(self.spec.find, regex_terms(organization))
        return self.by_organisation[organization]

    @property
    def fixable(self) -> bool:
        return self.spec.fix != "none" and any(entry.replace is not None or entry.ends for entry in self.spec.find)

    def check(self, ctx: RuleContext) -> Iterable[Hit]:
        for parsed in ctx.blocks(self.spec.scope):
            block = as_read(parsed.block) if self.spec.spaces == "as_written" else parsed.block
            found = list(self._found(ctx, parsed, block))
            if self.spec.overlaps == "longest":
                found = _longest(found)
            for match, entry in found:
                start, end = match.span(entry.group)
                yield self._ends_hit(ctx, block, start, end, entry.ends) if entry.ends else self._hit(ctx, block, match, entry)

    def _found(self, ctx: RuleContext, parsed, block) -> Iterator[tuple[re.Match[str], PatternFind]]:
        """Every match of every entry in the block that no exception, mask or source test drops."""
        text = masked_text(parsed) if self.spec.mask == "addresses" and block is parsed.block else block.text
        folded = folded_text(parsed)
        mask, capitals = None, None
        for entry, (regex, exceptions, needs, not_at) in zip(self.spec.find, self._finds(ctx)):
            if not needs.may_match(folded):
                continue
            for match in regex.finditer(text):
                start, end = match.span(entry.group)
                if start == end or any(pattern.fullmatch(text, start, end) for pattern in exceptions):
                    continue
                if any(pattern.match(block.text, match.start()) for pattern in not_at):
                    continue
                capitals = in_capitals(text) if capitals is None and self.spec.skip_capitals else capitals
                if capitals or (entry.unless_in_document and self._in_document(ctx, entry, match)):
                    continue
                mask = self._mask(text) if mask is None else mask
                if self._masked(entry, start, end, mask) or (self.spec.as_written == "finding" and not _as_written(ctx, block, start, end)):
                    continue
                yield match, entry

    def _in_document(self, ctx: RuleContext, entry: PatternFind, match: re.Match[str]) -> bool:
        """Whether one of the entry's `unless_in_document` regexes, with this match's values, is in the document."""
        values = _values(entry, match, org(ctx) if entry.uses_organisation else None)
        as_regex = {key: re.escape(str(value)).replace(r"\ ", r"\s+") for key, value in values.items()}
        for template in entry.unless_in_document:
            pattern = VALUE.sub(lambda found: as_regex.get(found.group(1), found.group(0)), template)
            if re.search(pattern, ctx.document.text, entry.flags | re.I):
                return True
        return False

    def _masked(self, entry: PatternFind, start: int, end: int, mask: list[tuple[int, int]]) -> bool:
        if self.spec.mask == "quotations":
            return is_protected(start, mask)
        if entry.ends:
            return masked(start, start + 1, mask) or masked(end - 1, end, mask)
        return masked(start, end, mask)

    def _mask(self, text: str) -> list[tuple[int, int]]:
        if self.spec.mask == "quotations":
            return protected_spans(text)
        return [] if self.spec.mask in ("none", "addresses") else prose_mask(text, codes=self.spec.mask == "prose_and_codes")

    def _hit(self, ctx: RuleContext, block, match: re.Match[str], entry: PatternFind) -> Hit:
        start, end = match.span(entry.group)
        values = _values(entry, match, org(ctx) if entry.uses_organisation else None)
        if entry.message:
            values["variant"] = entry.message
        terms = {**values, "org": org(ctx)} if entry.replace is not None and "{org." in entry.replace else values
        replacement = _replacement(entry.replace, terms, match) if entry.replace is not None else None
        if replacement is not None and entry.keep_case:
            replacement = keep_case(block.text[start:end], replacement)
        alternatives = tuple(text.format_map(values) for text in entry.suggest) or ((replacement,) if replacement is not None else ())
        fix = replacement if self.spec.fix != "none" else None
        if fix is not None and self.spec.as_written == "fix" and not _plain(ctx, block, start, end):
            fix = None
        safety = entry.safety if self.spec.fix == "safe" else "unsafe"
        if entry.unsafe_with and match.group(entry.unsafe_with) is not None:
            safety = "unsafe"
        suggestion = alternatives[0] if alternatives else "…"
        return ctx.replacement_hit(block, start, end, fix, safety, alternatives, suggestion=suggestion, **values)

    def _ends_hit(self, ctx: RuleContext, block, start: int, end: int, mark: str) -> Hit:
        """A finding on the whole text whose fix changes its first and last character."""
        if not (block.is_contiguous(start, start + 1) and block.is_contiguous(end - 1, end)):
            return ctx.hit(block, start, end, suggestion=f"{mark}…{mark}")
        matched = block.text[start:end]
        replaced = mark + matched[1:-1] + mark
        first, _ = block.source_span(start, start + 1)
        last, last_end = block.source_span(end - 1, end)
        offset, end_offset = block.source_span(start, end)
        fix = Fix((Edit(first, first + 1, mark), Edit(last, last_end, mark)), "safe") if self.spec.fix != "none" else None
        return Hit(offset, end_offset, {"match": matched, "suggestion": replaced}, (replaced,), fix)


Compiled = tuple[re.Pattern[str], list[re.Pattern[str]], Needs, list[re.Pattern[str]]]
ORGANISATION_FIELDS = frozenset({"name", "genitive"})  # what a replacement may read as {org.…}


def _compiled(finds: list[PatternFind], terms: dict[str, str]) -> list[Compiled]:
    """Each entry's regex (with the organisation's terms filled in), exceptions and pre-filter."""
    compiled = []
    for entry in finds:
        regex = re.compile(expand_terms(entry.pattern, terms) if terms else entry.pattern, entry.flags)
        exceptions, not_at = (
            [re.compile(expand_terms(p, terms) if terms else p, entry.flags) for p in patterns]
            for patterns in (entry.exceptions, entry.not_at)
        )
        compiled.append((regex, exceptions, Needs.of(regex), not_at))
    return compiled


def _sample(pattern: str) -> str:
    """The pattern with sample organisation terms, to validate it when the pack is read."""
    for name in ORG_TERM.findall(pattern):
        if name not in ORG_TERMS:
            raise ValueError(f"okänd organisationsterm {{org.{name}}}; tillåtna: {', '.join('{org.' + t + '}' for t in ORG_TERMS)}")
    return ORG_TERM.sub("x", pattern)


def _longest(found: list[tuple[re.Match[str], PatternFind]]) -> list[tuple[re.Match[str], PatternFind]]:
    """Where findings overlap, the one that starts first and, of those, the longest."""
    kept, last_end = [], -1
    for match, entry in sorted(found, key=lambda pair: (pair[0].start(pair[1].group), -pair[0].end(pair[1].group))):
        if match.start(entry.group) >= last_end:
            kept.append((match, entry))
            last_end = match.end(entry.group)
    return kept


def _template(value: str | Lookup) -> str:
    return value.of if isinstance(value, Lookup) else value


def _values(entry: PatternFind, match: re.Match[str], organization: Organization | None = None) -> dict[str, Any]:
    """The entry's values: lookups first, then templates, which may use them as `{name}`."""
    values: dict[str, Any] = {key: value.value(match, organization) for key, value in entry.values.items() if isinstance(value, Lookup)}
    for key, value in entry.values.items():
        if isinstance(value, str):
            values[key] = _replacement(value, values, match)
    return values


def _replacement(template: str, values: dict[str, Any], match: re.Match[str]) -> str:
    """The fix: `{name}` filled in from the values first (as literal text), then the groups."""
    if "{" in template:
        template = template.format_map(
            {key: value.replace("\\", "\\\\") if isinstance(value, str) else value for key, value in values.items()}
        )
    return match.expand(template)


def _plain(ctx: RuleContext, block, start: int, end: int) -> bool:
    """Whether block text [start, end) is the source text as written."""
    offset, end_offset = block.source_span(start, end)
    return block.is_contiguous(start, end) and ctx.document.source[offset:end_offset] == block.text[start:end]


def _as_written(ctx: RuleContext, block, start: int, end: int) -> bool:
    """Whether the text around [start, end) stands so in the source."""
    return _plain(ctx, block, max(0, start - 1), min(len(block.text), end + 1))
