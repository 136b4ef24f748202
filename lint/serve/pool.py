"""Analysis for the web page: in worker processes, each request within a time budget.

One loaded Linter answers one request at a time. In-process (`InlineAnalyzer`, for tests
and the TestClient) requests wait for each other. `ProcessAnalyzer`, which `kommlint
serve` uses, keeps a few worker processes that each load the pipeline once: a request
that takes long holds one worker while the others go on answering, and a request over
its budget has its worker ended (and replaced) and gets a Swedish error. Workers end with
the server.

A job is plain data and so is its outcome, so nothing large or unpicklable crosses the
process boundary: the worker renders the JSON or the report itself.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import threading
from dataclasses import dataclass
from typing import Any

from lint.lifeline import watch_parent
from lint.serve.service import CheckService, RequestError

DEFAULT_BUDGET = 60.0  # seconds one request may take in a worker
START_SECONDS = 180.0  # loading the pipeline in a fresh worker
QUEUE_EXTRA = 60.0  # a request waits for a free worker its budget and this (a replacement loads)


@dataclass(frozen=True)
class Job:
    kind: str  # "text" | "upload"
    output: str  # "check" | "view" | "report-html" | "report-json"
    content: str | bytes  # the text, or the uploaded file's bytes
    name: str = ""  # the upload's file name
    format: str = "text"  # the pasted text's format
    profile: str | None = None


@dataclass(frozen=True)
class Outcome:
    status: int
    data: Any = None  # JSON data (check) or the report text
    error: str | None = None


class BudgetExceeded(RequestError):
    pass


def perform(service: CheckService, job: Job) -> Outcome:
    """Run one job on a loaded service; every failure becomes an Outcome with a message."""
    from lint.serve.report import html_report, json_report

    try:
        if job.kind == "text":
            checked = service.check_text(str(job.content), job.format, job.profile)
        else:
            checked = service.check_upload(job.name, bytes(job.content), job.profile)
        if job.output == "report-html":
            return Outcome(200, html_report(checked))
        if job.output == "report-json":
            return Outcome(200, json_report(checked))
        return Outcome(200, checked.json(view=job.output == "view"))
    except RequestError as error:
        return Outcome(error.status, error=str(error))
    except Exception as error:  # the page gets a message, never a traceback
        return Outcome(500, error=internal_message(error))


def internal_message(error: BaseException) -> str:
    return f"Ett internt fel hindrade granskningen ({type(error).__name__}). Försök igen, och rapportera felet om det händer igen."


class InlineAnalyzer:
    """The service in this process; requests take turns in a thread."""

    def __init__(self, service: CheckService) -> None:
        self.service = service

    async def analyze(self, job: Job) -> Outcome:
        from starlette.concurrency import run_in_threadpool

        return await run_in_threadpool(perform, self.service, job)

    def close(self) -> None:
        pass


def _worker_main(connection, options, factory, parent: int) -> None:
    """A worker process: load the service once, then answer jobs until the pipe closes."""
    watch_parent(parent)
    service = factory(options)
    service.warm_up()
    connection.send("ready")
    while True:
        try:
            job = connection.recv()
        except (EOFError, OSError):
            return
        connection.send(perform(service, job))


class _Worker:
    def __init__(self, context, options, factory) -> None:
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child, options, factory, os.getpid()), daemon=True)
        self.process.start()
        child.close()

    def wait_ready(self, timeout: float) -> bool:
        try:
            return self.connection.poll(timeout) and self.connection.recv() == "ready"
        except (EOFError, OSError):
            return False

    def call(self, job: Job, budget: float) -> Outcome | str:
        """The outcome, or why there is none ("budget", "died"); the worker is then ended."""
        try:
            self.connection.send(job)
            if self.connection.poll(budget):
                return self.connection.recv()
            why = "budget"
        except (EOFError, OSError):
            why = "died"
        self.stop()
        return why

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.connection.close()


class ProcessAnalyzer:
    """`workers` processes with a loaded Linter each; a request gets at most `budget` seconds."""

    def __init__(self, options=None, workers: int = 2, budget: float = DEFAULT_BUDGET, factory=CheckService) -> None:
        self.service = CheckService(options)  # profiles, rules, upload types: no pipeline needed
        self.options, self.factory, self.budget = options, factory, budget
        self.context = multiprocessing.get_context("spawn")
        self.idle: list[_Worker] = []
        self.available = threading.Condition()
        self.closed = False
        self.count = max(1, workers)

    def warm_up(self) -> None:
        """Start the workers and wait until each has loaded the pipeline."""
        started = [_Worker(self.context, self.options, self.factory) for _ in range(self.count)]
        for worker in started:
            if not worker.wait_ready(START_SECONDS):
                worker.stop()
                raise RuntimeError("En granskningsprocess startade inte.")
        with self.available:
            self.idle.extend(started)
            self.available.notify_all()

    async def analyze(self, job: Job) -> Outcome:
        return await asyncio.get_running_loop().run_in_executor(None, self._analyze, job)

    def _analyze(self, job: Job) -> Outcome:
        worker = self._take()
        if worker is None:
            return Outcome(
                503, error=f"Servern är upptagen: ingen granskning blev ledig inom {self.budget + QUEUE_EXTRA:g} s. Försök igen."
            )
        outcome = worker.call(job, self.budget)
        if isinstance(outcome, Outcome):
            self._give_back(worker)
            return outcome
        threading.Thread(target=self._replace, name="kommlint-worker-start", daemon=True).start()
        if outcome == "died":
            return Outcome(500, error="Granskningen avbröts: processen som granskade texten avslutades oväntat. Försök igen.")
        return Outcome(
            503, error=(f"Granskningen tog längre tid än {self.budget:g} s och avbröts. Dela upp texten i mindre delar och försök igen.")
        )

    def _take(self) -> _Worker | None:
        with self.available:
            if not self.available.wait_for(lambda: self.idle or self.closed, timeout=self.budget + QUEUE_EXTRA) or self.closed:
                return None
            return self.idle.pop()

    def _give_back(self, worker: _Worker) -> None:
        with self.available:
            if self.closed:
                worker.stop()
                return
            self.idle.append(worker)
            self.available.notify()

    def _replace(self) -> None:
        if self.closed:
            return
        worker = _Worker(self.context, self.options, self.factory)
        if worker.wait_ready(START_SECONDS):
            self._give_back(worker)
        else:
            worker.stop()

    def close(self) -> None:
        with self.available:
            self.closed = True
            idle, self.idle = self.idle, []
            self.available.notify_all()
        for worker in idle:
            worker.stop()
