"""kommlint: a linter for the outgoing texts of Swedish public bodies."""

__version__ = "0.1.0"
