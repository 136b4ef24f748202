"""Word documents for the annotate tests: a hand-made one with every feature, and random ones.

Built with python-docx plus raw XML for what it cannot make (fields, text boxes, tracked
changes, footnotes). The random documents cut the same Swedish sentences into odd runs.
"""

from __future__ import annotations

import io
import itertools
import random
import re
import zipfile

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt

VML = 'xmlns:v="urn:schemas-microsoft-com:vml"'
SENTENCES = [
    "Du skall erhålla beslutet snarast.",
    "Vi kommer att tillhandahålla information i enlighet med reglerna.",
    "Ansökan skall ha inkommit senast den 1 juni.",
    "Nämnden beslutar i enlighet med förslaget.",
    "Du kan erhålla hjälp av handläggaren.",
    "Avgiften betalas till förvaltningen.",
]
FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"


def save(word) -> bytes:
    stream = io.BytesIO()
    word.save(stream)
    return stream.getvalue()


def runs(paragraph, pieces: list[tuple[str, dict]]) -> None:
    for text, style in pieces:
        run = paragraph.add_run(text)
        run.bold = style.get("bold")
        run.italic = style.get("italic")
        if style.get("size"):
            run.font.size = Pt(style["size"])


def hyperlink(paragraph, text: str, url: str = "https://start.stockholm/") -> None:
    rel = paragraph.part.relate_to(url, docx.opc.constants.RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    paragraph._p.append(
        parse_xml(
            f'<w:hyperlink {nsdecls("w", "r")} r:id="{rel}"><w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r></w:hyperlink>'
        )
    )


def tracked_insertion(paragraph, text: str, number: int = 901) -> None:
    paragraph._p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="{number}" w:author="Granskare" w:date="2026-01-01T00:00:00Z"><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:ins>'
        )
    )


def tracked_deletion(paragraph, text: str, number: int = 902) -> None:
    paragraph._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="{number}" w:author="Granskare" w:date="2026-01-01T00:00:00Z"><w:r><w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>'
        )
    )


def complex_field(paragraph, instruction: str, shown: str) -> None:
    for xml in (
        '<w:r {ns}><w:fldChar w:fldCharType="begin"/></w:r>',
        '<w:r {ns}><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>',
        '<w:r {ns}><w:fldChar w:fldCharType="separate"/></w:r>',
        '<w:r {ns}><w:t xml:space="preserve">{shown}</w:t></w:r>',
        '<w:r {ns}><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(parse_xml(xml.format(ns=nsdecls("w"), instruction=instruction, shown=shown)))


def simple_field(paragraph, shown: str) -> None:
    paragraph._p.append(
        parse_xml(
            f'<w:fldSimple {nsdecls("w")} w:instr=" DOCPROPERTY Title "><w:r><w:t xml:space="preserve">{shown}</w:t></w:r></w:fldSimple>'
        )
    )


def content_control(paragraph, text: str) -> None:
    paragraph._p.append(
        parse_xml(
            f'<w:sdt {nsdecls("w")}><w:sdtPr><w:alias w:val="Fält"/></w:sdtPr><w:sdtContent><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:sdtContent></w:sdt>'
        )
    )


def bookmark(paragraph, number: int) -> None:
    """A bookmark around the paragraph's runs (Word puts them anywhere, between runs)."""
    paragraph._p.insert(
        1 if paragraph._p.pPr is not None else 0, parse_xml(f'<w:bookmarkStart {nsdecls("w")} w:id="{number}" w:name="m{number}"/>')
    )
    paragraph._p.append(parse_xml(f'<w:bookmarkEnd {nsdecls("w")} w:id="{number}"/>'))


def text_box(paragraph, text: str) -> None:
    paragraph._p.append(
        parse_xml(
            f"<w:r {nsdecls('w')} {VML}><w:pict><v:shape><v:textbox><w:txbxContent>"
            f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
        )
    )


def nested_table(cell, text: str) -> None:
    inner = cell.add_table(rows=1, cols=2)
    inner.cell(0, 0).text = text
    inner.cell(0, 1).text = "Avgift"


def full_document() -> bytes:
    """Every feature once; the line numbers in comments are the source lines."""
    word = docx.Document()
    word.add_heading("Beslut om bygglov", 1)  # 1
    first = word.add_paragraph("Du ")  # 2: "skall" cut in two runs with different formatting
    runs(first, [("sk", {"bold": True}), ("all", {"italic": True}), (" erhålla beslutet snarast.", {})])
    linked = word.add_paragraph("Läs mer ")  # 3
    hyperlink(linked, "i enlighet med reglerna")
    linked.add_run(".")
    reviewed = word.add_paragraph("Nämnden beslutar ")  # 4: someone else's tracked change
    tracked_deletion(reviewed, "kanske ")
    tracked_insertion(reviewed, "i enlighet med förslaget")
    reviewed.add_run(".")
    commented = word.add_paragraph("Du skall betala avgiften.")  # 5: an existing comment
    word.add_comment(commented.runs, text="Stämmer beloppet?", author="Granskare", initials="GR")
    fielded = word.add_paragraph("Sida ")  # 6: a field whose result must not be edited
    complex_field(fielded, "PAGE", "skall")
    simple_field(fielded, " erhålla")
    table = word.add_table(rows=1, cols=2)  # 7, 8 (nested: 8, 9), 9
    table.cell(0, 0).text = "Du skall ansöka"
    nested_table(table.cell(0, 1), "Ni skall betala")
    boxed = word.add_paragraph("Före rutan.")
    text_box(boxed, "Du skall ringa oss.")
    word.add_paragraph("Ansökan skall ha inkommit senast den 1 juni.")
    word.sections[0].header.paragraphs[0].text = "Sidhuvud: du skall läsa"
    word.sections[0].footer.paragraphs[0].text = "Sidfot: erhålla"
    return with_footnote(save(word), "Fotnoten skall också granskas.")


def with_footnote(data: bytes, text: str) -> bytes:
    """Add a footnotes part and a reference to it at the end of the first body paragraph."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    footnotes = (
        f'<w:footnotes {nsdecls("w")}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        f'<w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:footnote></w:footnotes>'
    )
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(
                    b"</Types>", f'<Override PartName="/word/footnotes.xml" ContentType="{FOOTNOTES_TYPE}"/></Types>'.encode()
                )
            elif item.filename == "word/_rels/document.xml.rels":
                content = content.replace(
                    b"</Relationships>",
                    f'<Relationship Id="rIdFn1" Type="{FOOTNOTES_REL}" Target="footnotes.xml"/></Relationships>'.encode(),
                )
            elif item.filename == "word/document.xml":
                content = re.sub(rb"</w:p>", b'<w:r><w:footnoteReference w:id="1"/></w:r></w:p>', content, count=1)
            target.writestr(item, content)
        target.writestr("word/footnotes.xml", footnotes)
    return out.getvalue()


# Random documents ---------------------------------------------------------------------


def _cut(text: str, chooser: random.Random) -> list[tuple[str, dict]]:
    """The text in 1-6 runs cut anywhere, each with its own formatting."""
    cuts = sorted(chooser.sample(range(1, len(text)), k=min(len(text) - 1, chooser.randint(0, 5))))
    bounds = [0, *cuts, len(text)]
    styles = [{}, {"bold": True}, {"italic": True}, {"size": 14}, {"bold": True, "italic": True}]
    return [(text[a:b], chooser.choice(styles)) for a, b in itertools.pairwise(bounds)]


def _random_paragraph(word, container, chooser: random.Random) -> None:
    sentence = chooser.choice(SENTENCES)
    paragraph = container.add_paragraph()
    runs(paragraph, _cut(sentence, chooser))
    extra = chooser.randrange(8)
    if extra == 0:
        hyperlink(paragraph, " i enlighet med länken")
    elif extra == 1:
        complex_field(paragraph, "PAGE", " skall")
    elif extra == 2:
        text_box(paragraph, chooser.choice(SENTENCES))
    elif extra == 3 and paragraph.runs:
        word.add_comment(paragraph.runs[:1], text="Kolla", author="Granskare")
    elif extra == 4:
        tracked_insertion(paragraph, " du skall", 800 + chooser.randrange(99))
    elif extra == 5:
        paragraph.add_run().add_tab()
        paragraph.add_run(" erhålla")
    elif extra == 6:
        content_control(paragraph, " du skall")
    elif extra == 7 and paragraph.runs:
        bookmark(paragraph, chooser.randrange(1, 50))


def random_document(seed: int) -> bytes:
    chooser = random.Random(seed)
    word = docx.Document()
    word.add_heading("Information om ansökan", 1)
    for _ in range(chooser.randint(2, 8)):
        if chooser.random() < 0.25:
            table = word.add_table(rows=1, cols=2)
            _random_paragraph(word, table.cell(0, 0), chooser)
            if chooser.random() < 0.5:
                nested_table(table.cell(0, 1), chooser.choice(SENTENCES))
        else:
            _random_paragraph(word, word, chooser)
    data = save(word)
    return with_footnote(data, chooser.choice(SENTENCES)) if chooser.random() < 0.3 else data
