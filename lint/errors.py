"""Errors with Swedish messages that the CLI shows as they are."""


class KommlintError(Exception):
    """Base for errors that stop a run or a file with a message for the user."""

    exit_code = 2


class ReadError(KommlintError):
    """A file that cannot be read as a document."""


class ConfigError(KommlintError):
    """An invalid configuration file or option."""


class RulePackError(KommlintError):
    """An invalid rule pack: names file, line, rule and field."""
