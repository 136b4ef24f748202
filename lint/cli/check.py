"""`kommlint check`, `kommlint rules` and `kommlint rule`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from lint.cli.main import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, run_guarded, use_color
from lint.diagnostics import Severity

FORMATS = ["text", "concise", "json", "sarif", "github", "junit"]


def _codes(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(part.strip() for part in value.split(",") if part.strip())


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True), metavar="[SÖKVÄG]...")
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text", show_default=True, help="Utdataformat.")
@click.option("--profile", help="Dokumentprofil (t.ex. webbsida, beslut, brev). Annars väljs den ur metadata, konfiguration eller texten.")
@click.option("--select", help="Kommaseparerade regler att köra: koder, prefix (KLAR) eller namn.")
@click.option("--extend-select", help="Regler att lägga till utöver urvalet.")
@click.option("--ignore", help="Regler att hoppa över: koder, prefix eller namn.")
@click.option(
    "--fail-on",
    type=click.Choice(Severity.names(), case_sensitive=False),
    default=None,
    help="Lägsta nivå som ger felkod 1 (standard: varning).",
)
@click.option("--statistics", is_flag=True, help="Visa antal fynd per regel.")
@click.option("--no-color", is_flag=True, help="Ingen färg i utdata (som miljövariabeln NO_COLOR).")
@click.option("-q", "--quiet", is_flag=True, help="Skriv bara fynden (med nivå och källrad), ingen sammanfattning per fil eller totalt.")
@click.option("--stdin-filename", help="Filnamn att visa (och välja format efter) när texten läses från standard in.")
@click.option(
    "--config",
    "config_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Använd den här konfigurationsfilen i stället för att söka uppåt.",
)
@click.option("--model", help="spaCy-pipeline att använda: paketnamn eller sökväg.")
@click.option(
    "--report-unused-suppressions", is_flag=True, default=None, help="Rapportera kommlint-disable-kommentarer som inte tystar något."
)
@click.option("--fix", is_flag=True, help="Rätta fynd med säkra rättningar direkt i filerna.")
@click.option("--unsafe-fixes", is_flag=True, help="Ta med rättningar som kan ändra betydelsen (med --fix eller --diff).")
@click.option("--diff", is_flag=True, help="Visa rättningarna som en diff utan att ändra filerna.")
@click.option("--no-cache", is_flag=True, help="Använd inte resultatcachen.")
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False),
    metavar="MAPP",
    help="Mapp för resultatcachen (annars cache-dir i konfigurationen eller användarens cachemapp).",
)
@click.option(
    "--output-file",
    type=click.Path(dir_okay=False),
    metavar="FIL",
    help="Skriv rapporten till den här filen i stället för till standard ut.",
)
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False),
    metavar="FIL",
    help="Visa bara fynd som inte finns i baslinjen (skapas med kommlint baseline create).",
)
@click.option("--changed-since", metavar="REV", help="Granska bara filer som lagts till eller ändrats sedan git-revisionen REV.")
@click.option(
    "--jobs",
    type=click.IntRange(1, 64),
    default=None,
    metavar="N",
    help="Processer som granskar filer samtidigt (standard: antal kärnor; 1 för standard in).",
)
@click.option("--verbose", is_flag=True, help="Visa hela felspårningen (traceback) för interna fel (E003).")
@click.option(
    "--explain-profile", is_flag=True, help="Visa (på standard fel) varför profilen valdes: poängen för varje profil och vad som saknades."
)
def check(
    paths,
    output_format,
    profile,
    select,
    extend_select,
    ignore,
    fail_on,
    statistics,
    no_color,
    quiet,
    stdin_filename,
    config_file,
    model,
    report_unused_suppressions,
    fix,
    unsafe_fixes,
    diff,
    no_cache,
    cache_dir,
    output_file,
    baseline,
    changed_since,
    jobs,
    verbose,
    explain_profile,
):
    """Granska texter och rapportera fynd.

    Mappar gås igenom rekursivt (utom det som exclude anger). Felkod 0: inga fynd på
    eller över --fail-on; 1: sådana fynd; 2: fel i användning, konfiguration eller
    regelpaket, eller en fil som inte kunde läsas.
    """
    from lint.cli.check_extras import CheckExtras
    from lint.engine.linter import Linter, Options

    extras = CheckExtras(fix, unsafe_fixes, diff, no_cache, cache_dir, output_file, baseline, changed_since)
    options = Options(
        profile=profile,
        select=_codes(select),
        extend_select=_codes(extend_select),
        ignore=_codes(ignore),
        model=model,
        config_file=config_file,
        report_unused_suppressions=report_unused_suppressions,
        keep_documents=output_format == "text" or extras.fixing,
    )
    linter = Linter(options)
    status = run_guarded(
        _check,
        linter,
        paths or (".",),
        output_format,
        fail_on,
        statistics,
        use_color(no_color),
        quiet,
        stdin_filename,
        extras,
        verbose,
        jobs,
    )
    if explain_profile:
        run_guarded(_explain_profiles, linter, paths or (".",))
    sys.exit(status)


def _explain_profiles(linter, paths) -> int:
    """Every profile's score for each file checked (computed anew: a cached result keeps
    only the chosen profile and its reason)."""
    from lint.formats import read_path
    from lint.rules.profile_detection import explain

    for path in linter.expand(p for p in paths if p != "-"):
        try:
            document = read_path(path)
        except Exception as error:  # an unreadable file is already reported by check
            click.echo(f"{path}: kan inte läsas för --explain-profile ({type(error).__name__})", err=True)
            continue
        choice, scores = linter.profiles().detect_scored(document)
        shown = choice.profile.name if choice else linter.profiles().default
        click.echo(f"{path}: profil från texten: {shown}", err=True)
        click.echo(explain(scores), err=True)
    return EXIT_OK


def _check(linter, paths, output_format, fail_on, statistics, color, quiet, stdin_filename, extras=None, verbose=False, jobs=None) -> int:
    from lint.cli.check_extras import CheckExtras
    from lint.reporters import Report, render

    extras = extras or CheckExtras()
    runner = extras.runner(linter)
    paths = extras.paths(linter, paths)
    if extras.changed_since and not paths:
        return EXIT_OK
    results = _lint(linter, runner, paths, stdin_filename, 1 if "-" in paths or extras.fixing else jobs)
    if not results:
        click.echo("kommlint: hittade inga filer att granska.", err=True)
        return EXIT_ERROR
    results = extras.after(results, linter)
    if extras.diff:
        return extras.show_diff()
    report = Report(results, notices=[] if quiet else linter.notices, statistics=statistics, quiet=quiet)
    with extras.output() as stream:
        render(output_format, report, stream, color=color and stream.isatty())
    if verbose:
        for error in (e for result in results for e in result.errors if e.detail):
            click.echo(f"kommlint: {error.path}: {error.code}\n{error.detail}", err=True)
    return exit_code(report, linter, fail_on)


def _lint(linter, runner, paths, stdin_filename, jobs) -> list:
    from lint.engine.parallel import default_jobs, lint_all

    jobs = jobs or default_jobs()
    if jobs > 1:
        return lint_all(runner, linter, list(paths), jobs)
    results = []
    for path in paths:
        if path == "-":
            name = stdin_filename or "-"
            results.append(linter.lint_file(name if stdin_filename else "stdin.txt", data=sys.stdin.buffer.read(), display_path=name))
        else:
            results.extend(runner.lint_paths([path]))
    return results


def exit_code(report, linter, fail_on: str | None) -> int:
    if any(result.errors for result in report.files):
        return EXIT_ERROR
    settings_level = {linter.settings_for(result.path).fail_on for result in report.files if result.path != "-"}
    threshold = Severity.parse(fail_on or (min(settings_level, key=lambda s: Severity.parse(s)) if settings_level else "warning"))
    if any(d.severity >= threshold for d in report.diagnostics):
        return EXIT_FINDINGS
    return EXIT_OK


@click.command()
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", help="Utdataformat.")
def rules(output_format):
    """Lista alla regler: kod, namn, princip, nivå och om de kan åtgärdas automatiskt."""
    sys.exit(run_guarded(_rules, output_format))


def _rules(output_format: str) -> int:
    import json

    from rich.console import Console
    from rich.table import Table

    from lint.rules.packs import load_rules

    loaded = load_rules()
    if output_format == "json":
        rows = [
            {"code": r.code, "name": r.name, "principle": r.principle, "severity": r.severity.label, "kind": r.kind, "fixable": r.fixable}
            for r in loaded
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    from lint.wording import KIND_LABELS

    table = Table("Kod", "Namn", "Princip", "Nivå", "Typ", "Kan rättas")
    for column in table.columns:
        column.no_wrap = True  # names are what users type in --select: never cut them
    for r in loaded:
        table.add_row(r.code, r.name, r.principle, r.severity.swedish, KIND_LABELS.get(r.kind, r.kind), "ja" if r.fixable else "")
    console = Console(highlight=False)
    if not console.is_terminal:
        console.width = 200
    console.print(table)
    return EXIT_OK


@click.command()
@click.argument("code_or_name", metavar="KOD_ELLER_NAMN")
def rule(code_or_name):
    """Visa förklaringen till en regel (kod eller namn), med exempel."""
    sys.exit(run_guarded(_rule, code_or_name))


def _rule(code_or_name: str) -> int:
    import difflib

    from rich.console import Console
    from rich.markdown import Markdown

    from lint.rules.explain import explanation_markdown
    from lint.rules.packs import load_rules

    loaded = load_rules()
    wanted = code_or_name.strip()
    for r in loaded:
        if r.code == wanted.upper() or r.name == wanted.lower():
            Console(highlight=False).print(Markdown(explanation_markdown(r)))
            return EXIT_OK
    names = [r.code for r in loaded] + [r.name for r in loaded]
    nearest = difflib.get_close_matches(wanted, names, n=1)
    hint = f" Menade du {nearest[0]}?" if nearest else ""
    click.echo(f"kommlint: ingen regel heter ”{wanted}”.{hint}", err=True)
    return EXIT_ERROR
