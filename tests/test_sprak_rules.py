"""The spelling lexicon, the user's word lists and the SPR fixes."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import lint_text

from lint.engine import config
from lint.engine.fix import apply_fixes
from lint.language import lexicon as lexicon_module
from lint.language import lexicon_build
from lint.language.suggest import suggest


@pytest.fixture(scope="module")
def lexicon():
    return lexicon_module.load(lexicon_module.lexicon_dir())


@pytest.mark.parametrize(
    "word",
    [
        "bostadsanpassningsbidrag",
        "överklagandehänvisning",
        "parkeringstillståndsansökan",
        "e-tjänst",
        "LSS-boende",
        "1-åring",
        "tullista",
        "Kungsgatan",
        "Eriksdalsbadet",
    ],
)
def test_known_words(lexicon, word):
    assert lexicon.known(word)


@pytest.mark.parametrize(
    "word", ["Föräkringskassan", "Integritetsskyddsmyndighetenen", "kundkund", "lagenhet", "kungsgatan", "ansökningsblankeet"]
)
def test_unknown_words(lexicon, word):
    assert not lexicon.known(word)


def test_suggestions_repair_one_part_of_a_compound(lexicon):
    assert suggest("föräkringskassan", lexicon)[0] == "försäkringskassan"
    assert suggest("bygglovshandläggre", lexicon)[0] == "bygglovshandläggare"
    assert suggest("informaton", lexicon)[0] == "information"


def test_suggestions_do_not_depend_on_the_clock(lexicon, monkeypatch):
    import time

    words = ["föräkringskassan", "bygglovshandläggre", "ansökningsblankeet", "Integritetsskyddsmyndighetenen".lower()]
    calm = [suggest(word, lexicon) for word in words]
    ticks = iter(range(0, 10**9, 1000))  # every look at the clock says a thousand seconds went by
    monkeypatch.setattr(time, "perf_counter", lambda: float(next(ticks)))
    assert [suggest(word, lexicon) for word in words] == calm


def test_masks_of_many_forms_are_those_of_each_form_and_zero_for_unknown_ones(lexicon):
    forms = {"hus", "bil", "husbil", "xqzvh", ""}
    masks = lexicon.masks(forms)
    assert masks == {form: lexicon.mask(form) for form in forms}
    assert masks["hus"] and masks["bil"] and masks["xqzvh"] == 0 and masks[""] == 0


def test_the_lexicon_is_keyed_by_the_dictionary_version(lexicon):
    _, version = lexicon_build.dictionary_files()
    assert lexicon.version == version
    assert version in lexicon.path.name and f"f{lexicon_build.FORMAT}" in lexicon.path.name


def test_accept_file_and_vocabulary(linter, tmp_path):
    text = "Vi ringde Skrållan och Blomsterfix om Fjärilsboet."
    found = [d.match for d in lint_text(linter, text, select=("SPR001",)).diagnostics]
    assert found == []  # capitalised inside a sentence: names
    text = "Skicka blanketen till oss före fjärilsboet stänger."
    assert [d.match for d in lint_text(linter, text, select=("SPR001",)).diagnostics] == ["blanketen", "fjärilsboet"]
    (tmp_path / "kommlint-ord.txt").write_text("# våra ord\nfjärilsboet\nblanke[a-z]+\n", encoding="utf-8")
    config._config_for_directory.cache_clear()
    config.accept_words.cache_clear()
    settings = config.discover(tmp_path / "text.txt")
    assert settings.accept == ("fjärilsboet", "blanke[a-z]+")
    from lint.formats import read_bytes

    result = linter.lint_document(read_bytes(text.encode("utf-8"), "text.txt"), replace(settings, select=("SPR001",)))
    assert [d.match for d in result.diagnostics] == []
    vocabulary = replace(config.Settings(), vocabulary=frozenset({"blanketen", "fjärilsboet"}), select=("SPR001",))
    result = linter.lint_document(read_bytes(text.encode("utf-8"), "text.txt"), vocabulary)
    assert [d.match for d in result.diagnostics] == []


def test_spelling_leaves_addresses_names_and_codes_alone(linter):
    text = (
        "Mejla kundtjanst@stockholm.se eller gå till www.stockholm.se/forskola. Ring 08-508 290 00 om "
        "ärende SBK 2024-01234 från 2024-05-31. Kowalczyk och Haddad från Rinkeby-Kista stadsdelsförvaltning "
        "läste ”We are open every day and night”. Vi har t.ex. sms-tjänst och wifi-nät."
    )
    assert [d.match for d in lint_text(linter, text, select=("SPR001",)).diagnostics] == []


def test_position_of_a_finding(linter):
    result = lint_text(linter, "Rubrik\n\nVi har fått din ansökningsblankeet i dag.\n", select=("SPR001",))
    [diagnostic] = result.diagnostics
    assert (diagnostic.line, diagnostic.column, diagnostic.match) == (3, 17, "ansökningsblankeet")
    assert diagnostic.fix is not None and diagnostic.fix.edits[0].replacement == "ansökningsblankett"


def test_safe_fixes_converge(linter):
    text = 'Kom ihåg att att skicka  blanketten kl. 9-17 , till "Kundtjänst".Vi svarar måndag-fredag.\n'
    result = lint_text(linter, text, select=("SPR",))
    fixed = apply_fixes(text, result.diagnostics, unsafe=False)
    assert fixed == "Kom ihåg att skicka blanketten kl. 9–17, till ”Kundtjänst”. Vi svarar måndag–fredag.\n"
    again = lint_text(linter, fixed, select=("SPR",))
    assert apply_fixes(fixed, again.diagnostics, unsafe=False) == fixed


def test_missing_dictionary_is_a_clear_error(monkeypatch, linter):
    def missing():
        raise lexicon_build.DictionaryMissing("paketet hunspell-sv är inte installerat")

    monkeypatch.setattr(lexicon_build, "dictionary_files", missing)
    monkeypatch.setattr(lexicon_module, "_INSTANCE", None)
    result = lint_text(linter, "Ett ord.", select=("SPR001",))
    assert result.diagnostics == [] or all(d.code != "SPR001" for d in result.diagnostics)
    assert any("hunspell-sv" in str(error) for error in result.errors)


def test_a_spacing_message_quotes_the_sign_so_a_full_stop_is_not_doubled(linter):
    result = lint_text(linter, "Vi har tagit emot din ansökan.Du får svar inom en vecka , sedan kan du överklaga.", select=("SPR008",))
    found = [(d.line, d.column, d.match, d.message) for d in result.diagnostics]
    assert found == [
        (1, 30, ".", "Mellanslag: mellanslag saknas efter ”.”."),
        (1, 56, " ", "Mellanslag: mellanslag före ”,”."),
    ]


def test_a_suggestion_to_delete_or_to_add_a_space_reads_as_such_in_the_text_report(tmp_path):
    from click.testing import CliRunner

    from lint.cli.main import main
    from lint.wording import suggestion_list

    assert suggestion_list(("får", "", ". ")) == "får | ta bort | ”. ”"
    draft = tmp_path / "utkast.txt"
    draft.write_text("Vi har tagit emot din ansökan.Du får svar inom en vecka , sedan kan du överklaga.\n", encoding="utf-8")
    output = CliRunner().invoke(main, ["check", str(draft), "--select", "SPR008", "--no-cache", "--no-color"]).output
    assert [line.strip() for line in output.splitlines() if "förslag:" in line] == ["förslag: ”. ”", "förslag: ta bort"]
