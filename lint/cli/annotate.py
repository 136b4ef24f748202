"""`kommlint annotate`: a Word copy with the findings as comments and the fixes as tracked changes."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from lint.cli.main import EXIT_ERROR, EXIT_OK, run_guarded


@click.command()
@click.argument("path", type=click.Path(dir_okay=False), metavar="FIL")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), metavar="UT", help="Filen att skriva (standard: FIL med .kommlint före .docx)."
)
@click.option("--force", is_flag=True, help="Skriv över UT om den redan finns.")
@click.option("--no-changes", is_flag=True, help="Bara kommentarer, inga spårade ändringar.")
@click.option("--profile", help="Dokumentprofil (t.ex. webbsida, beslut, brev).")
@click.option("--select", help="Kommaseparerade regler att köra: koder, prefix (KLAR) eller namn.")
@click.option("--ignore", help="Regler att hoppa över: koder, prefix eller namn.")
@click.option(
    "--config",
    "config_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Använd den här konfigurationsfilen i stället för att söka uppåt.",
)
@click.option("--model", help="spaCy-pipeline att använda: paketnamn eller sökväg.")
def annotate(path, output, force, no_changes, profile, select, ignore, config_file, model):
    """Skriv en kopia av ett Word-dokument där varje fynd är en kommentar på de
    träffade orden och varje säker rättning en spårad ändring som du godkänner
    eller avvisar i Word. Originalet ändras aldrig.

    \b
    Exempel:
      kommlint annotate utkast.docx
      kommlint annotate utkast.docx -o granskat.docx --no-changes
    """
    sys.exit(run_guarded(_annotate, path, output, force, no_changes, profile, select, ignore, config_file, model))


def _annotate(path, output, force, no_changes, profile, select, ignore, config_file, model) -> int:
    from lint.annotate import annotate_file, default_output
    from lint.cli.check import _codes
    from lint.engine.linter import Linter, Options
    from lint.engine.writing import write_atomically

    target = Path(output) if output else default_output(path)
    if target.resolve() == Path(path).resolve():
        click.echo("kommlint: utfilen får inte vara samma som originalet; ange en annan med -o.", err=True)
        return EXIT_ERROR
    if target.exists() and not force:
        click.echo(f"kommlint: {target} finns redan. Ange --force för att skriva över den, eller en annan fil med -o.", err=True)
        return EXIT_ERROR
    linter = Linter(Options(profile=profile, select=_codes(select), ignore=_codes(ignore), model=model, config_file=config_file))
    annotation = annotate_file(linter, path, changes=not no_changes)
    try:
        write_atomically(target, annotation.data)
    except OSError as error:
        click.echo(f"kommlint: kan inte skriva {target}: {error.strerror}.", err=True)
        return EXIT_ERROR
    for notice in linter.notices:
        click.echo(f"kommlint: {notice}", err=True)
    click.echo(f"kommlint: skrev {target}: {_summary(annotation)}", err=True)
    return EXIT_OK


def _summary(annotation) -> str:
    from lint.wording import count

    parts = [count(annotation.comments, "kommentar", "kommentarer"), count(annotation.changes, "spårad ändring", "spårade ändringar")]
    text = " och ".join(parts) + "."
    if annotation.outside:
        text += f" {count(annotation.outside, 'fynd', 'fynd')} i sidhuvud, sidfot, fotnoter eller textrutor finns samlade i den första kommentaren."
    if annotation.changes_dropped:
        text += " De spårade ändringarna gick inte att lägga in i det här dokumentet; rättningarna står i kommentarerna."
    return text
