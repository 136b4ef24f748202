"""A suggestion must read right in the sentence it is pasted into.

`--fix`, "Använd förslaget" and the reader's eye all put a suggestion in the matched word's
place, so it must keep what the sentence needs there: number and definiteness of a noun,
the tense of a finite verb, the case of a pronoun. Where no word fits, the finding gives
a rewrite hint and no word to paste.
"""

from __future__ import annotations

import pytest
from conftest import lint_text

from lint.rules.packs import load_rules

# Sentences written for this test, each with words the rules have suggestions for.
CORPUS = [
    "Vi erhöll ansökningarna i maj och har erhållit fler sedan dess.",
    "Nämnden tillhandahåller information om bygglov och tillhandahöll blanketter förra året.",
    "Handlingarna ska ha inkommit senast den 1 juni, och svaret inkom i går.",
    "Du ska inkomma med intyget innan mötet äger rum.",
    "Samtliga elever får ett busskort i enlighet med skolans regler.",
    "Beslutet fattades i syfte att förbättra trafiken.",
    "Förvaltningen medverkar till säkerställandet av tryggheten i parken.",
    "Hämtningen torde ske på måndag, och avgiften skall betalas i förskott.",
    "Vi ordnar tre workshops i vår, och eventet äger rum i Kulturhuset.",
    "Tillstånd beviljas den sökande om kraven är uppfyllda.",
    "Vi skickar beslutet till den sökande inom två veckor.",
    "Den sökande ska skicka in blanketten senast i maj.",
    "De tilldelade resurserna räcker inte för hela året.",
    "Nämnden tilldelade skolan mer pengar i år.",
    "Området är föremål för en ny detaljplan.",
    "Ansökan görs i e-tjänsten på stadens webbplats.",
    "Ärendet avgörs därefter av nämnden, och därvid gäller reglerna.",
    "Ändamålet med bidraget är att fler barn ska simma.",
    "Vi vill ha din feedback innan deadlinen i juni.",
    "Eventen i parken lockar många besökare varje sommar.",
    "Kontakta oss beträffande din ansökan om bygglov.",
    "Pengarna betalas ut erforderliga gånger under året.",
    "Föreningen erhåller bidrag om den uppfyller villkoren.",
    "Vi informerar om förändringen via mejl och brev.",
]

RULES = load_rules(entry_points=False)  # suggestions are shown (and pasted by hand) with or without a fix
FEATURES = {"NOUN": ("Number", "Definite"), "ADJ": ("Number", "Definite"), "PRON": ("Case",)}
# What a rule is there to correct: SPR003 changes the case of de/dem on purpose.
CORRECTS = {"SPR003": {"Case"}}
# Words the tagger misreads, so their tags say nothing about the place: the -ens of
# "transparens" is no definite ending; English plurals read as singular or as a verb in -ar;
# the misspelt "kommunfulmäktige" reads as definite (its -e), the right spelling as indefinite.
TAGGER_MISREADS = {"transparens", "workshops", "workshoppar", "kommunfulmäktige"}
VOWELS = set("aeiouyåäöé")


def _abbreviation(word: str) -> bool:
    """Mkr, SEK, kr: no inflection to keep, and the tagger guesses their number."""
    return word.isupper() or not VOWELS & set(word.lower())


def _texts(rule):
    yield from (example.bad for example in rule.spec.examples if example.bad and example.format == "text")
    yield from CORPUS


def _tokens(linter, text):
    return list(linter.pipeline(None).nlp(text))


def _agreement_problems(linter, text: str, diagnostic, suggestion: str) -> list[str]:
    """How the suggestion in place of the match disagrees with the word it replaces."""
    start, end = diagnostic.offset, diagnostic.end_offset
    before = [t for t in _tokens(linter, text) if start <= t.idx < end]
    pasted = text[:start] + suggestion + text[end:]
    after = [t for t in _tokens(linter, pasted) if start <= t.idx < start + len(suggestion)]
    if len(before) != 1 or not after:
        return []  # phrases: the explicit tests below cover them
    replaced = before[0]
    if _abbreviation(replaced.text) or _abbreviation(suggestion) or replaced.lower_ in TAGGER_MISREADS:
        return []
    problems = []
    if replaced.pos_ in {"NOUN", "ADJ"} and after[0].lower_ == "att":
        problems.append("ett substantiv blir en verbfras")
    head = next((t for t in reversed(after) if t.pos_ == replaced.pos_), None)
    for feature in FEATURES.get(replaced.pos_, ()):
        if feature in CORRECTS.get(diagnostic.code, ()):
            continue
        was, now = replaced.morph.get(feature), head.morph.get(feature) if head is not None else []
        if was and now and was != now:
            problems.append(f"{feature} {was[0]} → {now[0]}")
    if replaced.pos_ in {"VERB", "AUX"} and "Fin" in replaced.morph.get("VerbForm"):
        verb = next((t for t in after if t.pos_ in {"VERB", "AUX"}), None)
        if verb is None or "Fin" not in verb.morph.get("VerbForm"):
            problems.append("ett finit verb blir en infinit form")
        elif verb.morph.get("Tense") != replaced.morph.get("Tense"):
            problems.append(f"tempus {replaced.morph.get('Tense')} → {verb.morph.get('Tense')}")
    return [f"{diagnostic.code}: ”{diagnostic.match}” → ”{suggestion}” i ”{text}”: {problem}" for problem in problems]


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_every_suggestion_agrees_with_the_word_it_replaces(linter, rule):
    if rule.needs - linter.pipeline(None).provides:
        pytest.skip(f"{rule.code} behöver {sorted(rule.needs)}")
    problems = []
    for text in _texts(rule):
        result = lint_text(linter, text, select=(rule.code,), profile="webbsida")
        for diagnostic in result.diagnostics:
            for suggestion in diagnostic.suggestions:
                problems += _agreement_problems(linter, text, diagnostic, suggestion)
    assert problems == []


def test_the_harness_sees_lost_number_and_a_verb_phrase_for_a_noun(linter):
    class Found:
        code, offset = "TEST", 10

    plural = Found()
    plural.offset, plural.end_offset, plural.match = 0, 22, "Informationsåtgärderna"
    assert _agreement_problems(linter, "Informationsåtgärderna riktar sig till alla.", plural, "Informationen")
    noun = Found()
    noun.offset, noun.end_offset, noun.match = 24, 39, "säkerställandet"
    assert _agreement_problems(linter, "Förvaltningen medverkar säkerställandet av tryggheten.", noun, "att se till")


def _found(linter, text, code, **options):
    result = lint_text(linter, text, select=(code,), **options)
    return [(d.match, d.suggestions, d.fix.edits[0].replacement if d.fix else None, d.message) for d in result.diagnostics]


@pytest.mark.parametrize(
    ("text", "pronoun"),
    [
        ("Tillstånd beviljas den sökande.", "dig"),
        ("Vi skickar beslutet till den sökande.", "dig"),
        ("Vi ger den sökande ett besked.", "dig"),
        ("Den sökande ska skicka in blanketten.", "Du"),
        ("Sedan skickar den sökande in blanketten.", "du"),
        ("Nu kan den sökande ringa oss.", "du"),
    ],
)
def test_the_reader_pronoun_takes_the_case_of_its_place(linter, text, pronoun):
    [(match, suggestions, replacement, _)] = _found(linter, text, "MALG001")
    assert (match.lower(), suggestions, replacement) == ("den sökande", (pronoun,), pronoun)


def test_every_alternative_is_inflected_like_the_match(linter):
    [(match, suggestions, replacement, _)] = _found(linter, "Handlingarna ska ha inkommit senast den 1 juni.", "KLAR001")
    assert (match, suggestions, replacement) == ("inkommit", ("kommit in", "lämnat in", "skickat in"), "kommit in")


@pytest.mark.parametrize(
    ("text", "code", "message"),
    [
        (
            "Förvaltningen medverkar till säkerställandet av tryggheten.",
            "KLAR001",
            "Krångligt ord: ”säkerställandet”. Skriv om med ett verb: ”för att se till att …” eller ”för att garantera …”.",
        ),
        (
            "Hämtningen torde ske på måndag.",
            "KLAR003",
            "Ålderdomlig form: ”torde”. Skriv om med ”troligen” och verbet i presens: ”torde ske” blir ”sker troligen”.",
        ),
    ],
)
def test_where_no_word_fits_the_finding_gives_a_rewrite_hint_and_no_word(linter, text, code, message):
    [(_, suggestions, replacement, shown)] = _found(linter, text, code)
    assert (suggestions, replacement, shown) == ((), None, message)


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("Vi ordnar tre workshops i vår.", "arbetsmöten"),
        ("Eventet börjar klockan tre.", "Evenemanget"),
        ("Vi planerar ett event.", "evenemang"),
    ],
)
def test_an_english_word_gets_the_swedish_word_in_the_same_form(linter, text, suggestion):
    [(_, suggestions, _, message)] = _found(linter, text, "MALG003")
    assert suggestions[0] == suggestion and message.endswith(f"Skriv hellre ”{suggestion}”.")


def test_meaning_and_person_of_the_rewrites(linter):
    assert _found(linter, "Området är föremål för en ny detaljplan.", "KLAR001")[0][:3] == (
        "är föremål för",
        ("omfattas av",),
        "omfattas av",
    )
    [(_, _, _, message)] = _found(linter, "Ansökan görs i e-tjänsten.", "KLAR005")
    assert message == "Substantivsjuka: skriv med ett verb vem som gör vad, till exempel ”du ansöker”."


def test_an_attributive_participle_gets_no_finite_verb(linter):
    [(match, suggestions, replacement, _)] = _found(linter, "De tilldelade resurserna räcker inte.", "KLAR001")
    assert (match, suggestions, replacement) == ("tilldelade", (), None)
    [(_, suggestions, _, _)] = _found(linter, "Nämnden tilldelade skolan pengar.", "KLAR001")
    assert suggestions == ("gav",)


@pytest.mark.parametrize(
    ("text", "metadata", "dates"),
    [
        ("Vi öppnar vecka 17.", {"date": "2025-03-02"}, "vecka 17 år 2025 är 21–27 april"),
        ("Beslutet fattades 2024-01-10. Vi öppnar vecka 18 igen.", None, "vecka 18 år 2024 är 29 april–5 maj"),
    ],
)
def test_a_week_number_gets_the_real_dates_of_that_week(linter, text, metadata, dates):
    [(_, suggestions, _, message)] = [found for found in _found(linter, text, "KLAR016", metadata=metadata) if found[0].startswith("vecka")]
    assert suggestions == () and f"skriv ut datumen ({dates})." in message


def test_a_week_number_without_a_dated_document_uses_this_year(linter):
    from datetime import date

    year = date.today().year
    [(_, _, _, message)] = _found(linter, "Vi öppnar vecka 10.", "KLAR016")
    monday = date.fromisocalendar(year, 10, 1)
    assert f"vecka 10 år {year} är {monday.day}" in message


def test_a_week_the_year_lacks_gets_no_dates(linter):
    [(_, _, _, message)] = _found(linter, "Vi stänger vecka 53.", "KLAR016", metadata={"date": "2025-06-01"})
    assert message == "Datum: ett veckonummer säger inte alla läsare något: skriv ut datumen (år 2025 har ingen vecka 53)."
