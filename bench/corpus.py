"""A varied multi-file corpus of realistic page sizes, for benchmarks that run the CLI.

Pages are Markdown with headings, paragraphs, lists and now and then a table, ~250–450 words
each. Their sentences come from the team's own corpora (corpora/**) and, when ../shared/ud
is there, from the UD Swedish treebanks' sentences (the `# text =` lines), so the words and
sentence shapes vary the way a real site's do. Deterministic for a given seed.

    python bench/corpus.py OUT_DIR [--files 420] [--min-words 150000]
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UD = ROOT.parent / "shared" / "ud"
HEADINGS = [
    "Så ansöker du",
    "Det här gäller",
    "Avgifter",
    "Kontakt",
    "Öppettider",
    "Om beslutet",
    "Bakgrund",
    "Vem kan få stöd?",
    "Så går det till",
    "Tider och datum",
    "Frågor och svar",
    "Mer information",
]
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])")


def _corpus_sentences() -> list[str]:
    sentences = []
    for path in sorted((ROOT / "corpora").rglob("*")):
        if path.suffix not in {".md", ".txt"} or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        text = re.sub(r"(?s)^---.*?---", "", text)
        for line in text.splitlines():
            line = line.strip().lstrip("#-*> ").strip()
            if len(line.split()) >= 4 and not line.startswith(("<", "|", "!", "[")):
                sentences += [s for s in SENTENCE_END.split(line) if len(s.split()) >= 4]
    return sentences


def _treebank_sentences() -> list[str]:
    sentences = []
    for path in sorted(UD.glob("*.conllu")) if UD.is_dir() else ():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# text = "):
                text = line[len("# text = ") :].strip()
                if 5 <= len(text.split()) <= 45 and text[-1:] in ".!?":
                    sentences.append(text)
    return sentences


def sentences() -> list[str]:
    found = _corpus_sentences() + _treebank_sentences()
    return list(dict.fromkeys(found))  # each sentence once, in a stable order


def page(rng: random.Random, pool: list[str], words: int) -> str:
    parts = [f"# {rng.choice(HEADINGS)} {rng.randint(1, 999)}", ""]
    written = 0
    while written < words:
        parts += [f"## {rng.choice(HEADINGS)}", ""]
        kind = rng.random()
        if kind < 0.15:
            items = [rng.choice(pool) for _ in range(rng.randint(2, 5))]
            parts += [f"- {item}" for item in items] + [""]
            written += sum(len(item.split()) for item in items)
        elif kind < 0.2:
            parts += ["| Vad | När |", "|---|---|"]
            parts += [f"| {rng.choice(HEADINGS)} | {rng.randint(1, 28)} maj |" for _ in range(rng.randint(2, 4))] + [""]
            written += 8
        else:
            paragraph = " ".join(rng.choice(pool) for _ in range(rng.randint(2, 6)))
            parts += [paragraph, ""]
            written += len(paragraph.split())
    return "\n".join(parts)


def write_corpus(out: Path, files: int = 420, min_words: int = 150_000, seed: int = 0) -> tuple[int, int]:
    """Write the pages into `out`; returns (files, words)."""
    rng = random.Random(seed)
    pool = sentences()
    out.mkdir(parents=True, exist_ok=True)
    total = count = 0
    while count < files or total < min_words:
        text = page(rng, pool, rng.randint(250, 450))
        folder = out / f"avdelning-{count % 12:02d}"
        folder.mkdir(exist_ok=True)
        (folder / f"sida-{count:04d}.md").write_text(text + "\n", encoding="utf-8")
        total += len(text.split())
        count += 1
    return count, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--files", type=int, default=420)
    parser.add_argument("--min-words", type=int, default=150_000)
    parser.add_argument("--seed", type=int, default=0)
    options = parser.parse_args()
    files, words = write_corpus(options.out, options.files, options.min_words, options.seed)
    print(f"{files} files, {words} words in {options.out}")


if __name__ == "__main__":
    main()
