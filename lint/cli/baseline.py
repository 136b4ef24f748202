"""`kommlint baseline create`: record today's findings so `check --baseline` shows only new ones."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from lint.cli.main import EXIT_ERROR, EXIT_OK, SwedishGroup, run_guarded


@click.group(cls=SwedishGroup)
def baseline():
    """Baslinje: spara dagens fynd så att bara nya fynd rapporteras."""


@baseline.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "-o", "--output", "output", required=True, type=click.Path(dir_okay=False), metavar="FIL", help="Filen som baslinjen sparas i (JSON)."
)
@click.option("--profile", help="Dokumentprofil, som för check.")
@click.option(
    "--config", "config_file", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Använd den här konfigurationsfilen."
)
@click.option("--no-cache", is_flag=True, help="Använd inte resultatcachen.")
def create(paths, output, profile, config_file, no_cache):
    """Granska filerna och mapparna och spara alla fynd i baslinjen (filen efter -o).

    \b
    Exempel:
      kommlint baseline create webbplats/ -o kommlint-baslinje.json
      kommlint check webbplats/ --baseline kommlint-baslinje.json
    """
    sys.exit(run_guarded(_create, paths, output, profile, config_file, no_cache))


def _create(paths, output, profile, config_file, no_cache) -> int:
    from lint.cli.check_extras import CheckExtras
    from lint.engine.baseline import create as write_baseline
    from lint.engine.linter import Linter, Options
    from lint.wording import count

    linter = Linter(Options(profile=profile, config_file=config_file))
    runner = CheckExtras(no_cache=no_cache).runner(linter)
    results = list(runner.lint_paths(paths))
    if not results:
        click.echo("kommlint: hittade inga filer att granska.", err=True)
        return EXIT_ERROR
    for result in results:
        for error in result.errors:
            click.echo(f"kommlint: {result.path}: {error.message}", err=True)
    recorded = write_baseline(results, output)
    click.echo(f"Sparade {recorded} fynd från {count(len(results), 'fil', 'filer')} i baslinjen {output}.")
    return EXIT_ERROR if any(result.errors for result in results) else EXIT_OK
