"""`kommlint annotate` against `kommlint check` on the same Word file: python bench/bench_annotate.py [SEED]

Two documents: the seed (../shared/seeds, one paragraph per blank-line block; skipped when
absent) and about 30 pages of generated prose with headings, runs in several formats and a
table every few pages. Both timings include reading the file and the rules (the model is
loaded once beforehand); annotate also writes the copy and reads it back to check it.
The target is at most twice the time of `check`.
"""

from __future__ import annotations

import io
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from swedish_text import markdown  # noqa: E402

from lint.annotate import annotate_file  # noqa: E402
from lint.engine.linter import Linter, Options  # noqa: E402

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seeds" / "000_7c22c21e004f47d4.txt"
WORDS_PER_PAGE = 450
LIMIT = 2.0


def seed_document(seed: Path) -> bytes | None:
    if not seed.exists():
        return None
    import docx

    word = docx.Document()
    for block in seed.read_text(encoding="utf-8").split("\n\n"):
        if block.strip():
            word.add_paragraph(" ".join(block.split()))
    return _save(word)


def long_document(pages: int = 30) -> bytes:
    import docx

    rng = random.Random(7)
    word = docx.Document()
    text = markdown(pages * WORDS_PER_PAGE * 7)  # about 7 bytes a word
    for number, block in enumerate(part for part in text.split("\n\n") if part.strip()):
        if block.startswith("#"):
            word.add_heading(block.lstrip("# "), 2)
            continue
        paragraph = word.add_paragraph()
        for piece in _pieces(" ".join(block.split()), rng):
            run = paragraph.add_run(piece)
            run.bold = rng.random() < 0.1
            run.italic = rng.random() < 0.1
        if number % 40 == 39:
            table = word.add_table(rows=2, cols=2)
            for cell in table._cells:
                cell.text = "Ansökan skall ha inkommit i enlighet med reglerna."
    return _save(word)


def _pieces(text: str, rng: random.Random) -> list[str]:
    cuts = sorted(rng.sample(range(1, len(text)), k=min(len(text) - 1, 3)))
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def _save(word) -> bytes:
    stream = io.BytesIO()
    word.save(stream)
    return stream.getvalue()


def best_of(function, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def compare(linter: Linter, name: str, data: bytes) -> bool:
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / f"{name}.docx")
        Path(path).write_bytes(data)
        check = best_of(lambda: linter.lint_file(path))
        annotate = best_of(lambda: annotate_file(linter, path))
        annotation = annotate_file(linter, path)
    ratio = annotate / check
    verdict = "ok" if ratio <= LIMIT else f"LÅNGSAMT (mer än {LIMIT:.0f}×)"
    print(
        f"{name:>8}: check {check * 1000:7.0f} ms, annotate {annotate * 1000:7.0f} ms, {ratio:4.2f}× – {verdict} "
        f"({annotation.comments} kommentarer, {annotation.changes} ändringar, {len(data) // 1024} kB)"
    )
    return ratio <= LIMIT


def main() -> int:
    linter = Linter(Options())
    seed = Path(sys.argv[1]) if len(sys.argv) > 1 else SEED
    documents = [("seed", seed_document(seed)), ("30 sidor", long_document())]
    warm = next(data for _, data in documents if data is not None)
    with tempfile.TemporaryDirectory() as folder:  # load the model before timing anything
        (Path(folder) / "warm.docx").write_bytes(warm)
        linter.lint_file(str(Path(folder) / "warm.docx"))
    results = []
    for name, data in documents:
        if data is None:
            print(f"{name:>8}: hoppas över (../shared saknas)")
            continue
        results.append(compare(linter, name, data))
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
