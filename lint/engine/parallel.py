"""`check --jobs N`: files linted in N worker processes, with the output of `--jobs 1`.

Forked workers share the pipeline the main process loaded; spawned ones (where there is
no fork) build one `Linter` each and so load it once. The main process
walks the folders, answers from the result cache, and puts the workers' results, their
notices and the new cache entries in the order a single process would have made them.
"""

from __future__ import annotations

import os
from dataclasses import fields, replace

CHUNK = 4  # files per task: small enough to share the work evenly, large enough to cost little

_WORKER = {}


def lint_all(runner, linter, paths: list[str], jobs: int) -> list:
    """Results for every file under `paths`, in order; `runner` is the linter or its cache."""
    files = list(linter.expand(paths))
    jobs = min(jobs, len(files))
    if jobs < 2:
        return [runner.lint_file(path) for path in files]
    cache = runner if runner is not linter else None
    looked_up = [_lookup(cache, path) for path in files] if cache else [(None, None, [])] * len(files)
    missing = [path for path, (_, cached, _) in zip(files, looked_up) if cached is None]
    fresh = iter(_lint_elsewhere(linter, missing, jobs))
    results = []
    for path, (key, cached, notices) in zip(files, looked_up):
        if cached is not None:
            cache.hits += 1
            _add(linter.notices, notices)
            results.append(cached)
            continue
        result, notices = next(fresh)
        _add(linter.notices, notices)
        if cache:
            cache.misses += 1
            cache.remember(key, path, result)
        results.append(result)
    return results


def _lookup(cache, path: str):
    """(key, cached result or None, the notices stored with it)."""
    kept, cache.linter.notices = cache.linter.notices, []
    try:
        key, cached = cache.lookup(path)
        return key, cached, cache.linter.notices
    finally:
        cache.linter.notices = kept


def _add(notices: list[str], new: list[str]) -> None:
    notices.extend(notice for notice in new if notice not in notices)


def _lint_elsewhere(linter, paths: list[str], jobs: int):
    """(result, notices) per path, in order; in this process when there are too few files."""
    if len(paths) < 2:
        for path in paths:
            yield _lint_one(linter, path)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if "fork" in multiprocessing.get_all_start_methods():
        # Loaded here once, the pipeline and the prepared rules are the forked workers' too.
        linter.pipeline(linter.settings_for(paths[0]))
        _WORKER["linter"] = linter
        context, start = multiprocessing.get_context("fork"), {}
    else:
        context, start = multiprocessing.get_context("spawn"), {"initializer": _start, "initargs": (linter.options,)}
    with ProcessPoolExecutor(min(jobs, len(paths)), mp_context=context, **start) as pool:
        yield from pool.map(_work, paths, chunksize=max(1, min(CHUNK, len(paths) // (jobs * 4) or 1)))


def _start(options) -> None:
    from lint.engine.linter import Linter

    _WORKER["linter"] = Linter(options)


def _work(path: str):
    result, notices = _lint_one(_WORKER["linter"], path)
    return _slim(result), notices


def _lint_one(linter, path: str):
    kept, linter.notices = linter.notices, []
    try:
        return linter.lint_file(path), linter.notices
    finally:
        linter.notices = kept


# What only the worker needs: the report reads the document's lines and pages, never its
# blocks, parts or bytes.
_WORKER_ONLY = {
    "blocks": list,
    "raw": lambda: None,
    "extras": dict,
    "links": list,
    "images": list,
    "metadata": dict,
    "directives": list,
    "tables": list,
    "forms": list,
    "form_fields": list,
    "element_languages": list,
}


def _slim(result):
    document = result.document
    if document is not None:
        names = {f.name for f in fields(document)}
        result.document = replace(document, **{name: make() for name, make in _WORKER_ONLY.items() if name in names})
    return result


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
