"""Tokenization and sentence splitting of Swedish public-sector text.

Runs on a blank Swedish pipeline with a sentencizer (the fallback kommlint uses when no
trained pipeline is there) and, when it is present, on the embedded pipeline: both go
through ``lint.language.swedish.adapt``.
"""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

from lint.language import swedish  # noqa: E402

TOKEN_CASES = [
    ("Vi ses kl. 13.00 i dag.", ["Vi", "ses", "kl.", "13.00", "i", "dag", "."]),
    ("Öppet kl. 9–17 på vardagar.", ["Öppet", "kl.", "9–17", "på", "vardagar", "."]),
    ("Ring 08-508 264 02 om du har frågor.", ["Ring", "08-508 264 02", "om", "du", "har", "frågor", "."]),
    ("Avgiften är 1 234,50 kr.", ["Avgiften", "är", "1 234,50", "kr", "."]),
    ("Det kostar 10\u00a0000 kr per år.", ["Det", "kostar", "10\u00a0000", "kr", "per", "år", "."]),
    ("Beslutet fattades 2024-04-25.", ["Beslutet", "fattades", "2024-04-25", "."]),
    ("Beslutet fattades den 25 april 2024.", ["Beslutet", "fattades", "den", "25", "april", "2024", "."]),
    (
        "Mejla info@stockholm.se eller gå till https://start.stockholm/kontakt.",
        ["Mejla", "info@stockholm.se", "eller", "gå", "till", "https://start.stockholm/kontakt", "."],
    ),
    ("Se www.stockholm.se, där finns mer.", ["Se", "www.stockholm.se", ",", "där", "finns", "mer", "."]),
    ("Enligt 4 kap. 1 § kommunallagen gäller det.", ["Enligt", "4", "kap.", "1", "§", "kommunallagen", "gäller", "det", "."]),
    ("Se 3–5 §§ förvaltningslagen (2017:900).", ["Se", "3–5", "§§", "förvaltningslagen", "(", "2017:900", ")", "."]),
    (
        "Det gäller t.ex. bygglov, bl.a. för altaner, dvs. tillbyggnader.",
        ["Det", "gäller", "t.ex.", "bygglov", ",", "bl.a.", "för", "altaner", ",", "dvs.", "tillbyggnader", "."],
    ),
    ("Stödet gäller fr.o.m. 1 maj t.o.m. 30 juni.", ["Stödet", "gäller", "fr.o.m.", "1", "maj", "t.o.m.", "30", "juni", "."]),
    (
        "Den s.k. taxan höjs med ca 3 procent resp. 5 procent.",
        ["Den", "s.k.", "taxan", "höjs", "med", "ca", "3", "procent", "resp.", "5", "procent", "."],
    ),
    ("Ärende nr 12 (se bilaga).", ["Ärende", "nr", "12", "(", "se", "bilaga", ")", "."]),
    ("Vi köper papper, pennor m.m. till skolan.", ["Vi", "köper", "papper", ",", "pennor", "m.m.", "till", "skolan", "."]),
]

SENTENCE_CASES = [
    ("Mötet börjar kl. 13.00 i stadshuset. Alla är välkomna.", 2),
    ("Det gäller t.ex. bygglov. Du kan också söka marklov.", 2),
    ("Du kan bl.a. söka stöd för hyra. Ansök senast 1 maj.", 2),
    ("Det regleras i 4 kap. 1 § kommunallagen. Läs mer på webben.", 2),
    ("Beslutet gäller fr.o.m. 1 maj 2024 t.o.m. 30 juni 2024. Det kan överklagas.", 2),
    ("Ring 08-508 264 02. Vi svarar kl. 9–16.", 2),
    ("Avgiften är ca 1 234,50 kr. Den betalas i förskott.", 2),
    ("Ärende nr 5 gäller s.k. tillfälliga bygglov, dvs. lov med tidsgräns.", 1),
    ("Vi har papper, pennor m.m. i förrådet. Det finns också böcker osv. Allt är gratis.", 3),
    ("Bakgrund\nKommunen har tagit emot en ansökan.", 2),
    ("Förslag till beslut\n\nNämnden godkänner förslaget.", 2),
    ("Du behöver\n- ett giltigt id-kort\n- en bekräftelse", 3),
    ("Skicka till info@stockholm.se. Vi svarar inom en vecka.", 2),
]


@pytest.fixture(scope="module")
def blank_nlp():
    nlp = spacy.blank("sv")
    nlp.add_pipe("sentencizer")
    swedish.adapt(nlp)
    return nlp


@pytest.mark.parametrize("text,expected", TOKEN_CASES)
def test_tokens_blank(blank_nlp, text, expected):
    assert [t.text for t in blank_nlp(text)] == expected


@pytest.mark.parametrize("text,expected", SENTENCE_CASES)
def test_sentences_blank(blank_nlp, text, expected):
    sents = [s.text.strip() for s in blank_nlp(text).sents]
    assert len(sents) == expected, sents


@pytest.mark.parametrize("text,expected", TOKEN_CASES)
def test_tokens_embedded(embedded_nlp, text, expected):
    assert [t.text for t in embedded_nlp(text)] == expected


@pytest.mark.parametrize("text,expected", SENTENCE_CASES)
def test_sentences_embedded(embedded_nlp, text, expected):
    sents = [s.text.strip() for s in embedded_nlp(text).sents]
    assert len(sents) == expected, sents


def test_adapt_is_idempotent():
    nlp = spacy.blank("sv")
    swedish.adapt(nlp)
    names = list(nlp.pipe_names)
    swedish.adapt(nlp)
    assert nlp.pipe_names == names
    nlp.add_pipe("sentencizer")
    swedish.adapt(nlp)
    assert nlp.pipe_names.count(swedish.SENT_NAME) == 1
    doc = nlp("Vi ses kl. 13.00. Välkommen!")
    assert [s.text.strip() for s in doc.sents] == ["Vi ses kl. 13.00.", "Välkommen!"]


def test_adapt_before_sentencizer_added():
    """The core may add the sentencizer before or after calling adapt()."""
    nlp = spacy.blank("sv")
    nlp.add_pipe("sentencizer")
    swedish.adapt(nlp)
    assert nlp.pipe_names.index(swedish.SENT_NAME) < nlp.pipe_names.index("sentencizer")
    assert len(list(nlp("Det gäller t.ex. bygglov. Nästa mening.").sents)) == 2


def test_adapted_tokenizer_serialises(tmp_path):
    nlp = spacy.blank("sv")
    swedish.adapt(nlp)
    nlp.tokenizer.to_disk(tmp_path / "tok")
    fresh = spacy.blank("sv")
    fresh.tokenizer.from_disk(tmp_path / "tok")
    assert [t.text for t in fresh("Beslut 2024-04-25, 3 §§.")] == ["Beslut", "2024-04-25", ",", "3", "§§", "."]


@pytest.fixture(scope="module")
def embedded_nlp():
    from lint.language.pipeline import embedded_model_path, load_pipeline

    path = embedded_model_path()
    if path is None:
        pytest.skip("no embedded pipeline in lint/language/embedded")
    return load_pipeline(str(path)).nlp


@pytest.mark.parametrize(
    "text,expected",
    [
        ('Han sa: "Vi kommer i tid." Sedan gick han.', 2),
        ('Fördraget undertecknades 1860." Det öppnade nya hamnar.', 2),
        ("Det kostar 100 kr. Betala i förskott.", 2),
    ],
)
def test_sentences_with_quotes_and_final_words(blank_nlp, text, expected):
    assert len(list(blank_nlp(text).sents)) == expected
