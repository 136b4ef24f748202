"""Training data: the treebanks' conventions harmonised, and Talbanken's UD 1.0 part brought to today's."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED_UD = REPO.parent / "shared" / "ud"
sys.path.insert(0, str(REPO / "training"))

import convert  # noqa: E402
import convert_v1  # noqa: E402

needs_ud = pytest.mark.skipif(not (SHARED_UD / convert_v1.V1_TRAIN).is_file(), reason="../shared/ud is not beside the repository")


@pytest.mark.parametrize(
    "upos,lemma,feats,form,xpos,expected",
    [
        ("VERB", "finnas", "Mood=Ind|Tense=Pres|VerbForm=Fin|Voice=Pass", "finns", "", "Mood=Ind|Tense=Pres|VerbForm=Fin"),
        ("VERB", "grunda", "Mood=Ind|Tense=Pres|VerbForm=Fin|Voice=Pass", "grundas", "", "Mood=Ind|Tense=Pres|VerbForm=Fin|Voice=Pass"),
        ("NUM", "två", "", "två", "", "Case=Nom|NumType=Card"),
        ("PRON", "som", "PronType=Int,Rel", "som", "", "PronType=Rel"),
        ("PRON", "vilken", "PronType=Int,Rel", "vilken", "", "PronType=Int,Rel"),
        ("PART", "inte", "", "inte", "", "Polarity=Neg"),
        ("PART", "att", "", "att", "", ""),
        ("PROPN", "Anna", "Case=Nom|Number=Sing", "Anna", "", "Case=Nom"),
        ("ADJ", "ny", "Case=Nom|Definite=Def|Degree=Pos|Number=Sing", "nya", "", "Case=Nom|Definite=Def|Degree=Pos"),
        ("ADJ", "ny", "Case=Nom|Definite=Ind|Degree=Pos|Number=Plur", "nya", "", "Case=Nom|Definite=Ind|Degree=Pos|Number=Plur"),
        ("PRON", "min", "Case=Gen|Definite=Def|Poss=Yes|PronType=Prs", "mina", "", "Definite=Def|Poss=Yes|PronType=Prs"),
        ("VERB", "skriva", "Mood=Ind|VerbForm=Inf|Voice=Pass", "skrivna", "AD-PL-IND", "VerbForm=Part|Voice=Pass"),
    ],
)
def test_conventions_are_harmonised_towards_talbanken(upos, lemma, feats, form, xpos, expected):
    assert convert.normalise_feats(upos, lemma, feats, form, xpos) == expected


def _token(form, upos, xpos, feats="", deprel="dep", head_def=""):
    return {"form": form, "upos": upos, "xpos": xpos, "feats": feats, "deprel": deprel, "head_def": head_def}


def test_unseen_tokens_follow_todays_conventions():
    mapping = convert_v1.Mapping(deponents={"hoppas"})
    assert mapping.apply(_token("och", "CONJ", "KN")) == ("CCONJ", "")
    assert mapping.apply(_token("är", "VERB", "VB|PRS|AKT", "Tense=Pres|VerbForm=Fin|Voice=Act", "cop")) == (
        "AUX",
        "Mood=Ind|Tense=Pres|VerbForm=Fin|Voice=Act",
    )
    assert mapping.apply(_token("hoppas", "VERB", "VB|PRS|SFO", "Tense=Pres|VerbForm=Fin|Voice=Pass", "root")) == (
        "VERB",
        "Mood=Ind|Tense=Pres|VerbForm=Fin",
    )


def test_learned_pairs_win_over_rules():
    old = _token("som", "PRON", "HP|-|-|-", "", "nsubj")
    mapping = convert_v1.Mapping(set()).learn([(old, {"upos": "PRON", "feats": "PronType=Rel"})] * 2)
    assert mapping.apply(old) == ("PRON", "PronType=Rel")


def test_lemmas_only_where_the_lookup_agrees():
    gold = [[{"form": "regler", "upos": "NOUN", "feats": "Number=Plur", "lemma": "regel"}]]
    gold += [[{"form": "för", "upos": "ADP", "feats": "", "lemma": lemma}] for lemma in ("för", "föra")]
    lemmas = convert_v1.LemmaLookup().learn(gold)
    assert lemmas.lemma("regler", "NOUN", "Number=Plur") == "regel"
    assert lemmas.lemma("för", "ADP", "") == ""  # 50/50: no lemma, the lemmatizer skips it
    assert lemmas.lemma(",", "PUNCT", "") == ","


def test_spaces_are_restored_around_punctuation():
    sent = convert_v1._restore_spaces([{"form": w, "space": True} for w in ("Hon", "(", "18", ")", "kom", ".")])
    assert [t["space"] for t in sent] == [True, False, False, True, False, True]


@needs_ud
def test_conversion_agrees_with_todays_annotation_on_held_out_halves():
    counts = convert_v1.cross_validate(SHARED_UD)
    assert counts["tokens"] > 15000
    assert counts["upos"] / counts["tokens"] >= 0.985
    assert counts["feats"] / counts["tokens"] >= 0.975
    assert counts["lemma:right"] / counts["lemma:given"] >= 0.99


@needs_ud
def test_converted_train_part_has_todays_tags():
    sents = convert_v1.converted_train(SHARED_UD)
    tokens = [tok for sent in sents for tok in sent]
    assert len(tokens) == 65893
    assert not {"CONJ", "DT"} & {tok["upos"] for tok in tokens}
    assert any(tok["upos"] == "AUX" for tok in tokens)
    assert not any("Voice=Pass" in tok["feats"] for tok in tokens if tok["form"].lower() == "finns")
