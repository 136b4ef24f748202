"""Evaluate a trained pipeline on held-out DocBin files (raw text in, gold out).

Reports UPOS, morphological features, lemma, sentence P/R/F (spaCy's scorer, on the
pipeline's own tokenization), plus two measures the rules rest on:

* lemma accuracy on gold VERB tokens,
* precision / recall / F of ``Voice=Pass`` on gold VERB tokens.

With ``--adapt`` (default) kommlint's ``lint.language.swedish.adapt`` is applied first,
as the linter does at run time.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _voice_pass(morph) -> bool:
    return "Pass" in morph.get("Voice")


def evaluate_docs(nlp, gold_docs) -> dict:
    from spacy.scorer import Scorer
    from spacy.training import Example

    examples = []
    texts = [g.text for g in gold_docs]
    for pred, gold in zip(nlp.pipe(texts, batch_size=32), gold_docs):
        examples.append(Example(pred, gold))
    scorer = Scorer()
    scores = {}
    scores.update(Scorer.score_token_attr(examples, "pos"))
    scores.update(Scorer.score_token_attr(examples, "morph"))
    scores.update(Scorer.score_token_attr(examples, "lemma"))
    scores.update(Scorer.score_spans(examples, "sents", has_annotation=lambda d: d.has_annotation("SENT_START")))
    scores.update(Scorer.score_tokenization(examples))
    del scorer

    verb_total = verb_lemma_ok = 0
    tp = fp = fn = 0  # finite, infinitive and supine verbs (s-passive)
    atp = afp = afn = 0  # all verbs, participles included
    for eg in examples:
        y2x = eg.alignment.y2x
        pred = eg.predicted
        for gi, gtok in enumerate(eg.reference):
            if gtok.pos_ != "VERB":
                continue
            xs = y2x[gi].dataXd if hasattr(y2x[gi], "dataXd") else y2x[gi]
            xs = list(xs)
            participle = "Part" in gtok.morph.get("VerbForm")
            verb_total += 1
            g = _voice_pass(gtok.morph)
            if len(xs) != 1:
                p = False
            else:
                ptok = pred[int(xs[0])]
                verb_lemma_ok += int(ptok.lemma_ == gtok.lemma_)
                p = _voice_pass(ptok.morph)
            atp += int(g and p)
            afp += int(p and not g)
            afn += int(g and not p)
            if not participle:
                tp += int(g and p)
                fp += int(p and not g)
                fn += int(g and not p)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    out = {
        "tokens": sum(len(g) for g in gold_docs),
        "token_acc": scores.get("token_acc"),
        "pos_acc": scores.get("pos_acc"),
        "morph_acc": scores.get("morph_acc"),
        "lemma_acc": scores.get("lemma_acc"),
        "sents_p": scores.get("sents_p"),
        "sents_r": scores.get("sents_r"),
        "sents_f": scores.get("sents_f"),
        "verb_lemma_acc": verb_lemma_ok / verb_total if verb_total else 0.0,
        "verbs": verb_total,
        "voice_pass_p": prec,
        "voice_pass_r": rec,
        "voice_pass_f": 2 * prec * rec / (prec + rec) if prec + rec else 0.0,
        "voice_pass_gold": tp + fn,
        "voice_pass_all_p": atp / (atp + afp) if atp + afp else 0.0,
        "voice_pass_all_r": atp / (atp + afn) if atp + afn else 0.0,
        "voice_pass_all_gold": atp + afn,
    }
    return out


def load(model: str, adapt: bool):
    import spacy

    nlp = spacy.load(model)
    if adapt:
        sys.path.insert(0, str(ROOT))
        from lint.language.swedish import adapt as _adapt

        _adapt(nlp)
    return nlp


def evaluate_files(model: str, files: dict[str, Path], adapt: bool = True) -> dict:
    from spacy.tokens import DocBin

    nlp = load(model, adapt)
    results = {}
    for name, path in files.items():
        if not Path(path).exists():
            continue
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        results[name] = evaluate_docs(nlp, docs)
    return results


COLUMNS = (
    ("pos_acc", "UPOS"),
    ("morph_acc", "FEATS"),
    ("lemma_acc", "Lemma"),
    ("verb_lemma_acc", "Lemma (VERB)"),
    ("sents_f", "Sent F"),
    ("voice_pass_p", "Pass P"),
    ("voice_pass_r", "Pass R"),
    ("voice_pass_all_p", "Pass P (+part.)"),
    ("voice_pass_all_r", "Pass R (+part.)"),
)


def markdown_table(results: dict) -> str:
    head = "| data | tokens | " + " | ".join(c[1] for c in COLUMNS) + " |"
    sep = "|---|---:|" + "---:|" * len(COLUMNS)
    rows = [head, sep]
    for name, r in results.items():
        cells = " | ".join(f"{r[k]:.3f}" for k, _ in COLUMNS)
        rows.append(f"| {name} | {r['tokens']} | {cells} |")
    return "\n".join(rows)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("model")
    ap.add_argument("--corpus", type=Path, required=True, help="folder with dev/test/lines .spacy")
    ap.add_argument("--no-adapt", action="store_true")
    ap.add_argument("--json", type=Path, help="write results here")
    args = ap.parse_args(argv)
    files = {n: args.corpus / f"{n}.spacy" for n in ("dev", "test", "lines")}
    results = evaluate_files(args.model, files, adapt=not args.no_adapt)
    print(markdown_table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
