"""The whole recipe: convert, train, evaluate, package.

    python training/train.py --data ../shared/ud --out lint/language/embedded/sv_kommlint

Steps (each is also a script of its own in this folder):

1. ``convert.py``: CoNLL-U -> DocBin, deterministic 85/7.5/7.5 train/dev/test split of
   the three CC BY-SA 4.0 treebanks, conventions harmonised towards Talbanken's, plus
   Talbanken's UD 1.0 train part (``convert_v1.py``) in the training split only; LinES
   dev+test (CC BY-NC-SA) for evaluation only.
2. ``spacy train config.cfg`` (bounded by ``max_steps``; ``model-best`` by dev score).
3. ``evaluate.py`` on dev, test and LinES, with kommlint's Swedish adaptations.
4. Package: copy ``model-best`` to ``--out``, set name/version/licence/sources and
   the held-out accuracy (test split) in ``meta.json``, write ``evaluation.json``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import convert  # noqa: E402
import evaluate  # noqa: E402

PIPELINE_NAME = "kommlint"
VERSION = "0.4.0"  # the shipped pipeline's version; `kommlint model train` reproduces it
SOURCES = [
    {
        "name": "UD Swedish-Talbanken (test part)",
        "url": "https://universaldependencies.org/treebanks/sv_talbanken/",
        "license": "CC BY-SA 4.0",
    },
    {
        "name": "UD Swedish-Talbanken (train part, UD 1.0 release; converted by training/convert_v1.py)",
        "url": "https://universaldependencies.org/treebanks/sv_talbanken/",
        "license": "CC BY-SA 4.0",
    },
    {
        "name": "UD Swedish-PUD",
        "url": "https://universaldependencies.org/treebanks/sv_pud/",
        "license": "CC BY-SA 4.0",
    },
    {
        "name": "UD Swedish-SweLL (corrected target texts, test part)",
        "url": "https://universaldependencies.org/treebanks/sv_swell/",
        "license": "CC BY-SA 4.0",
    },
]

# Keys of meta.json "performance" that kommlint reports as accuracy.
REPORTED = (
    "pos_acc",
    "morph_acc",
    "lemma_acc",
    "sents_f",
    "verb_lemma_acc",
    "voice_pass_p",
    "voice_pass_r",
)


def train(corpus: Path, run_dir: Path, config: Path, overrides: list[str]) -> Path:
    cmd = [
        sys.executable,
        "-m",
        "spacy",
        "train",
        str(config),
        "--output",
        str(run_dir),
        "--paths.train",
        str(corpus / "train.spacy"),
        "--paths.dev",
        str(corpus / "dev.spacy"),
        *overrides,
    ]
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True)
    return run_dir / "model-best"


def package(model_dir: Path, out: Path, results: dict, version: str) -> None:
    card = out / "MODEL_CARD.md"
    card_text = card.read_text(encoding="utf-8") if card.is_file() else None
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(model_dir, out)
    if card_text is not None:  # hand-written: keep it (update its table by hand)
        card.write_text(card_text, encoding="utf-8")
    _forget_training_paths(out / "config.cfg")
    meta_path = out / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    test = results.get("test", {})
    meta.update(
        {
            "name": PIPELINE_NAME,
            "version": version,
            "description": (
                "Swedish pipeline for kommlint: UPOS + morphological features, "
                "edit-tree lemmatizer and sentence recogniser, trained on UD Swedish "
                "Talbanken (test part, and the train part of UD 1.0 brought to today's conventions), "
                "PUD and SweLL (corrected). Accuracy: held-out test split."
            ),
            "author": "kommlint",
            "license": "CC BY-SA 4.0",
            "sources": SOURCES,
            "vectors": {"width": 0, "vectors": 0, "keys": 0, "name": None},
        }
    )
    perf = {k: round(float(test[k]), 4) for k in REPORTED if k in test}
    meta["performance"] = perf
    meta["kommlint_evaluation"] = {
        name: {k: (round(v, 4) if isinstance(v, float) else v) for k, v in r.items()} for name, r in results.items()
    }
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _forget_training_paths(config: Path) -> None:
    """The packaged config names no corpus on the machine that trained it (the same bytes anywhere)."""
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    cleaned = ["train = null\n" if line.startswith("train = ") else "dev = null\n" if line.startswith("dev = ") else line for line in lines]
    config.write_text("".join(cleaned), encoding="utf-8")


def refresh(pipeline: Path, data: Path, work: Path) -> dict:
    """Re-evaluate a packaged pipeline (e.g. after changing lint/language/swedish.py) and
    rewrite the accuracy in its meta.json without retraining."""
    corpus = work / "corpus"
    convert.convert(data, corpus)
    files = {n: corpus / f"{n}.spacy" for n in ("dev", "test", "lines")}
    results = evaluate.evaluate_files(str(pipeline), files, adapt=True)
    meta_path = pipeline / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["performance"] = {k: round(float(results["test"][k]), 4) for k in REPORTED if k in results["test"]}
    meta["kommlint_evaluation"] = {
        name: {k: (round(v, 4) if isinstance(v, float) else v) for k, v in r.items()} for name, r in results.items()
    }
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(evaluate.markdown_table(results))
    return results


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Train kommlint's embedded Swedish pipeline.")
    ap.add_argument("--data", type=Path, required=True, help="folder with the UD .conllu files")
    ap.add_argument("--out", type=Path, required=True, help="where to write the packaged pipeline")
    ap.add_argument("--work", type=Path, default=None, help="work folder (default: a temporary one)")
    ap.add_argument("--config", type=Path, default=HERE / "config.cfg")
    ap.add_argument("--version", default=VERSION)
    ap.add_argument("--max-steps", type=int, default=None)
    ap.add_argument(
        "--refresh-only",
        action="store_true",
        help="do not train: re-evaluate the pipeline already in --out and update its meta.json",
    )
    args = ap.parse_args(argv)

    work = args.work or Path(tempfile.mkdtemp(prefix="kommlint-train-"))
    work.mkdir(parents=True, exist_ok=True)
    if args.refresh_only:
        refresh(args.out, args.data, work)
        return 0
    corpus = work / "corpus"
    stats = convert.convert(args.data, corpus)
    for k, v in sorted(stats.items()):
        print(k, v)
    overrides = []
    if args.max_steps:
        overrides += ["--training.max_steps", str(args.max_steps)]
    best = train(corpus, work / "run", args.config, overrides)
    files = {n: corpus / f"{n}.spacy" for n in ("dev", "test", "lines")}
    results = evaluate.evaluate_files(str(best), files, adapt=True)
    print(evaluate.markdown_table(results))
    (work / "evaluation.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    package(best, args.out, results, args.version)
    print(f"pipeline written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
