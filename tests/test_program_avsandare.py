"""Avsändare rules AVS001–AVS007: exact findings on texts written for the purpose."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import SEED

from lint.engine.config import Settings
from lint.formats import read_bytes
from lint.rules.checks.program_avsandare import ms_phone


def found(result, prefix="AVS"):
    return [(d.code, d.line, d.column, d.match) for d in result.diagnostics if d.code.startswith(prefix)]


def lint_as(linter, text, name="brev.txt", profile=None, **settings):
    document = read_bytes(text.encode("utf-8"), name)
    previous = linter.options.profile
    linter.options.profile = profile
    try:
        return linter.lint_document(document, replace(Settings(), **settings))
    finally:
        linter.options.profile = previous


WEB_PAGE = """Bidrag till föreningar

Nu kan du söka bidrag. Läs mer på webbplatsen.

Senast uppdaterad 3 mars 2025
"""


def test_missing_sender_and_contact_are_reported_once_each(lint):
    result = lint(WEB_PAGE, select=("AVS",))
    assert found(result) == [
        ("AVS001", 1, 1, "Bidrag till föreningar"),  # at the title
        ("AVS004", 5, 1, "Senast uppdaterad 3 mars 2025"),  # at the end, where contact belongs
    ]
    by_code = {d.code: d for d in result.diagnostics}
    assert by_code["AVS001"].message == "Texten säger inte att Stockholms stad är avsändare (kommlint letade i hela texten)."
    assert "Stockholms stad" in by_code["AVS001"].suggestions[0]
    assert by_code["AVS004"].suggestions[0].startswith("Lägg till en kontaktväg")


@pytest.mark.parametrize(
    "contact",
    [
        "Ring 08-508 264 02.",
        "Ring 08 508 264 02.",
        "Ring 0850826402.",
        "Ring +46 8 508 264 02.",
        "Mejla kultur@stockholm.se.",
        "Ring vårt kontaktcenter.",
    ],
)
def test_contact_routes_in_any_common_writing(lint, contact):
    result = lint(WEB_PAGE.replace("Läs mer på webbplatsen.", contact), select=("AVS004",))
    assert found(result) == []


def test_contact_link_counts(lint):
    text = "# Bidrag\n\nLäs mer eller [kontakta oss](https://start.stockholm/kontakt).\n"
    assert found(lint(text, name="sida.md", select=("AVS004",))) == []


def test_sender_name_written_wrongly(lint):
    text = "Välkommen till Stockholms Stad. Stockholm stad och Sthlm stad är fel, liksom Stockholms kommuns namn.\n"
    result = lint(text, select=("AVS002",))
    assert found(result) == [
        ("AVS002", 1, 16, "Stockholms Stad"),
        ("AVS002", 1, 33, "Stockholm stad"),
        ("AVS002", 1, 52, "Sthlm stad"),
        ("AVS002", 1, 78, "Stockholms kommuns"),
    ]
    suggestions = [d.suggestions[0] for d in result.diagnostics]
    assert suggestions == ["Stockholms stad", "Stockholms stad", "Stockholms stad", "Stockholms stads"]
    assert result.diagnostics[0].fix.safety == "safe"
    assert result.diagnostics[1].fix.safety == "unsafe"


def test_other_organisations_with_stockholm_in_their_name_are_left_alone(lint):
    text = (
        "Stockholms stad samarbetar med Stockholms Stadsmission, Region Stockholm, Stockholms Stadshus AB "
        "och Stockholms universitet. Mejla info@stockholms-stad.example.se. STOCKHOLMS STAD står i logotypen.\n"
    )
    assert found(lint(text, select=("AVS002",))) == []


def test_misspelt_sender_counts_as_named(lint):
    text = "Stockholm stad bjuder in till möte. Ring 08-508 000 00. Publicerad 2025-04-01.\n"
    assert [code for code, *_ in found(lint(text, select=("AVS001", "AVS002")))] == ["AVS002"]


def test_unit_required_for_letters(lint):
    letter = "Hej!\n\nVi har tagit emot din ansökan.\n\nVänliga hälsningar\nAnna Berg\n"
    result = lint(letter, select=("AVS003",))
    assert result.profile == "brev"
    assert found(result) == [("AVS003", 1, 1, "Hej!")]
    assert "Stadsbyggnadskontoret" in result.diagnostics[0].suggestions[0]


@pytest.mark.parametrize(
    "unit", ["Stadsbyggnadskontoret", "Bromma stadsdelsförvaltning", "AB Familjebostäder", "Samhällsbyggnadsförvaltningen"]
)
def test_units_from_data_file_and_by_suffix(lint, unit):
    letter = f"Hej!\n\nVi har tagit emot din ansökan.\n\nVänliga hälsningar\n{unit}\n"
    assert found(lint(letter, select=("AVS003",))) == []


def test_phone_format(lint):
    text = "Ring 08 508 264 02, 0850827600, (08) 508 264 02 eller 08-508-264-02. Rätt: 08-508 264 02 och 070-123 45 67.\n"
    result = lint(text, select=("AVS005",))
    assert found(result) == [
        ("AVS005", 1, 6, "08 508 264 02"),
        ("AVS005", 1, 21, "0850827600"),
        ("AVS005", 1, 33, "(08) 508 264 02"),
        ("AVS005", 1, 55, "08-508-264-02"),
    ]
    assert {d.fix.edits[0].replacement for d in result.diagnostics} == {"08-508 264 02", "08-508 276 00"}


def test_numbers_that_are_not_phone_numbers(lint):
    text = "Dnr 2024-04512. Org nr 212000-0142. Personnummer 010101-1234. Box 8189, 104 20 Stockholm. Öppet kl. 08.00-17.00.\n"
    assert found(lint(text, select=("AVS005",))) == []


@pytest.mark.parametrize(
    ("written", "right"),
    [
        ("08 508 264 02", "08-508 264 02"),
        ("0701234567", "070-123 45 67"),
        ("0771 25 10 00", "0771-25 10 00"),
        ("+46 (0)8 508 264 02", "+46 8 508 264 02"),
        ("+46 701234567", "+46 70 123 45 67"),
        ("0123456789", None),
    ],
)
def test_ms_phone(written, right):
    assert ms_phone(written) == right


def test_date_in_any_form_or_metadata(lint):
    missing = "Bidrag\n\nStockholms stad ger bidrag. Ring 08-508 000 00.\n"
    assert [d.code for d in lint(missing, select=("AVS006",)).diagnostics] == ["AVS006"]
    for date in ("2025-03-04", "4 mars 2025", "den 4 mars 2025", "4 mar. 2025"):
        assert lint(missing + f"\nPublicerad {date}\n", select=("AVS006",)).diagnostics == []
    text = "---\nupdated: 2025-03-04\n---\n# Bidrag\n\nStockholms stad ger bidrag.\n"
    assert lint(text, name="sida.md", select=("AVS006",)).diagnostics == []


def test_on_behalf_of_for_contractors(lint):
    text = "Vi bygger om Ringvägen under våren. Ring 070-345 67 89.\n"
    result = lint(text, select=("AVS007",), profile="leverantor")
    assert [d.code for d in result.diagnostics] == ["AVS007"]
    assert result.diagnostics[0].suggestions == ("Skriv ut uppdragsgivaren, till exempel: På uppdrag av Stockholms stad.",)
    assert lint("På uppdrag av Stockholms stad bygger vi om Ringvägen.\n", select=("AVS007",), profile="leverantor").diagnostics == []
    assert lint(text, select=("AVS007",), profile="webbsida").diagnostics == []  # only contractors


def test_another_municipality(linter):
    """Nothing about Stockholm is built in: the organisation comes from the config."""
    text = "Nyhet från Uppsala Kommun\n\nUppsala Kommun bygger en ny skola. Ring 018-727 00 00. Publicerad 2025-04-01.\n"
    result = lint_as(linter, text, name="nyhet.txt", organization="Uppsala kommun", select=("AVS",))
    assert found(result) == [("AVS002", 1, 12, "Uppsala Kommun"), ("AVS002", 3, 1, "Uppsala Kommun")]
    assert result.diagnostics[0].suggestions == ("Uppsala kommun",)
    result = lint_as(
        linter,
        "Stockholms stad bygger en skola. Ring 018-727 00 00. Publicerad 2025-04-01.\n",
        organization="Uppsala kommun",
        select=("AVS001",),
    )
    assert result.diagnostics[0].message == "Texten säger inte att Uppsala kommun är avsändare (kommlint letade i hela texten)."


def test_seed_document(linter):
    if not SEED.exists():
        pytest.skip("../shared saknas")
    result = linter.lint_file(str(SEED))
    assert (result.profile, result.profile_source) == ("tjansteutlatande", "detected")
    assert "Förslag till beslut" in result.profile_reason
    codes = [d.code for d in result.diagnostics]
    assert not [code for code in codes if code.startswith("AVS")]
    assert codes.count("OFF002") == 1
    [dnr] = [d for d in result.diagnostics if d.code == "OFF002"]
    assert (dnr.line, dnr.match) == (11, "Kommunikationsprogram för Stockholms stad. Svar på remiss")


def test_html_fragment_is_not_judged_for_missing_elements(lint):
    """A CMS fragment sits inside a page whose header and footer hold sender, date and contact."""
    fragment = "<h2>Bidrag</h2>\n<p>Nu kan du söka bidrag.</p>\n"
    assert found(lint(fragment, name="bidrag.htm")) == []
    page = f'<html lang="sv"><body><main>{fragment}</main></body></html>'
    assert sorted(code for code, *_ in found(lint(page, name="bidrag.html"))) == ["AVS001", "AVS004", "AVS006"]


def test_sender_and_contact_in_the_page_footer_count(lint):
    page = (
        '<html lang="sv"><head><meta name="dcterms.modified" content="2025-03-01"></head><body><main><h1>Bidrag</h1>'
        "<p>Nu kan du söka bidrag.</p></main><footer>Stockholms stad, telefon 08-508 000 00</footer></body></html>"
    )
    assert found(lint(page, name="bidrag.html")) == []


def test_required_kind_reads_the_page_footer(lint):
    """The `required` kind (AVS006 here) also searches a web page's header and footer."""
    page = (
        '<html lang="sv"><body><main><h1>Bidrag</h1><p>Stockholms stad ger bidrag. Ring 08-508 000 00.</p></main>'
        "<footer>Senast uppdaterad 2025-03-01</footer></body></html>"
    )
    assert found(lint(page, name="bidrag.html", select=("AVS006",))) == []
    without = page.replace("Senast uppdaterad 2025-03-01", "Stockholms stad")
    assert [code for code, *_ in found(lint(without, name="bidrag.html", select=("AVS006",)))] == ["AVS006"]


def test_organisation_data_from_an_extra_rule_pack(linter, tmp_path):
    data = tmp_path / "kommunens-regler" / "data"
    data.mkdir(parents=True)
    (data / "uppsala.yaml").write_text(
        "name: Uppsala kommun\nwrong_names: [Uppsalas kommun]\nforvaltningar: [Stadsbyggnadsförvaltningen]\n"
        "internal_abbreviations: {KSU: kommunstyrelsens utskott}\n",
        encoding="utf-8",
    )
    text = "Uppsalas kommun informerar. Frågan går till KSU i maj. Ring 018-727 00 00. Publicerad 2025-04-01.\n"
    result = lint_as(linter, text, organization="Uppsala kommun", rule_packs=(str(data.parent),), select=("AVS", "MALG002"))
    assert [(d.code, d.match, d.suggestions) for d in result.diagnostics] == [
        ("AVS002", "Uppsalas kommun", ("Uppsala kommun",)),
        ("MALG002", "KSU", ("kommunstyrelsens utskott",)),
    ]


def test_broken_data_file_is_a_clear_error(linter, tmp_path):
    data = tmp_path / "trasig" / "data"
    data.mkdir(parents=True)
    (data / "fel.yaml").write_text("name: [oavslutad\n", encoding="utf-8")
    result = lint_as(linter, "Hej.\n", organization="Uppsala kommun", rule_packs=(str(data.parent),), select=("AVS002",))
    assert len(result.errors) == 1 and "kan inte läsa datafilen" in result.errors[0].message


def test_suggested_lines_are_placeholders_that_keep_the_rules_firing(lint):
    text = "Bidrag\n\nStockholms stad ger bidrag till föreningar.\n"
    result = lint(text, select=("AVS004", "AVS006"), profile="webbsida")
    suggestions = {d.code: d.suggestions[0] for d in result.diagnostics}
    assert suggestions == {
        "AVS004": "Lägg till en kontaktväg, till exempel: Har du frågor? Ring [telefonnummer] eller mejla oss på [e-postadress].",
        "AVS006": "Lägg till ett datum, till exempel: Senast uppdaterad [datum].",
    }
    pasted = text + "".join("\n" + s.split("till exempel: ", 1)[1] + "\n" for s in suggestions.values())
    after = lint(pasted, select=("AVS004", "AVS006", "OFF001"), profile="webbsida")
    assert sorted(d.code for d in after.diagnostics) == ["AVS004", "AVS006"]  # nothing real yet, and no OFF001


def test_case_number_suggestion_is_a_placeholder(lint):
    text = "Beslut om bygglov\n\nStadsbyggnadsnämnden beviljar bygglov.\n"
    result = lint(text, select=("OFF002",), profile="beslut")
    assert result.diagnostics[0].suggestions == ("Lägg till diarienumret i dokumentets huvud, till exempel: Diarienummer: [dnr].",)
    pasted = "Beslut om bygglov\n\nDiarienummer: [dnr]\n\nStadsbyggnadsnämnden beviljar bygglov.\n"
    assert [d.code for d in lint(pasted, select=("OFF002",), profile="beslut").diagnostics] == ["OFF002"]
