"""`OUT/findings.csv`: every finding of a run, one row each, for those who work in Excel.

Semicolons between fields and a byte-order mark, as Excel expects with Swedish settings
(the comma is the decimal sign there). A cell that starts with = + - @ gets a leading
apostrophe, so page text can never be run as a formula.
"""

from __future__ import annotations

import csv
from pathlib import Path

from lint.crawl.store import Store
from lint.sitereport.locate import finding_link, place
from lint.sitereport.model import SEVERITY_WORDS, SiteReport, page_sections

FINDINGS_CSV = "findings.csv"
HEADER = (
    "Adress",
    "Sidans titel",
    "Plats",
    "Regel",
    "Namn",
    "Princip",
    "Nivå",
    "Meddelande",
    "Träff",
    "Förslag",
    "Ny",
    "Länk till stället",
)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def rows(store: Store, run_id: int, report: SiteReport):
    for page in page_sections(store, run_id):
        for f in page["findings"]:
            yield (
                page["url"],
                page.get("title") or "",
                place(f),
                f["code"],
                f["name"],
                f["principle"],
                SEVERITY_WORDS.get(f["severity"], f["severity"]),
                f["message"],
                f["match"],
                " | ".join(f["suggestions"]),
                "ja" if f["fingerprint"] in report.new_fingerprints else "",
                finding_link(page["url"], f),
            )


def write_csv(store: Store, run_id: int, out: Path, report: SiteReport) -> Path:
    target = out / FINDINGS_CSV
    with open(target, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow(HEADER)
        for row in rows(store, run_id, report):
            writer.writerow([_cell(value) for value in row])
    return target
