"""Exact findings of the klarspråk rules on texts written for the purpose."""

from __future__ import annotations

import pytest
from conftest import SEED, lint_text

from lint.engine.fix import apply_fixes


def needs_morph(linter):
    if not {"pos", "morph"} <= linter.pipeline(None).provides:
        pytest.skip("passivreglerna behöver en språkmodell med morfologi")


def findings(linter, text, *codes, name="text.txt", profile="webbsida"):
    result = lint_text(linter, text, name=name, select=codes or ("KLAR",), profile=profile)
    assert not result.errors, result.errors
    return [(d.code, d.line, d.column, d.match) for d in result.diagnostics]


def test_word_lists_report_line_column_and_match(linter):
    text = "Hej!\nDu erhåller svar, i enlighet med reglerna.\nMötet ägde rum i går och därutöver skall du ringa.\n"
    assert findings(linter, text, "KLAR001", "KLAR003", "KLAR004") == [
        ("KLAR001", 2, 4, "erhåller"),
        ("KLAR001", 2, 19, "i enlighet med"),
        ("KLAR001", 3, 7, "ägde rum"),
        ("KLAR004", 3, 26, "därutöver"),
        ("KLAR003", 3, 36, "skall"),
    ]


def test_fixes_keep_case_and_inflection(linter):
    text = "Samtliga ansökningar erhölls i maj. Vi erhöll dem i tid.\n"
    result = lint_text(linter, text, select=("KLAR001",))
    assert apply_fixes(text, result.diagnostics, unsafe=False) == "Alla ansökningar erhölls i maj. Vi fick dem i tid.\n"


def test_deponent_verbs_are_never_passive(linter):
    needs_morph(linter)
    text = (
        "Vi hoppas att du trivs. Det finns plats. Du minns säkert att vi lyckades. Det syns. Hon låtsas. Det fattas pengar. Vi andas ut.\n"
    )
    assert findings(linter, text, "KLAR006", "KLAR007", "KLAR008") == []


def test_passive_with_and_without_agent(linter):
    needs_morph(linter)
    text = "Ansökan granskas av handläggaren. Ansökan granskas i maj. Avgiften ska betalas och fakturan skickas.\n"
    assert findings(linter, text, "KLAR006") == [("KLAR006", 1, 43, "granskas"), ("KLAR006", 1, 72, "betalas")]


def test_double_passive(linter):
    needs_morph(linter)
    assert findings(linter, "Ett råd föreslås inrättas. Frågan anses böra beaktas.\n", "KLAR007") == [
        ("KLAR007", 1, 9, "föreslås inrättas"),
        ("KLAR007", 1, 35, "anses böra beaktas"),
    ]


def test_nominal_style_takes_the_tense_of_the_light_verb(linter):
    result = lint_text(linter, "Vi gjorde en bedömning av ärendet. Vi ska fatta beslut i juni.\n", select=("KLAR005",))
    assert [(d.match, d.suggestions) for d in result.diagnostics] == [
        ("gjorde en bedömning av", ("bedömde",)),
        ("fatta beslut", ("besluta",)),
    ]


def test_quotations_citations_and_names_do_not_trip_rules(linter):
    text = (
        'Hon sa: "Vi erhöll inget svar och skall klaga."\n\n'
        "Enligt 4 kap. 1 § socialtjänstlagen (2001:453) har du rätt till bistånd.\n\n"
        "Kulturförvaltningen ligger på Erhållsgatan 12 i Stockholm.\n"
    )
    assert findings(linter, text) == []


def test_times_dates_money_and_numbers(linter):
    text = "Mötet är 13:00 den 25/4. Avgiften är 500 SEK och 25000 kronor.\n"
    assert findings(linter, text, "KLAR014", "KLAR015", "KLAR016", "KLAR017") == [
        ("KLAR015", 1, 10, "13:00"),
        ("KLAR016", 1, 20, "25/4"),
        ("KLAR017", 1, 42, "SEK"),
        ("KLAR014", 1, 50, "25000"),
    ]


def test_iso_dates_in_headings_and_metadata_are_fine(linter):
    text = "# Protokoll 2024-04-25\n\nDatum: 2024-04-25\n\nVi ses den 25 april.\n"
    assert findings(linter, text, "KLAR016", name="text.md") == []


def test_abbreviations(linter):
    text = "Ta med t ex pass. T.ex. kan du visa körkort. Frågan tas upp i KF och i kommunfullmäktige (KF).\n"
    assert findings(linter, text, "KLAR013") == [
        ("KLAR013", 1, 8, "t ex"),
        ("KLAR013", 1, 19, "T.ex."),
        ("KLAR013", 1, 63, "KF"),
    ]


def test_seed_document(linter):
    if not SEED.exists():
        pytest.skip("../shared saknas")
    result = linter.lint_file(str(SEED))
    klar = [d for d in result.diagnostics if d.code.startswith("KLAR")]
    codes = {d.code for d in klar}
    assert 58 <= result.metrics["lix"] <= 66
    assert {"KLAR010", "KLAR009"} <= codes
    if result.metrics["nk"] is not None:
        assert "KLAR020" in codes  # nominal style
    lines = SEED.read_text(encoding="utf-8").split("\n")
    contact = range(lines.index("Exploateringskontoret") + 1, lines.index("start.stockholm") + 2)
    assert [d for d in klar if d.line in contact] == []


def test_no_form_on_the_deponent_list_is_ever_passive(linter):
    needs_morph(linter)
    from lint.language.passive import deponents

    forms = sorted(form for form in deponents() if " " not in form)
    text = "\n\n".join(f"Hon sa att de {form} där i går." for form in forms)
    assert findings(linter, text, "KLAR006", "KLAR007") == []


def test_points_between_thousands_are_not_decimal_points(linter):
    text = "Avgiften är 1.500 kr. Budgeten är 12.345.678 kronor. Räntan är 2.5 procent. Sträckan är 2.500 km.\n"
    result = lint_text(linter, text, select=("KLAR014",))
    assert [(d.line, d.column, d.match, d.suggestions, d.fix.safety) for d in result.diagnostics] == [
        (1, 13, "1.500", ("1 500",), "safe"),
        (1, 35, "12.345.678", ("12 345 678",), "safe"),
        (1, 64, "2.5", ("2,5",), "safe"),
        (1, 89, "2.500", ("2 500", "2,500"), "unsafe"),
    ]
    assert result.diagnostics[0].message == "Siffror: skriv mellanrum mellan tusentalen, inte punkt: ”1 500”."
    assert apply_fixes(text, result.diagnostics) == (
        "Avgiften är 1 500 kr. Budgeten är 12 345 678 kronor. Räntan är 2,5 procent. Sträckan är 2.500 km.\n"
    )


def test_safe_fixes_never_make_an_amount_a_thousand_times_smaller(linter):
    from dataclasses import replace

    from lint.engine.config import Settings
    from lint.engine.fix import fix_document
    from lint.formats import read_bytes

    text = "Det kostar 1.500 SEK eller 1.500,50 kr. Resan kostar €1.200.\n"
    settings = replace(Settings(), select=("KLAR014", "KLAR017"))
    outcome = fix_document(linter, read_bytes(text.encode("utf-8"), "belopp.txt"), settings)
    assert outcome.text == "Det kostar 1 500 kr eller 1 500,50 kr. Resan kostar 1 200 euro.\n"


def test_inkomma_keeps_its_subject(linter):
    text = "Ansökan ska ha inkommit senast 1 maj. Du ska inkomma med intyget. Alla inkomna ansökningar sparas. Svaret inkom i går.\n"
    result = lint_text(linter, text, select=("KLAR001",))
    assert [(d.column, d.match, d.suggestions, d.fix and d.fix.edits[0].replacement) for d in result.diagnostics] == [
        (16, "inkommit", ("kommit in", "lämnat in", "skickat in"), "kommit in"),  # every alternative inflected
        (46, "inkomma med", ("lämna in", "skicka in"), "lämna in"),
        (72, "inkomna", (), None),  # no word fits before the noun: a rewrite hint
        (107, "inkom", ("kom in", "lämnade in", "skickade in"), "kom in"),
    ]
    assert {d.fix.safety for d in result.diagnostics if d.fix} == {"unsafe"}
    assert (
        result.diagnostics[2].message
        == "Krångligt ord: ”inkomna”. Skriv om med en bisats: ”inkomna ansökningar” blir ”ansökningar som har kommit in”."
    )


def test_messages_quote_the_text_and_the_suggestion(linter):
    text = "Du erhåller svar. Skicka intyg och/eller betyg samt pass. Mötet är 13:00. Fråga SLK.\n"
    result = lint_text(linter, text, select=("KLAR001", "KLAR013", "KLAR015", "KLAR018"))
    assert [(d.code, d.message) for d in result.diagnostics] == [
        ("KLAR001", "Krångligt ord: skriv hellre ”får” än ”erhåller”."),
        (
            "KLAR018",
            "Bindeord: skriv ”eller” – det utesluter inte att båda gäller; vill du vara tydlig, skriv ”eller båda” efter det sista ledet.",
        ),
        ("KLAR018", "Bindeord: ”samt” är ett stelt ”och”; skriv ”och”."),
        ("KLAR015", "Klockslag: skriv klockslag med punkt: ”13.00”."),
        ("KLAR013", "Förkortning: skriv ut vad ”SLK” betyder – det är en intern förkortning."),
    ]


def test_words_in_a_run_of_capitals_are_not_acronyms(linter):
    text = "RÖSTA NU i valet den 14 september. SISTA DAG är 1 juni. Fråga KS SBK om bygglov.\n"
    assert findings(linter, text, "KLAR013") == [("KLAR013", 1, 63, "KS"), ("KLAR013", 1, 66, "SBK")]


def _substitution_matches(linter, swaps: list[dict], text: str) -> list[tuple[int, int, str]]:
    """(offset, end offset, match) of a one-off substitution rule with these entries."""
    from lint.formats import read_bytes
    from lint.language.views import ParsedBlock
    from lint.rules.api import RuleContext
    from lint.rules.kinds.substitution import SubstitutionRule, SubstitutionSpec

    spec = SubstitutionSpec.model_validate(
        {
            "code": "TEST001",
            "name": "test-ord",
            "kind": "substitution",
            "principle": "klarspråk",
            "message": "Skriv {suggestion}.",
            "source": "test",
            "explanation": {"vad": "Test.", "varfor": "Test."},
            "examples": [{"bad": "x"}, {"good": "y"}],
            "swap": swaps,
        }
    )
    rule = SubstitutionRule(spec)
    pipeline = linter.pipeline(None)
    rule.prepare(pipeline.nlp)
    document = read_bytes(text.encode(), "t.txt")
    parsed = [ParsedBlock(block, pipeline.nlp(block.text)) for block in document.blocks]
    context = RuleContext(document, parsed, linter.profiles().get("webbsida"), linter.settings_for("."), pipeline.provides)
    return [(hit.offset, hit.end_offset, hit.values["match"]) for hit in rule.check(context)]


def test_substitution_one_word_form_is_found_when_its_word_also_starts_a_lemma_phrase(linter):
    swaps = [{"match": "erhålla", "suggest": ["få"], "forms": {"erhåller": "får"}}, {"match": "erhåller tidigt", "suggest": ["får snart"]}]
    assert _substitution_matches(linter, swaps, "Du erhåller svar i morgon.") == [(3, 11, "erhåller")]


def test_substitution_one_word_form_of_a_phrase_entry_is_found(linter):
    swaps = [{"match": "på grund av", "suggest": ["eftersom"], "forms": {"pga": "eftersom"}}]
    assert _substitution_matches(linter, swaps, "Det blev fel pga regnet.") == [(13, 16, "pga")]
