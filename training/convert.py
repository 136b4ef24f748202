"""Convert UD CoNLL-U treebanks into spaCy DocBin files with a deterministic split.

Kept: FORM, LEMMA, UPOS, FEATS, HEAD/DEPREL, SpaceAfter, sentence boundaries.
Dropped: XPOS (tag sets differ between the treebanks), enhanced deps, multiword
token ranges (the Swedish treebanks used here have none) and empty nodes.

Several consecutive sentences are packed into one Doc (``--per-doc``) so that the
sentence recogniser sees boundaries inside a document.

Split (per treebank, over groups of ``--per-doc`` sentences, by group index):
    index % 40 in DEV_SLOTS  -> dev   (~7.5 %, used for model selection)
    index % 40 in TEST_SLOTS -> test  (~7.5 %, never used for selection)
    otherwise                -> train (~85 %)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXTRA_DIR = Path(__file__).resolve().parent / "extra"

DEV_SLOTS = {3, 16, 29}
TEST_SLOTS = {9, 22, 35}

# Licence-checked treebanks that may be used to train what ships (REFERENCE.md §9).
TRAIN_TREEBANKS = (
    "sv_talbanken-ud-test.conllu",
    "sv_pud-ud-test.conllu",
    "sv_swell-ud-test-trg.conllu",
)
# Talbanken's train part in UD 1.0 conventions (CC BY-SA 4.0): converted by convert_v1.py,
# training split only (its sentences are not in the test part above).
V1_TRAIN_TREEBANK = "sv_talbanken-ud-v1-train.conll"
# CC BY-NC-SA: evaluation only.
EVAL_ONLY_TREEBANKS = ("sv_lines-ud-test.conllu", "sv_lines-ud-dev.conllu")


NEGATIONS = {"inte", "icke", "ej"}


def _without(feats: dict[str, str], *names: str) -> dict[str, str]:
    return {k: v for k, v in feats.items() if k not in names}


def normalise_feats(upos: str, lemma: str, feats: str, form: str = "", xpos: str = "") -> str:
    """Harmonise annotation conventions that differ between the treebanks, towards Talbanken's.

    Applied to training and evaluation data alike (REFERENCE.md §9; MODEL_CARD.md lists them):
    * deponent verbs (the lemma itself ends in -s: finnas, hoppas, lyckas ...) carry no Voice
      (Talbanken; PUD marks them Voice=Pass, SweLL/LinES Voice=Act) — kommlint treats them
      as not passive;
    * NUM has Case and NumType=Card (PUD and LinES leave them out);
    * relative "som" is PronType=Rel (PUD: Int,Rel); the negations inte/icke/ej are
      Polarity=Neg (SweLL, part of PUD and LinES leave it out);
    * PROPN has no Number, a definite adjective no Number, a possessive pronoun no Case
      (LinES has all three);
    * LinES tags participles VERB with XPOS AD-… and VerbForm=Inf: they are VerbForm=Part.
    """
    parts = dict(f.split("=", 1) for f in feats.split("|") if "=" in f)
    low = form.lower()
    if upos in ("VERB", "AUX") and lemma.endswith("s") and lemma.isalpha():
        parts = _without(parts, "Voice")
    if upos == "NUM":
        parts.setdefault("Case", "Nom")
        parts.setdefault("NumType", "Card")
    if upos == "PRON" and low == "som" and parts.get("PronType") == "Int,Rel":
        parts["PronType"] = "Rel"
    if upos == "PART" and low in NEGATIONS:
        parts["Polarity"] = "Neg"
    if upos == "PROPN" or (upos == "ADJ" and parts.get("Definite") == "Def"):
        parts = _without(parts, "Number")
    if upos == "PRON" and parts.get("Poss") == "Yes":
        parts = _without(parts, "Case")
    if upos == "VERB" and xpos.startswith("AD-"):
        parts = {**_without(parts, "Mood"), "VerbForm": "Part"}
    return "|".join(f"{k}={v}" for k, v in sorted(parts.items(), key=lambda kv: kv[0].lower()))


def read_conllu(path: Path):
    """Yield sentences as lists of token dicts."""
    sent: list[dict] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                if sent:
                    yield sent
                sent = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 10:
                continue
            tid = cols[0]
            if "-" in tid or "." in tid:
                continue  # multiword range or empty node
            misc = cols[9]
            space_after = "SpaceAfter=No" not in misc.split("|")
            feats = cols[5] if cols[5] != "_" else ""
            feats = normalise_feats(cols[3], cols[2], feats, cols[1], cols[4])
            sent.append(
                {
                    "id": int(tid),
                    "form": cols[1],
                    "lemma": cols[2] if cols[2] != "_" or cols[1] == "_" else cols[1],
                    "upos": cols[3],
                    "feats": feats,
                    "head": int(cols[6]) if cols[6] not in ("_", "") else 0,
                    "deprel": cols[7].split(":")[0] if cols[7] != "_" else "dep",
                    "space": space_after,
                }
            )
    if sent:
        yield sent


def sentences_to_doc(vocab, sents, with_deps: bool = True):
    from spacy.tokens import Doc

    words, spaces, lemmas, pos, morphs, heads, deps, sent_starts = ([] for _ in range(8))
    offset = 0
    for sent in sents:
        for i, tok in enumerate(sent):
            words.append(tok["form"])
            # A sentence's last token is followed by a space so sentences never glue.
            spaces.append(tok["space"] or i == len(sent) - 1)
            lemmas.append(tok["lemma"])
            pos.append(tok["upos"])
            morphs.append(tok["feats"])
            heads.append(offset + tok["head"] - 1 if tok["head"] else offset + i)
            deps.append("ROOT" if tok["head"] == 0 else tok["deprel"])
            sent_starts.append(i == 0)
        offset += len(sent)
    return Doc(
        vocab,
        words=words,
        spaces=spaces,
        lemmas=lemmas,
        pos=pos,
        morphs=morphs,
        heads=heads if with_deps else None,
        deps=deps if with_deps else None,
        sent_starts=sent_starts,
    )


def group(sents, n):
    for i in range(0, len(sents), n):
        yield sents[i : i + n]


def split_of(index: int) -> str:
    slot = index % 40
    if slot in DEV_SLOTS:
        return "dev"
    if slot in TEST_SLOTS:
        return "test"
    return "train"


def add_v1_train(ud_dir: Path, train_bin, vocab, per_doc: int, stats: dict) -> None:
    """Talbanken's UD 1.0 train part, brought to today's conventions, into the training split."""
    import convert_v1

    sents = convert_v1.converted_train(ud_dir, per_doc)
    for chunk in group(sents, per_doc):
        train_bin.add(sentences_to_doc(vocab, chunk))
    tokens = [tok for sent in sents for tok in sent]
    stats[f"{V1_TRAIN_TREEBANK}:train"] = {
        "sents": len(sents),
        "tokens": len(tokens),
        "with_lemma": sum(1 for tok in tokens if tok["lemma"]),
    }


def convert(ud_dir: Path, out_dir: Path, per_doc: int = 10, extra_repeat: int = 3, with_v1: bool = True) -> dict:
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("sv")
    out_dir.mkdir(parents=True, exist_ok=True)
    bins = {name: DocBin(store_user_data=False) for name in ("train", "dev", "test")}
    stats: dict[str, dict[str, int]] = {}
    for name in TRAIN_TREEBANKS:
        path = ud_dir / name
        if not path.exists():
            raise SystemExit(f"missing treebank: {path}")
        sents = list(read_conllu(path))
        for idx, chunk in enumerate(group(sents, per_doc)):
            split = split_of(idx)
            bins[split].add(sentences_to_doc(nlp.vocab, chunk))
            s = stats.setdefault(f"{name}:{split}", {"sents": 0, "tokens": 0})
            s["sents"] += len(chunk)
            s["tokens"] += sum(len(x) for x in chunk)
    if with_v1 and (ud_dir / V1_TRAIN_TREEBANK).exists():
        add_v1_train(ud_dir, bins["train"], nlp.vocab, per_doc, stats)
    # Handwritten public-sector sentences (training/extra/*.conllu): training only,
    # one sentence per Doc (headings have no full stop), repeated to give them weight.
    for path in sorted(EXTRA_DIR.glob("*.conllu")) if extra_repeat else ():
        sents = list(read_conllu(path))
        for _ in range(extra_repeat):
            for sent in sents:
                bins["train"].add(sentences_to_doc(nlp.vocab, [sent], with_deps=False))
        stats[f"extra/{path.name}:train"] = {"sents": len(sents), "tokens": sum(len(x) for x in sents), "repeat": extra_repeat}
    for split, db in bins.items():
        db.to_disk(out_dir / f"{split}.spacy")
    lines = DocBin(store_user_data=False)
    n_lines = 0
    for name in EVAL_ONLY_TREEBANKS:
        path = ud_dir / name
        if path.exists():
            for chunk in group(list(read_conllu(path)), per_doc):
                lines.add(sentences_to_doc(nlp.vocab, chunk))
                n_lines += sum(len(x) for x in chunk)
    if n_lines:
        lines.to_disk(out_dir / "lines.spacy")
        stats["lines:eval"] = {"tokens": n_lines}
    return stats


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True, help="folder with the UD .conllu files")
    ap.add_argument("--out", type=Path, required=True, help="output folder for .spacy files")
    ap.add_argument("--per-doc", type=int, default=10)
    ap.add_argument("--extra-repeat", type=int, default=3, help="copies of training/extra/*.conllu (0: none)")
    ap.add_argument("--no-v1", action="store_true", help=f"leave out {V1_TRAIN_TREEBANK}")
    args = ap.parse_args(argv)
    stats = convert(args.data, args.out, args.per_doc, args.extra_repeat, with_v1=not args.no_v1)
    for k, v in sorted(stats.items()):
        print(k, v)
    return 0


if __name__ == "__main__":
    sys.exit(main())
