"""SQLite history of crawl runs: runs, the crawl frontier, pages and findings.

One database keeps every night's run, so the report can show a trend and which findings
are new or fixed since the previous run. Writes happen in the crawling process only;
WAL mode keeps readers (a `kommlint report` at the same time) from blocking it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from lint.errors import KommlintError

SCHEMA_VERSION = 2

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT,
    status TEXT NOT NULL,               -- running | interrupted | complete
    start_urls TEXT NOT NULL,           -- JSON list
    options TEXT NOT NULL,              -- JSON object
    signature TEXT NOT NULL,            -- tool version + lint options; reuse needs a match
    tool_version TEXT NOT NULL,
    notices TEXT NOT NULL DEFAULT '[]'  -- JSON list
);
CREATE TABLE IF NOT EXISTS frontier (
    run_id INTEGER NOT NULL REFERENCES runs(id),
    url TEXT NOT NULL,
    depth INTEGER NOT NULL,
    referrer TEXT,
    redirects INTEGER NOT NULL DEFAULT 0,
    done INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (run_id, url)
);
CREATE TABLE IF NOT EXISTS pages (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id),
    url TEXT NOT NULL,
    status TEXT NOT NULL,               -- linted | unchanged | redirect | skipped | failed
    http_status INTEGER,
    reason TEXT,                        -- Swedish explanation for skipped/failed/redirect
    location TEXT,                      -- redirect target
    referrer TEXT,
    depth INTEGER,
    content_type TEXT,
    title TEXT,
    format TEXT,
    profile TEXT,
    profile_source TEXT,
    content_hash TEXT,
    etag TEXT,
    last_modified TEXT,
    bytes INTEGER,
    elapsed_ms INTEGER,
    metrics TEXT NOT NULL DEFAULT '{}',  -- JSON
    links TEXT NOT NULL DEFAULT '[]',    -- JSON: links found on the page, for 304 reuse
    errors TEXT NOT NULL DEFAULT '[]',   -- JSON: engine errors
    fetched_at TEXT NOT NULL,
    UNIQUE (run_id, url)
);
CREATE INDEX IF NOT EXISTS pages_url ON pages (url, run_id);
CREATE TABLE IF NOT EXISTS findings (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id),
    page_id INTEGER NOT NULL REFERENCES pages(id),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    principle TEXT NOT NULL,
    severity TEXT NOT NULL,
    message TEXT NOT NULL,
    line INTEGER, col INTEGER, end_line INTEGER, end_col INTEGER,
    start_offset INTEGER, end_offset INTEGER, page_number INTEGER,
    match TEXT NOT NULL,
    suggestions TEXT NOT NULL DEFAULT '[]',
    fix TEXT,
    before TEXT NOT NULL DEFAULT '',
    after TEXT NOT NULL DEFAULT '',
    fingerprint TEXT NOT NULL,
    heading TEXT                        -- heading path ("Öppettider › Sommar"), schema 2
);
CREATE INDEX IF NOT EXISTS findings_run ON findings (run_id, fingerprint);
CREATE INDEX IF NOT EXISTS findings_page ON findings (page_id);
"""

FINDING_FIELDS = (
    "code",
    "name",
    "principle",
    "severity",
    "message",
    "line",
    "col",
    "end_line",
    "end_col",
    "start_offset",
    "end_offset",
    "page_number",
    "match",
    "suggestions",
    "fix",
    "before",
    "after",
    "fingerprint",
    "heading",
)
PAGE_FIELDS = (
    "status",
    "http_status",
    "reason",
    "location",
    "referrer",
    "depth",
    "content_type",
    "title",
    "format",
    "profile",
    "profile_source",
    "content_hash",
    "etag",
    "last_modified",
    "bytes",
    "elapsed_ms",
    "metrics",
    "links",
    "errors",
)
JSON_FIELDS = {"metrics", "links", "errors", "suggestions", "fix", "start_urls", "options", "notices"}
CHECKED = ("linted", "unchanged")  # statuses whose findings are known for the run


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class FrontierEntry:
    url: str
    depth: int
    referrer: str | None = None
    redirects: int = 0


def _encode(key: str, value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if key in JSON_FIELDS and value is not None else value


def _decode(row: sqlite3.Row) -> dict[str, Any]:
    data = dict(row)
    for key in JSON_FIELDS & data.keys():
        if isinstance(data[key], str):
            data[key] = json.loads(data[key])
    return data


def _migrate(db: sqlite3.Connection) -> None:
    """Bring a database from an earlier kommlint up to this schema (columns are only added)."""
    columns = {row[1] for row in db.execute("PRAGMA table_info(findings)")}
    if "heading" not in columns:
        db.execute("ALTER TABLE findings ADD COLUMN heading TEXT")
    db.execute(
        "UPDATE meta SET value = ? WHERE key = 'schema_version' AND CAST(value AS INTEGER) < ?", (str(SCHEMA_VERSION), SCHEMA_VERSION)
    )


class Store:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(self.path)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.executescript(SCHEMA)
            _migrate(self.db)
            self.db.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
            self.db.commit()
        except sqlite3.DatabaseError as error:
            raise KommlintError(f"{self.path} går inte att använda som kommlint-databas: {error}.") from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def commit(self) -> None:
        self.db.commit()

    # Runs ----------------------------------------------------------------------------
    def start_run(self, start_urls: list[str], options: dict[str, Any], signature: str, version: str) -> int:
        cursor = self.db.execute(
            "INSERT INTO runs (started, status, start_urls, options, signature, tool_version) VALUES (?, 'running', ?, ?, ?, ?)",
            (now(), _encode("start_urls", start_urls), _encode("options", options), signature, version),
        )
        self.db.commit()
        return int(cursor.lastrowid)

    def finish_run(self, run_id: int, status: str, notices: list[str]) -> None:
        self.db.execute(
            "UPDATE runs SET status = ?, finished = ?, notices = ? WHERE id = ?",
            (status, now(), _encode("notices", notices), run_id),
        )
        self.db.commit()

    def run(self, run_id: int) -> dict[str, Any] | None:
        row = self.db.execute("SELECT * FROM runs WHERE id = ?", (run_id,)).fetchone()
        return _decode(row) if row else None

    def runs(self, status: str | None = None) -> list[dict[str, Any]]:
        query, args = "SELECT * FROM runs", ()
        if status:
            query, args = query + " WHERE status = ?", (status,)
        return [_decode(row) for row in self.db.execute(query + " ORDER BY id", args)]

    def latest_run(self) -> dict[str, Any] | None:
        row = self.db.execute("SELECT * FROM runs ORDER BY id DESC LIMIT 1").fetchone()
        return _decode(row) if row else None

    def unfinished_run(self) -> dict[str, Any] | None:
        row = self.db.execute("SELECT * FROM runs WHERE status != 'complete' ORDER BY id DESC LIMIT 1").fetchone()
        return _decode(row) if row else None

    def previous_complete_run(self, run_id: int) -> dict[str, Any] | None:
        row = self.db.execute("SELECT * FROM runs WHERE status = 'complete' AND id < ? ORDER BY id DESC LIMIT 1", (run_id,)).fetchone()
        return _decode(row) if row else None

    # Frontier ------------------------------------------------------------------------
    def add_frontier(self, run_id: int, entry: FrontierEntry) -> None:
        self.db.execute(
            "INSERT OR IGNORE INTO frontier (run_id, url, depth, referrer, redirects) VALUES (?, ?, ?, ?, ?)",
            (run_id, entry.url, entry.depth, entry.referrer, entry.redirects),
        )

    def frontier(self, run_id: int) -> tuple[set[str], list[FrontierEntry]]:
        """All URLs seen by a run, and the entries still to visit (for --resume)."""
        seen: set[str] = set()
        pending: list[FrontierEntry] = []
        for row in self.db.execute("SELECT * FROM frontier WHERE run_id = ? ORDER BY rowid", (run_id,)):
            seen.add(row["url"])
            if not row["done"]:
                pending.append(FrontierEntry(row["url"], row["depth"], row["referrer"], row["redirects"]))
        return seen, pending

    # Pages and findings ----------------------------------------------------------------
    def add_page(self, run_id: int, url: str, page: dict[str, Any], findings: Iterable[dict[str, Any]] = ()) -> int:
        """Store one page and its findings, and mark it done in the frontier."""
        fields = [key for key in PAGE_FIELDS if key in page]
        values = [_encode(key, page[key]) for key in fields]
        self.db.execute("DELETE FROM findings WHERE page_id IN (SELECT id FROM pages WHERE run_id = ? AND url = ?)", (run_id, url))
        self.db.execute("DELETE FROM pages WHERE run_id = ? AND url = ?", (run_id, url))
        cursor = self.db.execute(
            f"INSERT INTO pages (run_id, url, fetched_at, {', '.join(fields)}) VALUES (?, ?, ?, {', '.join('?' * len(fields))})",
            (run_id, url, now(), *values),
        )
        page_id = int(cursor.lastrowid)
        self.db.executemany(
            f"INSERT INTO findings (run_id, page_id, {', '.join(FINDING_FIELDS)}) VALUES (?, ?, {', '.join('?' * len(FINDING_FIELDS))})",
            ((run_id, page_id, *(_encode(key, finding.get(key)) for key in FINDING_FIELDS)) for finding in findings),
        )
        self.db.execute("UPDATE frontier SET done = 1 WHERE run_id = ? AND url = ?", (run_id, url))
        self.db.commit()
        return page_id

    def replace_findings(self, run_id: int, page_id: int, fingerprint: str, findings: Iterable[dict[str, Any]]) -> None:
        """Replace a page's findings with this fingerprint (a site-wide finding, added after the crawl)."""
        self.db.execute("DELETE FROM findings WHERE run_id = ? AND page_id = ? AND fingerprint = ?", (run_id, page_id, fingerprint))
        self.db.executemany(
            f"INSERT INTO findings (run_id, page_id, {', '.join(FINDING_FIELDS)}) VALUES (?, ?, {', '.join('?' * len(FINDING_FIELDS))})",
            ((run_id, page_id, *(_encode(key, finding.get(key)) for key in FINDING_FIELDS)) for finding in findings),
        )
        self.db.commit()

    def previous_page(self, url: str, before_run: int, signature: str) -> dict[str, Any] | None:
        """The latest checked version of `url` from an earlier run linted the same way."""
        row = self.db.execute(
            "SELECT pages.* FROM pages JOIN runs ON runs.id = pages.run_id WHERE pages.url = ? AND pages.run_id < ?"
            " AND pages.status IN ('linted', 'unchanged') AND runs.signature = ? ORDER BY pages.run_id DESC LIMIT 1",
            (url, before_run, signature),
        ).fetchone()
        return _decode(row) if row else None

    def pages(self, run_id: int, status: str | Iterable[str] | None = None) -> list[dict[str, Any]]:
        query, args = "SELECT * FROM pages WHERE run_id = ?", [run_id]
        if status is not None:
            statuses = [status] if isinstance(status, str) else list(status)
            query += f" AND status IN ({', '.join('?' * len(statuses))})"
            args.extend(statuses)
        return [_decode(row) for row in self.db.execute(query + " ORDER BY url", args)]

    def findings(self, run_id: int, page_id: int | None = None) -> Iterator[dict[str, Any]]:
        query, args = "SELECT * FROM findings WHERE run_id = ?", [run_id]
        if page_id is not None:
            query, args = query + " AND page_id = ?", [*args, page_id]
        for row in self.db.execute(query + " ORDER BY page_id, line, col, code", args):
            yield _decode(row)

    def page_findings(self, page_id: int) -> list[dict[str, Any]]:
        rows = self.db.execute("SELECT * FROM findings WHERE page_id = ? ORDER BY line, col, code", (page_id,))
        return [_decode(row) for row in rows]

    def fingerprints(self, run_id: int, checked_in: int | None = None) -> set[str]:
        """Fingerprints of a run's findings; with `checked_in`, only on pages that run checked too."""
        query = "SELECT findings.fingerprint FROM findings JOIN pages ON pages.id = findings.page_id WHERE findings.run_id = ?"
        args: list[Any] = [run_id]
        if checked_in is not None:
            query += " AND pages.url IN (SELECT url FROM pages WHERE run_id = ? AND status IN ('linted', 'unchanged'))"
            args.append(checked_in)
        return {row[0] for row in self.db.execute(query, args)}

    def count(self, table: str, run_id: int, status: str | None = None) -> int:
        query, args = f"SELECT COUNT(*) FROM {table} WHERE run_id = ?", [run_id]
        if status:
            query, args = query + " AND status = ?", [*args, status]
        return int(self.db.execute(query, args).fetchone()[0])

    def run_totals(self) -> list[dict[str, Any]]:
        """Per run: pages checked, findings, findings per severity (for the trend chart)."""
        rows = self.db.execute(
            "SELECT runs.id, runs.started, runs.status,"
            " (SELECT COUNT(*) FROM pages WHERE pages.run_id = runs.id AND pages.status IN ('linted', 'unchanged')) AS pages,"
            " (SELECT COUNT(*) FROM findings WHERE findings.run_id = runs.id) AS findings,"
            " (SELECT COUNT(*) FROM findings WHERE findings.run_id = runs.id AND severity = 'error') AS errors,"
            " (SELECT COUNT(*) FROM findings WHERE findings.run_id = runs.id AND severity = 'warning') AS warnings,"
            " (SELECT COUNT(*) FROM findings WHERE findings.run_id = runs.id AND severity = 'info') AS infos"
            " FROM runs ORDER BY runs.id"
        )
        return [dict(row) for row in rows]
