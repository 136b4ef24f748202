"""Core benchmark: `kommlint check` throughput in memory against stock spaCy's `nlp.pipe`, and start-up times.

Run: python bench/bench_core.py [--size-kb 1024]
The "stock" baseline is spaCy's own load of the same pipeline with every component; the
adapted figure is kommlint's pipeline with only the components the rules need.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from swedish_text import markdown  # noqa: E402


def timed(function, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def _stock_pipeline(pipeline):
    """spaCy's own load of the pipeline kommlint uses, without kommlint's adaptations."""
    import spacy

    return spacy.load(pipeline.path) if pipeline.path else spacy.blank("sv")


def command_time(args: list[str], repeat: int = 3) -> float:
    return timed(lambda: subprocess.run(args, capture_output=True, check=False), repeat)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size-kb", type=int, default=1024)
    parser.add_argument("--repeat", type=int, default=2)
    options = parser.parse_args()

    from lint.engine.linter import Linter, Options
    from lint.formats import read_bytes

    text = markdown(options.size_kb * 1024)
    data = text.encode("utf-8")
    linter = Linter(Options())
    settings = linter.settings_for(Path.cwd())
    start = time.perf_counter()
    pipeline = linter.pipeline(settings)
    load_seconds = time.perf_counter() - start
    document = read_bytes(data, "bench.md")
    words = sum(len(block.text.split()) for block in document.blocks)
    rules = linter._runnable(
        settings, "bench.md", linter.lint_document(read_bytes(text[:20000].encode("utf-8"), "bench.md"), settings).profile, pipeline
    )
    needs = (frozenset().union(*(rule.needs for rule in rules)) | ({"pos", "morph"} & pipeline.provides)) & pipeline.provides | {"sents"}
    texts = [block.text for block in document.blocks]

    stock = _stock_pipeline(pipeline)

    def bare() -> None:
        for _ in stock.pipe(texts, batch_size=64):
            pass

    def adapted() -> None:
        for _ in pipeline.parse(texts, needs):
            pass

    def full() -> None:
        linter.lint_document(read_bytes(data, "bench.md"), settings)

    without_spr = replace(settings, ignore=(*settings.ignore, "SPR"))

    def full_without_spr() -> None:
        linter.lint_document(read_bytes(data, "bench.md"), without_spr)

    bare_seconds = timed(bare, options.repeat)
    adapted_seconds = timed(adapted, options.repeat)
    full_seconds = timed(full, options.repeat)
    without_spr_seconds = timed(full_without_spr, options.repeat)
    tracemalloc.start()
    full()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    print(f"pipeline: {pipeline.name} {pipeline.version} ({pipeline.source}); components {pipeline.components_for(needs)}")
    print(f"pipeline load: {load_seconds:.2f} s")
    print(f"text: {len(data) / 1024:.0f} kB Markdown, {words} words, {len(texts)} blocks, {len(rules)} rules")
    print(
        f"stock spaCy nlp.pipe (spacy.load of the same pipeline, all components): {bare_seconds:.2f} s  {words / bare_seconds:,.0f} words/s"
    )
    print(f"kommlint's adapted pipeline, components rules need: {adapted_seconds:.2f} s  ({adapted_seconds / bare_seconds:.2f}× stock)")
    print(f"kommlint check:  {full_seconds:.2f} s  {words / full_seconds:,.0f} words/s")
    print(
        f"ratio (check / stock spaCy throughput): {bare_seconds / full_seconds:.2f}  (in memory: no start-up, report or per-file work; bench_cli measures those)"
    )
    print(
        f"SPR family (språkriktighet): {full_seconds - without_spr_seconds:+.2f} s, {(full_seconds / without_spr_seconds - 1) * 100:+.0f} % of check without it (target <= +25 %)"
    )
    print(f"peak Python memory during check: {peak / 1e6:.0f} MB")

    kommlint = str(Path(sys.executable).with_name("kommlint"))
    with tempfile.TemporaryDirectory() as folder:
        sample = Path(folder) / "utkast.md"
        sample.write_text(markdown(4 * 1024, seed=2), encoding="utf-8")
        version = command_time([kommlint, "--version"], 5)
        one_file = command_time([kommlint, "check", str(sample), "--format", "json", "--no-cache"], 3)
        cache_dir = Path(folder) / "cache"
        subprocess.run([kommlint, "check", str(sample), "--cache-dir", str(cache_dir)], capture_output=True, check=False)
        cached = command_time([kommlint, "check", str(sample), "--format", "json", "--cache-dir", str(cache_dir)], 3)
    print(f"start-up `kommlint --version`: {version * 1000:.0f} ms")
    print(f"one-file check (4 kB, incl. pipeline load, no cache): {one_file:.2f} s")
    print(f"same file again with a warm cache: {cached:.2f} s")


if __name__ == "__main__":
    main()
