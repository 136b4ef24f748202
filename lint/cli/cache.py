"""`kommlint cache`: where the result cache is, and emptying it."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from lint.cli.main import EXIT_OK, SwedishGroup, run_guarded


@click.group(cls=SwedishGroup)
def cache():
    """Resultatcachen: oförändrade filer granskas inte om."""


@cache.command()
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False),
    metavar="MAPP",
    help="Cachemappen (annars cache-dir i konfigurationen eller användarens cachemapp).",
)
def clean(cache_dir):
    """Töm cachen."""
    sys.exit(run_guarded(_clean, cache_dir))


@cache.command()
@click.option("--cache-dir", type=click.Path(file_okay=False), metavar="MAPP", help="Cachemappen att visa.")
def dir(cache_dir):  # noqa: A001 - the command is called `dir`
    """Visa var cachen ligger."""
    sys.exit(run_guarded(_where, cache_dir))


def _folder(option):
    from lint.engine.cache import cache_dir
    from lint.engine.config import discover

    return cache_dir(discover(Path.cwd()), option)


def _clean(option) -> int:
    from lint.engine.cache import clean as empty

    folder = _folder(option)
    removed = empty(folder)
    click.echo(f"Tömde cachen i {folder} ({removed} sparade resultat togs bort).")
    return EXIT_OK


def _where(option) -> int:
    click.echo(str(_folder(option)))
    return EXIT_OK
