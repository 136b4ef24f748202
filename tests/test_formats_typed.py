"""The typed facts readers record beside the prose: chrome, links, forms, languages, properties."""

from __future__ import annotations

import datetime
import io

import docx
import pytest

from lint.document_parts import ChromeText, ElementLanguage, Heading, Image, Link, MetaTag, TimeStamp
from lint.formats import read_bytes

PAGE = """<!doctype html>
<html lang="sv"><head><title>Bygglov - Stockholms stad</title>
<meta property="og:site_name" content="Stockholms stad"><meta name="author" content="Stadsbyggnadskontoret">
<meta property="article:published_time" content="2025-02-03T09:00">
<link rel="canonical" href="https://start.stockholm/bygglov/"></head>
<body><header><a href="/" aria-label="Till startsidan"><img src="logo.svg" alt="Stockholms stad"></a>
<nav aria-label="Brödsmulor"><ol><li><a href="/">Start</a></li><li>Bygglov</li></ol></nav></header>
<main><h1>Bygglov</h1><p>Du söker <a href="/ansok">här</a>. <span lang="en">Apply here</span></p>
<form action="/skicka" method="POST"><input type="email" name="epost"></form></main>
<footer><p>Ring <a href="tel:08-508 000 00">08-508 000 00</a> eller mejla <a href="mailto:bygg@stockholm.se?subject=Fr%C3%A5ga">oss</a>.</p>
<p>Publicerad <time datetime="2025-02-03">3 februari 2025</time></p><form><input name="nyhetsbrev"></form></footer>
</body></html>
"""


@pytest.fixture(scope="module")
def page():
    return read_bytes(PAGE.encode(), "bygglov.html")


def test_html_chrome_title_meta_and_breadcrumbs(page):
    chrome = page.chrome
    assert chrome.title == "Bygglov - Stockholms stad"
    assert [tag.name for tag in chrome.meta] == ["og:site_name", "author", "article:published_time"]
    assert chrome.meta_content("og:site_name") == "Stockholms stad"
    assert chrome.meta_content("dcterms.modified", "article:published_time") == "2025-02-03T09:00"
    assert chrome.meta_content("description") is None
    assert chrome.canonical_url == "https://start.stockholm/bygglov/"
    assert chrome.breadcrumbs == ["Start", "Bygglov"]
    assert chrome.logo_texts == ["Stockholms stad"]
    tag = chrome.meta[1]
    assert isinstance(tag, MetaTag) and page.source[tag.offset : tag.end_offset] == '<meta name="author" content="Stadsbyggnadskontoret">'


def test_html_chrome_parts_by_region(page):
    chrome = page.chrome
    assert [(part.region, part.text) for part in chrome.parts] == [
        ("navigation", "Start Bygglov"),
        ("footer", "Ring 08-508 000 00 eller mejla oss . Publicerad 3 februari 2025"),
    ]
    assert chrome.header == "" and chrome.navigation == "Start Bygglov"
    assert chrome.footer.startswith("Ring 08-508 000 00")
    part = chrome.parts[0]
    assert isinstance(part, ChromeText) and page.source[part.offset : part.end_offset] == "Start</a></li><li>Bygglov"


def test_html_links_keep_their_region_and_target(page):
    assert [(link.text, link.href, link.region) for link in page.links] == [("här", "/ansok", "body")]
    assert [(link.text, link.href, link.region) for link in page.chrome.links] == [
        ("", "https://start.stockholm/bygglov/", "head"),
        ("Till startsidan", "/", "header"),
        ("Start", "/", "navigation"),
        ("08-508 000 00", "tel:08-508 000 00", "footer"),
        ("oss", "mailto:bygg@stockholm.se?subject=Fr%C3%A5ga", "footer"),
    ]
    phone, mail = page.chrome.links[3:]
    assert (phone.scheme, phone.target) == ("tel", "08-508 000 00")
    assert (mail.scheme, mail.target) == ("mailto", "bygg@stockholm.se")
    assert (page.links[0].scheme, page.links[0].target) == ("", "/ansok")


def test_html_times_images_forms_and_languages(page):
    assert [(t.datetime, t.text, t.region) for t in page.chrome.times] == [("2025-02-03", "3 februari 2025", "footer")]
    assert isinstance(page.chrome.times[0], TimeStamp)
    assert [(i.alt, i.src, i.region) for i in page.chrome.images] == [("Stockholms stad", "logo.svg", "header")]
    assert [(f.action, f.method, f.in_chrome) for f in page.forms] == [("/skicka", "post", False), ("", "", True)]
    assert [(f.tag, f.name, f.type, f.in_chrome) for f in page.form_fields] == [
        ("input", "epost", "email", False),
        ("input", "nyhetsbrev", "", True),
    ]
    assert page.element_languages == [ElementLanguage("en", "span", PAGE.index('<span lang="en">'), PAGE.index("Apply"))]
    assert (page.language.value, page.whole_page, page.medium) == ("sv", True, "web")
    assert page.headings == [Heading(1, "Bygglov", PAGE.index("Bygglov</h1>"), PAGE.index("</h1>"))]


def test_html_page_text_and_content_text(page):
    text = page.chrome.page_text
    assert "Bygglov - Stockholms stad" in text and "mejla  oss" in text and "3 februari 2025" in text
    content = page.chrome.content_text
    assert "Du söker  här" in content and "Start" not in content and "Ring" not in content


def test_svg_logo_title_is_a_logo_text():
    page = read_bytes(
        b'<html><body><header><svg aria-hidden="false"><title>Stockholms stad</title></svg></header><main><p>Text.</p></main></body></html>',
        "a.html",
    )
    assert [(i.alt, i.src, i.region) for i in page.chrome.images] == [("Stockholms stad", "svg", "header")]
    assert page.chrome.logo_texts == ["Stockholms stad"]


def test_fragment_has_no_page_and_no_chrome_parts():
    fragment = read_bytes(b"<p>Ring <a href='tel:0850800000'>oss</a>.</p>", "del.html")
    assert (fragment.whole_page, fragment.language, fragment.chrome.parts, fragment.chrome.title) == (False, None, [], None)
    assert [link.region for link in fragment.links] == ["body"]


def test_text_after_a_link_reads_on_into_the_next_block():
    page = read_bytes(b'<p><a href="r.pdf">Rapport</a> (PDF, 2 MB)</p><p><a href="s.pdf">Bilaga</a></p><p>PDF, 1 MB</p>', "a.html")
    first, second = page.links
    assert page.text_after(first.end_offset) == " (PDF, 2 MB)"
    assert page.text_after(second.end_offset) == " PDF, 1 MB"
    assert page.text_after(len(page.source) + 5) == ""


def test_markdown_front_matter_and_raw_html_forms():
    source = (
        '---\ntitle: Anmälan\nlastmod: 2025-01-02\n---\n# Anmälan\n\n<form action="/a">\n  <input id="pnr" name="personnummer">\n</form>\n'
    )
    document = read_bytes(source.encode(), "anmalan.md")
    assert document.front_matter == {"title": "Anmälan", "lastmod": datetime.date(2025, 1, 2)}
    assert document.metadata["updated"] == datetime.date(2025, 1, 2) and "updated" not in document.front_matter
    assert [(f.action, source[f.offset : f.offset + 5]) for f in document.forms] == [("/a", "<form")]
    assert [(f.name, f.id, source[f.offset : f.end_offset]) for f in document.form_fields] == [
        ("personnummer", "pnr", '<input id="pnr" name="personnummer">')
    ]
    assert (document.medium, document.language, document.chrome.page_text, document.chrome.content_text) == ("web", None, "", None)


def test_toml_front_matter_is_front_matter_too():
    document = read_bytes(b'+++\ntitle = "Nyhet"\n+++\nText.\n', "nyhet.md")
    assert document.front_matter == {"title": "Nyhet"}


def _word() -> bytes:
    word = docx.Document()
    word.core_properties.title = "Beslut om bygglov"
    word.core_properties.author = "Stadsbyggnadskontoret"
    word.core_properties.subject = "Bygglov"
    word.core_properties.last_modified_by = "Handläggare"
    word.add_heading("Beslut", 1)
    word.add_paragraph("Nämnden beviljar bygglov.")
    section = word.sections[0]
    section.header.paragraphs[0].text = "Stockholms stad, Stadsbyggnadskontoret"
    section.footer.paragraphs[0].text = "Box 8314, 104 20 Stockholm"
    data = io.BytesIO()
    word.save(data)
    return data.getvalue()


def test_docx_header_footer_and_core_properties():
    document = read_bytes(_word(), "beslut.docx")
    assert [(part.region, part.text) for part in document.chrome.parts] == [
        ("header", "Stockholms stad, Stadsbyggnadskontoret"),
        ("footer", "Box 8314, 104 20 Stockholm"),
    ]
    header = document.chrome.parts[0]
    assert document.source[header.offset : header.end_offset] == "Stockholms stad, Stadsbyggnadskontoret"
    properties = document.properties
    assert (properties.title, properties.author, properties.subject, properties.last_modified_by) == (
        "Beslut om bygglov",
        "Stadsbyggnadskontoret",
        "Bygglov",
        "Handläggare",
    )
    assert properties.created is not None and len(properties.created) == 10
    assert (document.medium, document.binary, document.paragraph_count) == ("print", True, 4)
    assert document.headings == [Heading(1, "Beslut", 0, 6)]


fpdf = pytest.importorskip("fpdf")


def _pdf() -> bytes:
    pdf = fpdf.FPDF()
    pdf.set_title("Beslut")
    pdf.set_author("Stadsbyggnadskontoret")
    pdf.set_subject("Bygglov")
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.multi_cell(0, 5, "Stockholms stad\nStadsbyggnadskontoret")
    pdf.ln(10)
    pdf.set_font("Helvetica", "B", 18)
    pdf.cell(0, 10, "Beslut om bygglov", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=10)
    pdf.multi_cell(0, 5, "Nämnden beviljar bygglov för en altan.")
    return bytes(pdf.output())


def test_pdf_letterhead_properties_and_guessed_headings():
    document = read_bytes(_pdf(), "beslut.pdf")
    assert document.chrome.letterhead == "Stockholms stad\nStadsbyggnadskontoret"
    properties = document.properties
    assert (properties.title, properties.author, properties.subject) == ("Beslut", "Stadsbyggnadskontoret", "Bygglov")
    assert properties.created is not None and properties.created.startswith("D:")
    assert (document.page_count, document.has_text, document.medium, document.binary) == (1, True, "print", True)
    assert [(h.level, h.text, h.level_guessed) for h in document.headings] == [(1, "Beslut om bygglov", True)]


def test_link_scheme_of_a_relative_or_odd_address():
    assert Link("x", "kontakt:oss", 0, 0).scheme == "kontakt"
    assert Link("x", "/a:b", 0, 0).scheme == ""
    assert Link("x", "TEL:+46 8 508 000 00", 0, 0).target == "+46 8 508 000 00"
    assert Image(None, "a.png", 0, 0).region == "body"


def test_text_outside_main_is_chrome_of_its_own_region_split_by_the_prose():
    source = (
        '<html><body><div class="top">Stockholms stad</div><main><p>Text här.</p></main><div class="sidfot">Box 8314</div></body></html>'
    )
    page = read_bytes(source.encode(), "a.html")
    assert [(part.region, part.text, source[part.offset : part.end_offset]) for part in page.chrome.parts] == [
        ("other", "Stockholms stad", "Stockholms stad"),
        ("other", "Box 8314", "Box 8314"),
    ]
    assert [block.text for block in page.blocks] == ["Text här."]


def test_the_host_comes_from_the_known_address_only(page):
    assert page.url is None and page.host is None  # a canonical link is what the page claims, not where it was read
    fetched = read_bytes(PAGE.encode(), "sida.html")
    fetched.url = "https://start.stockholm:443/bygglov/?a=1"
    assert fetched.host == "start.stockholm"
    fetched.url = "http://[::1"
    assert fetched.host is None
