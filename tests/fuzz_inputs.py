"""Hypothesis strategies for broken input: bytes, tag soup, Markdown and MDX, front matter,
configuration, Word and PDF files (issue 20's fuzz suite).

The soups are built from fragments that hit the readers' hard cases (unfinished tags,
unclosed comments, entities, soft hyphens, backticks, JSX, anchors and aliases, deep
nesting), so a short run already reaches them. A helper module (no tests of its own).
"""

from __future__ import annotations

import io
import zipfile
from functools import lru_cache

from hypothesis import strategies as st

WORDS = [
    "Du",
    "erhåller",
    "beslut",
    "ansökan",
    "Stockholms stad",
    "å",
    "ö",
    "ä",
    "(",
    ")",
    "‹",
    ".",
    ",",
    "  ",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
]
INVISIBLE = ["\u00ad", "\u200b", "\u2060", "\ufeff", "&shy;", "&#173;"]
HTML = [
    "<p>",
    "</p>",
    "<a ",
    '<a href="',
    '">',
    "</a>",
    "<!--",
    "-->",
    "<main>",
    "</main>",
    "<div>",
    "<script>",
    "</script>",
    "&amp;",
    "&auml",
    "&#x",
    "<br>",
    "<li>",
    "<td>",
    "<table>",
    "<h1>",
    "</h1>",
    "<![CDATA[",
    "<?x",
    "<!DOCTYPE html>",
    '<img alt="',
    ">",
    "<",
    '="',
    "'",
]
MARKDOWN = [
    "# ",
    "## ",
    "* ",
    "- ",
    "1. ",
    "`",
    "```",
    "~~~",
    "[x](",
    ")",
    "](http://[x/a.pdf)",
    "![bild](",
    "<span>",
    "</span>",
    "<!-- ",
    " -->",
    "> ",
    "|",
    "---",
    "\\",
    "*",
    "_",
    "{",
    "}",
    "{/*",
    "*/}",
    "<Callout>",
    "</Callout>",
    "import x from 'y'\n",
    "export const a = 1\n",
    "<Chart data={rows} />",
]
YAML = [
    "a: ",
    "date: ",
    "2024-02-30",
    "2024-02-29",
    "&a ",
    "*a",
    "[",
    "]",
    "{",
    "}",
    ", ",
    "- ",
    "\n",
    "  ",
    "'",
    '"',
    "author: ",
    "!!python/object ",
    "? ",
    ": ",
    "1" * 50,
    "~",
    "null",
    "true",
]
TOML = [
    "a = ",
    "[tool]\n",
    "[tool.kommlint]\n",
    "tool = 5\n",
    'kommlint = "x"\n',
    "max-file-size = ",
    "true",
    "-5",
    "0",
    "1e9",
    "[",
    "]",
    "{",
    "}",
    '"',
    "'''",
    'select = ["KLAR"]\n',
    "[thresholds]\n",
    "lix = ",
    "\n",
    "# kommentar\n",
    "slect = 1\n",
    'exclude = ["*"]\n',
    'rule-packs = ["saknas"]\n',
]


def soup(fragments: list[str], max_size: int = 60) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(fragments + WORDS + INVISIBLE), max_size=max_size).map("".join)


def nested(opening: str, closing: str) -> st.SearchStrategy[str]:
    return st.integers(0, 2000).map(lambda depth: opening * depth + closing * (depth // 2))


def encoded(text: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    """Text as bytes in an encoding a file might have (or one it might wrongly have)."""
    codecs = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1"])
    return st.tuples(text, codecs).map(lambda pair: pair[0].encode(pair[1], "replace"))


def broken(data: st.SearchStrategy[bytes]) -> st.SearchStrategy[bytes]:
    """Bytes cut short, or with a few bytes overwritten."""
    return st.one_of(
        data,
        st.tuples(data, st.floats(0, 1)).map(lambda pair: pair[0][: int(len(pair[0]) * pair[1])]),
        st.tuples(data, st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=8)).map(_overwrite),
    )


def _overwrite(pair: tuple[bytes, list[tuple[float, int]]]) -> bytes:
    data, changes = bytearray(pair[0]), pair[1]
    for where, value in changes:
        if data:
            data[min(int(where * len(data)), len(data) - 1)] = value
    return bytes(data)


def text_files() -> st.SearchStrategy[bytes]:
    return broken(st.one_of(st.binary(max_size=400), encoded(soup(WORDS, 80))))


def html_files() -> st.SearchStrategy[bytes]:
    return broken(encoded(st.one_of(soup(HTML, 80), nested("<div>", "</div>"), nested("<a ", ""), nested("<main>", ""))))


def markdown_files() -> st.SearchStrategy[bytes]:
    return broken(encoded(st.one_of(soup(MARKDOWN, 80), front_matter().map(lambda fm: fm + "\nText.\n"))))


def front_matter() -> st.SearchStrategy[str]:
    yaml = st.one_of(soup(YAML, 40), nested("[", "]"), nested("- ", ""), st.just(_ALIAS_BOMB))
    toml = st.one_of(soup(TOML, 30), nested("[", "]").map(lambda value: "a = " + value))
    json = st.one_of(soup(["{", "}", "[", "]", '"a"', ":", ",", "1", '"\\ud800"', "null"], 40), nested("[", "]"))
    return st.one_of(
        yaml.map(lambda body: f"---\n{body}\n---"),
        toml.map(lambda body: f"+++\n{body}\n+++"),
        json.map(lambda body: f"---json\n{body}\n---"),
    )


_ALIAS_BOMB = (
    "a: &a [x,x,x,x,x,x,x,x,x]\n"
    + "".join(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]\n" for name, prev in zip("bcdefgh", "abcdefg"))
    + "author: *h"
)


def config_files() -> st.SearchStrategy[str]:
    return st.one_of(soup(TOML, 30), nested("[", "]").map(lambda value: "a = " + value))


@lru_cache(maxsize=1)
def sample_docx() -> bytes:
    import docx

    word = docx.Document()
    word.add_heading("Beslut om bygglov", level=1)
    word.add_paragraph("Du erhåller beslutet inom två veckor.")
    table = word.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Avgift"
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


@lru_cache(maxsize=1)
def sample_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="Du erhaller beslutet inom tva veckor.")
    return bytes(pdf.output())


def docx_files() -> st.SearchStrategy[bytes]:
    """The sample document, broken as bytes or with its body XML replaced by soup."""
    body = soup(["<w:p>", "</w:p>", "<w:r>", "<w:t>", "</w:t>", "</w:r>", '<w:hyperlink r:id="x">', "<", "&", "]]>", "<w:tbl>"], 40)
    return st.one_of(broken(st.just(sample_docx())), body.map(_with_body))


def _with_body(xml: str) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(sample_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename == "word/document.xml":
                text = data.decode()
                start = text.index("<w:body>") + len("<w:body>")
                data = (text[:start] + xml + text[start:]).encode()
            target.writestr(entry.filename, data)
    return out.getvalue()


def pdf_files() -> st.SearchStrategy[bytes]:
    return broken(st.just(sample_pdf()))
