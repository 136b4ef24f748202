"""Issue 20's limits, measured: hostile files through the CLI, and `kommlint serve` under load.

1. Each hostile input is linted by `kommlint check` in its own process: wall time, peak
   memory (ru_maxrss of the child) and exit code. Targets: no traceback, under 1 GB.
2. `kommlint serve` with two workers: one client posts the largest text the page accepts,
   another posts a small text meanwhile; the small answer's latency is printed (target:
   under 2 s).

Usage: python bench/bench_robust.py [--skip-serve]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORDS = "och att det som en på är av för med till den har de inte om ett var men så erhåller kommunen beslut ansökan".split()


def hostile_files(folder: Path) -> dict[str, Path]:
    random.seed(20)
    files = {
        "paragraph-1MB.txt": " ".join(random.choice(WORDS) for _ in range(200_000)) + ".\n",
        "parens-20k.txt": "Du erhåller svar. " + "(" * 20_000 + " Vi erhåller.\n",
        "unclosed-comment-1MB.html": "<p>Hej</p><!-- " + "ord " * 250_000 + "\n<p>Du erhåller svar.</p>\n",
        "a-tags-20k.html": "<p>" + "<a " * 20_000,
        "inline-html-400kB.md": "text <span>x</span>\n" * 20_000,
        "backticks-1MB.mdx": "`a " * 350_000,
        "alias-bomb.md": "---\na: &a [x,x,x,x,x,x,x,x,x]\n"
        + "".join(f"{n}: &{n} [" + ",".join([f"*{p}"] * 9) + "]\n" for n, p in zip("bcdefg", "abcdef"))
        + "author: *g\n---\nText.\n",
        "suppressions-1000.txt": "".join(f"# kommlint-disable-next-line KLAR001\nVi erhåller {i}.\n\n" for i in range(1000)),
    }
    paths = {}
    for name, text in files.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths[name] = path
    return paths


def lint_in_child(path: Path, cache: Path) -> tuple[float, int, int, bool]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "KOMMLINT_CACHE_DIR": str(cache)}
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "lint", "check", "-q", "--no-cache", str(path)], capture_output=True, text=True, env=env, cwd=ROOT
    )
    elapsed = time.monotonic() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024  # the largest child so far, MB
    return elapsed, peak, done.returncode, "Traceback" in done.stderr + done.stdout


def bench_files() -> None:
    with tempfile.TemporaryDirectory() as folder:
        paths = hostile_files(Path(folder))
        print(f"{'fil':28} {'tid s':>7} {'max MB':>7} {'kod':>4} traceback")
        for name, path in paths.items():
            elapsed, peak, code, trace = lint_in_child(path, Path(folder) / "cache")
            print(f"{name:28} {elapsed:7.1f} {peak:7d} {code:4d} {'JA' if trace else 'nej'}")


def bench_serve() -> None:
    import httpx

    from lint.engine.linter import Options
    from lint.serve.pool import ProcessAnalyzer
    from lint.serve.runner import BackgroundServer

    analyzer = ProcessAnalyzer(Options(), workers=2, budget=300)
    analyzer.warm_up()
    big = " ".join(random.choice(WORDS) for _ in range(90_000))  # under the page's 500 000 characters
    try:
        with BackgroundServer(analyzer, token="bench") as server:
            headers = {"X-Kommlint-Token": "bench"}

            def hog() -> None:
                with httpx.Client(base_url=server.url, headers=headers, timeout=600) as http:
                    http.post("/api/check", json={"text": big})

            thread = threading.Thread(target=hog, daemon=True)
            thread.start()
            time.sleep(1.0)  # the large text is being linted now
            with httpx.Client(base_url=server.url, headers=headers, timeout=60) as http:
                for _ in range(3):
                    started = time.monotonic()
                    answer = http.post("/api/check", json={"text": "Du erhåller beslutet inom två veckor."})
                    print(
                        f"liten text medan en stor granskas: {time.monotonic() - started:.2f} s (HTTP {answer.status_code}); "
                        f"stora texten klar: {'ja' if not thread.is_alive() else 'nej'}"
                    )
    finally:
        analyzer.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-serve", action="store_true")
    arguments = parser.parse_args()
    bench_files()
    if not arguments.skip_serve:
        bench_serve()
