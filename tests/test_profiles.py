"""Document profiles: the data file, the order a profile is chosen in, and detection."""

from __future__ import annotations

import pytest

from lint.formats import read_bytes
from lint.rules.packs import builtin_rules_dir
from lint.rules.profiles import load_profiles

PROFILES = (
    "webbsida",
    "nyhet",
    "pressmeddelande",
    "brev",
    "beslut",
    "tjansteutlatande",
    "formular",
    "lattlast",
    "leverantor",
    "tillganglighetsredogorelse",
)
# Elements some rule checks; a profile requiring anything else would require it silently.
ELEMENTS = {
    "avsandare",
    "forvaltning",
    "kontakt",
    "datum",
    "pa_uppdrag",
    "allman_handling",
    "diarienummer",
    "overklagande",
    "motivering",
    "personuppgifter",
}
THRESHOLDS = {"lix", "sentence_words", "block_words", "passive_share", "heading_words", "nk"}


@pytest.fixture(scope="module")
def profiles():
    return load_profiles(builtin_rules_dir() / "profiles.yaml")


def doc(text: str, name: str = "dokument.txt"):
    return read_bytes(text.encode("utf-8"), name)


def test_profiles_file(profiles, linter):
    assert tuple(profiles.by_name) == PROFILES
    assert profiles.default == "webbsida"
    for profile in profiles.by_name.values():
        assert profile.requires <= ELEMENTS, profile.name
        assert set(profile.thresholds) == THRESHOLDS, profile.name
    elements = {
        getattr(rule.spec, "options", {}).get("element") or getattr(rule.spec, "element", None)
        for rule in linter.rules(linter.settings_for("."))
    }
    assert ELEMENTS <= elements  # every element has a rule
    assert (
        profiles.get("lattlast").thresholds["lix"]
        < profiles.get("webbsida").thresholds["lix"]
        < profiles.get("tjansteutlatande").thresholds["lix"]
    )


DECISION = "Beslut om bygglov\n\nDnr SBK 2025-00412\n\nStadsbyggnadsnämnden beviljar bygglov för altanen.\n\nHandläggare Eva Ek\n"


def test_choice_order(profiles):
    decision = doc(DECISION, "beslut/altan.txt")
    assert profiles.choose(decision, "brev", {"beslut/*": "nyhet"}, "lattlast").source == "cli"
    choice = profiles.choose(decision, None, {"beslut/*": "nyhet"}, "lattlast")
    assert (choice.profile.name, choice.source, choice.reason) == ("nyhet", "config", "konfigurationen anger nyhet för beslut/*")
    choice = profiles.choose(decision, None, {}, "lattlast")
    assert (choice.profile.name, choice.source) == ("lattlast", "config")
    choice = profiles.choose(decision, None, {}, None)
    assert (choice.profile.name, choice.source) == ("beslut", "detected")
    assert choice.reason == "igenkänd från texten som beslut: raden ”Beslut om bygglov”, ”Stadsbyggnadsnämnden beviljar”"
    choice = profiles.choose(doc("Öppettider\n\nBiblioteket har öppet kl. 10–18.\n"), None, {}, None)
    assert (choice.profile.name, choice.source, choice.reason) == ("webbsida", "default", "standardprofil (ingen annan profil kändes igen)")


def test_metadata_wins_over_config_and_detection(profiles):
    text = "---\nprofile: leverantor\n---\n" + DECISION
    choice = profiles.choose(doc(text, "altan.md"), None, {"*.md": "nyhet"}, None)
    assert (choice.profile.name, choice.source) == ("leverantor", "metadata")
    assert choice.reason == "angiven i dokumentets metadata (profile: leverantor)"
    page = '<html><head><meta name="kommlint:profile" content="lattlast"></head><body><main><p>Hej.</p></main></body></html>'
    assert profiles.choose(doc(page, "sida.html"), None, {}, None).source == "metadata"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tjänsteutlåtande\n\nHandläggare\nAnna Berg\n\nFörslag till beslut\n\n1. Kulturnämnden godkänner planen.\n", "tjansteutlatande"),
        ("Pressmeddelande\n\nNy simhall öppnar\n\nPresskontakt: Eva Ek, 08-508 000 00\n", "pressmeddelande"),
        ("Nyhet\n\nNy simhall\n\nPublicerad 3 mars 2025\n\n– Äntligen, säger Eva Ek, badchef.\n", "nyhet"),
        ("Hej Anna!\n\nVi har tagit emot din ansökan.\n\nMed vänlig hälsning\nEva Ek\n", "brev"),
        (DECISION, "beslut"),
        ("Lättläst\n\nBiblioteket\n\nDu kan låna böcker.\n", "lattlast"),
        ("På uppdrag av Stockholms stad\n\nVi är entreprenör för bygget.\n\nBygg & Mark AB\n", "leverantor"),
        ("Anmälan\n\nFyll i formuläret.\n\nNamn: ________\n", "formular"),
        ('<html><body><main><h1>Kontakt</h1><form><input name="email" type="email"></form></main></body></html>', "formular"),
    ],
)
def test_detection(profiles, text, expected):
    name = "sida.html" if text.startswith("<html") else "dokument.txt"
    choice = profiles.choose(doc(text, name), None, {}, None)
    assert (choice.profile.name, choice.source) == (expected, "detected")


@pytest.mark.parametrize(
    "text",
    [
        "Så överklagar du ett beslut\n\nPå den här sidan berättar vi hur det går till.\n",  # one beslut signal only
        "Hej!\n\nVälkommen till vår webbplats om parker.\n",  # a greeting is not a letter
        "Publicerad 3 mars 2025\n\nParkerna är öppna hela året.\n",  # a date is not news
        "Bidrag\n\nFyll i formuläret på webben.\n",  # pointing to a form is not a form
    ],
)
def test_weak_signals_fall_back_to_the_default(profiles, text):
    assert profiles.choose(doc(text), None, {}, None).source == "default"


def test_json_and_text_report_say_which_profile_and_why(lint):
    from io import StringIO

    from lint.reporters import Report, render

    result = lint("Hej Anna!\n\nVi har tagit emot din ansökan.\n\nMed vänlig hälsning\nEva Ek\n", select=("AVS004",))
    assert (result.profile, result.profile_source) == ("brev", "detected")

    data = result.to_json()
    assert (data["profile"], data["profile_source"]) == ("brev", "detected")
    stream = StringIO()
    render("text", Report([result], [], False), stream, color=False)
    assert "profil brev, igenkänd från texten som brev: raden ”Hej Anna!”, ”Med vänlig hälsning”" in stream.getvalue()


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("text", ["–\n", "Rubrik\n", "<html></html>"])
def test_program_rules_survive_empty_documents(lint, profile, text):
    name = "tom.html" if text.startswith("<") else "tom.txt"
    result = lint(text, name=name, profile=profile, select=("MALG", "AVS", "OFF"))
    assert result.errors == []


def test_a_decision_needs_a_party_or_dnr_and_a_date_or_signature(profiles):
    bare = "Beslut om bygglov\n\nStadsbyggnadsnämnden beviljar bygglov för altanen.\n"
    choice = profiles.choose(doc(bare), None, {}, None)
    assert (choice.profile.name, choice.source) == ("webbsida", "default")
    assert choice.reason == (
        "standardprofil: svaga tecken på beslut (raden ”Beslut om bygglov”, ”Stadsbyggnadsnämnden beviljar”; "
        "saknar part eller diarienummer, datum eller underskrift)"
    )
    dated = "Beslut om bygglov\n\nStadsbyggnadsnämnden beviljar bygglov för altanen.\n\nDatum 2025-03-04, dnr SBK 2025-00412\n"
    assert profiles.choose(doc(dated), None, {}, None).profile.name == "beslut"


def test_a_service_page_that_explains_decisions_is_no_decision(profiles):
    page = (
        "Hemtjänst\n\nSå fattas beslutet\n\nOm du beviljas hemtjänst får du ett beslut med posten.\n\n"
        "Så överklagar du\n\nDu kan överklaga beslutet inom tre veckor.\n\nSenast uppdaterad 2025-02-03\n"
    )
    choice = profiles.choose(doc(page), None, {}, None)
    assert (choice.profile.name, choice.source) == ("webbsida", "default")
    assert "saknar beslutsformel" in choice.reason


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ('<link rel="canonical" href="https://example.se/nyheter/2025/ny-park/"><meta property="og:type" content="article">', "nyhet"),
        ('<link rel="canonical" href="https://www.mynewsdesk.com/se/kommun/pressreleases/ny-park-1">', "pressmeddelande"),
        ('<link rel="canonical" href="https://example.se/lattlast/parker/">', "lattlast"),
    ],
)
def test_the_page_address_is_a_strong_signal(profiles, head, expected):
    page = f"<html><head>{head}<title>Ny park</title></head><body><main><h1>Ny park</h1><p>Parken öppnar i maj.</p></main></body></html>"
    choice = profiles.choose(doc(page, "sida.html"), None, {}, None)
    assert (choice.profile.name, choice.source) == (expected, "detected"), choice.reason
    assert "adressen https://" in choice.reason


def test_a_breadcrumb_and_a_label_line_make_news_a_mention_of_a_press_release_does_not(profiles):
    page = (
        '<html><head><title>Ny park</title></head><body><nav aria-label="Du är här"><ol><li><a href="/">Start</a></li>'
        '<li><a href="/n/">Nyheter</a></li></ol></nav><main><h1>Ny park</h1><p>Nyhet · Publicerad 3 mars 2025</p>'
        "<p>Staden berättade om parken i ett pressmeddelande i fjol.</p></main></body></html>"
    )
    choice = profiles.choose(doc(page, "sida.html"), None, {}, None)
    assert choice.profile.name == "nyhet", choice.reason
    assert "brödsmulan ”Nyheter”" in choice.reason
    mention = "<html><body><main><h1>Ny park</h1><p>Staden berättade om parken i ett pressmeddelande.</p></main></body></html>"
    assert profiles.choose(doc(mention, "sida.html"), None, {}, None).profile.name == "webbsida"


def test_a_form_field_alone_decides(profiles):
    choice = profiles.choose(doc("Simskola\n\nPersonnummer: ________\n"), None, {}, None)
    assert (choice.profile.name, choice.reason) == ("formular", "igenkänd från texten som formulär: fältet ”Personnummer: ________”")


def test_profiles_command(tmp_path):
    from click.testing import CliRunner

    from lint.cli.main import main

    result = CliRunner().invoke(main, ["profiles"])
    assert result.exit_code == 0
    assert "tjansteutlatande" in result.output and "diarienummer" in result.output and "Standardprofil: webbsida" in result.output


def test_a_sign_up_form_in_the_footer_makes_no_form(profiles):
    page = (
        '<html lang="sv"><body><main><h1>Parker</h1><p>Parkerna är öppna.</p></main>'
        '<footer><form><input type="email" name="email"></form></footer></body></html>'
    )
    assert profiles.choose(doc(page, "parker.html"), None, {}, None).source == "default"


def test_unknown_profile_in_metadata_is_named_in_the_reason(profiles):
    choice = profiles.choose(doc("---\nprofile: nyheter\n---\n# Parker\n\nParkerna är öppna.\n", "parker.md"), None, {}, None)
    assert (choice.profile.name, choice.source) == ("webbsida", "default")
    assert choice.reason.startswith(
        "standardprofil (ingen annan profil kändes igen); metadata anger okänd profil ”nyheter” (finns: webbsida, nyhet,"
    )


def test_long_documents_are_detected_from_their_opening_and_closing(profiles):
    filler = "Parkerna i staden sköts av förvaltningen året runt.\n\n" * 2000  # about 100 000 characters
    letter = "Hej Anna!\n\n" + filler + "Vi har tagit emot din ansökan.\n\nMed vänlig hälsning\nEva Ek\n"
    choice = profiles.choose(doc(letter), None, {}, None)
    assert (choice.profile.name, choice.source) == ("brev", "detected")
    assert "”Vi har tagit emot din”" in choice.reason  # a phrase in the closing counts
    buried = "Parker\n\n" + filler[: len(filler) // 2] + "Vi har tagit emot din ansökan.\n\n" + filler[len(filler) // 2 :]
    assert profiles.choose(doc(buried), None, {}, None).source == "default"  # the middle of a long text is not read
