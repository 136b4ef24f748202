"""What the SPR (språkriktighet) rules cost: on the bench corpus in one run, and for a cold
single-file `kommlint check`, with and without them; plus the lexicon's own figures.

Run: python bench/bench_sprak.py [--size-kb 256]
Targets (issue 16): at most 25 % added to `kommlint check` on the bench corpus and at most
0.5 s added to a cold single-file run.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from swedish_text import markdown  # noqa: E402

# CPU seconds, not wall-clock: the figures are compared within one run on a shared machine.


def cpu_timed(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        function()
        times.append(time.process_time() - start)
    return min(times)


def child_cpu(args: list[str], environment: dict, repeat: int) -> float:
    import resource

    times = []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(args, capture_output=True, check=False, env=environment)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return min(times)


def lexicon_figures() -> None:
    from lint.language import lexicon, lexicon_build
    from lint.language.suggest import suggest

    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        trie = Path(folder) / "lexicon.marisa"
        count = lexicon_build.build(trie)
        built = time.perf_counter() - start
        size = trie.stat().st_size + lexicon_build.meta_path(trie).stat().st_size
        start = time.perf_counter()
        table = lexicon.Lexicon(trie)
        opened = time.perf_counter() - start
        words = markdown(64 * 1024, seed=3).split()
        distinct = sorted({w.strip('.,:;!?()”"') for w in words if w.strip('.,:;!?()”"').isalpha()})
        start = time.perf_counter()
        unknown = [w for w in distinct if not table.known(w)]
        per_word = (time.perf_counter() - start) / len(distinct)
        samples = ["ansökningsblankeet", "kommunfulmäktige", "föräkringskassan", "informaton", "bygglovshandläggre"]
        start = time.perf_counter()
        for word in samples:
            suggest(word, table)
        per_suggestion = (time.perf_counter() - start) / len(samples)
    print(f"lexicon: {count:,} forms, {size / 1e6:.0f} MB on disk, built once in {built:.1f} s, opened in {opened * 1000:.0f} ms")
    print(f"lookup: {per_word * 1e6:.0f} µs per distinct word, cold ({len(distinct)} words, {len(unknown)} unknown)")
    print(f"suggestions: {per_suggestion * 1000:.0f} ms per misspelt word (budget 60 ms for compounds)")


def corpus_figures(size_kb: int, repeat: int) -> None:
    from lint.engine.linter import Linter, Options
    from lint.formats import read_bytes

    text = markdown(size_kb * 1024)
    data = text.encode("utf-8")
    linter = Linter(Options())
    settings = linter.settings_for(Path.cwd())
    without = replace(settings, ignore=(*settings.ignore, "SPR"))
    linter.lint_document(read_bytes(text[:20000].encode("utf-8"), "bench.md"), settings)  # load the pipeline and the lexicon

    def run(chosen):
        return lambda: linter.lint_document(read_bytes(data, "bench.md"), chosen)

    base = full = float("inf")
    for _ in range(repeat):  # alternated, so both see the same machine
        base = min(base, cpu_timed(run(without), 1))
        full = min(full, cpu_timed(run(settings), 1))
    peaks = []
    for chosen in (without, settings):
        tracemalloc.start()
        run(chosen)()
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    print(
        f"bench corpus {size_kb} kB (CPU s): without SPR {base:.2f} s, with SPR {full:.2f} s: {(full / base - 1) * 100:+.0f} % (target <= +25 %)"
    )
    print(f"peak Python memory: {peaks[0] / 1e6:.0f} MB without SPR, {peaks[1] / 1e6:.0f} MB with")


def cold_figures() -> None:
    command = [sys.executable, "-m", "lint", "check"]
    with tempfile.TemporaryDirectory() as folder:
        sample = Path(folder) / "utkast.md"
        sample.write_text(markdown(4 * 1024, seed=2), encoding="utf-8")
        environment = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
        subprocess.run([*command, str(sample), "--no-cache"], capture_output=True, check=False, env=environment)  # lexicon built

        def measured(extra: list[str]) -> float:
            return child_cpu([*command, str(sample), "--no-cache", "--format", "json", *extra], environment, 1)

        without = with_spr = float("inf")
        for _ in range(3):
            without = min(without, measured(["--ignore", "SPR"]))
            with_spr = min(with_spr, measured([]))
    print(
        f"cold single-file check (4 kB, CPU s): {without:.2f} s without SPR, {with_spr:.2f} s with: {with_spr - without:+.2f} s (target <= +0.5 s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size-kb", type=int, default=256)
    parser.add_argument("--repeat", type=int, default=2)
    options = parser.parse_args()
    lexicon_figures()
    corpus_figures(options.size_kb, options.repeat)
    cold_figures()


if __name__ == "__main__":
    main()
