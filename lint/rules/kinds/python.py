"""python: a rule whose check is a Python class.

In a rule pack: `kind: python` and `check: "package.module:ClassName"`, a subclass of
`Check`. The class declares a typed `Options` model (the YAML's `options` are validated
against it when the pack is loaded) and the message variants it reports; the text of
each variant stands in the YAML under `messages`, never in code. Third parties can also
ship whole rules through the entry-point group `kommlint.rules` (see
lint.rules.packs.load_entry_point_rules).
"""

from __future__ import annotations

import importlib
import string
from collections.abc import Iterable
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from lint.rules.api import Hit, Rule, RuleContext, RuleSpec, SpecError

# What any check may put in a message; a check adds its own in `Check.values`.
COMMON_PLACEHOLDERS = frozenset({"match", "suggestion", "suggestions", "value", "limit", "organization", "profile"})


class Check:
    """A Python check. Subclasses set `Options`, `variants` and `values` and define `run`."""

    class Options(BaseModel):
        model_config = ConfigDict(extra="forbid")

    variants: ClassVar[frozenset[str]] = frozenset()  # message variants (keys of the YAML's `messages`)
    values: ClassVar[frozenset[str]] = frozenset()  # placeholders beyond COMMON_PLACEHOLDERS

    def __init__(self, rule: PythonRule, options: BaseModel) -> None:
        self.rule = rule
        self.options = options

    @property
    def spec(self) -> PythonSpec:
        return self.rule.spec

    @property
    def code(self) -> str:
        return self.rule.code

    def message_variants(self) -> frozenset[str]:
        """The variants the YAML must give a text for (a check may derive more from its options)."""
        return self.variants

    def prepare(self, nlp: Any) -> None:
        """Compile what needs the loaded pipeline (spaCy Matcher patterns, say)."""

    def run(self, ctx: RuleContext) -> Iterable[Hit]:
        raise NotImplementedError


class PythonSpec(RuleSpec):
    kind: Literal["python"]
    check: str = Field(pattern=r"^[\w.]+:\w+$")
    options: dict[str, Any] = {}
    message: str | None = None  # type: ignore[assignment]  # when there are no variants
    messages: dict[str, str] = {}  # variant → message
    fixable: bool = False

    placeholders: ClassVar[frozenset[str] | None] = None  # see _check_messages

    @model_validator(mode="after")
    def _a_message(self) -> PythonSpec:
        if self.message is None and not self.messages:
            raise ValueError("regeln behöver message eller messages")
        return self


class PythonRule(Rule):
    kind = "python"
    spec_model = PythonSpec
    spec: PythonSpec

    def __init__(self, spec: PythonSpec, origin: str = "") -> None:
        super().__init__(spec, origin)
        check_class = _check_class(spec.check)
        try:
            options = check_class.Options.model_validate(spec.options)
        except ValidationError as error:
            raise SpecError(("options",), error, check_class.Options) from None
        self.implementation: Check = check_class(self, options)
        _check_messages(spec, self.implementation)

    @property
    def fixable(self) -> bool:
        return self.spec.fixable

    @property
    def options(self) -> BaseModel:
        return self.implementation.options

    def prepare(self, nlp: Any) -> None:
        self.implementation.prepare(nlp)

    def check(self, ctx: RuleContext) -> Iterable[Hit]:
        return self.implementation.run(ctx)


def _check_class(target: str) -> type[Check]:
    module_name, _, attribute = target.partition(":")
    try:
        found: Any = getattr(importlib.import_module(module_name), attribute)
    except (ImportError, AttributeError) as error:
        raise SpecError(("check",), f"kan inte läsa in {target} ({error})") from None
    if not (isinstance(found, type) and issubclass(found, Check)):
        raise SpecError(("check",), f"{target} är ingen Check-klass")
    return found


def _check_messages(spec: PythonSpec, check: Check) -> None:
    """Every variant the check reports has a text, the YAML has no others, and each text
    uses only placeholders the check fills in."""
    wanted = check.message_variants()
    for variant in sorted(wanted - spec.messages.keys()):
        raise SpecError(("messages",), f"texten för varianten ”{variant}” saknas")
    for variant in sorted(spec.messages.keys() - wanted):
        raise SpecError(("messages", variant), f"okänd variant (regeln har {', '.join(sorted(wanted)) or 'inga varianter'})")
    allowed = COMMON_PLACEHOLDERS | check.values
    texts = [(("message",), spec.message or "")] + [(("messages", key), text) for key, text in spec.messages.items()]
    for location, text in texts:
        unknown = {name for _, name, _, _ in string.Formatter().parse(text) if name} - allowed
        if unknown:
            names = ", ".join("{" + name + "}" for name in sorted(allowed))
            raise SpecError(location, f"okänd platshållare {{{sorted(unknown)[0]}}}; tillåtna: {names}")
