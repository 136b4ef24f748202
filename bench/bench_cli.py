"""What a user runs, measured as whole processes: `kommlint check` over a varied corpus.

Compared in the same run, interleaved pair by pair (A B A B …), medians with min–max:
- stock spaCy: `spacy.load` of the same embedded pipeline (no kommlint adaptations) and
  `nlp.pipe` over the same block texts, as a process of its own;
- kommlint cold (`--no-cache`, default text format) with `--jobs 1` and, if the command
  has it, `--jobs 2`; a cached run in the default format; one file cold;
- textlint with prh (rules generated from kommlint's own word lists), when npm is there;
- with `--big-mb`, one big file's peak memory against stock spaCy's floor on the same blocks:
  streamed (each doc dropped once parsed) and kept (every doc alive, its tensor dropped, as
  kommlint's document-level rules need them).

    python bench/bench_cli.py [--pairs 5] [--files 420] [--no-textlint] [--big-mb 5]

The corpus (bench/corpus.py) is written to a temporary folder; nothing in the repository
changes. CPU is user + system time of the process and its children.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
STOCK = """
import json, sys, spacy
nlp = spacy.load(sys.argv[1])
texts = json.load(open(sys.argv[2], encoding="utf-8"))
for _ in nlp.pipe(texts, batch_size=64):
    pass
"""
# Every doc kept until the end, as kommlint keeps a file's docs for its document-level rules;
# the tensor is dropped, as kommlint drops it after the last component that reads it.
STOCK_KEPT = """
import json, sys, numpy, spacy
nlp = spacy.load(sys.argv[1])
texts = json.load(open(sys.argv[2], encoding="utf-8"))
docs = []
for doc in nlp.pipe(texts, batch_size=64):
    doc.tensor = numpy.zeros((0,), dtype="float32")
    docs.append(doc)
"""


def run(args: list[str], cwd: Path | None = None, env: dict | None = None) -> dict[str, float]:
    """One process: wall and CPU seconds, peak resident memory (MiB)."""
    start = time.perf_counter()
    process = subprocess.Popen(args, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "rss": usage.ru_maxrss / 1024,
        "status": os.waitstatus_to_exitcode(status),
    }


def summary(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} ({min(values):.2f}–{max(values):.2f})"


def pairs(name_a: str, a: list[str], name_b: str, b: list[str], count: int, **kwargs) -> None:
    """A and B in turn, `count` times each after one warm-up of each; ratios pair by pair."""
    run(a, **kwargs), run(b, **kwargs)
    found_a, found_b = [], []
    for _ in range(count):
        found_a.append(run(a, **kwargs))
        found_b.append(run(b, **kwargs))
    for label, key in (("CPU s", "cpu"), ("wall s", "wall")):
        ratios = [x[key] / y[key] for x, y in zip(found_a, found_b)]
        print(
            f"  {label:<7} {name_a}: {summary([x[key] for x in found_a])}   {name_b}: {summary([y[key] for y in found_b])}"
            f"   ratio {name_a}/{name_b}: {summary(ratios)}"
        )
    print(f"  peak RSS MiB  {name_a}: {max(x['rss'] for x in found_a):.0f}   {name_b}: {max(y['rss'] for y in found_b):.0f}")
    print(f"  exit codes {name_a}: {sorted({x['status'] for x in found_a})}  {name_b}: {sorted({y['status'] for y in found_b})}")


def block_texts(folder: Path) -> list[str]:
    from lint.formats import read_path

    texts = []
    for path in sorted(folder.rglob("*.md")):
        texts += [block.text for block in read_path(path).blocks]
    return texts


def parsed_texts(path: Path) -> list[str]:
    """The texts kommlint parses for one file: its blocks, giant ones split, spacing made single."""
    from lint.engine.guards import split_blocks
    from lint.formats import read_path
    from lint.language.spacing import single_spaced

    return [single_spaced(block).text for block in split_blocks(read_path(path).blocks)]


def big_file_memory(kommlint: list[str], model: Path, work: Path, corpus: Path, megabytes: float) -> None:
    big = work / "stor.md"
    text = "\n\n".join(path.read_text(encoding="utf-8") for path in sorted(corpus.rglob("*.md")))
    size = int(megabytes * 1024 * 1024)
    big.write_text((text * (size // len(text.encode()) + 1))[:size], encoding="utf-8")
    texts = work / "stor.json"
    texts.write_text(json.dumps(parsed_texts(big), ensure_ascii=False), encoding="utf-8")
    result = run([*kommlint, "check", str(big), "--no-cache"])
    print(f"one {megabytes:g} MB file: wall {result['wall']:.1f} s, peak RSS {result['rss']:.0f} MiB, exit {result['status']}")
    for name, script in (("streamed", STOCK), ("every doc kept", STOCK_KEPT)):
        floor = run([sys.executable, "-c", script, str(model), str(texts)])
        print(f"  stock spaCy on its blocks, {name}: wall {floor['wall']:.1f} s, peak RSS {floor['rss']:.0f} MiB")


def prh_rules(path: Path) -> int:
    """A prh dictionary from kommlint's substitution lists (KLAR001–KLAR004): expected → pattern."""
    import yaml

    rules = []
    for name in ("KLAR001-krangelord", "KLAR002-lang-preposition", "KLAR003-alderdomlig-form", "KLAR004-dar-har-ord"):
        data = yaml.safe_load((ROOT / "rules" / "klarsprak" / f"{name}.yaml").read_text(encoding="utf-8"))
        for entry in data.get("swap", []):
            suggestion = entry.get("suggest") or [""]
            if isinstance(suggestion, list):
                suggestion = suggestion[0]
            rules.append({"expected": suggestion or entry["match"], "pattern": entry["match"]})
    path.write_text(yaml.safe_dump({"version": 1, "rules": rules[:63]}, allow_unicode=True), encoding="utf-8")
    return min(63, len(rules))


def textlint_command(work: Path, corpus: Path) -> list[str] | None:
    npm = shutil.which("npm")
    if npm is None:
        return None
    node_dir = Path.home() / ".cache" / "kommlint-bench" / "textlint"
    if not (node_dir / "node_modules" / ".bin" / "textlint").exists():
        node_dir.mkdir(parents=True, exist_ok=True)
        installed = subprocess.run(
            [npm, "install", "--prefix", str(node_dir), "textlint@14", "textlint-rule-prh@6"], capture_output=True, text=True
        )
        if installed.returncode != 0:
            print(f"textlint: npm install failed: {installed.stderr.strip()[-300:]}")
            return None
    count = prh_rules(work / "prh.yml")
    (work / ".textlintrc.json").write_text(json.dumps({"rules": {"prh": {"rulePaths": [str(work / "prh.yml")]}}}), encoding="utf-8")
    print(f"textlint + prh: {count} rules")
    return [str(node_dir / "node_modules" / ".bin" / "textlint"), "--config", str(work / ".textlintrc.json"), str(corpus)]


def has_jobs(kommlint: list[str]) -> bool:
    return "--jobs" in subprocess.run([*kommlint, "check", "--help"], capture_output=True, text=True).stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--files", type=int, default=420)
    parser.add_argument("--no-textlint", action="store_true")
    parser.add_argument("--big-mb", type=float, default=0, help="also the peak memory for one file of this size")
    options = parser.parse_args()

    from lint.language.pipeline import EMBEDDED_DIR

    model = next(path.parent for path in sorted(EMBEDDED_DIR.glob("*/meta.json")))
    kommlint = [sys.executable, "-m", "lint"]
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        corpus = work / "webbplats"
        files, words = write_corpus(corpus, options.files)
        texts = work / "texts.json"
        texts.write_text(json.dumps(block_texts(corpus), ensure_ascii=False), encoding="utf-8")
        stock = [sys.executable, "-c", STOCK, str(model), str(texts)]
        print(f"corpus: {files} Markdown files, {words} words; model {model.name}; {os.cpu_count()} cores")
        cold = [*kommlint, "check", str(corpus), "--no-cache"]
        print("kommlint check --no-cache (text format) vs stock spaCy:")
        pairs("kommlint", cold + (["--jobs", "1"] if has_jobs(kommlint) else []), "spacy", stock, options.pairs)
        if has_jobs(kommlint):
            print("kommlint check --jobs 2 vs --jobs 1:")
            pairs("jobs2", cold + ["--jobs", "2"], "jobs1", cold + ["--jobs", "1"], options.pairs)
        cache_dir = work / "cache"
        cached = [*kommlint, "check", str(corpus), "--cache-dir", str(cache_dir)]
        run(cached)
        print("kommlint cold vs cached (text format):")
        pairs("cold", cold, "cached", cached, options.pairs)
        one = sorted(corpus.rglob("*.md"))[0]
        print("one file cold vs stock spaCy on all texts (for scale):")
        pairs("onefile", [*kommlint, "check", str(one), "--no-cache"], "spacy", stock, max(3, options.pairs // 2))
        textlint = None if options.no_textlint else textlint_command(work, corpus)
        if textlint:
            print("kommlint cold vs textlint + prh:")
            pairs("kommlint", cold, "textlint", textlint, options.pairs)
        if options.big_mb:
            big_file_memory(kommlint, model, work, corpus, options.big_mb)


if __name__ == "__main__":
    main()
