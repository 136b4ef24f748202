"""Målgrupp rules MALG001–MALG005: exact findings on texts written for the purpose."""

from __future__ import annotations


def found(result, prefix="MALG"):
    return [(d.code, d.line, d.column, d.match) for d in result.diagnostics if d.code.startswith(prefix)]


def test_address_the_reader(lint):
    text = "Den sökande ska bifoga intyg. Om man vill kan man ringa oss.\nTack för Ditt brev. Du får svar snart.\n"
    result = lint(text, select=("MALG001",))
    assert found(result) == [
        ("MALG001", 1, 1, "Den sökande"),
        ("MALG001", 1, 34, "man"),
        ("MALG001", 1, 47, "man"),
        ("MALG001", 2, 10, "Ditt"),
    ]
    assert [d.suggestions for d in result.diagnostics] == [("Du",), ("du",), ("du",), ("ditt",)]
    assert result.diagnostics[3].fix.safety == "safe"


def test_man_as_a_noun_and_du_at_sentence_start_are_fine(lint):
    text = "En man i 40-årsåldern hittades. Ingen man kan göra allt. Du når oss på telefon. Ni som bor här: ”Du är välkommen”.\n"
    assert found(lint(text, select=("MALG001",))) == []


def test_address_not_checked_in_tjansteutlatanden(lint):
    text = "Den enskilde har rätt till bistånd.\n"
    assert found(lint(text, select=("MALG001",), profile="tjansteutlatande")) == []


def test_internal_abbreviations(lint):
    text = "Förslaget går till KS och sedan KF. SDF:en svarar.\nDnr SBK 2024-04512. Mejla expl@stockholm.se.\n"
    result = lint(text, select=("MALG002",))
    assert found(result) == [("MALG002", 1, 20, "KS"), ("MALG002", 1, 33, "KF"), ("MALG002", 1, 37, "SDF")]
    assert [d.suggestions for d in result.diagnostics] == [("kommunstyrelsen",), ("kommunfullmäktige",), ("stadsdelsförvaltningen",)]


def test_text_in_capitals_is_no_abbreviation(lint):
    assert found(lint("FAR OCH SON PÅ STADSBIBLIOTEKET\n", select=("MALG002",))) == []


def test_explained_abbreviation_is_fine(lint):
    text = "Kommunstyrelsen (KS) beslutar i maj. KS har fått förslaget.\n"
    assert found(lint(text, select=("MALG002",))) == []


def test_anglicisms_in_inflected_forms(lint):
    text = "Deadline är i maj. Tack för feedbacken från eventet och workshopparna. Mötet är i Microsoft Teams.\n"
    result = lint(text, select=("MALG003",))
    assert found(result) == [
        ("MALG003", 1, 1, "Deadline"),
        ("MALG003", 1, 29, "feedbacken"),
        ("MALG003", 1, 45, "eventet"),
        ("MALG003", 1, 57, "workshopparna"),
    ]
    assert result.diagnostics[0].suggestions == ("Sista dag", "Tidsgräns")  # keeps the case of the sentence start


def test_inclusive_language(lint):
    text = "Stadens talesmän svarar. Varje elev får en dator som han/hon lånar.\nEn person med handikapp får hjälp. Sökanden ska skicka intyget. Sedan får han ett beslut.\n"
    result = lint(text, select=("MALG004",))
    assert found(result) == [
        ("MALG004", 1, 9, "talesmän"),
        ("MALG004", 1, 54, "han/hon"),
        ("MALG004", 2, 15, "handikapp"),
        ("MALG004", 2, 75, "han"),
    ]
    assert result.diagnostics[0].suggestions == ("talespersoner",)
    assert result.diagnostics[0].fix.edits[0].replacement == "talespersoner"


def test_adjective_before_a_noun_moves_behind_it(lint):
    text = "Handikappade personer får stöd. Vi har plats för handikappade barn. Lokalen passar handikappade. Många är handikappade.\n"
    result = lint(text, select=("MALG004",))
    assert [(d.line, d.column, d.match, d.suggestions, d.fix and d.fix.edits[0].replacement) for d in result.diagnostics] == [
        (1, 1, "Handikappade personer", ("Personer med funktionsnedsättning",), "Personer med funktionsnedsättning"),
        (1, 50, "handikappade barn", ("barn med funktionsnedsättning",), "barn med funktionsnedsättning"),
        (1, 84, "handikappade", ("personer med funktionsnedsättning",), "personer med funktionsnedsättning"),
        (1, 107, "handikappade", ("person med funktionsnedsättning",), None),
    ]
    assert all(d.fix is None or d.fix.safety == "unsafe" for d in result.diagnostics)


def test_han_about_a_named_person_is_fine(lint):
    text = "Handläggaren Erik Lund har ärendet. Han svarar på frågor.\n"
    assert found(lint(text, select=("MALG004",))) == []


LONG_PARAGRAPH = " ".join(["Staden bygger nya cykelbanor i flera stadsdelar under året."] * 15)


def test_structure_long_paragraph_and_no_headings(lint):
    result = lint(f"Cykelbanor\n\n{LONG_PARAGRAPH}\n", select=("MALG005",), profile="lattlast")
    assert [(d.line, d.message) for d in result.diagnostics] == [
        (1, "Texten är svår att överblicka: 135 ord utan någon mellanrubrik."),
        (3, "Texten är svår att överblicka: stycket har 135 ord (gränsen är 50)."),
    ]


def test_structure_main_point_at_the_end(lint):
    body = "\n\n".join(["Staden bygger nya cykelbanor i flera stadsdelar under året. Arbetet pågår i etapper."] * 12)
    text = f"Cykelbanor\n\n{body}\n\nSynpunkter\n\nLämna synpunkter senast 15 maj i e-tjänsten.\n"
    result = lint(text, select=("MALG005",))
    assert found(result) == [("MALG005", 29, 18, "senast 15 maj")]
    early = f"Cykelbanor\n\nLämna synpunkter senast 15 maj.\n\n{body}\n"
    assert found(lint(early, select=("MALG005",))) == []


def test_messages_quote_the_text_and_the_suggestion(lint):
    text = "Vi ordnar en workshop. Stadens talesman svarar. Ärendet bereds av SBK. Märk brevet Konfidentiellt.\n"
    result = lint(text, select=("MALG002", "MALG003", "MALG004", "OFF006"))
    assert [(d.code, d.message) for d in result.diagnostics] == [
        ("MALG003", "Engelskt ord: ”workshop”. Skriv hellre ”arbetsmöte”."),
        ("MALG004", "Ord som utesluter eller pekar ut: ”talesman”. Skriv hellre ”talesperson”."),
        ("MALG002", "Intern förkortning: ”SBK”. Skriv ut ”stadsbyggnadskontoret”."),
        ("OFF006", "Märkningen ”Konfidentiellt” ger inget skydd: en märkning skapar ingen sekretess."),
    ]
