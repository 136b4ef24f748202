"""HTML reader: prose blocks, exact source positions (entities included), metadata."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import lint_text

from lint.document import BlockKind
from lint.engine.config import Settings
from lint.errors import ConfigError
from lint.formats import read_bytes

PAGE = """<!DOCTYPE html>
<html lang="sv">
<head>
  <title>Bygglov &ndash; Stockholms stad</title>
  <meta name="kommlint:profile" content="beslut">
  <meta name="ai-generated" content="true">
  <meta name="dcterms.modified" content="2024-05-02">
  <style>p { color: red }</style>
</head>
<body>
<header><p>Sidhuvud som inte är prosa</p></header>
<nav><a href="/">Startsidan</a></nav>
<main>
  <h1>Bygglov f&ouml;r   altan</h1>
  <!-- kommlint-disable-next-line KLAR001 -- citat ur lagen -->
  <p>Du kan <em>s&ouml;ka</em> bygglov&nbsp;h&auml;r.
     Ans&#246;kan &#xE4;r <strong>avgiftsfri</strong>.</p>
  <ul><li>Ett steg<li>Tv&aring; <b>steg</b></ul>
  <table><caption>Avgifter</caption><tr><th>Avgift<th>Belopp<tr><td>Altan<td>3&nbsp;500 kr</table>
  <img src="karta.png" alt="Karta &ouml;ver omr&aring;det">
  <div><a href="/mer">L&auml;s mer</a></div>
  <p hidden>Dold text</p><p style="display: none">Också dold</p>
  <script>document.write("<p>Inte prosa</p>")</script>
  <template><p>Mall</p></template>
</main>
<footer><p>Sidfot</p></footer>
</body>
</html>
"""


@pytest.fixture(scope="module")
def page():
    return read_bytes(PAGE.encode("utf-8"), "sida.html")


def _at(document, text: str, occurrence: int = 0):
    """(line, column) of the `occurrence`th `text` in the raw source."""
    offset = -1
    for _ in range(occurrence + 1):
        offset = document.source.index(text, offset + 1)
    return document.locate(offset)[:2]


def _blocks(document):
    return [(block.kind, block.text) for block in document.blocks]


def test_prose_comes_from_main_without_chrome_hidden_or_scripts(page):
    assert _blocks(page) == [
        (BlockKind.HEADING, "Bygglov för altan"),
        (BlockKind.PARAGRAPH, "Du kan söka bygglov\xa0här. Ansökan är avgiftsfri."),
        (BlockKind.LIST_ITEM, "Ett steg"),
        (BlockKind.LIST_ITEM, "Två steg"),
        (BlockKind.CAPTION, "Avgifter"),
        (BlockKind.TABLE_CELL, "Avgift"),
        (BlockKind.TABLE_CELL, "Belopp"),
        (BlockKind.TABLE_CELL, "Altan"),
        (BlockKind.TABLE_CELL, "3\xa0500 kr"),
        (BlockKind.IMAGE_ALT, "Karta över området"),
        (BlockKind.LINK_TEXT, "Läs mer"),
    ]
    assert page.blocks[0].level == 1


def test_every_prose_character_maps_to_its_source_text(page):
    paragraph = page.blocks[1]
    start = paragraph.text.index("söka")
    offset, end = paragraph.source_span(start, start + len("söka"))
    assert page.source[offset:end] == "s&ouml;ka"
    start = paragraph.text.index("här")
    offset, end = paragraph.source_span(start, start + len("här"))
    assert page.source[offset:end] == "h&auml;r"
    assert page.locate(offset)[:2] == _at(page, "h&auml;r")
    alt = page.blocks[9]
    offset, end = alt.source_span(0, len(alt.text))
    assert page.source[offset:end] == "Karta &ouml;ver omr&aring;det"


def test_metadata_links_images_and_directives(page):
    assert page.metadata == {"title": "Bygglov – Stockholms stad", "profile": "beslut", "ai_generated": True, "updated": "2024-05-02"}
    assert [(link.text, link.href) for link in page.links] == [("Läs mer", "/mer")]
    link = page.links[0]
    assert page.source[link.offset : link.end_offset] == "L&auml;s mer"
    assert [(image.alt, image.src) for image in page.images] == [("Karta över området", "karta.png")]
    directive = page.directives[0]
    assert (directive.action, directive.codes, directive.line, directive.reason) == (
        "disable-next-line",
        ("KLAR001",),
        15,
        "citat ur lagen",
    )
    assert page.language.value == "sv"
    assert page.tables[0].has_header is True
    assert [(h.level, h.text) for h in page.headings] == [(1, "Bygglov för altan")]


def test_fragment_without_main_reads_everything_and_declares_no_page():
    document = read_bytes("<h2>Rubrik</h2>\n<p>Text med <a href='x.pdf'>länk</a>.</p>".encode(), "del.htm")
    assert _blocks(document) == [(BlockKind.HEADING, "Rubrik"), (BlockKind.PARAGRAPH, "Text med länk.")]
    assert document.whole_page is False and document.language is None


def test_article_is_preferred_when_there_is_no_main():
    source = "<body><aside><p>Reklam</p></aside><article><p>Artikeln.</p></article><p>Utanför</p></body>"
    assert _blocks(read_bytes(source.encode(), "a.html")) == [(BlockKind.PARAGRAPH, "Artikeln.")]


def test_configured_css_selector_chooses_the_prose():
    source = '<body><div class="meny"><p>Meny</p></div><div id="innehall"><p>Det här granskas.</p></div></body>'
    settings = replace(Settings(), html_selector="#innehall")
    assert _blocks(read_bytes(source.encode(), "a.html", settings=settings)) == [(BlockKind.PARAGRAPH, "Det här granskas.")]
    with pytest.raises(ConfigError, match="html-selector"):
        read_bytes(source.encode(), "a.html", settings=replace(Settings(), html_selector="p[["))


def test_language_of_a_part_is_kept_on_its_block():
    source = '<html lang="sv"><body><p>Svenska.</p><p lang="en">This is English.</p></body></html>'
    document = read_bytes(source.encode(), "a.html")
    assert [block.attrs for block in document.blocks] == [{}, {"lang": "en"}]


def test_findings_point_at_the_match_in_the_html_source(linter):
    source = PAGE.replace("avgiftsfri", "avgiftsfri. Beloppet är 25000 kronor")
    result = lint_text(linter, source, name="sida.html", select=("KLAR014",))
    assert [(d.code, d.line, d.column, d.match) for d in result.diagnostics] == [("KLAR014", 17, 59, "25000")]
    assert result.document.line_text(17)[58:63] == "25000"


def test_suppression_comment_in_html_silences_the_next_line(linter):
    source = '<html lang="sv"><body>\n<!-- kommlint-disable-next-line KLAR014 -->\n<p>Det kostar 25000 kronor.</p>\n<p>Och 30000 till.</p></body></html>'
    result = lint_text(linter, source, name="a.html", select=("KLAR014",))
    assert [(d.line, d.match) for d in result.diagnostics] == [(4, "30000")]


@pytest.mark.parametrize(
    ("source", "blocks"),
    [
        ("<P>Ett stycke<P>Ett till<UL><LI>punkt<li>punkt två</UL><p>Slut", ["Ett stycke", "Ett till", "punkt", "punkt två", "Slut"]),
        ("<p class=x>Text med <a href=/a.pdf>länk</a><br>ny rad</p>", ["Text med länk ny rad"]),
        ('<div role="main"><p>Synlig</p><p aria-hidden="true">Dold</p><noscript><p>Nej</p></noscript></div><p>Utanför</p>', ["Synlig"]),
        ("<p>Text</b></i> mer</div> slut</p></p>", ["Text mer slut"]),
        ("<p>Öppen <em>betoning", ["Öppen betoning"]),
        ("<ul><li>Ett<ul><li>Inre</li></ul>efter</li></ul>", ["Ett", "Inre", "efter"]),
        ("<dl><dt>Term<dd>Definition</dl>", ["Term", "Definition"]),
    ],
)
def test_sloppy_html_is_read_as_a_browser_would(source, blocks):
    assert [block.text for block in read_bytes(source.encode(), "a.html").blocks] == blocks


def test_unknown_entities_and_bare_ampersands_stay_as_written():
    document = read_bytes("<p>A & B &amp; C &okänd; D &#128512; E</p>".encode(), "a.html")
    block = document.blocks[0]
    assert block.text == "A & B & C &okänd; D 😀 E"
    start = block.text.index("😀")
    assert document.source[slice(*block.source_span(start, start + 1))] == "&#128512;"


def test_thousands_of_unclosed_tags_are_still_read():
    document = read_bytes(("<p>" + "<font>ord " * 3000).encode(), "gammal.html")
    assert document.blocks[0].text == " ".join(["ord"] * 3000)


def test_soft_hyphens_vanish_and_fixes_can_span_plain_spaces(linter):
    document = read_bytes("<p>Stads&shy;bygg\xadnads&shy;kontoret svarar.</p>".encode(), "a.html")
    assert document.blocks[0].text == "Stadsbyggnadskontoret svarar."
    result = lint_text(linter, "<p>Mötet ska\täga rum i morgon, mötet ska äga rum.</p>", name="a.html", select=("KLAR001",))
    assert [(d.column, d.match, d.fix is not None) for d in result.diagnostics] == [(14, "äga rum", True), (42, "äga rum", True)]


def test_code_is_not_prose():
    source = "<p>Kör <code>kommlint check</code> nu.</p><pre>SKRIV INTE SÅ HÄR</pre>"
    assert [b.text for b in read_bytes(source.encode(), "a.html").blocks] == ["Kör nu."]


def test_sidebars_are_chrome_outside_the_content_but_prose_inside_it():
    outside = read_bytes(b"<body><aside><p>Sidokolumn</p></aside><p>Text</p></body>", "a.html")
    inside = read_bytes(b"<main><aside><p>Bra att veta</p></aside><p>Text</p></main>", "a.html")
    assert [b.text for b in outside.blocks] == ["Text"]
    assert [b.text for b in inside.blocks] == ["Bra att veta", "Text"]


FRAGMENTS = [
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<li>",
    "<ul>",
    "</ul>",
    "<a href='x.pdf'>",
    "</a>",
    "<b>",
    "</b>",
    "<table>",
    "<tr>",
    "<td>",
    "<th>",
    "</table>",
    "<h1>",
    "</h2>",
    "&auml;",
    "&nbsp;",
    "&amp;",
    "&#228;",
    "&#xE4;",
    "&okänd;",
    "&",
    "<",
    ">",
    "<!-- kommlint-disable -->",
    "<br>",
    "<img alt='Bild &ouml;' src=a.png>",
    "Hej",
    " ",
    "\n",
    "\t",
    "ÅÄÖ",
    "<script>",
    "</script>",
    "<main>",
    "</main>",
    "<code>",
    "</code>",
    "\xad",
    "<!DOCTYPE html>",
    "<html lang=sv>",
]


def test_random_tag_soup_always_maps_every_character_back_to_its_source():
    import html
    import random

    rng = random.Random(6)
    for _ in range(400):
        source = "".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(1, 40)))
        document = read_bytes(source.encode(), "soppa.html")
        for block in document.blocks:
            for seg in block.segments:
                text = block.text[seg.text_start : seg.text_start + seg.length]
                raw = document.source[seg.source_start : seg.source_end]
                if seg.source_length is None:
                    assert text == raw, source
                else:  # an entity, or a run of whitespace read as one space
                    assert text == html.unescape(raw) or (text == " " and not raw.strip()), source
