"""`kommlint annotate`: Word comments on the matched words, safe fixes as tracked changes."""

from __future__ import annotations

import functools
import io
import shutil
import subprocess
import zipfile

import docx
import docx_samples as samples
import pytest
from click.testing import CliRunner
from lxml import etree

import lint.annotate.writer
from lint.annotate import AnnotateError, annotate_bytes
from lint.cli.main import main
from lint.engine.fix import applicable, apply_fixes
from lint.formats import read_bytes

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def part(data: bytes, name: str) -> bytes:
    return zipfile.ZipFile(io.BytesIO(data)).read(name)


def body(data: bytes):
    return etree.fromstring(part(data, "word/document.xml"))


def anchored_texts(data: bytes) -> dict[str, str]:
    """Comment id → the original words between its start and end markers (deleted text included)."""
    texts: dict[str, list[str]] = {}
    open_ids: list[str] = []
    for element in body(data).iter(q("commentRangeStart"), q("commentRangeEnd"), q("t"), q("delText"), q("tab")):
        if element.tag == q("commentRangeStart"):
            open_ids.append(element.get(q("id")))
            texts.setdefault(element.get(q("id")), [])
        elif element.tag == q("commentRangeEnd"):
            open_ids.remove(element.get(q("id")))
        elif element.tag == q("tab") and element.getparent().tag != q("r"):
            continue  # a tab stop in the paragraph's properties, not a tab character
        elif not _ours_inserted(element) and not _in_text_box(element):
            for number in open_ids:
                texts[number].append(" " if element.tag == q("tab") else element.text or "")  # as the reader reads a tab
    return {number: "".join(parts) for number, parts in texts.items()}


def _ours_inserted(element) -> bool:
    return any(a.tag == q("ins") and a.get(q("author")) == "kommlint" for a in element.iterancestors())


def _in_text_box(element) -> bool:
    return any(a.tag == q("txbxContent") for a in element.iterancestors())


def accept_all(data: bytes) -> bytes:
    """What Word's "Accept all changes" does to kommlint's changes: drop deletions, keep insertions."""
    return _resolve(data, drop="del", keep="ins")


def reject_all(data: bytes) -> bytes:
    return _resolve(data, drop="ins", keep="del")


def _resolve(data: bytes, drop: str, keep: str) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    root = etree.fromstring(source.read("word/document.xml"))
    for element in list(root.iter(q(drop), q(keep))):
        if element.get(q("author")) != "kommlint":
            continue
        if element.tag == q(drop):
            element.getparent().remove(element)
            continue
        for text in element.iter(q("delText")):
            text.tag = q("t")
        for child in list(element):
            element.addprevious(child)
        element.getparent().remove(element)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = (
                etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
                if item.filename == "word/document.xml"
                else source.read(item.filename)
            )
            target.writestr(item, content)
    return out.getvalue()


PROTECTED = {4, 6}  # lines with another author's tracked insertion and with fields


def protected_lines(data: bytes) -> set[int]:
    """Lines (1-based paragraphs, as the reader counts them) holding fields, content controls or others' insertions,
    or standing outside the body (headers, footers, notes, text boxes)."""
    from lint.formats.docx import read_docx_tree

    found = set()
    for line, (paragraph, part, _) in enumerate(read_docx_tree("x.docx", data).paragraphs, 1):
        if part not in {"body", "cell"} or paragraph.xpath(".//w:fldChar | .//w:fldSimple | .//w:ins | .//w:sdt"):
            found.add(line)
    return found


@pytest.fixture(scope="module")
def original() -> bytes:
    return samples.full_document()


@pytest.fixture(scope="module")
def annotated(linter, original):
    return annotate_bytes(linter, original, "beslut.docx")


# Comments -----------------------------------------------------------------------------


def test_python_docx_reads_one_comment_per_finding_by_kommlint(annotated):
    word = docx.Document(io.BytesIO(annotated.data))
    ours = [c for c in word.comments if c.author == "kommlint"]
    inside = [d for d in annotated.result.diagnostics if not _outside(d)]
    assert len(ours) == annotated.comments == len(inside) + 1  # + the one gathering the rest
    # Header, footer, text box and footnote findings (a missing-contact finding stands in the body, issue 14).
    assert annotated.outside == len(annotated.result.diagnostics) - len(inside) == 5
    assert [c.author for c in word.comments if c.author != "kommlint"] == ["Granskare"]  # the existing one
    skall = next(c for c in ours if "”skall”" in c.text)
    assert skall.text.splitlines() == [
        "Ålderdomlig form: skriv ”ska” i stället för ”skall”.",
        "Förslag: ska",
        "Rättningen finns som spårad ändring: godkänn eller avvisa den.",
        "Regel: KLAR003 (alderdomlig-form)",
    ]


def _outside(d) -> bool:
    """Whether a finding stands outside the body: a header, footer, footnote or text box."""
    return _parts()[d.line - 1] not in {"body", "cell"}


@functools.cache
def _parts() -> list[str]:
    from lint.formats.docx import read_docx_tree

    return [part for _, part, _ in read_docx_tree("beslut.docx", samples.full_document()).paragraphs]


def test_each_comment_is_anchored_on_exactly_the_matched_words(annotated):
    word = docx.Document(io.BytesIO(annotated.data))
    texts = anchored_texts(annotated.data)
    by_message = {}
    for comment in word.comments:
        if comment.author == "kommlint" and not comment.text.startswith("Fynd i sidhuvud"):
            by_message.setdefault(comment.text.splitlines()[0], []).append(texts[str(comment.comment_id)])
    skall = by_message["Ålderdomlig form: skriv ”ska” i stället för ”skall”."]
    assert skall == ["skall"] * 6  # the one cut into two runs (bold "sk", italic "all") included
    assert by_message["Krångligt ord: skriv hellre ”enligt” än ”i enlighet med”."] == ["i enlighet med", "i enlighet med"]
    assert by_message["Krångligt ord: skriv hellre ”få” än ”erhålla”."] == ["erhålla", "erhålla"]  # a run, a field


def test_findings_outside_the_body_are_listed_in_the_first_comment(annotated):
    word = docx.Document(io.BytesIO(annotated.data))
    gathered = next(c for c in word.comments if c.text.startswith("Fynd i sidhuvud"))
    lines = gathered.text.splitlines()[1:]
    assert "sidhuvud: ”skall” – Ålderdomlig form: skriv ”ska” i stället för ”skall”. (KLAR003 alderdomlig-form)" in lines
    assert any(line.startswith("sidfot: ”erhålla”") for line in lines)
    assert any(line.startswith("textruta: ”skall”") for line in lines)
    assert any(line.startswith("fotnot: ”skall”") for line in lines)


def test_comment_markup_is_complete_and_ids_are_unique(annotated):
    root = body(annotated.data)
    comments = etree.fromstring(part(annotated.data, "word/comments.xml"))
    defined = comments.xpath("//w:comment/@w:id", namespaces=NS)
    assert len(defined) == len(set(defined)) == annotated.comments + 1
    for number in defined:
        order = [
            etree.QName(e).localname
            for e in root.iter(q("commentRangeStart"), q("commentRangeEnd"), q("commentReference"))
            if e.get(q("id")) == number
        ]
        assert order == ["commentRangeStart", "commentRangeEnd", "commentReference"], number
    revisions = root.xpath("//w:ins/@w:id | //w:del/@w:id", namespaces=NS)
    assert len(revisions) == len(set(revisions))
    assert not set(revisions) & set(defined)


# Tracked changes ----------------------------------------------------------------------


def test_safe_fixes_are_tracked_changes_by_kommlint(annotated):
    root = body(annotated.data)
    ours = [e for e in root.iter(q("ins"), q("del")) if e.get(q("author")) == "kommlint"]
    inserted = ["".join(e.itertext()) for e in ours if e.tag == q("ins")]
    assert sorted(inserted) == sorted(["ska", "få", "enligt", "ska", "ska", "ska", "ska"])
    assert annotated.changes == 7
    assert all(e.get(q("date")).endswith("Z") for e in ours)


def test_accepting_all_changes_gives_the_text_fix_would(linter, annotated, original):
    source = read_bytes(original, "beslut.docx").source
    expected = apply_fixes(source, [d for d in annotated.result.diagnostics if d.line not in PROTECTED and not _outside(d)])
    accepted = read_bytes(accept_all(annotated.data), "beslut.docx").source
    assert accepted == expected
    assert "Du ska få beslutet snarast." in accepted.splitlines()
    # --fix lints again after each pass; here the first pass leaves nothing safe to fix
    again = annotate_bytes(linter, accept_all(annotated.data), "beslut.docx")
    assert again.changes == 0
    assert read_bytes(reject_all(annotated.data), "beslut.docx").source == source


def test_no_change_where_word_or_someone_else_owns_the_text(annotated):
    accepted = read_bytes(accept_all(annotated.data), "beslut.docx").source.splitlines()
    assert "Nämnden beslutar i enlighet med förslaget." in accepted  # inside another author's insertion
    assert "Sida skall erhålla" in accepted  # a field's result: Word would overwrite the change
    assert "Du skall betala avgiften." not in accepted  # an existing comment does not stop a fix


def test_formatting_styles_and_other_parts_are_kept(annotated, original):
    for name in ("word/styles.xml", "word/header1.xml", "word/footer1.xml", "word/footnotes.xml"):
        assert part(annotated.data, name) == part(original, name), name
    word = docx.Document(io.BytesIO(annotated.data))
    second = word.paragraphs[1]
    assert [(r.text, r.bold, r.italic) for r in second.runs if r.text] == [
        ("Du ", None, None),
        (" ", None, None),
        (" beslutet snarast.", None, None),
    ]
    deleted = body(annotated.data).xpath("//w:del[@w:author='kommlint']/w:r", namespaces=NS)
    formats = {
        ("".join(r.itertext())): (r.find(f"{q('rPr')}/{q('b')}") is not None, r.find(f"{q('rPr')}/{q('i')}") is not None)
        for r in deleted[:2]
    }
    assert formats == {"sk": (True, False), "all": (False, True)}
    nested = docx.Document(io.BytesIO(accept_all(annotated.data))).tables[0].cell(0, 1).tables[0]
    assert nested.cell(0, 0).text == "Ni ska betala"
    kept = body(annotated.data).xpath("//w:ins[@w:author='Granskare'] | //w:del[@w:author='Granskare']", namespaces=NS)
    assert len(kept) == 2


def test_no_changes_gives_comments_only(linter, original):
    annotation = annotate_bytes(linter, original, "beslut.docx", changes=False)
    assert annotation.changes == 0
    assert not body(annotation.data).xpath("//w:ins[@w:author='kommlint'] | //w:del[@w:author='kommlint']", namespaces=NS)
    assert read_bytes(annotation.data, "beslut.docx").source == read_bytes(original, "beslut.docx").source
    assert "Rättningen finns som spårad ändring" not in "".join(c.text for c in docx.Document(io.BytesIO(annotation.data)).comments)


def test_a_document_that_cannot_be_annotated_raises_a_swedish_error(linter, original, monkeypatch):
    def broken(self, *args):
        raise RuntimeError("trasig")

    monkeypatch.setattr(lint.annotate.writer.Annotator, "_comment", broken)
    with pytest.raises(AnnotateError, match="Word-dokumentet kunde inte förses med kommentarer .*Ingen fil skrevs"):
        annotate_bytes(linter, original, "beslut.docx")


def test_tracked_changes_that_fail_fall_back_to_comments_only(linter, original, monkeypatch):
    monkeypatch.setattr(lint.annotate.writer.Annotator, "_delete", lambda self, run: None)
    annotation = annotate_bytes(linter, original, "beslut.docx")
    assert annotation.changes_dropped and annotation.changes == 0 and annotation.comments > 10


# Random documents ---------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(40))
def test_random_documents_annotate_into_sound_files(linter, seed):
    data = samples.random_document(seed)
    annotation = annotate_bytes(linter, data, "slump.docx")
    source = read_bytes(data, "slump.docx").source
    accepted = read_bytes(accept_all(annotation.data), "slump.docx").source.split("\n")
    fixed = apply_fixes(source, annotation.result.diagnostics).split("\n")
    assert len(accepted) == len(fixed)
    protected = protected_lines(data)
    assert [line for line, (a, b) in enumerate(zip(accepted, fixed), 1) if a != b and line not in protected] == []
    assert read_bytes(reject_all(annotation.data), "slump.docx").source == source
    word = docx.Document(io.BytesIO(annotation.data))
    assert sum(c.author == "kommlint" for c in word.comments) == annotation.comments
    texts = anchored_texts(annotation.data)
    matches = sorted(d.match for d in annotation.result.diagnostics if d.end_offset > d.offset)
    ours = [str(c.comment_id) for c in word.comments if c.author == "kommlint" and not c.text.startswith("Fynd i sidhuvud")]
    assert set(texts[number] for number in ours if texts[number]) <= set(matches)
    assert len(applicable(annotation.result.diagnostics)) >= annotation.changes


# The command --------------------------------------------------------------------------


def run(*args):
    return CliRunner().invoke(main, ["annotate", *map(str, args)], catch_exceptions=False)


def test_command_writes_a_copy_beside_the_input_and_never_overwrites(tmp_path, original):
    source = tmp_path / "utkast.docx"
    source.write_bytes(original)
    first = run(source)
    assert first.exit_code == 0, first.output
    target = tmp_path / "utkast.kommlint.docx"
    assert "skrev" in first.output and "spårade ändringar" in first.output
    assert source.read_bytes() == original and target.exists()
    second = run(source)
    assert second.exit_code == 2 and "finns redan" in second.output and "--force" in second.output
    assert run(source, "--force", "--no-changes").exit_code == 0
    same = run(source, "-o", source, "--force")
    assert same.exit_code == 2 and "samma som originalet" in same.output
    assert source.read_bytes() == original


def test_command_refuses_text_formats_and_says_what_to_use(tmp_path):
    page = tmp_path / "sida.md"
    page.write_text("Du skall erhålla beslutet.\n", encoding="utf-8")
    result = run(page)
    assert result.exit_code == 2
    assert "--fix" in result.output and "--diff" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sida.md"]
    old = tmp_path / "gammal.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0 gammalt format")
    refused = run(old)
    assert refused.exit_code == 2 and "Spara den som .docx" in refused.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gammal.doc", "sida.md"]


def test_command_on_a_broken_file_writes_nothing(tmp_path):
    broken = tmp_path / "trasig.docx"
    broken.write_bytes(b"PK\x03\x04 inte ett riktigt arkiv")
    result = run(broken)
    assert result.exit_code == 2 and "Word-dokument" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["trasig.docx"]


# LibreOffice ---------------------------------------------------------------------------


SOFFICE = shutil.which("soffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice saknas (soffice)")
def test_libreoffice_converts_the_copy_and_shows_the_inserted_words(tmp_path, annotated):
    from pypdf import PdfReader

    source = tmp_path / "granskat.docx"
    source.write_bytes(accept_all(annotated.data))
    tracked = tmp_path / "spårat.docx"
    tracked.write_bytes(annotated.data)
    for file in (source, tracked):
        done = subprocess.run(
            [
                SOFFICE,
                f"-env:UserInstallation=file://{tmp_path}/lo",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(tmp_path),
                str(file),
            ],
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert done.returncode == 0, done.stderr
    accepted = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(tmp_path / "granskat.pdf").pages)
    assert "Du ska få beslutet snarast." in accepted and "Läs mer enligt reglerna ." in accepted
    shown = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(tmp_path / "spårat.pdf").pages)
    assert "Du skallska erhållafå beslutet snarast." in shown  # LibreOffice prints both sides of a change


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice saknas (soffice)")
def test_a_document_saved_by_libreoffice_annotates_soundly(linter, tmp_path, original):
    """Another producer's XML (rsids, bookmarks, its own run splits): the same guarantees."""
    source = tmp_path / "utkast.docx"
    source.write_bytes(original)
    folder = tmp_path / "lo-docx"
    done = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(folder),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    data = (folder / "utkast.docx").read_bytes()
    annotation = annotate_bytes(linter, data, "utkast.docx")
    assert annotation.changes >= 5 and not annotation.changes_dropped
    text = read_bytes(data, "utkast.docx").source
    accepted = read_bytes(accept_all(annotation.data), "utkast.docx").source.split("\n")
    fixed = apply_fixes(text, annotation.result.diagnostics).split("\n")
    protected = protected_lines(data)
    assert [n for n, (a, b) in enumerate(zip(accepted, fixed, strict=True), 1) if a != b and n not in protected] == []
    assert "Du ska få beslutet snarast." in accepted


def test_a_document_with_untidy_markup_of_its_own_still_annotates(linter):
    """A comment with only a reference, and two revisions sharing an id: Word opens such files."""
    word = docx.Document()
    paragraph = word.add_paragraph("Du skall erhålla beslutet.")
    comment = word.add_comment(paragraph.runs, text="Gammal", author="Granskare")
    for tag in ("commentRangeStart", "commentRangeEnd"):
        for element in paragraph._p.iter(q(tag)):
            element.getparent().remove(element)
    samples.tracked_insertion(paragraph, " Nu.", number=7)
    samples.tracked_insertion(word.add_paragraph("Mer text."), " Sen.", number=7)
    annotation = annotate_bytes(linter, samples.save(word), "stokig.docx")
    assert annotation.changes == 2 and not annotation.changes_dropped
    assert [c.author for c in docx.Document(io.BytesIO(annotation.data)).comments].count("Granskare") == 1
    assert comment.comment_id == 0
