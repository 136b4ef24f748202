"""The engine: read files, choose profile and rules, parse, run rules, collect findings.

The CLI, the hook, the crawler and the local web page all go through `Linter`.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lint.collector import collection_paused
from lint.diagnostics import Diagnostic, EngineError, Severity
from lint.document import Document
from lint.engine.config import Settings, discover
from lint.engine.guards import RULE_BUDGET, RuleTimeout, internal_error, parse_batch, split_blocks, time_budget, timeout_error
from lint.engine.redaction import redact_diagnostic
from lint.engine.suppression import Suppressor
from lint.errors import KommlintError, ReadError
from lint.formats import read_bytes, read_path, supported_extensions
from lint.language.languages import LANGUAGE_BOUND, swedish_blocks
from lint.language.spacing import single_spaced
from lint.rules.registry import redirect

if TYPE_CHECKING:
    from lint.language.views import ParsedBlock
    from lint.rules.api import Rule
    from lint.rules.profiles import Profiles

# Rule kinds, packs and profiles (pydantic models) are imported where they are used: a run
# whose files all hit the result cache never needs them, and importing them costs more
# than the rest of such a run.

UNUSED_SUPPRESSION = ("KOMM001", "oanvant-undantag")
# Characters of text past which a document's per-block caches are dropped as each rule moves on
# (lint.language.views.ReleasingBlocks): a 5 MB file then peaks at about 650 MiB, not 1.1 GiB, and
# takes about a fifth longer (the caches are rebuilt rule by rule).
GIANT_DOCUMENT = 1_000_000
ANNOTATION_NAMES = {"pos": "ordklasser", "morph": "morfologi", "lemma": "lemman", "dep": "dependenser", "sents": "meningsgränser"}


@dataclass
class FileResult:
    path: str
    format: str | None = None
    encoding: str | None = None
    profile: str | None = None
    profile_source: str | None = None
    profile_reason: str | None = None
    metrics: dict[str, Any] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    errors: list[EngineError] = field(default_factory=list)
    document: Document | None = field(default=None, repr=False, compare=False)
    parsed: list[ParsedBlock] | None = field(default=None, repr=False, compare=False)  # with Options.keep_parsed

    def to_json(self) -> dict[str, Any]:
        """The file's entry in the JSON output (and in the result cache)."""
        return {
            "path": self.path,
            "format": self.format,
            "encoding": self.encoding,
            "profile": self.profile,
            "profile_source": self.profile_source,
            "profile_reason": self.profile_reason,
            "metrics": self.metrics,
            "diagnostics": [d.to_json() for d in self.diagnostics],
            "errors": [e.to_json() for e in self.errors],
        }


@dataclass
class Options:
    """Command-line choices that override configuration files."""

    profile: str | None = None
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    model: str | None = None
    config_file: Path | None = None
    report_unused_suppressions: bool | None = None
    keep_documents: bool = False
    keep_parsed: bool = False  # keep the parsed blocks too (per-paragraph metrics in `kommlint serve`)
    rule_budget: float | None = RULE_BUDGET  # seconds a rule may take on one file (None: no limit)


def selector_matches(selector: str, rule: Rule) -> bool:
    selector = redirect(selector.strip())
    if selector.endswith("*"):  # an explicit prefix: KLAR01* is KLAR010–KLAR019
        return rule.code.startswith(selector[:-1].upper())
    return (
        selector.upper() == "ALL"
        or rule.code.startswith(selector.upper())
        or selector.lower() == rule.name
        or selector.lower() == rule.principle
    )


def is_selected(rule: Rule, settings: Settings, extra_ignores: tuple[str, ...] = ()) -> bool:
    chosen = settings.select is None or any(selector_matches(s, rule) for s in settings.select)
    chosen = chosen or any(selector_matches(s, rule) for s in settings.extend_select)
    return chosen and not any(selector_matches(s, rule) for s in settings.ignore + extra_ignores)


def check_selectors(settings: Settings, rules: tuple[Rule, ...]) -> None:
    """A selector that names no rule is a mistake (a typo would silently lint nothing)."""
    selectors = list(settings.select or ()) + list(settings.extend_select) + list(settings.ignore)
    selectors += [s for codes in settings.per_file_ignores.values() for s in codes] + list(settings.severity)
    for selector in selectors:
        mistyped = mistyped_code(selector, rules)
        if mistyped:
            prefix = selector.strip().upper()
            also = f" Skriv {prefix}* för alla regler som börjar på {prefix}." if any(r.code.startswith(prefix) for r in rules) else ""
            raise KommlintError(f"Okänd regel ”{selector}”. Menade du {mistyped}?{also}")
        if selector.upper().startswith(UNUSED_SUPPRESSION[0][:4]) or any(selector_matches(selector, rule) for rule in rules):
            continue
        names = [rule.code for rule in rules] + [rule.name for rule in rules]
        nearest = difflib.get_close_matches(selector, names, n=1)
        hint = f" Menade du {nearest[0]}?" if nearest else " Se kommlint rules."
        raise KommlintError(f"Okänd regel eller regelgrupp ”{selector}”.{hint}")


def mistyped_code(selector: str, rules: tuple[Rule, ...]) -> str | None:
    """The code meant by a selector that looks like a full code with a digit missing (KLAR01 → KLAR001).

    Such a selector would otherwise silently select KLAR010–KLAR019 as a prefix.
    """
    found = re.fullmatch(r"([A-Za-z]+)(\d+)", selector.strip())
    if not found or redirect(selector.strip()) != selector or any(rule.code == selector.strip().upper() for rule in rules):
        return None
    letters, digits = found[1].upper(), found[2]
    widths = {len(rule.code) - len(letters) for rule in rules if re.fullmatch(rf"{letters}\d+", rule.code)}
    if not widths or len(digits) >= min(widths):
        return None
    codes = sorted(rule.code for rule in rules if rule.code.startswith(letters))
    padded = letters + digits.rjust(min(widths), "0")
    if padded in codes:
        return padded
    nearest = difflib.get_close_matches(letters + digits, codes, n=1)
    return nearest[0] if nearest else None


def severity_for(rule: Rule, overrides: dict[str, str]) -> Severity:
    best: tuple[int, str] | None = None
    for selector, level in overrides.items():
        selector = redirect(selector)
        if selector == rule.code or selector == rule.name:
            specificity = 100
        elif rule.code.startswith(selector.rstrip("*").upper()):
            specificity = len(selector.rstrip("*"))
        else:
            continue
        if best is None or specificity > best[0]:
            best = (specificity, level)
    return Severity.parse(best[1]) if best else rule.severity


class Linter:
    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()
        self.notices: list[str] = []
        self._skipped_notices: set[str] = set()
        self._pipeline = None
        self._prepared: list[tuple] = []  # (settings, (ignores, profile, pipeline), runnable rules)
        self._fixed_settings = None
        if self.options.config_file is not None:
            from lint.engine.config import load_config_file

            self._fixed_settings = load_config_file(self.options.config_file.resolve()) or Settings()

    # Settings, rules, profiles -------------------------------------------------------
    def settings_for(self, path: str | Path) -> Settings:
        base = self._fixed_settings or discover(path)
        options = self.options
        return base.with_overrides(
            select=options.select,
            extend_select=(base.extend_select + options.extend_select) if options.extend_select else None,
            ignore=(base.ignore + options.ignore) if options.ignore else None,
            model=options.model,
            report_unused_suppressions=options.report_unused_suppressions,
        )

    def rules(self, settings: Settings) -> tuple[Rule, ...]:
        from lint.rules.packs import load_rules

        return load_rules(settings.rule_packs)

    def profiles(self) -> Profiles:
        from lint.resources import builtin_rules_dir
        from lint.rules.profiles import load_profiles

        return load_profiles(builtin_rules_dir() / "profiles.yaml")

    def pipeline(self, settings: Settings | None = None):
        if self._pipeline is None:
            from lint.language.pipeline import load_pipeline

            model = (settings or Settings()).model or self.options.model
            source = "cli" if self.options.model else "config"
            self._pipeline = load_pipeline(model, source)
        return self._pipeline

    # Files ---------------------------------------------------------------------------
    def expand(self, paths: Iterable[str]) -> Iterator[str]:
        """Files to lint: folders are walked, honouring `exclude`; files named are kept."""
        extensions = supported_extensions()
        for given in paths:
            path = Path(given)
            if not path.is_dir():
                yield given
                continue
            for root, folders, files in os.walk(path):
                settings = self.settings_for(root)
                folders[:] = sorted(f for f in folders if not settings.is_excluded(Path(root) / f))
                for name in sorted(files):
                    file = Path(root) / name
                    if file.suffix.lower() in extensions and not settings.is_excluded(file):
                        yield str(file)

    def lint_paths(self, paths: Iterable[str]) -> Iterator[FileResult]:
        for path in self.expand(paths):
            yield self.lint_file(path)

    def lint_file(self, path: str, data: bytes | None = None, display_path: str | None = None) -> FileResult:
        shown = display_path or path
        settings = self.settings_for(path if data is None else Path.cwd())
        try:
            if data is None:
                document = read_path(path, max_bytes=settings.max_file_size, settings=settings)
            else:
                document = read_bytes(data, path, settings=settings)
        except ReadError as error:
            return FileResult(shown, errors=[EngineError("E001", str(error), shown)])
        except KommlintError:
            raise  # configuration and rule-pack errors concern every file
        except Exception as error:  # one file's failure costs that file only
            return FileResult(shown, errors=[internal_error(error, shown, "lästes")])
        document.path = shown
        try:
            return self.lint_document(document, settings)
        except KommlintError:
            raise
        except Exception as error:
            return FileResult(shown, document.format, document.encoding, errors=[internal_error(error, shown, "granskades")])

    # Linting -------------------------------------------------------------------------
    def lint_document(self, document: Document, settings: Settings | None = None) -> FileResult:
        from lint.language.views import ParsedBlock, ReleasingBlocks

        settings = settings or self.settings_for(document.path)
        result = FileResult(document.path, document.format, document.encoding)
        if self.options.keep_documents:
            result.document = document
        profiles = self.profiles()
        if self.options.profile and self.options.profile not in profiles:
            raise KommlintError(
                f"{document.path}: okänd profil ”{self.options.profile}” (--profile).{_profile_hint(self.options.profile, profiles)}"
            )
        where = settings.source or "konfigurationen"
        choice = profiles.choose(
            document, self.options.profile, _known(settings.profiles, profiles, where), _known_one(settings.profile, profiles, where)
        )
        result.profile, result.profile_source, result.profile_reason = choice.profile.name, choice.source, choice.reason
        pipeline = self.pipeline(settings)
        rules = self._runnable(settings, document.path, choice.profile.name, pipeline)
        needs = frozenset().union(*(rule.needs for rule in rules)) | ({"pos", "morph"} & pipeline.provides)
        document.blocks = [single_spaced(block) for block in split_blocks(document.blocks)]
        if document.metadata_problem:  # refused front matter: the prose is still checked
            self.notices.append(f"{document.path}: {document.metadata_problem}")
        docs = pipeline.parse(
            (block.text for block in document.blocks), needs & pipeline.provides | {"sents"}, parse_batch(document.blocks)
        )
        parsed = [ParsedBlock(block, doc) for block, doc in zip(document.blocks, docs)]
        if self.options.keep_parsed:
            result.parsed = parsed
        elif sum(len(block.text) for block in document.blocks) > GIANT_DOCUMENT:
            parsed = ReleasingBlocks(parsed, parsed[0])
        with collection_paused():
            self._run_rules(document, settings, result, rules, parsed, choice.profile, pipeline)
            if not self.options.keep_parsed:
                _release(parsed)
        return result

    def _run_rules(
        self, document: Document, settings: Settings, result: FileResult, rules: list[Rule], parsed: list[ParsedBlock], profile, pipeline
    ) -> None:
        """Metrics, then every rule's findings as diagnostics, sorted, into `result`."""
        from lint.language.metrics import document_metrics
        from lint.rules.api import RuleContext

        swedish = swedish_blocks(document, parsed)
        result.metrics = document_metrics(swedish, pipeline.provides)
        context = RuleContext(document, parsed, profile, settings, pipeline.provides, result.metrics)
        # Rules about Swedish words and sentences see only the Swedish blocks (TILL012).
        swedish_context = (
            context if len(swedish) == len(parsed) else RuleContext(document, swedish, profile, settings, pipeline.provides, result.metrics)
        )
        suppressor = Suppressor(
            document.directives, sorted({document.locate(b.segments[0].source_start)[0] for b in document.blocks if b.segments})
        )
        overrides = settings.severity
        budget = self.options.rule_budget
        for rule in rules:
            found: list[Diagnostic] = []
            try:
                severity = severity_for(rule, overrides)
                with time_budget(budget):
                    for hit in rule.check(swedish_context if rule.principle in LANGUAGE_BOUND else context):
                        found.append(self._diagnostic(rule, hit, document, severity))
            except RuleTimeout:
                result.errors.append(timeout_error(rule, budget, document.path))
                continue
            except Exception as error:  # one broken rule must not stop the run
                result.errors.append(
                    EngineError(
                        "E002",
                        f"Regeln {rule.code} ({rule.name}) avbröts av ett fel: {type(error).__name__}: {error}",
                        document.path,
                        rule.code,
                    )
                )
            result.diagnostics.extend(d for d in found if not suppressor.suppresses(rule.code, rule.name, d.line))
        if settings.report_unused_suppressions:
            result.diagnostics.extend(self._unused(suppressor, document, self.rules(settings)))
        from lint.engine.precedence import one_per_problem

        unique = one_per_problem(list(set(result.diagnostics)))  # rules/precedence.yaml
        result.diagnostics = sorted(unique, key=lambda d: (d.sort_key, d.offset, d.end_offset, d.message))  # total order: stable output

    def _runnable(self, settings: Settings, path: str, profile: str, pipeline) -> list[Rule]:
        """The rules to run, chosen and prepared once per (settings, ignores, profile) in a run."""
        key = (settings.ignored_for(path), profile, id(pipeline))
        for known, known_key, runnable in self._prepared:
            if known_key == key and (known is settings or known == settings):
                return runnable
        runnable = self._choose_rules(settings, path, profile, pipeline)
        self._prepared = [*self._prepared[-31:], (settings, key, runnable)]
        return runnable

    def _choose_rules(self, settings: Settings, path: str, profile: str, pipeline) -> list[Rule]:
        from lint.engine.thresholds import check_thresholds

        rules = self.rules(settings)
        check_selectors(settings, rules)
        check_thresholds(settings.thresholds, settings.source, self.profiles(), rules)
        ignores = settings.ignored_for(path)
        runnable = []
        for rule in rules:
            if not is_selected(rule, settings, ignores) or not rule.applies_to(profile):
                continue
            rule.prepare(pipeline.nlp)  # validates patterns even when the rule is skipped
            missing = rule.needs - pipeline.provides
            if missing:
                self._notice_skipped(rule, missing)
                continue
            runnable.append(rule)
        return runnable

    def _notice_skipped(self, rule: Rule, missing: frozenset[str]) -> None:
        if rule.code in self._skipped_notices:
            return
        self._skipped_notices.add(rule.code)
        names = ", ".join(ANNOTATION_NAMES[m] for m in sorted(missing))
        self.notices.append(f"{rule.code} ({rule.name}) hoppas över: språkmodellen saknar {names}.")

    def _diagnostic(self, rule: Rule, hit, document: Document, severity: Severity) -> Diagnostic:
        line, column, page = document.locate(hit.offset)
        end_line, end_column, _ = document.locate(hit.end_offset)
        values = dict(hit.values)
        values.setdefault("match", document.source[hit.offset : hit.end_offset])
        return redact_diagnostic(
            Diagnostic(
                code=rule.code,
                name=rule.name,
                principle=rule.principle,
                severity=severity,
                message=rule.format_message(values),
                path=document.path,
                line=line,
                column=column,
                end_line=end_line,
                end_column=end_column,
                offset=hit.offset,
                end_offset=hit.end_offset,
                match=document.source[hit.offset : hit.end_offset],
                suggestions=hit.suggestions,
                fix=hit.fix,
                page=page,
                whole_document=hit.whole_document,
                heading=document.heading_before(hit.offset) if document.binary else None,
            )
        )

    def _unused(self, suppressor: Suppressor, document: Document, rules: tuple[Rule, ...]) -> Iterator[Diagnostic]:
        code, name = UNUSED_SUPPRESSION
        for directive in suppressor.unused():
            start, end = document.line_index.line_span(directive.line)
            end = len(document.source) if end == -1 else end
            unknown = [c for c in directive.codes if not any(selector_matches(c, rule) for rule in rules)]
            if unknown:
                message = f"Undantaget kommlint-{directive.action} nämner en regel som inte finns: {', '.join(unknown)}."
            else:
                codes = " ".join(directive.codes) or "alla regler"
                message = f"Undantaget kommlint-{directive.action} ({codes}) tystar ingenting och kan tas bort."
            yield Diagnostic(
                code,
                name,
                "kommlint",
                Severity.INFO,
                message,
                document.path,
                directive.line,
                1,
                directive.line,
                end - start + 1,
                start,
                end,
                document.source[start:end],
            )


def _release(parsed: list) -> None:
    """Drop what the rules cached on each doc: sentence spans point back at their doc, and
    the cycle would keep every doc alive until the collector next walks them all."""
    for item in parsed:
        item.release()


def _profile_hint(name: str, profiles: Profiles) -> str:
    nearest = difflib.get_close_matches(name, list(profiles.by_name), n=1)
    listing = f" Profiler: {', '.join(profiles.by_name)}."
    return f" Menade du {nearest[0]}?{listing}" if nearest else listing


def _known(globs: dict[str, str], profiles: Profiles, where: str) -> dict[str, str]:
    for name in globs.values():
        _known_one(name, profiles, where)
    return globs


def _known_one(name: str | None, profiles: Profiles, where: str) -> str | None:
    if name is not None and name not in profiles:
        raise KommlintError(f"{where}: okänd profil ”{name}”.{_profile_hint(name, profiles)}")
    return name
