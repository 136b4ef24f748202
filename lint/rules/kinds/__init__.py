"""Rule kinds, one module each. A pack's `kind:` field picks the class here."""

from lint.rules.api import Rule
from lint.rules.kinds.existence import ExistenceRule
from lint.rules.kinds.metric import MetricRule
from lint.rules.kinds.pattern import PatternRule
from lint.rules.kinds.python import PythonRule
from lint.rules.kinds.required import RequiredRule
from lint.rules.kinds.substitution import SubstitutionRule

KINDS: dict[str, type[Rule]] = {
    rule.kind: rule for rule in (SubstitutionRule, ExistenceRule, PatternRule, MetricRule, RequiredRule, PythonRule)
}
