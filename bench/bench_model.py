"""Benchmark the embedded Swedish pipeline: load time and words/s on one process.

    python bench/bench_model.py [--model PATH] [--words 20000] [--repeat 3]

Prints the time to load the pipeline (spaCy import excluded and included, target ≤ 1 s)
and throughput with all components and with only what a typical rule set needs
(morphologizer + lemmatizer + sentence boundaries). The text is generated here from
public-sector-style sentences, so the numbers do not depend on files outside the repo.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

SENTENCES = [
    "Stadsbyggnadsnämnden beviljar bygglov för tillbyggnad av enbostadshus på fastigheten.",
    "Din ansökan prövas av förvaltningen och beslutet skickas till dig med post.",
    "Om du har frågor kan du ringa 08-508 264 02 vardagar kl. 9–16.",
    "Avgiften är 1 234,50 kr och ska betalas inom 30 dagar, t.ex. via bankgiro.",
    "Beslutet kan överklagas till förvaltningsrätten inom tre veckor från den dag du fick del av det.",
    "Vi hoppas att du trivs i din nya bostad och att det finns plats för hela familjen.",
    "Enligt 4 kap. 1 § kommunallagen ska fullmäktige besluta i ärenden av principiell beskaffenhet.",
    "Exploateringskontoret föreslår att nämnden godkänner markanvisningsavtalet med bolaget.",
    "Handlingarna har inkommit till kontoret och registrerats i diariet.",
    "Förskolan är öppen fr.o.m. den 1 augusti och har plats för ca 60 barn.",
]


def make_text(words: int) -> list[str]:
    docs, count, i = [], 0, 0
    while count < words:
        para = " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(5))
        docs.append(para)
        count += len(para.split())
        i += 1
    return docs


def words_per_second(nlp, texts, disable=(), repeat=3) -> tuple[float, int]:
    n_words = sum(len(t.split()) for t in texts)
    best = float("inf")
    with nlp.select_pipes(disable=[d for d in disable if d in nlp.pipe_names]):
        list(nlp.pipe(texts[:5]))  # warm up
        for _ in range(repeat):
            start = time.perf_counter()
            for _doc in nlp.pipe(texts, batch_size=64):
                pass
            best = min(best, time.perf_counter() - start)
    return n_words / best, n_words


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", help="pipeline path (default: the embedded one)")
    ap.add_argument("--words", type=int, default=20000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    import spacy

    from lint.language.pipeline import embedded_model_path
    from lint.language.swedish import adapt

    t_import = time.perf_counter() - t0
    path = args.model or str(embedded_model_path())
    t1 = time.perf_counter()
    nlp = spacy.load(path)
    adapt(nlp)
    t_load = time.perf_counter() - t1
    print(f"pipeline:        {path}")
    print(f"components:      {', '.join(nlp.pipe_names)}")
    print(f"import spaCy:    {t_import:.2f} s")
    print(f"load + adapt:    {t_load:.2f} s (target <= 1 s)")
    print(f"total cold load: {t_import + t_load:.2f} s")

    texts = make_text(args.words)
    wps, n = words_per_second(nlp, texts, repeat=args.repeat)
    print(f"all components:  {wps:,.0f} words/s ({n} words, best of {args.repeat})")
    # What a typical rule set needs: POS/morph, lemmas, sentences; no parser/NER.
    needed = {"tok2vec", "morphologizer", "trainable_lemmatizer", "lemmatizer", "senter", "tagger", "attribute_ruler"}
    disable = [n for n in nlp.pipe_names if n not in needed and not n.startswith("kommlint_")]
    if "senter" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        disable = [d for d in disable if d != "parser"]
    wps2, _ = words_per_second(nlp, texts, disable=disable, repeat=args.repeat)
    print(f"typical rules:   {wps2:,.0f} words/s (disabled: {', '.join(disable) or 'none'})")
    no_lemma = [n for n in nlp.pipe_names if n in ("trainable_lemmatizer", "lemmatizer")] + disable
    wps3, _ = words_per_second(nlp, texts, disable=no_lemma, repeat=args.repeat)
    print(f"no lemmatizer:   {wps3:,.0f} words/s (disabled: {', '.join(no_lemma) or 'none'})")
    keep = {"tok2vec", "senter", "sentencizer"}
    only_sents = [n for n in nlp.pipe_names if n not in keep and not n.startswith("kommlint_")]
    wps4, _ = words_per_second(nlp, texts, disable=only_sents, repeat=args.repeat)
    print(f"sentences only:  {wps4:,.0f} words/s (disabled: {', '.join(only_sents) or 'none'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
