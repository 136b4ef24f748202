"""python: a rule whose check is a Python function.

In a rule pack: `kind: python` and `function: "package.module:callable"`; the callable
takes `(ctx, rule)` and yields Hits. Third parties can also ship whole rules through
the entry-point group `kommlint.rules` (see lint.rules.packs.load_entry_point_rules).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from typing import Any, ClassVar, Literal

from pydantic import Field

from lint.errors import RulePackError
from lint.rules.api import Hit, Rule, RuleContext, RuleSpec


class PythonSpec(RuleSpec):
    kind: Literal["python"]
    function: str = Field(pattern=r"^[\w.]+:[\w.]+$")
    options: dict[str, Any] = {}
    fixable: bool = False

    # Python rules may pass any values they compute.
    placeholders: ClassVar[frozenset[str]] = frozenset(
        {"match", "suggestion", "suggestions", "value", "limit", "band", "organization", "profile", "detail"}
    )


class PythonRule(Rule):
    kind = "python"
    spec_model = PythonSpec
    spec: PythonSpec

    def __init__(self, spec: PythonSpec, origin: str = "") -> None:
        super().__init__(spec, origin)
        self._function: Callable[[RuleContext, PythonRule], Iterable[Hit]] | None = None

    @property
    def fixable(self) -> bool:
        return self.spec.fixable

    @property
    def options(self) -> dict[str, Any]:
        return self.spec.options

    def function(self) -> Callable[[RuleContext, PythonRule], Iterable[Hit]]:
        if self._function is None:
            module_name, _, attribute = self.spec.function.partition(":")
            try:
                target: Any = importlib.import_module(module_name)
                for part in attribute.split("."):
                    target = getattr(target, part)
            except (ImportError, AttributeError) as error:
                raise RulePackError(f"{self.origin}: regel {self.code}, fält function: kan inte läsa in {self.spec.function} ({error})") from None
            self._function = target
        return self._function

    def check(self, ctx: RuleContext) -> Iterable[Hit]:
        return self.function()(ctx, self)
