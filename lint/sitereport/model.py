"""The numbers and lists the site report shows, read from the crawl store."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lint.crawl.store import CHECKED, Store
from lint.language.metrics import MIN_LIX_WORDS, lix_band

PRINCIPLES = ("klarspråk", "målgrupp", "avsändare", "offentlighet", "tillgänglighet", "språkriktighet")
SEVERITIES = ("error", "warning", "info")
SEVERITY_WORDS = {"error": "fel", "warning": "varning", "info": "info"}
SEVERITY_WEIGHT = {"error": 3, "warning": 2, "info": 1}
STATUS_WORDS = {
    "linted": "Granskad i den här körningen",
    "unchanged": "Oförändrad sedan förra körningen (fynden därifrån)",
    "redirect": "Omdirigering",
    "skipped": "Hoppades över",
    "failed": "Kunde inte hämtas",
}
LIX_LIMITS = (30, 40, 50, 60)
TOP = 15


@dataclass
class SiteReport:
    run: dict[str, Any]
    previous: dict[str, Any] | None
    status_counts: dict[str, int]
    total_findings: int
    by_severity: dict[str, int]
    by_principle: dict[str, dict[str, int]]
    top_rules: list[dict[str, Any]]
    worst_pages: list[dict[str, Any]]
    lix_bands: list[tuple[str, int]]
    trend: list[dict[str, Any]]
    new: list[dict[str, Any]]
    fixed: list[dict[str, Any]]
    failures: list[dict[str, Any]]
    skipped: list[dict[str, Any]]
    redirects: list[dict[str, Any]]
    new_fingerprints: set[str] = field(default_factory=set)

    @property
    def checked(self) -> int:
        return sum(self.status_counts.get(status, 0) for status in CHECKED)


def number(value: float | None) -> str:
    """A number written the Swedish way: "1 234" (no-break space), "28,0"; "–" for none."""
    if value is None:
        return "–"
    text = f"{value:,}" if isinstance(value, int) else f"{value:,.1f}"
    return text.replace(",", "\u00a0").replace(".", ",")


def _page_score(counts: Counter) -> int:
    return sum(SEVERITY_WEIGHT[severity] * count for severity, count in counts.items())


def lix_distribution(values: list[float]) -> list[tuple[str, int]]:
    bands = Counter(lix_band(value) for value in values)
    names = [lix_band(limit - 1) for limit in LIX_LIMITS] + [lix_band(LIX_LIMITS[-1])]
    ranges = ["under 30", "30–39", "40–49", "50–59", "60 och över"]
    return [(f"{name} ({span})", bands.get(name, 0)) for name, span in zip(names, ranges)]


def _findings_with_url(store: Store, run_id: int, fingerprints: set[str]) -> list[dict[str, Any]]:
    if not fingerprints:
        return []
    rows = []
    for finding in store.findings(run_id):
        if finding["fingerprint"] in fingerprints:
            rows.append(finding)
    urls = {page["id"]: page["url"] for page in store.pages(run_id)}
    for row in rows:
        row["url"] = urls.get(row["page_id"], "")
    return sorted(rows, key=lambda r: (r["url"], r["line"] or 0, r["col"] or 0, r["code"]))


def build_model(store: Store, run_id: int) -> SiteReport:
    run = store.run(run_id)
    if run is None:
        raise LookupError(f"Körning {run_id} finns inte i databasen.")
    previous = store.previous_complete_run(run_id)
    pages = store.pages(run_id)
    by_page: dict[int, Counter] = defaultdict(Counter)
    by_severity: Counter = Counter()
    by_principle: dict[str, Counter] = defaultdict(Counter)
    rules: dict[str, dict[str, Any]] = {}
    rule_pages: dict[str, set[int]] = defaultdict(set)
    current: set[str] = set()
    for finding in store.findings(run_id):
        severity = finding["severity"]
        by_page[finding["page_id"]][severity] += 1
        by_severity[severity] += 1
        by_principle[finding["principle"]][severity] += 1
        rule = rules.setdefault(
            finding["code"],
            {"code": finding["code"], "name": finding["name"], "principle": finding["principle"], "severity": severity, "count": 0},
        )
        rule["count"] += 1
        rule_pages[finding["code"]].add(finding["page_id"])
        current.add(finding["fingerprint"])
    for code, rule in rules.items():
        rule["pages"] = len(rule_pages[code])
    checked = [page for page in pages if page["status"] in CHECKED]
    worst = sorted(
        ({**page, "counts": by_page[page["id"]], "score": _page_score(by_page[page["id"]])} for page in checked if by_page[page["id"]]),
        key=lambda page: (-page["score"], page["url"]),
    )[:TOP]
    lix_values = [page["metrics"].get("lix") for page in checked if (page["metrics"].get("words") or 0) >= MIN_LIX_WORDS]
    new_prints = current - store.fingerprints(previous["id"]) if previous else set()
    fixed_prints = (store.fingerprints(previous["id"], checked_in=run_id) - current) if previous else set()
    principles = [p for p in PRINCIPLES if p in by_principle] + sorted(set(by_principle) - set(PRINCIPLES))
    return SiteReport(
        run=run,
        previous=previous,
        status_counts=dict(Counter(page["status"] for page in pages)),
        total_findings=sum(by_severity.values()),
        by_severity={s: by_severity.get(s, 0) for s in SEVERITIES},
        by_principle={p: {s: by_principle[p].get(s, 0) for s in SEVERITIES} for p in principles},
        top_rules=sorted(rules.values(), key=lambda r: (-r["count"], r["code"]))[:TOP],
        worst_pages=worst,
        lix_bands=lix_distribution([value for value in lix_values if value is not None]),
        trend=[row for row in store.run_totals() if row["status"] == "complete" or row["id"] == run_id][-30:],
        new=_findings_with_url(store, run_id, new_prints),
        fixed=_findings_with_url(store, previous["id"], fixed_prints) if previous else [],
        failures=[page for page in pages if page["status"] == "failed"],
        skipped=sorted((page for page in pages if page["status"] == "skipped"), key=lambda page: (page["reason"] or "", page["url"])),
        redirects=[page for page in pages if page["status"] == "redirect"],
        new_fingerprints=new_prints,
    )


def page_sections(store: Store, run_id: int) -> Iterator[dict[str, Any]]:
    """Checked pages with their findings, one at a time (the report streams them)."""
    for page in store.pages(run_id, CHECKED):
        findings = store.page_findings(page["id"])
        if findings or page["errors"]:
            yield {**page, "findings": findings}
