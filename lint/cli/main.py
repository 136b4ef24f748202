"""The `kommlint` command: a thin layer over the engine (Swedish help texts).

Subcommands live in their own modules and are imported only when used, so
`kommlint --version` and `kommlint rules` start without spaCy.
"""

from __future__ import annotations

import difflib
import importlib
import os

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
    "annotate": "lint.cli.annotate:annotate",
}

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class SwedishGroup(click.Group):
    """A command group whose unknown-command error suggests the nearest command."""

    def resolve_command(self, ctx: click.Context, args: list[str]):
        name = args[0] if args else ""
        if args and self.get_command(ctx, name) is None and not name.startswith("-"):
            nearest = difflib.get_close_matches(name, self.list_commands(ctx), n=1)
            hint = f" Menade du {nearest[0]}?" if nearest else f" Kommandon: {', '.join(self.list_commands(ctx))}."
            ctx.fail(f"Kommandot ”{name}” finns inte.{hint}")
        return super().resolve_command(ctx, args)


class LazyGroup(SwedishGroup):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, _, attribute = COMMANDS[name].partition(":")
        command = getattr(importlib.import_module(module), attribute)
        _swedish_metavars(command)
        _accept_no_color(command)
        return command


# Metavariables by the option's type, where the option does not name its own.
METAVARS = {"integer": "HELTAL", "float": "TAL", "text": "VÄRDE", "boolean": "JA|NEJ"}
# Names that say more than the type for the text options the commands share.
OPTION_METAVARS = {
    "profile": "PROFIL",
    "select": "REGLER",
    "extend_select": "REGLER",
    "ignore": "REGLER",
    "model": "MODELL",
    "stdin_filename": "FILNAMN",
    "fail_on": None,
    "output_format": None,
    "model_name": "MODELL",
    "host": "ADRESS",
    "allow_host": "VÄRDNAMN",
}


def _metavar(param: click.Parameter) -> str | None:
    if param.name in OPTION_METAVARS:
        return OPTION_METAVARS[param.name]
    kind = param.type
    if isinstance(kind, click.Path):
        return "MAPP" if not kind.file_okay else "FIL" if not kind.dir_okay else "SÖKVÄG"
    if isinstance(kind, click.File):
        return "FIL"
    if isinstance(kind, click.Choice):
        return None  # click shows the choices
    return METAVARS.get(kind.name.split()[0].lower(), "VÄRDE")


def _no_color(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value:
        os.environ["NO_COLOR"] = "1"  # rich honours it, and so does every reporter


def _accept_no_color(command: click.Command) -> None:
    """Every command takes --no-color (and NO_COLOR is honoured), whether it colours or not."""
    if not any(param.name == "no_color" for param in command.params):
        command.params.append(
            click.Option(
                ["--no-color"],
                is_flag=True,
                expose_value=False,
                callback=_no_color,
                help="Ingen färg i utdata (som miljövariabeln NO_COLOR).",
            )
        )
    for sub in getattr(command, "commands", {}).values():
        _accept_no_color(sub)


def use_color(no_color: bool = False) -> bool:
    """Whether output may be coloured: not with --no-color or the NO_COLOR variable (no-color.org)."""
    return not no_color and not os.environ.get("NO_COLOR")


# Arguments that do not name their own metavariable (click would write PATHS, URLS).
ARGUMENT_METAVARS = {"paths": "SÖKVÄG", "urls": "ADRESS", "path": "SÖKVÄG"}


def _argument_metavar(param: click.Argument) -> str:
    name = ARGUMENT_METAVARS.get(param.name or "", "VÄRDE")
    name = name if param.required else f"[{name}]"
    return f"{name}..." if param.nargs != 1 else name


class _DecimalComma(float):
    """A float default that click's help writes with a decimal comma (4,0 rather than 4.0)."""

    def __str__(self) -> str:
        return repr(float(self)).replace(".", ",")


def _swedish_default(param: click.Option) -> None:
    if isinstance(param.default, float) and not isinstance(param.default, _DecimalComma):
        param.default = _DecimalComma(param.default)
    for end in ("min", "max"):  # the range click prints ([x>=0,1])
        bound = getattr(param.type, end, None)
        if isinstance(bound, float) and not isinstance(bound, _DecimalComma):
            setattr(param.type, end, _DecimalComma(bound))


def _swedish_metavars(command: click.Command) -> None:
    command.options_metavar = "[FLAGGOR]"
    for param in command.params:
        if isinstance(param, click.Argument) and param.metavar is None:
            param.metavar = _argument_metavar(param)
        if isinstance(param, click.Option) and param.metavar is None and not param.is_flag and not param.count:
            param.metavar = _metavar(param)
        if isinstance(param, click.Option):
            _swedish_default(param)
    if isinstance(command, click.Group):
        command.subcommand_metavar = "KOMMANDO [ARGUMENT]..."
        for sub in command.commands.values():
            _swedish_metavars(sub)


CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(cls=LazyGroup, context_settings=CONTEXT, options_metavar="[FLAGGOR]", subcommand_metavar="KOMMANDO [ARGUMENT]...")
@click.version_option(__version__, "-V", "--version", prog_name="kommlint", message="%(prog)s %(version)s")
def main() -> None:
    """kommlint granskar texter från Stockholms stad mot kommunikationsprogrammet:
    klarspråk, målgruppsanpassning, avsändare, offentlighet, tillgänglighet och
    språkriktighet.

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
