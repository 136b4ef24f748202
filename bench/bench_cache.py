"""Benchmark: the result cache on 200 generated Markdown pages.

Runs `kommlint check` in fresh interpreters, as a pre-commit hook or CI job would:
1. cold: empty cache (parses every page with spaCy, fills the cache),
2. warm: every page hits the cache (must not import spaCy),
3. one page edited: one miss, 199 hits.

Usage: python bench/bench_cache.py [--files 200] [--format text] [--keep DIR]

Output is written in the default text format, as the pre-commit hook writes it: a cached
run costs what reading the entries and printing the report cost. Run it with an
installed kommlint, or in a checkout nobody is editing: the cache key includes kommlint's
own code and rule packs, so edits between the runs turn hits into misses.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SENTENCES = [
    "Du kan söka bidrag för att renovera din förskolegård.",
    "Ansökan skall vara komplett innan vi kan börja handlägga den.",
    "Nämnden fattar beslut om bidraget i slutet av varje kvartal.",
    "Om du har frågor kan du ringa till kontaktcenter på 08-508 000 00.",
    "Avgiften betalas icke tillbaka om du avbryter kursen.",
    "Biblioteket har öppet klockan 10.00 till 19.00 på vardagar.",
    "Vi hanterar dina personuppgifter enligt dataskyddsförordningen.",
    "Det kostar 25000 kronor att hyra lokalen en hel dag.",
    "Parken stängs under två veckor medan vi byter ut lekutrustningen.",
    "I enlighet med gällande bestämmelser ska samtliga handlingar inkomma senast den 1 maj.",
    "Du som bor i Skarpnäck kan lämna grovsopor vid återvinningscentralen.",
    "Beslutet kan överklagas till förvaltningsrätten inom tre veckor.",
]
HEADINGS = ["Så söker du", "Det här gäller", "Avgifter", "Kontakt", "Öppettider", "Om beslutet"]


def page(number: int, rng: random.Random) -> str:
    parts = [f"# Sida {number}: {rng.choice(HEADINGS)}", ""]
    for _ in range(rng.randint(3, 6)):
        parts.append(f"## {rng.choice(HEADINGS)}")
        parts.append("")
        parts.append(" ".join(rng.choice(SENTENCES) for _ in range(rng.randint(2, 5))))
        parts.append("")
    parts.append(f"Sidan uppdaterades vecka {number % 52 + 1}.")
    return "\n".join(parts) + "\n"


PROBE = """
import sys, time
from lint.cli.main import main
start = time.perf_counter()
try:
    main(sys.argv[1:])
except SystemExit as exit:
    code = exit.code
print(f"##probe {time.perf_counter() - start:.3f} {int('spacy' in sys.modules)} {code}", file=sys.stderr)
"""


def run(folder: Path, cache: Path, output: str) -> tuple[float, float, bool, int]:
    """(wall seconds for the whole process, seconds inside main, spaCy imported?, findings)."""
    args = [sys.executable, "-c", PROBE, "check", str(folder / "sidor"), "--format", output, "--cache-dir", str(cache)]
    start = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, cwd=folder, env=os.environ.copy())
    wall = time.perf_counter() - start
    probe = [line for line in done.stderr.splitlines() if line.startswith("##probe")]
    if not probe:
        sys.exit(f"kommlint misslyckades:\n{done.stderr}")
    _, inside, spacy, _ = probe[-1].split()
    findings = json.loads(done.stdout)["summary"]["diagnostics"] if output == "json" else done.stdout.count("\n")
    return wall, float(inside), spacy == "1", findings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--format", default="text", choices=["concise", "json", "text", "sarif", "github", "junit"])
    parser.add_argument("--keep", type=Path, help="use this folder instead of a temporary one")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = options.keep or Path(temporary)
        pages = folder / "sidor"
        pages.mkdir(parents=True, exist_ok=True)
        rng = random.Random(7)
        for number in range(options.files):
            (pages / f"sida-{number:03}.md").write_text(page(number, rng), encoding="utf-8")
        cache = folder / "cache"
        rows = []
        rows.append(("kall (tom cache)", *run(folder, cache, options.format)))
        rows.append(("varm (alla träffar)", *run(folder, cache, options.format)))
        edited = pages / "sida-000.md"
        edited.write_text(edited.read_text(encoding="utf-8") + "\nEn ny mening i slutet.\n", encoding="utf-8")
        rows.append(("en sida ändrad", *run(folder, cache, options.format)))
        print(f"{options.files} Markdown-sidor, --format {options.format}\n")
        print("| körning | process (s) | i kommlint (s) | spaCy importerad | rader/fynd |")
        print("|---|---:|---:|---|---:|")
        for name, wall, inside, spacy, findings in rows:
            print(f"| {name} | {wall:.2f} | {inside:.2f} | {'ja' if spacy else 'nej'} | {findings} |")
        cold, warm = rows[0][1], rows[1][1]
        print(f"\nVarm körning {cold / warm:.1f}× snabbare än kall (hela processen); krav: minst 20×.")
        if rows[1][3]:
            print("FEL: spaCy importerades trots att alla filer fanns i cachen.")
        if rows[0][4] != rows[1][4]:
            print("FEL: cachade resultat skiljer sig från de färska.")


if __name__ == "__main__":
    main()
