"""Issue 20, crawler: other schemes and ports refused with a reason, a deadline per
request, workers that die with the crawl, and a frontier that survives kill -9."""

from __future__ import annotations

import io
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from bounded import ROOT
from maze_site import Maze, MazeServer

from lint.crawl import CrawlConfig, FetchSettings, Store, crawl
from lint.crawl.crawler import CrawlError
from lint.crawl.progress import PlainProgress
from lint.engine.linter import Options


def config(base: str, **kwargs) -> CrawlConfig:
    fetch = FetchSettings(rate=0, timeout=kwargs.pop("timeout", 2.0), retries=0, backoff=0.01, concurrency=2)
    return CrawlConfig([base + "/"], jobs=1, fetch=fetch, lint_options=Options(select=("KLAR001",)), **kwargs)


def run(maze: Maze, tmp_path: Path, **kwargs) -> tuple[dict, dict]:
    with MazeServer(maze) as server, Store(tmp_path / "db.sqlite") as store:
        run_id = crawl(config(server.base, **kwargs), store, PlainProgress(io.StringIO()))
        pages = {page["url"].replace(server.base, ""): page for page in store.pages(run_id)}
        return pages, store.run(run_id)


def test_redirects_to_other_schemes_are_listed_and_the_crawl_goes_on(tmp_path):
    maze = Maze()
    maze.pages["/"] = ["/till-data", "/till-js", "/sida/0.html"]
    maze.redirects["/till-data"] = "data:text/html,<p>hej</p>"
    maze.redirects["/till-js"] = "javascript:alert(1)"
    pages, run_row = run(maze, tmp_path)
    assert run_row["status"] == "complete"
    assert pages["/till-data"]["status"] == "redirect"
    assert pages["data:text/html,<p>hej</p>"]["reason"] == "Schemat data: hämtas inte; bara http och https följs."
    assert pages["javascript:alert(1)"]["reason"] == "Schemat javascript: hämtas inte; bara http och https följs."
    assert pages["/sida/0.html"]["status"] == "linted"


def test_another_port_of_the_start_host_is_another_site(tmp_path):
    other = Maze()
    with MazeServer(other) as elsewhere:
        maze = Maze()
        maze.pages["/"] = [elsewhere.base + "/sida/0.html", "/vidare"]
        maze.redirects["/vidare"] = elsewhere.base + "/sida/1.html"
        pages, _ = run(maze, tmp_path)
    port = elsewhere.base.rsplit(":", 1)[1]
    for path in ("/sida/0.html", "/sida/1.html"):
        assert pages[elsewhere.base + path]["status"] == "skipped"
        assert pages[elsewhere.base + path]["reason"] == (
            f"Annan port (127.0.0.1:{port}) än start-URL:ens; lägg till --allow-host 127.0.0.1:{port} för att följa den."
        )
    assert other.log == []


def test_allowing_the_other_port_follows_it(tmp_path):
    other = Maze()
    with MazeServer(other) as elsewhere:
        maze = Maze()
        maze.pages["/"] = [elsewhere.base + "/sida/0.html"]
        pages, _ = run(maze, tmp_path, allow_hosts=[elsewhere.base.split("//")[1]])
    assert pages[elsewhere.base + "/sida/0.html"]["status"] == "linted"


def test_a_dripping_server_meets_the_deadline_for_the_whole_request(tmp_path):
    """60 bytes, one every 0.2 s: each read is quick, the request as a whole is not."""
    maze = Maze(drip_bytes=60, drip_every=0.2)
    maze.pages["/"] = ["/droppe.html"]
    pages, _ = run(maze, tmp_path, timeout=0.5)
    assert pages["/droppe.html"]["status"] == "failed"
    assert pages["/droppe.html"]["reason"] == "Tidsgränsen (0.5 s) gick ut."
    assert maze.dripped < 60


def test_a_run_with_nothing_to_crawl_is_not_complete(tmp_path):
    with Store(tmp_path / "db.sqlite") as store:
        with pytest.raises(CrawlError, match="inga sidor"):
            crawl(config("http://"), store, PlainProgress(io.StringIO()))
        assert store.latest_run()["status"] == "empty"


def _crawl_process(base: str, out: Path, *extra: str) -> subprocess.Popen:
    command = [
        sys.executable,
        "-m",
        "lint",
        "crawl",
        base + "/",
        "--out",
        str(out),
        "--rate",
        "0",
        "--timeout",
        "2",
        "--retries",
        "0",
        "-q",
        "--select",
        "KLAR001",
        *extra,
    ]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "KOMMLINT_CACHE_DIR": str(out / "cache")}
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def test_kill_before_the_first_page_then_resume_crawls_everything(tmp_path):
    maze = Maze(pages=3)
    maze.pages["/"] = [f"/sida/{i}.html" for i in range(3)]
    maze.gate = threading.Event()
    with MazeServer(maze) as server:
        process = _crawl_process(server.base, tmp_path, "--jobs", "1")
        assert maze.arrived.wait(20), "the crawl never asked for robots.txt"
        process.kill()  # SIGKILL while the first fetch is in flight: nothing stored yet
        process.wait(20)
        maze.gate.set()
        resumed = _crawl_process(server.base, tmp_path, "--jobs", "1", "--resume")
        assert resumed.wait(60) == 0
        with Store(tmp_path / "kommlint.sqlite") as store:
            run_row = store.latest_run()
            linted = {p["url"].replace(server.base, "") for p in store.pages(run_row["id"], "linted")}
    assert run_row["id"] == 1 and run_row["status"] == "complete"
    assert linted == {"/", "/sida/0.html", "/sida/1.html", "/sida/2.html"}


def _descendants(pid: int) -> set[int]:
    """Processes whose parent chain leads to `pid` or that share its session (orphans keep it)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == pid:  # field 6 of stat, the session id (the crawl leads its own)
            found.add(int(entry.name))
    return found - {pid}


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc")
def test_lint_workers_end_when_the_crawl_is_killed(tmp_path):
    maze = Maze(pages=3)
    maze.pages["/"] = [f"/sida/{i}.html" for i in range(3)]
    maze.gate, maze.held = threading.Event(), "/sida/2.html"  # the crawl waits here, its pool started
    with MazeServer(maze) as server:
        process = _crawl_process(server.base, tmp_path, "--jobs", "2")
        assert maze.arrived.wait(60), "the crawl never asked for the held page"
        workers = set()
        for _ in range(200):
            workers = _descendants(process.pid)
            if len(workers) >= 2:
                break
            time.sleep(0.1)
        assert len(workers) >= 2
        os.kill(process.pid, signal.SIGKILL)
        process.wait(20)
        for _ in range(200):
            if not _descendants(process.pid):
                break
            time.sleep(0.1)
        left = _descendants(process.pid)
        for pid in left:
            os.kill(pid, signal.SIGKILL)
    assert left == set()


def _maze_with_traps(pages: int) -> Maze:
    """Pages in a chain (each found only through the one before), redirects to other schemes and a drip page."""
    maze = Maze(pages=pages, drip_bytes=300, drip_every=0.003)  # the whole page, in under a second
    maze.pages["/"] = ["/sida/0.html", "/till-js", "/droppe.html"]
    for index in range(pages - 1):
        maze.pages[f"/sida/{index}.html"] = [f"/sida/{index + 1}.html", "/till-data"]
    maze.redirects["/till-js"] = "javascript:alert(1)"
    maze.redirects["/till-data"] = "data:text/html,<p>hej</p>"
    return maze


def _wait_for_requests(maze: Maze, count: int) -> None:
    for _ in range(600):
        if len(maze.log) >= count:
            return
        time.sleep(0.05)


def test_kill_at_random_moments_and_resume_loses_and_duplicates_nothing(tmp_path):
    rng = random.Random(20)
    maze = _maze_with_traps(pages=8)
    with MazeServer(maze) as server:
        for _ in range(3):
            process = _crawl_process(server.base, tmp_path, "--jobs", "2", "--resume")
            _wait_for_requests(maze, len(maze.log) + rng.randint(1, 4))  # mid-crawl, at a random request
            time.sleep(rng.uniform(0, 0.3))
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(20)
        final = _crawl_process(server.base, tmp_path, "--jobs", "2", "--resume")
        assert final.wait(120) == 0
        with Store(tmp_path / "kommlint.sqlite") as store:
            run_row = store.latest_run()
            pages = {page["url"].replace(server.base, ""): page for page in store.pages(run_row["id"])}
            url_of = {page["id"]: url for url, page in pages.items()}
            findings = [(url_of[f["page_id"]], f["code"], f["line"], f["col"]) for f in store.findings(run_row["id"])]
    assert run_row["status"] == "complete"
    linted = {url for url, page in pages.items() if page["status"] == "linted"}
    assert linted == {"/", "/droppe.html", *(f"/sida/{index}.html" for index in range(8))}
    assert pages["javascript:alert(1)"]["reason"] == "Schemat javascript: hämtas inte; bara http och https följs."
    assert pages["data:text/html,<p>hej</p>"]["reason"] == "Schemat data: hämtas inte; bara http och https följs."
    erhaller = sorted(url for url, code, *_ in findings if code == "KLAR001")
    assert erhaller == sorted(linted)  # one "erhåller" per page: none lost, none twice
    assert len(findings) == len(set(findings))
