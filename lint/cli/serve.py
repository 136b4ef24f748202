"""`kommlint serve`: the local web page for communicators."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from lint.cli.main import EXIT_OK, run_guarded


@click.command()
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True, help="Port att lyssna på (0 väljer en ledig port).")
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Adress att lyssna på. Ändra bara om sidan ska nås från andra datorer."
)
@click.option("--allow-host", "allow_hosts", multiple=True, help="Fler värdnamn som sidan får nås med (kan anges flera gånger).")
@click.option("--no-browser", is_flag=True, help="Öppna inte sidan i webbläsaren.")
@click.option(
    "--live-limit",
    type=click.IntRange(min=0),
    default=20_000,
    show_default=True,
    help="Granska igen medan användaren skriver, för texter upp till så här många tecken.",
)
@click.option("--max-upload", type=click.IntRange(min=1), default=10, show_default=True, help="Största fil eller text som tas emot, i MB.")
@click.option(
    "--config",
    "config_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Använd den här konfigurationsfilen i stället för att söka uppåt.",
)
@click.option("--model", help="spaCy-pipeline att använda: paketnamn eller sökväg.")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="Granskningar som kan pågå samtidigt (en process med språkmodellen var).",
)
@click.option(
    "--budget",
    type=click.FloatRange(min=1),
    default=60,
    show_default=True,
    help="Längsta tid en granskning får ta, i sekunder; sedan avbryts den.",
)
def serve(port, host, allow_hosts, no_browser, live_limit, max_upload, config_file, model, workers, budget):
    """Starta en webbsida på din egen dator där du klistrar in eller drar in en text
    och ser fynden markerade i texten, med förklaringar och förslag.

    Sidan finns bara på din dator (127.0.0.1) om du inte anger --host. Språkmodellen
    läses in en gång när servern startar. Avsluta med Ctrl+C.

    \b
    Sidan anropar POST /api/check, som ger samma JSON som
    `kommlint check --format json`; se README.
    """
    sys.exit(run_guarded(_serve, port, host, allow_hosts, no_browser, live_limit, max_upload, config_file, model, workers, budget))


def _serve(port, host, allow_hosts, no_browser, live_limit, max_upload, config_file, model, workers=2, budget=60.0) -> int:
    from lint.engine.linter import Options
    from lint.serve.app import ServeConfig
    from lint.serve.pool import ProcessAnalyzer
    from lint.serve.runner import bind, open_browser, serve, url

    sock = bind(host, port)
    config = ServeConfig(
        host=host,
        port=sock.getsockname()[1],
        extra_hosts=tuple(allow_hosts),
        max_live_chars=live_limit,
        max_upload_bytes=max_upload * 1024 * 1024,
    )
    click.echo("kommlint: läser in språkmodellen och reglerna …", err=True)
    analyzer = ProcessAnalyzer(Options(model=model, config_file=config_file), workers=workers, budget=budget)
    try:
        analyzer.warm_up()
        address = url(config)
        click.echo(f"kommlint: sidan finns på {address}  (avsluta med Ctrl+C)", err=True)
        serve(analyzer, config, sock, on_started=None if no_browser else lambda: open_browser(address))
    finally:
        analyzer.close()
    return EXIT_OK
