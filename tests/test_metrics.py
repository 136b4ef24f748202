"""LIX, OVIX, nominalkvot and the other document measures (REFERENCE §6)."""

from __future__ import annotations

import math

import pytest
from conftest import SEED, lint_text
from klarsprak_eval import CORPUS
from spacy.tokens import Doc
from textstat.textstat import textstatistics

from lint.language.metrics import (
    MIN_OVIX_WORDS,
    Counts,
    lix,
    lix_band,
    nominal_quotient,
    ovix,
    split_sentences,
)

SIMPLE = (CORPUS / "lasbarhet.txt").read_text(encoding="utf-8").splitlines()[2]  # line 3: a plain web text


def metrics_of(linter, text: str) -> dict:
    return lint_text(linter, text, select=("KLAR010",), profile="webbsida").metrics


def test_formulas_on_hand_counts():
    assert lix(45, 5, 3) == pytest.approx(45 / 5 + 100 * 3 / 45)
    assert ovix(45, 38) == pytest.approx(math.log(45) / math.log(2 - math.log(38) / math.log(45)))
    assert ovix(10, 10) is None  # every word distinct: the formula is undefined
    assert nominal_quotient(3, 7) == pytest.approx(3 / 7)
    assert nominal_quotient(3, 0) is None
    assert [lix_band(value) for value in (25, 35, 45, 55, 65)] == ["mycket lätt", "lätt", "medelsvår", "svår", "mycket svår"]


def test_corpus_text_against_values_counted_by_hand(linter):
    # Counted by hand: 5 sentences, 45 words, 3 longer than six letters (sidorna ×2,
    # använder), 38 distinct words (vi ×4, du, att, de and sidorna twice).
    metrics = metrics_of(linter, SIMPLE)
    assert (metrics["words"], metrics["sentences"], metrics["prose_sentences"]) == (45, 5, 5)
    assert metrics["lix"] == round(45 / 5 + 100 * 3 / 45, 1) == 15.7
    assert metrics["ovix"] is None  # 45 words: fewer than MIN_OVIX_WORDS
    assert metrics["long_words_share"] == round(3 / 45, 3)
    assert metrics["avg_sentence_words"] == 9.0


def test_ovix_is_given_from_a_hundred_words(linter):
    # The same paragraph three times: 135 words, still 38 distinct ones.
    metrics = metrics_of(linter, "\n\n".join([SIMPLE] * 3))
    assert metrics["prose_words"] == 135 >= MIN_OVIX_WORDS
    assert metrics["ovix"] == round(math.log(135) / math.log(2 - math.log(38) / math.log(135)), 1)


def test_punctuation_and_abbreviations_are_not_words_or_sentence_ends(linter):
    metrics = metrics_of(linter, "Kom t.ex. kl. 13.00, eller senare. Vi har öppet!")
    # Kom t.ex. kl. 13.00 eller senare | Vi har öppet
    assert (metrics["words"], metrics["sentences"]) == (9, 2)


def test_contact_lines_and_headings_are_not_prose_sentences(linter):
    text = "Ansökan om bygglov\n\nVi granskar din ansökan inom två veckor.\n\nFleminggatan 4\nBox 8189\n104 20 Stockholm\n"
    metrics = metrics_of(linter, text)
    assert metrics["prose_sentences"] == 1 and metrics["prose_words"] == 7
    assert metrics["lix"] == round(7 / 1 + 100 * 2 / 7, 1)  # granskar, ansökan
    assert metrics["sentences"] == 5  # the whole text still counts for words and sentences


def test_nominal_quotient_counts_nouns_prepositions_participles_against_pronouns_adverbs_verbs(linter):
    words = ["Vi", "granskar", "din", "ansökan", "och", "skickar", "sedan", "ett", "undertecknat", "beslut", "till", "dig", "."]
    pos = ["PRON", "VERB", "PRON", "NOUN", "CCONJ", "VERB", "ADV", "DET", "ADJ", "NOUN", "ADP", "PRON", "PUNCT"]
    morphs = [""] * len(words)
    morphs[8] = "VerbForm=Part"
    doc = Doc(linter.pipeline(None).nlp.vocab, words=words, pos=pos, morphs=morphs)
    counts = Counts()
    counts.add_sentence(doc[:])
    # nominal: ansökan, undertecknat, beslut, till = 4; verbal: Vi, granskar, din, skickar, sedan, dig = 6
    assert (counts.nominal, counts.verbal) == (4, 6)


def test_textstat_lix_agrees_on_our_sentence_split(linter):
    """textstat's own splitter breaks on t.ex. and kl.; on our sentences it agrees with us."""
    stats = textstatistics()
    stats.set_lang("sv")
    result = lint_text(linter, SIMPLE, select=("KLAR010",))
    parsed = [item for item in _parsed(linter, SIMPLE)]
    _, prose = split_sentences(parsed)
    words = sum(stats.lexicon_count(sentence.text) for sentence in prose)
    long_words = sum(stats.long_word_count(sentence.text) for sentence in prose)
    assert result.metrics["lix"] == pytest.approx(lix(words, len(prose), long_words), abs=0.05)
    assert stats.lix(SIMPLE) == pytest.approx(result.metrics["lix"], abs=0.05)  # no abbreviations: same split


def test_textstat_swedish_syllables_and_reading_time_at_200_words_a_minute(linter):
    metrics = metrics_of(linter, SIMPLE)
    stats = textstatistics()
    stats.set_lang("sv")
    assert metrics["syllables_per_word"] == round(stats.syllable_count(SIMPLE) / 45, 2)
    assert 1.0 < metrics["syllables_per_word"] < 2.0
    assert metrics["reading_time_seconds"] == 14  # 45 words at 200 a minute: 13.5 s, rounded up
    assert "reading_time" not in metrics


def test_seed_document_scores_about_60(linter):
    if not SEED.exists():
        pytest.skip("../shared saknas")
    metrics = linter.lint_file(str(SEED)).metrics
    assert 58 <= metrics["lix"] <= 66
    assert metrics["prose_sentences"] == 15
    if metrics["nk"] is not None:
        assert metrics["nk"] > 2.0  # heavy official style


def _parsed(linter, text, needs=frozenset({"sents"})):
    from lint.formats import read_bytes
    from lint.language.views import ParsedBlock

    document = read_bytes(text.encode("utf-8"), "text.txt")
    pipeline = linter.pipeline(None)
    docs = pipeline.parse((block.text for block in document.blocks), needs)
    return [ParsedBlock(block, doc) for block, doc in zip(document.blocks, docs)]


def test_shared_tables_start_afresh_past_their_limit_and_still_answer(linter):
    from lint.language.views import SharedTable

    computed = []
    table = SharedTable(lambda key, doc: computed.append(key) or key * 2, limit=3)
    assert table.lookup([1, 2, 1], None) == [2, 4, 2]
    assert table.lookup([3, 4], None) == [6, 8]  # four entries now: over the limit
    assert table.lookup([1, 5], None) == [2, 10]  # a fresh table: 1 is worked out again
    assert computed.count(1) == 2 and len(table._table) == 2


def test_token_columns_share_one_int_per_hash_across_docs_and_match_spacy(linter):
    from lint.language.metrics import token_flags
    from lint.language.views import SharedInts, token_columns

    first, second = (item.doc for item in _parsed(linter, "Beslutet gäller.\n\nBeslutet gäller i dag."))
    one, two = token_columns(first), token_columns(second)
    assert one.lower[0] is two.lower[0] and one.lemma[1] is two.lemma[1]  # "beslutet", "gäller": one object each
    assert one.lower == [token.lower for token in first] and one.orth == [token.orth for token in first]
    assert list(one.is_punct) == [int(token.is_punct) for token in first] and list(one.pos) == [token.pos for token in first]
    assert [start == 1 for start in two.sent_start] == [token.is_sent_start is True for token in second]
    assert list(token_flags(second).word) == [1, 1, 1, 1, 0]
    shared = SharedInts(limit=1)
    big = 2**40
    assert shared.share([big + 1, big + 3, big + 1]) == [big + 1, big + 3, big + 1]  # two entries: over the limit
    assert shared.share([big + 2]) == [big + 2] and len(shared._table) == 1  # past its limit: a fresh table


def test_the_measures_take_one_pass_so_a_giant_documents_blocks_drop_their_caches(linter):
    from lint.language.metrics import document_metrics
    from lint.language.views import ReleasingBlocks

    text = "Rubrik\n\n" + SIMPLE + "\n\nKontakt: Anna Berg\n\n" + SIMPLE.replace("sidorna", "sidan")
    annotations = frozenset({"pos", "morph"})
    expected = document_metrics(_parsed(linter, text, annotations | {"sents"}), annotations)
    blocks = _parsed(linter, text, annotations | {"sents"})
    measured = document_metrics(ReleasingBlocks(blocks, blocks[0]), annotations)
    assert measured == expected and expected["prose_sentences"] == 10 and expected["passive_share"] is not None
    assert [bool(item.doc.user_data) for item in blocks] == [True, False, False, False]


def test_a_text_without_prose_is_measured_over_every_sentence(linter):
    from lint.language.metrics import document_metrics

    metrics = document_metrics(_parsed(linter, "Kontakt\n\nAnna Berg\n\nStadsbyggnadskontoret"), frozenset())
    assert (metrics["prose_sentences"], metrics["sentences"], metrics["words"], metrics["prose_words"]) == (3, 3, 4, 4)
