"""The `kommlint` command: a thin layer over the engine (Swedish help texts).

Subcommands live in their own modules and are imported only when used, so
`kommlint --version` and `kommlint rules` start without spaCy.
"""

from __future__ import annotations

import importlib

import click

from lint import __version__
from lint.cli import click_sv
from lint.errors import KommlintError

click_sv.install()  # before the decorators below create click's own help texts

# name → "module:attribute"; features add their commands here.
COMMANDS = {
    "check": "lint.cli.check:check",
    "rules": "lint.cli.check:rules",
    "rule": "lint.cli.check:rule",
    "model": "lint.cli.model:model",
    "baseline": "lint.cli.baseline:baseline",
    "cache": "lint.cli.cache:cache",
    "serve": "lint.cli.serve:serve",
    "crawl": "lint.cli.crawl:crawl",
    "report": "lint.cli.crawl:report",
    "profiles": "lint.cli.profiles:profiles",
}

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, _, attribute = COMMANDS[name].partition(":")
        command = getattr(importlib.import_module(module), attribute)
        _swedish_metavars(command)
        return command


def _swedish_metavars(command: click.Command) -> None:
    command.options_metavar = "[FLAGGOR]"
    if isinstance(command, click.Group):
        command.subcommand_metavar = "KOMMANDO [ARGUMENT]..."
        for sub in command.commands.values():
            _swedish_metavars(sub)


CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(cls=LazyGroup, context_settings=CONTEXT, options_metavar="[FLAGGOR]", subcommand_metavar="KOMMANDO [ARGUMENT]...")
@click.version_option(__version__, "-V", "--version", prog_name="kommlint", message="%(prog)s %(version)s")
def main() -> None:
    """kommlint granskar texter från Stockholms stad mot kommunikationsprogrammet:
    klarspråk, målgruppsanpassning, avsändare, offentlighet och tillgänglighet.

    \b
    Exempel:
      kommlint check utkast.md
      kommlint check webbplats/ --format json
      kommlint rule KLAR001
    """


def run_guarded(function, *args, **kwargs) -> int:
    """Run a command body; a KommlintError becomes a Swedish message and exit code 2."""
    try:
        return function(*args, **kwargs)
    except KommlintError as error:
        click.echo(f"kommlint: {error}", err=True)
        return EXIT_ERROR
