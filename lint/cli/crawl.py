"""`kommlint crawl` (crawl a site, lint every page, write the report) and `kommlint report`."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import click

from lint.cli.check import _codes
from lint.cli.main import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, run_guarded
from lint.diagnostics import Severity

DEFAULT_DB = "kommlint.sqlite"
EXIT_INTERRUPTED = 130


def echo_error(message: str) -> None:
    click.echo(f"kommlint: {message}", err=True)


def _read_url_file(path: Path) -> list[str]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise click.UsageError(f"Kan inte läsa URL-listan {path}: {error}") from None
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _check_urls(urls: list[str]) -> None:
    from lint.crawl.urls import SCHEMES, normalize, scheme_of

    for url in urls:
        if scheme_of(url) not in SCHEMES or normalize(url) is None:
            raise click.UsageError(f"”{url}” är ingen http- eller https-adress.")


@click.command()
@click.argument("urls", nargs=-1)
@click.option(
    "--sitemap",
    "sitemaps",
    multiple=True,
    metavar="URL",
    help="Webbplatskarta (eller index över kartor) att hämta sidor från. Kan anges flera gånger.",
)
@click.option(
    "--urls", "url_file", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Fil med en adress per rad att börja från."
)
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Mapp för report.html, report.json och databasen.",
)
@click.option(
    "--db",
    "db_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help=f"SQLite-databas med historiken (standard: {DEFAULT_DB} i mappen från --out).",
)
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    metavar="VÄRD",
    help="Ytterligare värd (eller värd:port) vars sidor får hämtas. Kan anges flera gånger.",
)
@click.option("--max-pages", type=click.IntRange(1), default=10_000, show_default=True, help="Högsta antal sidor att hämta.")
@click.option(
    "--max-depth", type=click.IntRange(0), default=None, help="Hur många länkar bort från startsidorna som följs (standard: obegränsat)."
)
@click.option("--concurrency", type=click.IntRange(1, 64), default=4, show_default=True, help="Samtidiga hämtningar.")
@click.option("--jobs", type=click.IntRange(1, 64), default=None, help="Processer som granskar sidor (standard: antal kärnor).")
@click.option(
    "--rate",
    type=click.FloatRange(0),
    default=4.0,
    show_default=True,
    help="Högsta antal förfrågningar per sekund och värd (0 = ingen gräns); robots.txt Crawl-delay kan sänka det.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(0.1),
    default=20.0,
    show_default=True,
    help="Tidsgräns i sekunder för hela förfrågan (inte per läsning).",
)
@click.option(
    "--retries",
    type=click.IntRange(0, 10),
    default=2,
    show_default=True,
    help="Nya försök efter tidsgräns, nätverksfel, 429 och 5xx (med växande väntetid).",
)
@click.option(
    "--retry-wait",
    type=click.FloatRange(0),
    default=1.0,
    show_default=True,
    help="Väntetid i sekunder före första nya försöket; fördubblas för varje försök.",
)
@click.option(
    "--max-bytes", type=click.IntRange(1024), default=10 * 1024 * 1024, show_default=True, help="Största sida eller fil som hämtas, i byte."
)
@click.option("--max-redirects", type=click.IntRange(0, 30), default=5, show_default=True, help="Högsta antal omdirigeringar i rad.")
@click.option("--no-follow", is_flag=True, help="Följ inga länkar; granska bara startadresserna och webbplatskartornas sidor.")
@click.option("--no-pdf", is_flag=True, help="Granska inte PDF-filer som sidorna länkar till.")
@click.option("--html-selector", metavar="CSS", help="CSS-väljare för sidornas huvudinnehåll (annars <main> eller <article>).")
@click.option("--force", is_flag=True, help="Bortse från historiken: hämta och granska alla sidor på nytt.")
@click.option("--resume", is_flag=True, help="Fortsätt den senaste körningen som avbröts.")
@click.option("--profile", help="Dokumentprofil för alla sidor (annars väljs den per sida).")
@click.option("--select", help="Kommaseparerade regler att köra: koder, prefix eller namn.")
@click.option("--ignore", help="Regler att hoppa över: koder, prefix eller namn.")
@click.option(
    "--config", "config_file", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Konfigurationsfil att använda."
)
@click.option("--model", help="spaCy-pipeline att använda: paketnamn eller sökväg.")
@click.option(
    "--fail-on",
    type=click.Choice(Severity.names(), case_sensitive=False),
    default=None,
    help="Ge felkod 1 om det finns fynd på den här nivån eller högre (standard: felkod 0 när körningen gick igenom).",
)
@click.option("-q", "--quiet", is_flag=True, help="Ingen rad per sida, bara sammanfattningen.")
def crawl(
    urls,
    sitemaps,
    url_file,
    out_dir,
    db_file,
    allow_hosts,
    max_pages,
    max_depth,
    concurrency,
    jobs,
    rate,
    timeout,
    retries,
    retry_wait,
    max_bytes,
    max_redirects,
    no_follow,
    no_pdf,
    html_selector,
    force,
    resume,
    profile,
    select,
    ignore,
    config_file,
    model,
    fail_on,
    quiet,
):
    """Hämta en webbplats, granska varje sida och skriv en rapport.

    Följer robots.txt (även Crawl-delay), webbplatskartor och länkar inom startadressernas
    värdar. Resultaten sparas i en SQLite-databas så att rapporten visar utvecklingen och
    vad som är nytt eller åtgärdat sedan förra körningen; oförändrade sidor hämtas med
    villkorliga förfrågningar och granskas inte om.

    \b
    Exempel:
      kommlint crawl https://start.stockholm/ --out rapport/
      kommlint crawl --sitemap https://start.stockholm/sitemap.xml --out rapport/ --max-pages 500
    """
    from lint.engine.linter import Options

    seeds = list(urls) + (_read_url_file(url_file) if url_file else [])
    if not seeds and not sitemaps:
        raise click.UsageError("Ange minst en adress, --urls FIL eller --sitemap URL.")
    _check_urls(seeds + list(sitemaps))
    options = Options(profile=profile, select=_codes(select), ignore=_codes(ignore), model=model, config_file=config_file)
    status = run_guarded(
        _crawl,
        seeds,
        list(sitemaps),
        out_dir,
        db_file or out_dir / DEFAULT_DB,
        options,
        fail_on,
        quiet,
        dict(
            allow_hosts=list(allow_hosts),
            max_pages=max_pages,
            max_depth=max_depth,
            max_redirects=max_redirects,
            follow_links=not no_follow,
            lint_pdfs=not no_pdf,
            html_selector=html_selector,
            force=force,
            resume=resume,
        ),
        dict(timeout=timeout, retries=retries, backoff=retry_wait, max_bytes=max_bytes, rate=rate, concurrency=concurrency),
        jobs,
    )
    sys.exit(status)


def _crawl(seeds, sitemaps, out_dir: Path, db_file: Path, options, fail_on, quiet, crawl_settings, fetch_settings, jobs) -> int:
    import os

    from lint.crawl import CrawlConfig, FetchSettings, Store
    from lint.crawl import crawl as run_crawl
    from lint.crawl.progress import make_progress

    config = CrawlConfig(
        seeds, sitemaps, fetch=FetchSettings(**fetch_settings), lint_options=options, jobs=jobs or os.cpu_count() or 1, **crawl_settings
    )
    signal.signal(signal.SIGTERM, _interrupt)  # a stopped job can be resumed like Ctrl-C
    with Store(db_file) as store:
        try:
            with make_progress(quiet=quiet) as progress:
                run_id = run_crawl(config, store, progress)
        except KeyboardInterrupt:
            echo_error(f"avbruten. Fortsätt med samma kommando och --resume (databas: {db_file}).")
            return EXIT_INTERRUPTED
        return _write(store, out_dir, run_id, fail_on)


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def _write(store, out_dir: Path, run_id: int, fail_on: str | None) -> int:
    from lint.sitereport import write_report
    from lint.sitereport.export import FINDINGS_CSV
    from lint.sitereport.model import build_model

    html_path, json_path = write_report(store, out_dir, run_id)
    report = build_model(store, run_id)
    counts = report.status_counts
    click.echo(
        f"{report.checked} sidor granskade ({counts.get('unchanged', 0)} oförändrade), {report.total_findings} fynd"
        f" ({len(report.new)} nya, {len(report.fixed)} åtgärdade), {counts.get('failed', 0)} kunde inte hämtas,"
        f" {counts.get('skipped', 0)} hoppades över.\nRapport: {html_path}\nJSON: {json_path}\nCSV: {html_path.parent / FINDINGS_CSV}"
    )
    if fail_on is None:
        return EXIT_OK
    threshold = Severity.parse(fail_on)
    worst = [level for level, count in report.by_severity.items() if count and Severity.parse(level) >= threshold]
    return EXIT_FINDINGS if worst else EXIT_OK


@click.command()
@click.option(
    "--db",
    "db_file",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="SQLite-databasen som kommlint crawl skrev.",
)
@click.option(
    "--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path), help="Mapp för report.html och report.json."
)
@click.option("--run", "run_id", type=int, default=None, help="Körning att rapportera (standard: den senaste).")
def report(db_file, out_dir, run_id):
    """Skriv om webbplatsrapporten från databasen, utan att hämta något."""
    sys.exit(run_guarded(_report, db_file, out_dir, run_id))


def _report(db_file: Path, out_dir: Path, run_id: int | None) -> int:
    from lint.crawl import Store
    from lint.sitereport import write_report
    from lint.sitereport.export import FINDINGS_CSV

    with Store(db_file) as store:
        try:
            html_path, json_path = write_report(store, out_dir, run_id)
        except LookupError as error:
            echo_error(str(error.args[0]))
            return EXIT_ERROR
    click.echo(f"Rapport: {html_path}\nJSON: {json_path}\nCSV: {html_path.parent / FINDINGS_CSV}")
    return EXIT_OK
