"""Offentlighet rules OFF001–OFF007: exact findings on texts written for the purpose."""

from __future__ import annotations

from dataclasses import replace

import pytest

from lint.engine.config import Settings
from lint.formats import read_bytes


def found(result, prefix="OFF"):
    return [(d.code, d.line, d.column, d.match) for d in result.diagnostics if d.code.startswith(prefix)]


def test_invitation_without_public_record_notice(lint):
    text = "Synpunkter\n\nHar du synpunkter? Mejla oss senast 30 maj.\n"
    result = lint(text, select=("OFF001",))
    assert found(result) == [("OFF001", 3, 20, "Mejla")]
    assert "allmän handling" in result.diagnostics[0].suggestions[0]
    notice = text + "\nDet du skickar till oss blir en allmän handling.\n"
    assert found(lint(notice, select=("OFF001",))) == []


def test_contact_lines_for_questions_are_not_invitations_to_send_in(lint):
    quiet = (
        "Har du frågor? Ring [telefonnummer] eller mejla oss på [e-postadress].\n\n"
        "Har du frågor om din ansökan? Mejla oss.\n\n"
        "Skicka dina frågor till oss på info@stockholm.se.\n"
    )
    assert found(lint(quiet, select=("OFF001",), profile="webbsida")) == []


@pytest.mark.parametrize(
    ("text", "column", "match"),
    [
        ("Vill du söka bidrag? Mejla din ansökan till oss.", 22, "Mejla"),
        ("Blanketten finns på webben. Skicka in den senast 1 maj.", 29, "Skicka in"),
        ("Ansök senast 1 maj i e-tjänsten.", 1, "Ansök"),
        ("Har du synpunkter på planen? Skriv till oss.", 30, "Skriv till oss"),
        ("Du får gärna lämna synpunkter på förslaget.", 14, "lämna synpunkter"),
        ("Skicka gärna ett brev till oss och berätta.", 1, "Skicka gärna ett brev"),
    ],
)
def test_invitations_to_send_in_documents(lint, text, column, match):
    assert found(lint(text + "\n", select=("OFF001",), profile="webbsida")) == [("OFF001", 1, column, match)]


def test_form_profile_always_needs_the_notice(lint):
    text = "Anmälan\n\nVi hör av oss inom en vecka.\n"
    assert found(lint(text, select=("OFF001",), profile="formular")) == [("OFF001", 1, 1, "Anmälan")]
    assert found(lint(text, select=("OFF001",), profile="webbsida")) == []


def test_decisions_are_not_asked_for_the_notice(lint):
    text = "Om du vill överklaga ska du skriva till nämnden.\n"
    assert found(lint(text, select=("OFF001",), profile="beslut")) == []


def test_case_number_required_for_decisions_and_reports(lint):
    text = "Beslut om bygglov\n\nTill Anna Berg, 2025-03-04\n\nStadsbyggnadsnämnden beviljar bygglov.\n"
    result = lint(text, select=("OFF002",))
    assert result.profile == "beslut"
    assert found(result) == [("OFF002", 1, 1, "Beslut om bygglov")]
    for dnr in (
        "Dnr: SBK 2024-04512",
        "Diarienummer 2024/123",
        "Vårt dnr 3.1-456/2024",
        "KS 2024/1234",
        "SBK 2024-04512",
        "Dnr E2024-00123",
    ):
        assert found(lint(f"{dnr}\n\n{text}", select=("OFF002",))) == [], dnr
    assert found(lint(text, select=("OFF002",), profile="webbsida")) == []


DECISION = "Beslut\n\nSocialnämnden avslår ansökan eftersom inkomsten är för hög.\n\n"


def test_missing_appeal_instructions(lint):
    result = lint(DECISION, select=("OFF003",), profile="beslut")
    assert found(result) == [("OFF003", 1, 1, "Beslut")]
    assert "inom tre veckor" in result.diagnostics[0].suggestions[0]
    assert result.diagnostics[0].message.endswith("det står inte hur, vart och inom vilken tid man kan överklaga.")


def test_incomplete_appeal_instructions_name_what_is_missing(lint):
    text = DECISION + "Överklagande\n\nBeslutet kan överklagas till förvaltningsrätten.\n"
    result = lint(text, select=("OFF003",), profile="beslut")
    assert found(result) == [("OFF003", 5, 1, "Överklagande")]
    assert result.diagnostics[0].message == (
        "Beslutet saknar en fullständig överklagandehänvisning: hur man överklagar (skriftligt) och tidsfristen (inom tre veckor) saknas."
    )


def test_three_missing_appeal_parts_read_as_a_list(lint):
    result = lint(DECISION + "Överklagande\n\nDu har rätt att överklaga.\n", select=("OFF003",), profile="beslut")
    assert result.diagnostics[0].message == (
        "Beslutet saknar en fullständig överklagandehänvisning: hur man överklagar (skriftligt), "
        "vart överklagandet ska skickas och tidsfristen (inom tre veckor) saknas."
    )


@pytest.mark.parametrize(
    "appeal",
    [
        "Om du vill överklaga ska du skriva till Socialnämnden. Överklagandet ska ha kommit in inom tre veckor från den dag du fick beslutet.",
        "Hur du överklagar beslutet framgår av bilaga 1.",
        "Beslutet går inte att överklaga.",
    ],
)
def test_complete_appeal_instructions(lint, appeal):
    assert found(lint(DECISION + appeal + "\n", select=("OFF003",), profile="beslut")) == []


def test_reasons_for_a_decision(lint):
    text = "Beslut\n\nSocialnämnden avslår ansökan. Beslutet kan överklagas.\n"
    assert [d.code for d in lint(text, select=("OFF004",), profile="beslut").diagnostics] == ["OFF004"]
    assert lint(DECISION, select=("OFF004",), profile="beslut").diagnostics == []
    with_heading = "Beslut\n\nSocialnämnden avslår ansökan.\n\nSkäl för beslutet\n\nInkomsten är för hög.\n"
    assert lint(with_heading, select=("OFF004",), profile="beslut").diagnostics == []


def test_form_collecting_personal_data(lint):
    text = "Anmälan till simskola\n\nNamn: __________\n\nPersonnummer: __________\n"
    result = lint(text, select=("OFF005",))
    assert result.profile == "formular"
    assert found(result) == [("OFF005", 3, 1, "Namn: __________")]
    gdpr = text + "\nVi behandlar dina personuppgifter enligt dataskyddsförordningen.\n"
    assert found(lint(gdpr, select=("OFF005",))) == []


def test_html_form_with_a_privacy_link(lint):
    page = (
        '<html lang="sv"><body><main><h1>Kontakt</h1><p>Skriv till oss.</p>'
        '<form><input name="email" type="email"></form></main>'
        '<footer><a href="/om-webbplatsen/personuppgifter">Personuppgifter</a></footer></body></html>'
    )
    assert found(lint(page, name="kontakt.html", select=("OFF005",))) == []
    without = page.replace('<a href="/om-webbplatsen/personuppgifter">Personuppgifter</a>', "")
    assert [d.code for d in lint(without, name="kontakt.html", select=("OFF005",)).diagnostics] == ["OFF005"]


def test_secrecy_labels(lint):
    text = 'Märk kuvertet "Konfidentiellt". Allt du skriver behandlas konfidentiellt.\nAtt skriva "hemligt" på ett mejl gör det inte hemligt.\n'
    result = lint(text, select=("OFF006",))
    assert found(result) == [("OFF006", 1, 16, "Konfidentiellt"), ("OFF006", 1, 59, "konfidentiellt")]


def test_ai_generated_text_needs_a_disclosure(lint):
    text = "---\nai_generated: true\n---\n# Nya öppettider\n\nBiblioteket har nya öppettider.\n"
    result = lint(text, name="nyhet.md", select=("OFF007",))
    assert found(result) == [("OFF007", 4, 3, "Nya öppettider")]
    disclosed = text + "\nTexten är skapad med hjälp av AI och granskad av redaktionen.\n"
    assert found(lint(disclosed, name="nyhet.md", select=("OFF007",))) == []
    assert found(lint(text.replace("true", "false"), name="nyhet.md", select=("OFF007",))) == []


def test_ai_generated_declared_in_config(linter):
    document = read_bytes("Nya öppettider\n\nBiblioteket har nya öppettider.\n".encode(), "nyheter/oppettider.txt")
    settings = replace(Settings(), select=("OFF007",), ai_generated=("nyheter/*",))
    assert [d.code for d in linter.lint_document(document, settings).diagnostics] == ["OFF007"]
    assert linter.lint_document(document, replace(settings, ai_generated=("press/*",))).diagnostics == []


def test_an_earlier_mention_of_appeal_is_not_the_instruction(lint):
    text = (
        "Beslut\n\nSocialnämnden avslår ansökan eftersom du tidigare har överklagat ett liknande beslut.\n\n"
        "Hur du överklagar\n\nOm du vill överklaga ska du skriva till Socialnämnden. "
        "Överklagandet ska ha kommit in inom tre veckor från den dag du fick beslutet.\n"
    )
    assert found(lint(text, select=("OFF003",))) == []


def test_secrecy_label_once_per_segment_and_first_pattern_first(lint):
    text = "Det är hemligt, märk brevet konfidentiellt. Uppgifterna behandlas KONFIDENTIELLT! Märk inget. Det blir inte hemligt."
    result = lint(text, select=("OFF006",))
    assert [(d.column, d.match) for d in result.diagnostics] == [(29, "konfidentiellt"), (67, "KONFIDENTIELLT")]
    assert result.diagnostics[1].suggestions[0].startswith("Skriv i stället: Det du skickar")  # advice as written, not in capitals
