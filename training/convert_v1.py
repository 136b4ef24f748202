"""Bring Talbanken's UD 1.0 annotation (2015) to today's conventions.

The UD 1.0 release of Talbanken's train part has no lemmas, ``CONJ`` for ``CCONJ``,
auxiliaries as ``VERB``, deponents marked ``Voice=Pass`` and lacks ``Mood``, ``Abbr``,
``Polarity`` and most ``PronType`` features (REFERENCE.md §9). Its test part holds the
same sentences as today's test part, so the mapping is *learned* from that pair:

1. Sentences are paired by their words; tokens inside a pair by an alignment of forms.
2. Only pairs whose sentence lies in the training split of ``convert.py`` teach the
   mapping, so the held-out dev and test sentences never shape the converted data.
3. A token gets the UPOS + FEATS that today's annotation most often gives, looked up by
   (form, XPOS), then by (UPOS, XPOS, FEATS, relation), then by XPOS alone; a few
   general rules (``CONJ`` → ``CCONJ``, ``Mood=Ind`` on finite verbs, deponents without
   ``Voice``) cover what was never seen.
4. Lemmas come from a lookup of (form, UPOS, FEATS) in the licence-checked treebanks'
   training splits when the lemma there is unambiguous; other tokens keep no lemma, and
   the lemmatizer does not learn from them.

``python training/convert_v1.py --data ../shared/ud`` prints the agreement of the
conversion with today's annotation on held-out halves of the test pair (two-fold).
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import convert  # noqa: E402

V1_TRAIN = "sv_talbanken-ud-v1-train.conll"
V1_TEST = "sv_talbanken-ud-v1-test.conll"
V2_TEST = "sv_talbanken-ud-test.conllu"

# UD 1.0 tags that today's guidelines renamed (Talbanken 1.0 also has a stray "DT").
UPOS_RENAMES = {"CONJ": "CCONJ", "DT": "DET"}
# A lemma is taken from the lookup only when this share of its occurrences agree.
LEMMA_AGREEMENT = 0.9
PUNCT_LIKE = {"PUNCT", "SYM", "NUM"}
# Deprels of UD 1.0 that became subtypes; the relation is only a lookup key here.
DEPREL_RENAMES = {"nsubjpass": "nsubj", "auxpass": "aux", "dobj": "obj", "csubjpass": "csubj"}


# UD 1.0 records no SpaceAfter: no space is restored before these or after an opening bracket.
NO_SPACE_BEFORE = {",", ".", ":", ";", ")", "!", "?", "%"}


def _restore_spaces(sent: list[dict]) -> list[dict]:
    for tok, following in zip(sent, sent[1:]):
        tok["space"] = not (following["form"] in NO_SPACE_BEFORE or tok["form"] == "(")
    return sent


def read_v1(path: Path):
    """Yield UD 1.0 sentences as token dicts (form, upos, xpos, feats, head, deprel)."""
    sent: list[dict] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) != 10:
                if sent:
                    yield _restore_spaces(sent)
                sent = []
                continue
            sent.append(
                {
                    "id": int(cols[0]),
                    "form": cols[1],
                    "upos": cols[3],
                    "xpos": cols[4],
                    "feats": "" if cols[5] == "_" else cols[5],
                    "head": int(cols[6]) if cols[6].isdigit() else 0,
                    "deprel": DEPREL_RENAMES.get(cols[7], cols[7]),
                    "space": True,
                }
            )
    if sent:
        yield _restore_spaces(sent)


def _words(sent) -> str:
    return "".join(tok["form"] for tok in sent)


def pair_sentences(v1_sents, v2_sents):
    """Yield (v2 sentence index, v1 token, v2 token) for tokens that align one to one."""
    by_words: dict[str, list[int]] = defaultdict(list)
    for index, sent in enumerate(v2_sents):
        by_words[_words(sent)].append(index)
    for sent in v1_sents:
        candidates = by_words.get(_words(sent))
        if not candidates:
            continue
        index = candidates.pop(0)
        gold = v2_sents[index]
        matcher = difflib.SequenceMatcher(a=[t["form"] for t in sent], b=[t["form"] for t in gold], autojunk=False)
        for block in matcher.get_matching_blocks():
            for k in range(block.size):
                yield index, sent[block.a + k], gold[block.b + k]


def _majority(counter: Counter):
    return counter.most_common(1)[0][0] if counter else None


def _feats_dict(feats: str) -> dict[str, str]:
    return dict(f.split("=", 1) for f in feats.split("|") if "=" in f)


def _feats_str(feats: dict[str, str]) -> str:
    return "|".join(f"{k}={v}" for k, v in sorted(feats.items(), key=lambda kv: kv[0].lower()))


def deponent_forms(sentences) -> set[str]:
    """Verb forms whose gold lemma ends in -s (finns, hoppades): the treebanks' deponents."""
    return {
        tok["form"].lower()
        for sent in sentences
        for tok in sent
        if tok["upos"] in ("VERB", "AUX") and tok["lemma"].endswith("s") and tok["lemma"].isalpha()
    }


def _head_definite(sent, tok) -> str:
    """The definiteness of a token's head: it decides an ambiguous adjective (IND/DEF)."""
    head = sent[tok["head"] - 1] if 0 < tok["head"] <= len(sent) else None
    return _feats_dict(head["feats"]).get("Definite", "") if head else ""


def with_context(sent):
    """The sentence's tokens, each with its head's definiteness added as a lookup key."""
    return [{**tok, "head_def": _head_definite(sent, tok)} for tok in sent]


class Mapping:
    """UD 1.0 → today's UPOS + FEATS, learned from aligned token pairs."""

    def __init__(self, deponents: set[str]):
        self.by_form_rel: dict[tuple, Counter] = defaultdict(Counter)
        self.by_form: dict[tuple, Counter] = defaultdict(Counter)
        self.by_tag_head: dict[tuple, Counter] = defaultdict(Counter)
        self.by_tag: dict[tuple, Counter] = defaultdict(Counter)
        self.by_xpos_rel: dict[tuple, Counter] = defaultdict(Counter)
        self.by_xpos: dict[str, Counter] = defaultdict(Counter)
        self.deponents = set(deponents)

    def learn(self, pairs) -> Mapping:
        for old, new in pairs:
            target = (new["upos"], new["feats"])
            self.by_form_rel[(old["form"].lower(), old["xpos"], old["deprel"])][target] += 1
            self.by_form[(old["form"].lower(), old["xpos"])][target] += 1
            self.by_tag_head[(old["upos"], old["xpos"], old["feats"], old["deprel"], old["head_def"])][target] += 1
            self.by_tag[(old["upos"], old["xpos"], old["feats"], old["deprel"])][target] += 1
            self.by_xpos_rel[(old["xpos"], old["deprel"])][target] += 1
            self.by_xpos[old["xpos"]][target] += 1
        return self

    def apply(self, tok: dict) -> tuple[str, str]:
        upos, feats = self._by_form(tok) or self._by_tags(tok)
        return upos, self._deponent_voice(tok["form"], upos, feats)

    def _by_form(self, tok: dict) -> tuple[str, str] | None:
        low = tok["form"].lower()
        for table, key in (
            (self.by_form_rel, (low, tok["xpos"], tok["deprel"])),
            (self.by_form, (low, tok["xpos"])),
        ):
            found = _majority(table.get(key, Counter()))
            if found is not None:
                return found
        return None

    def _by_tags(self, tok: dict) -> tuple[str, str]:
        for table, key in (
            (self.by_tag_head, (tok["upos"], tok["xpos"], tok["feats"], tok["deprel"], tok["head_def"])),
            (self.by_tag, (tok["upos"], tok["xpos"], tok["feats"], tok["deprel"])),
            (self.by_xpos_rel, (tok["xpos"], tok["deprel"])),
            (self.by_xpos, tok["xpos"]),
        ):
            found = _majority(table.get(key, Counter()))
            if found is not None:
                return found
        return self._by_rules(tok)

    @staticmethod
    def _by_rules(tok: dict) -> tuple[str, str]:
        upos = UPOS_RENAMES.get(tok["upos"], tok["upos"])
        feats = _feats_dict(tok["feats"])
        if feats.get("VerbForm") == "Fin" and "Tense" in feats:
            feats.setdefault("Mood", "Ind")
        if upos == "VERB" and tok["deprel"] in ("aux", "cop"):
            upos = "AUX"
        return upos, _feats_str(feats)

    def _deponent_voice(self, form: str, upos: str, feats: str) -> str:
        if upos in ("VERB", "AUX") and form.lower() in self.deponents and "Voice=" in feats:
            return "|".join(f for f in feats.split("|") if not f.startswith("Voice="))
        return feats


class LemmaLookup:
    """Unambiguous lemmas of (form, UPOS, FEATS) in gold training data."""

    def __init__(self):
        self.exact: dict[tuple, Counter] = defaultdict(Counter)
        self.lower: dict[tuple, Counter] = defaultdict(Counter)

    def learn(self, sentences) -> LemmaLookup:
        for sent in sentences:
            for tok in sent:
                self.exact[(tok["form"], tok["upos"], tok["feats"])][tok["lemma"]] += 1
                self.lower[(tok["form"].lower(), tok["upos"])][tok["lemma"].lower()] += 1
        return self

    def lemma(self, form: str, upos: str, feats: str) -> str:
        if upos in PUNCT_LIKE:
            return form
        for counter in (self.exact.get((form, upos, feats)), self.lower.get((form.lower(), upos))):
            if counter:
                lemma, count = counter.most_common(1)[0]
                if count / sum(counter.values()) >= LEMMA_AGREEMENT:
                    return lemma
        return ""


def convert_sentence(sent, mapping: Mapping, lemmas: LemmaLookup) -> list[dict]:
    """A UD 1.0 sentence as convert.py's token dicts (lemma "" where unknown)."""
    out = []
    for tok in sent:
        upos, feats = mapping.apply(tok)
        lemma = lemmas.lemma(tok["form"], upos, feats)
        feats = convert.normalise_feats(upos, lemma, feats, tok["form"])
        tok = {k: v for k, v in tok.items() if k not in ("xpos", "head_def")}
        out.append({**tok, "upos": upos, "feats": feats, "lemma": lemma})
    return out


def _training_split_pairs(ud_dir: Path, per_doc: int):
    """Aligned (v2 index, old, new) pairs of the test pair, only from convert.py's train split."""
    v1 = [with_context(sent) for sent in read_v1(ud_dir / V1_TEST)]
    v2 = list(convert.read_conllu(ud_dir / V2_TEST))
    pairs = [(i, old, new) for i, old, new in pair_sentences(v1, v2) if convert.split_of(i // per_doc) == "train"]
    return pairs, v2


def gold_training_sentences(ud_dir: Path, per_doc: int, skip_talbanken_groups=frozenset()):
    """Sentences of the licence-checked treebanks that fall in convert.py's train split."""
    for name in convert.TRAIN_TREEBANKS:
        sents = list(convert.read_conllu(ud_dir / name))
        for idx, chunk in enumerate(convert.group(sents, per_doc)):
            if convert.split_of(idx) != "train" or (name == V2_TEST and idx in skip_talbanken_groups):
                continue
            yield from chunk


def build(ud_dir: Path, per_doc: int = 10) -> tuple[Mapping, LemmaLookup]:
    pairs, _ = _training_split_pairs(ud_dir, per_doc)
    gold = list(gold_training_sentences(ud_dir, per_doc))
    mapping = Mapping(deponent_forms(gold)).learn((old, new) for _, old, new in pairs)
    return mapping, LemmaLookup().learn(gold)


def converted_train(ud_dir: Path, per_doc: int = 10) -> list[list[dict]]:
    """Talbanken's UD 1.0 train part in today's conventions."""
    mapping, lemmas = build(ud_dir, per_doc)
    return [convert_sentence(with_context(sent), mapping, lemmas) for sent in read_v1(ud_dir / V1_TRAIN)]


def _agreement(pairs, mapping: Mapping, lemmas: LemmaLookup, counts: Counter) -> None:
    for _, old, new in pairs:
        upos, feats = mapping.apply(old)
        counts["tokens"] += 1
        counts["upos"] += upos == new["upos"]
        counts["feats"] += feats == new["feats"]
        counts["upos+feats"] += upos == new["upos"] and feats == new["feats"]
        predicted, gold = _feats_dict(feats), _feats_dict(new["feats"])
        for name in set(predicted) | set(gold):
            counts[f"feat:{name}:total"] += 1
            counts[f"feat:{name}:agree"] += predicted.get(name) == gold.get(name)
        lemma = lemmas.lemma(old["form"], upos, feats)
        if lemma:
            counts["lemma:given"] += 1
            counts["lemma:right"] += lemma == new["lemma"]


def cross_validate(ud_dir: Path, per_doc: int = 10) -> Counter:
    """Two-fold agreement on the test pair: learn on one half of the sentences, check the other."""
    pairs, _ = _training_split_pairs(ud_dir, per_doc)
    counts: Counter = Counter()
    for fold in (0, 1):
        learn = [(old, new) for i, old, new in pairs if (i // per_doc) % 2 != fold]
        check = [p for p in pairs if (p[0] // per_doc) % 2 == fold]
        held_groups = frozenset(i // per_doc for i, _, _ in check)
        gold = list(gold_training_sentences(ud_dir, per_doc, held_groups))
        mapping = Mapping(deponent_forms(gold)).learn(learn)
        lemmas = LemmaLookup().learn(gold)
        _agreement(check, mapping, lemmas, counts)
    return counts


def report(counts: Counter) -> str:
    n = counts["tokens"]
    lines = [f"aligned tokens checked: {n}"]
    for key in ("upos", "feats", "upos+feats"):
        lines.append(f"{key:12s} {counts[key] / n:.4f}")
    for name in sorted({k.split(":")[1] for k in counts if k.startswith("feat:")}):
        total = counts[f"feat:{name}:total"]
        lines.append(f"  {name:12s} {counts[f'feat:{name}:agree'] / total:.4f}  ({total})")
    given = counts["lemma:given"]
    lines.append(f"lemma given for {given / n:.3f} of tokens, right {counts['lemma:right'] / max(given, 1):.4f}")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True, help="folder with the UD files")
    args = ap.parse_args(argv)
    print(report(cross_validate(args.data)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
