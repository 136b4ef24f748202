"""Rule kinds, one module each. A pack's `kind:` field picks the class here."""

from lint.kinds.base import Rule
from lint.kinds.existence import ExistenceRule
from lint.kinds.metric import MetricRule
from lint.kinds.python import PythonRule
from lint.kinds.required import RequiredRule
from lint.kinds.substitution import SubstitutionRule

KINDS: dict[str, type[Rule]] = {
    rule.kind: rule for rule in (SubstitutionRule, ExistenceRule, MetricRule, RequiredRule, PythonRule)
}
