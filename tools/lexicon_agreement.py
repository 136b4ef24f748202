"""Compare kommlint's compact lexicon with spylls (the reference Hunspell engine).

Usage: python tools/lexicon_agreement.py [FILE ...]
Takes every word of the files (default: the corpora), plus one-letter misspellings of a
sample of them, and prints how often the two answer differently, with examples.
"""

from __future__ import annotations

import random
import re
import sys
import time
from pathlib import Path

from lint.language import lexicon, lexicon_build

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def words(paths: list[Path]) -> list[str]:
    found: set[str] = set()
    for path in paths:
        found.update(WORD.findall(path.read_text(encoding="utf-8", errors="replace")))
    return sorted(found)


def misspell(word: str, rng: random.Random) -> str:
    position = rng.randrange(len(word))
    letter = rng.choice("aeiouåäönrstlkm")
    return word[:position] + letter + word[position + 1 :] if rng.random() < 0.5 else word[:position] + word[position + 1 :]


def main(arguments: list[str]) -> None:
    from spylls.hunspell import Dictionary

    paths = [Path(a) for a in arguments] or sorted(Path("corpora").rglob("*.txt")) + sorted(Path("corpora").rglob("*.md"))
    rng = random.Random(16)
    sample = words(paths)
    sample += [misspell(w, rng) for w in rng.sample(sample, min(2000, len(sample))) if len(w) > 4]
    stem, _ = lexicon_build.dictionary_files()
    reference = Dictionary.from_files(str(stem))
    ours = lexicon.load(lexicon.lexicon_dir())
    started = time.perf_counter()
    answers = [ours.known(w) for w in sample]
    elapsed = time.perf_counter() - started
    differ = [(w, a) for w, a in zip(sample, answers, strict=True) if a != reference.lookup(w)]
    print(f"{len(sample)} ord, {len(differ)} olika svar ({len(differ) / len(sample):.2%}); {elapsed / len(sample) * 1e6:.0f} µs per ord")
    for word, answer in differ[:60]:
        print(f"  {word}: kommlint {'känt' if answer else 'okänt'}, spylls {'okänt' if answer else 'känt'}")


if __name__ == "__main__":
    main(sys.argv[1:])
