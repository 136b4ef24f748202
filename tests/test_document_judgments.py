"""Document-level judgments on whole documents (issue 14): the whole page for presence
checks, the organisation in its forms, template-provides, one finding per problem,
lättläst calibration, --explain-profile, and a crawl whose template carries the sender."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import lint_text
from crawl_site import Site, SiteServer

from lint.cli.main import main
from lint.engine.config import Settings, parse_table
from lint.engine.precedence import one_per_problem
from lint.errors import ConfigError
from lint.formats import read_bytes

PRESENCE = ("AVS001", "AVS003", "AVS004", "AVS006")


def codes(result) -> list[str]:
    return [d.code for d in result.diagnostics]


def page(main_html: str, head: str = "", header: str = "", footer: str = "") -> str:
    return (
        f'<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Sida</title>{head}</head><body>'
        f"<header>{header}</header><main>{main_html}</main><footer>{footer}</footer></body></html>"
    )


BODY = "<h1>Öppettider</h1><p>Biblioteket har öppet varje dag under sommaren.</p>"


@pytest.mark.parametrize(
    ("where", "html"),
    [
        ("logo alt text", page(BODY, header='<img src="l.svg" alt="Stockholms stad">', footer="<p>08-508 000 00</p>")),
        ("e-mail domain", page(BODY, footer='<p><a href="mailto:bibliotek@stockholm.se">Mejla oss</a></p>')),
        ("listed company", page(BODY + "<p>Stockholm Vatten och Avfall svarar på frågor.</p>", footer="<p>08-522 120 00</p>")),
        ("district in the genitive", page(BODY + "<p>Skärholmens stadsdelsförvaltning, Växel: 508 24 000</p>")),
        ("og:site_name", page(BODY, head='<meta property="og:site_name" content="Stockholms stad">', footer="<p>08-508 000 00</p>")),
    ],
)
def test_the_sender_in_its_real_forms(linter, where, html):
    result = lint_text(linter, html, "sida.html", select=("AVS001",))
    assert codes(result) == [], where


def test_a_page_without_any_form_of_the_sender_reports_it_where_kommlint_looked(linter):
    html = page(BODY, header='<img src="l.svg" alt="">', footer='<p><a href="mailto:info@sommarkul.se">Mejla</a></p>')
    result = lint_text(linter, html, "sida.html", select=("AVS001",))
    assert codes(result) == ["AVS001"]
    assert result.diagnostics[0].message == (
        "Texten säger inte att Stockholms stad är avsändare (kommlint letade i texten, sidhuvudet, sidfoten, menyn, "
        "sidans titel och metataggar, logotypernas alt-texter och länkarna)."
    )
    assert result.diagnostics[0].match == "Öppettider"


@pytest.mark.parametrize(
    "date",
    ["Senast uppdaterad: 14/6-2021", "Jan 21, 2019 11:21 CET", "Apr 3, 2024 09:30 CEST", "21.2.2023 08:00", "Publicerad 3 februari 2025"],
)
def test_dates_in_the_forms_real_pages_use(linter, date):
    html = page(BODY + f"<p>{date}</p>", header='<img alt="Stockholms stad" src="l.svg">', footer="<p>08-508 000 00</p>")
    assert codes(lint_text(linter, html, "sida.html", select=("AVS006",))) == [], date


def test_a_date_in_meta_or_time_counts_on_a_page(linter):
    meta = page(BODY, head='<meta name="dcterms.modified" content="2025-03-04">')
    timed = page(BODY + '<p>Uppdaterad <time datetime="2025-01-14">14 jan</time></p>')
    assert codes(lint_text(linter, meta, "a.html", select=("AVS006",))) == []
    assert codes(lint_text(linter, timed, "b.html", select=("AVS006",))) == []
    assert codes(lint_text(linter, page(BODY), "c.html", select=("AVS006",))) == ["AVS006"]


def test_a_word_files_own_dates_are_no_printed_date(linter, tmp_path):
    from docx import Document

    word = Document()
    word.add_paragraph("Hej Anna!")
    word.add_paragraph("Vi har tagit emot din ansökan och hör av oss på tisdag.")
    word.add_paragraph("Med vänlig hälsning")
    word.add_paragraph("Eva Ek")
    path = tmp_path / "brev.docx"
    word.save(str(path))
    document = read_bytes(path.read_bytes(), str(path))
    assert document.metadata.get("date")  # python-docx sets created and modified
    result = linter.lint_document(document, replace(Settings(), select=("AVS006",)))
    assert codes(result) == ["AVS006"]
    assert result.profile == "brev"
    assert "filens egna datum räknas inte, ett brev eller beslut ska skriva ut sitt)" in result.diagnostics[0].message


def test_a_reports_file_dates_count_when_its_profile_needs_no_printed_date(linter, tmp_path):
    from docx import Document

    word = Document()
    word.add_heading("Årsrapport för parkerna", level=1)
    word.add_paragraph("Parkerna hade fler besökare än året innan.")
    path = tmp_path / "rapport.docx"
    word.save(str(path))
    result = linter.lint_document(read_bytes(path.read_bytes(), str(path)), replace(Settings(), select=("AVS006",)))
    assert (result.profile, codes(result)) == ("webbsida", [])


def test_phone_numbers_without_area_code_and_dnr_that_are_none(linter):
    local = "Lekplatser\n\nRing miljösamordnaren på 508 24 066 om du har frågor.\n"
    assert codes(lint_text(linter, local, select=("AVS004",))) == []
    bare = "Lekplatser\n\nParken har 508 24 066 blommor.\n"  # no phone word before it
    assert codes(lint_text(linter, bare, select=("AVS004",))) == ["AVS004"]
    dnr = "Tjänsteskrivelse\n\nDnr 2018/KS 0001 001\n"
    assert codes(lint_text(linter, dnr, select=("AVS005",))) == []
    assert codes(lint_text(linter, "Ring 08 508 264 02.\n", select=("AVS005",))) == ["AVS005"]


def test_another_organisation_is_judged_by_its_own_forms(linter):
    settings = replace(Settings(), organization="Malmö stad", select=("AVS001", "AVS008"))
    html = page(BODY, footer='<p><a href="mailto:kontakt@malmo.se">kontakt@malmo.se</a></p>')
    assert codes(linter.lint_document(read_bytes(html.encode(), "a.html"), settings)) == []
    other = page(BODY, header='<img alt="Region Skåne" src="l.svg">')
    result = linter.lint_document(read_bytes(other.encode(), "b.html"), settings)
    assert codes(result) == ["AVS008"]
    assert result.diagnostics[0].message.startswith("Texten verkar komma från Region Skåne, inte från Malmö stad.")


def test_a_state_authority_is_its_own_unit(linter):
    text = "Justitiekanslern\n\nBeslut\n\nDatum 2025-01-22\n\nDnr 2024/06113\n\nJustitiekanslern avslår anspråket.\n\nBeslutet kan inte överklagas.\n"
    settings = replace(Settings(), organization="Justitiekanslern", select=("AVS003",))
    result = linter.lint_document(read_bytes(text.encode(), "jk.txt"), settings)
    assert (result.profile, codes(result)) == ("beslut", [])


def test_template_provides_in_the_config(linter, tmp_path):
    text = "---\ntitle: Parker\n---\n\n# Parker\n\nParkerna är öppna hela året.\n"
    document = read_bytes(text.encode(), str(tmp_path / "sidor" / "parker.md"))
    plain = linter.lint_document(document, replace(Settings(), select=PRESENCE))
    assert sorted(codes(plain)) == ["AVS001", "AVS004", "AVS006"]
    every = parse_table({"template-provides": ["avsandare", "kontakt"], "select": list(PRESENCE)}, "kommlint.toml", tmp_path)
    assert codes(linter.lint_document(read_bytes(text.encode(), str(tmp_path / "sidor" / "parker.md")), every)) == ["AVS006"]
    globbed = parse_table({"template-provides": {"sidor/*.md": ["datum"]}, "select": list(PRESENCE)}, "kommlint.toml", tmp_path)
    assert globbed.provided_for(tmp_path / "sidor" / "parker.md") == {"datum"}
    assert globbed.provided_for(tmp_path / "annat" / "parker.md") == frozenset()
    with pytest.raises(ConfigError, match="okänt element ”kontakter”. Menade du ”kontakt”"):
        parse_table({"template-provides": ["kontakter"]}, "kommlint.toml", tmp_path)


def test_front_matter_date_and_author_count(linter):
    text = "---\nlastmod: 2025-05-27\nauthor: Trafikkontoret\n---\n\n# Slussen\n\nBussarna kör en annan väg i sommar.\n"
    assert codes(lint_text(linter, text, "slussen.md", select=("AVS001", "AVS006"))) == []


def test_one_finding_per_problem(linter):
    result = lint_text(linter, "Ansökan görs på webben.\n", select=("KLAR005", "KLAR006"))
    assert codes(result) == ["KLAR005"]
    elsewhere = lint_text(linter, "Ansökan görs på webben. Blanketten skickas hem till dig i maj.\n", select=("KLAR005", "KLAR006"))
    assert codes(elsewhere) == ["KLAR005", "KLAR006"]  # a passive elsewhere in the text stays


def test_precedence_hides_only_overlapping_findings_of_the_named_rules():
    class D:
        def __init__(self, code, offset, end):
            self.code, self.offset, self.end_offset = code, offset, end

    order = {"KLAR005": frozenset({"KLAR006"})}
    winner, inside, outside, other = D("KLAR005", 0, 12), D("KLAR006", 8, 12), D("KLAR006", 20, 25), D("KLAR001", 0, 7)
    assert one_per_problem([winner, inside, outside, other], order) == [winner, outside, other]


def test_lattlast_is_calibrated_on_lattlast_text(linter):
    sentences = [
        "Du kan låna böcker på biblioteket.",
        "Lånekortet är gratis.",
        "Du får ett kort i disken.",
        "Ta med legitimation.",
        "Du kan låna tio böcker.",
        "Du har dem i tre veckor.",
        "Sedan lämnar du tillbaka dem.",
        "Böckerna lämnas i luckan.",
        "Du kan också låna filmer.",
        "Vi hjälper dig gärna.",
        "Fråga oss om du vill veta mer.",
        "Vi har öppet varje dag.",
    ]
    text = "Lättläst\n\n" + "\n\n".join(sentences) + "\n"
    result = lint_text(linter, text, select=("KLAR008", "KLAR010"))
    assert result.profile == "lattlast"
    assert "KLAR008" not in codes(result)  # one passive ("lämnas") in twelve sentences
    hard = "Lättläst\n\n" + " ".join(["Biblioteksverksamheten erbjuder kompletterande läsfrämjande aktiviteter."] * 6) + "\n"
    message = next(d.message for d in lint_text(linter, hard, select=("KLAR010",)).diagnostics)
    assert message == "Texten är svårläst: LIX 105 (mycket svår); profilens gräns är 35."


def test_an_easy_lix_above_a_lattlast_limit_says_so(linter):
    text = "Lättläst\n\n" + " ".join(["Du kan låna böcker och tidningar gratis på stadens alla bibliotek."] * 4) + "\n"
    result = lint_text(linter, text, select=("KLAR010",))
    assert [d.message for d in result.diagnostics] == [
        "Texten är svårare än profilen tillåter: LIX 38,3 är lätt för en vanlig text men över profilens gräns 35."
    ]


def test_explain_profile_shows_every_score(tmp_path):
    path = tmp_path / "sida.txt"
    path.write_text("Beslut\n\nOm du beviljas hemtjänst får du ett brev. Du kan överklaga beslutet.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--explain-profile", "-q", "--no-cache", str(path)])
    assert f"{path}: profil från texten: webbsida" in result.stderr
    assert (
        "  beslut: 3 poäng, minst 2 (raden ”Beslut”, ”du beviljas”, ”överklaga”; saknar part eller diarienummer, datum eller underskrift)"
        in result.stderr
    )


@pytest.mark.parametrize(
    ("name", "html"),
    [
        (
            "all chrome",
            "<html><body><header><p>Stockholms stad</p></header><nav><a href='/'>Start</a></nav><footer><p>08-508 000 00</p></footer></body></html>",
        ),
        ("no main", "<html><head><title>T</title></head><body><p>Hej.</p><div><p>Mer text här.</p></div></body></html>"),
        (
            "broken meta",
            '<html><head><meta property="og:type" content=><meta name=dcterms.modified content="2025-13-45"><meta content="x"></head><body><main><p>Text.</p></main></body></html>',
        ),
        (
            "5 MB footer",
            "<html><body><main><h1>Sida</h1><p>Text.</p></main><footer>"
            + "<p>Stockholms stad 08-508 000 00 Box 1</p>" * 130_000
            + "</footer></body></html>",
        ),
    ],
)
def test_bad_pages_get_results_and_no_crash(linter, name, html):
    result = lint_text(linter, html, "sida.html", select=("AVS", "OFF"))
    assert result.errors == [], name
    assert result.profile in linter.profiles(), name


# A crawl of a site whose template carries sender, contact and a modified date -----------

PAGES = 30
TEMPLATE_FOOTER = (
    '<footer><img src="/logo.svg" alt="Stockholms stad"><p>Kontaktcenter <a href="tel:+46850800000">08-508 000 00</a></p></footer>'
)
BARE_FOOTER = "<footer><p>Om webbplatsen</p></footer>"
MODIFIED = '<meta name="dcterms.modified" content="2025-02-03">'


class TemplateSite(Site):
    """PAGES service pages rendered through one template (footer and meta), linked from a start page."""

    footer: str = TEMPLATE_FOOTER
    head: str = MODIFIED

    def build(self, base: str) -> None:
        self.base = base
        html = "text/html; charset=utf-8"
        links = "".join(f'<li><a href="/tjanst/{i}.html">Tjänst {i}</a></li>' for i in range(PAGES))
        self.content["/"] = (html, self._page("Start", f"<ul>{links}</ul>").encode())
        self.content["/robots.txt"] = ("text/plain", b"User-agent: *\nCrawl-delay: 0.001\n")
        for i in range(PAGES):
            text = f"<p>Här berättar vi om tjänst nummer {i} och vad du behöver göra för att använda den.</p>"
            self.content[f"/tjanst/{i}.html"] = (html, self._page(f"Tjänst {i}", text).encode())

    def _page(self, title: str, main_html: str) -> str:
        return (
            f'<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>{title}</title>{self.head}</head><body>'
            f'<header><nav><a href="/">Start</a></nav></header><main><h1>{title}</h1>{main_html}</main>{self.footer}</body></html>'
        )


def _crawl(site: Site, out: Path) -> dict[str, list[str]]:
    args = ["--rate", "0", "--timeout", "2", "--retries", "0", "--concurrency", "4", "-q", "--select", ",".join(PRESENCE)]
    with SiteServer(site) as server:
        result = CliRunner().invoke(main, ["crawl", server.base + "/", "--out", str(out), *args])
        assert result.exit_code in (0, 1), result.output
        data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    pages = {entry["path"].split("/", 3)[-1]: sorted(d["code"] for d in entry["diagnostics"]) for entry in data["files"]}
    return {path: found for path, found in pages.items() if path.startswith("tjanst/")}


def test_a_crawl_finds_the_templates_sender_contact_and_date(tmp_path):
    pages = _crawl(TemplateSite(), tmp_path / "med")
    assert len(pages) == PAGES
    assert all(found == [] for found in pages.values()), pages


def test_without_them_in_the_template_each_page_reports_them(tmp_path):
    site = TemplateSite()
    site.footer, site.head = BARE_FOOTER, ""
    pages = _crawl(site, tmp_path / "utan")
    assert len(pages) == PAGES
    assert all(found == ["AVS001", "AVS004", "AVS006"] for found in pages.values()), pages


def test_a_contractor_writing_on_the_citys_behalf_is_recognised(linter):
    text = "Ledningsarbete på Bergsgatan\n\nPå uppdrag av Stockholms stad bygger vi om ledningarna under Bergsgatan. Arbetet pågår till juni.\n"
    result = lint_text(linter, text, select=("AVS007",))
    assert (result.profile, codes(result)) == ("leverantor", [])
    hired = "Trädfällning\n\nVi på Grönyta AB fäller döda träd i parken. Stockholms stad har anlitat oss.\n"
    result = lint_text(linter, hired, select=("AVS007",))
    assert (result.profile, codes(result)) == ("leverantor", ["AVS007"])


def test_a_service_page_titled_like_a_decision_is_no_decision(linter):
    html = page(
        "<h1>Beslut om bistånd</h1><p>När du har ansökt utreder en handläggare din ansökan. Du får ett beslut med posten.</p>"
        "<h2>Om du beviljas bistånd</h2><p>I beslutet står det vad du får hjälp med.</p>"
        "<h2>Om du får avslag</h2><p>Du kan överklaga beslutet inom tre veckor.</p><p>Senast uppdaterad 2025-01-20</p>",
        header='<img alt="Stockholms stad" src="l.svg">',
        footer="<p>08-508 25 000</p>",
    )
    result = lint_text(linter, html, "bistand.html", select=("AVS", "OFF"))
    assert (result.profile, codes(result)) == ("webbsida", [])
    assert "saknar beslutsformel" in result.profile_reason


def test_another_city_written_with_its_own_capital_stad_is_another_sender(linter):
    html = page(BODY, header='<img alt="Göteborgs Stad" src="logo.svg">')
    result = linter.lint_document(read_bytes(html.encode(), "nyhet.html"), replace(Settings(), select=("AVS001", "AVS008")))
    assert codes(result) == ["AVS008"]
    assert result.diagnostics[0].message.startswith("Texten verkar komma från Göteborgs Stad, inte från Stockholms stad.")
