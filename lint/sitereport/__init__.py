"""The nightly site report: `report.html` (static, self-contained, Swedish), `report.json`
and `findings.csv`.

Both are built from the crawl store only, so `kommlint report` can rebuild them at any
time without crawling. The HTML streams page sections from the database as it renders.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from lint import __version__
from lint.crawl.store import CHECKED, Store
from lint.sitereport import charts
from lint.sitereport.locate import finding_link, local_time, place, wrap_url
from lint.sitereport.model import (
    MIN_LIX_WORDS,
    SEVERITIES,
    SEVERITY_WORDS,
    STATUS_WORDS,
    SiteReport,
    build_model,
    number,
    page_sections,
)

REPORT_HTML = "report.html"
REPORT_JSON = "report.json"


def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("lint.sitereport", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["when"] = local_time
    env.filters["place"] = place
    env.filters["wrap_url"] = wrap_url
    env.filters["link"] = finding_link
    env.filters["severity"] = lambda value: SEVERITY_WORDS.get(value, value)
    env.filters["status"] = lambda value: STATUS_WORDS.get(value, value)
    env.filters["anchor"] = lambda page_id: f"sida-{page_id}"
    env.filters["number"] = number
    return env


def _charts(report: SiteReport) -> dict[str, Any]:
    labels = {"error": "fel", "warning": "varningar", "info": "info"}
    return {
        "principles": charts.stacked_bars(list(report.by_principle.items()), SEVERITIES, labels, "Fynd per princip och nivå"),
        "lix": charts.bars([(band.split(" (")[0], count) for band, count in report.lix_bands], "Antal sidor per LIX-nivå", "sidor"),
        "trend": charts.trend(
            [(f"#{row['id']} {row['started'][5:10]}", row["findings"]) for row in report.trend], "Antal fynd per körning"
        ),
    }


def write_html(store: Store, run_id: int, out: Path, report: SiteReport) -> Path:
    template = environment().get_template("report.html.j2")
    target = out / REPORT_HTML
    stream = template.stream(
        run=report.run,
        previous=report.previous,
        report=report,
        charts=_charts(report),
        sections=page_sections(store, run_id),
        version=__version__,
        generated=datetime.now(UTC).isoformat(),
        database=store.path.name,
        min_lix_words=MIN_LIX_WORDS,
    )
    with open(target, "w", encoding="utf-8") as handle:
        stream.dump(handle)
    return target


def _file_results(store: Store, run_id: int):
    from lint.diagnostics import Diagnostic, Edit, EngineError, Fix, Severity
    from lint.engine.linter import FileResult

    for page in store.pages(run_id, CHECKED):
        diagnostics = []
        for f in store.page_findings(page["id"]):
            fix = Fix(tuple(Edit(**edit) for edit in f["fix"]["edits"]), f["fix"]["safety"]) if f["fix"] else None
            diagnostics.append(
                Diagnostic(
                    f["code"],
                    f["name"],
                    f["principle"],
                    Severity.parse(f["severity"]),
                    f["message"],
                    page["url"],
                    f["line"],
                    f["col"],
                    f["end_line"],
                    f["end_col"],
                    f["start_offset"],
                    f["end_offset"],
                    f["match"],
                    tuple(f["suggestions"]),
                    fix,
                    f["page_number"],
                )
            )
        errors = [EngineError(e["code"], e["message"], page["url"], e.get("rule")) for e in page["errors"]]
        yield FileResult(
            page["url"], page["format"], None, page["profile"], page["profile_source"], None, page["metrics"], diagnostics, errors
        )


def report_data(store: Store, run_id: int, report: SiteReport) -> dict[str, Any]:
    """The core JSON report (version, tool, files, summary, notices) plus the crawl's own data."""
    from lint.reporters import Report
    from lint.reporters.json import report_json

    data = report_json(Report(list(_file_results(store, run_id)), notices=list(report.run["notices"])))
    run = report.run
    data["run"] = {
        "id": run["id"],
        "started": run["started"],
        "finished": run["finished"],
        "status": run["status"],
        "start_urls": run["start_urls"],
        "options": run["options"],
        "tool_version": run["tool_version"],
        "previous_run": report.previous["id"] if report.previous else None,
        "pages": report.status_counts,
    }
    data["changes"] = {
        "new": sorted({f["fingerprint"] for f in report.new}),
        "fixed": sorted({f["fingerprint"] for f in report.fixed}),
    }
    data["pages"] = [
        {key: page[key] for key in ("url", "status", "http_status", "reason", "location", "referrer", "title", "content_type")}
        for page in store.pages(run_id)
    ]
    return data


def write_report(store: Store, out: str | Path, run_id: int | None = None) -> tuple[Path, Path]:
    """Write report.html, report.json and findings.csv for a run (default: the latest) into `out`."""
    from lint.sitereport.export import write_csv

    if run_id is None:
        latest = store.latest_run()
        if latest is None:
            raise LookupError("Databasen innehåller inga körningar.")
        run_id = latest["id"]
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    report = build_model(store, run_id)
    html_path = write_html(store, run_id, folder, report)
    write_csv(store, run_id, folder, report)
    json_path = folder / REPORT_JSON
    with open(json_path, "w", encoding="utf-8") as handle:
        json.dump(report_data(store, run_id, report), handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    return html_path, json_path
