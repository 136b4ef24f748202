"""`kommlint annotate`: a copy of a Word document with the findings as comments.

Every finding becomes a Word comment on exactly the matched words (author "kommlint"),
and every safe fix a tracked change the writer accepts or rejects in Word. The copy is
checked before it is written: the comment markup must be sound, and reading it back must
give the original text with exactly the chosen fixes applied (Word's "accept all"). When
tracked changes cannot be placed soundly, the copy gets the comments only; when even
that fails, nothing is written and the user gets a Swedish error.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from lint.errors import KommlintError

BINARY_ONLY = "docx"


class AnnotateError(KommlintError):
    """A document that cannot be annotated; no output file is written."""


@dataclass
class Annotation:
    data: bytes
    comments: int
    changes: int
    outside: int = 0
    result: object | None = field(default=None, repr=False)
    changes_dropped: bool = False


def default_output(path: str | Path) -> Path:
    """utkast.docx → utkast.kommlint.docx, beside the input."""
    source = Path(path)
    return source.with_name(f"{source.stem}.kommlint{source.suffix}")


def annotate_file(linter, path: str, changes: bool = True) -> Annotation:
    """Lint a .docx file and return the annotated copy's bytes (nothing is written)."""
    from lint.formats import file_bytes, reader_for

    if Path(path).suffix.lower() == ".doc":
        raise AnnotateError(f"{path}: filen är i det gamla Word-formatet (.doc). Spara den som .docx och kör annotate igen.")
    if reader_for(path).format != BINARY_ONLY:
        raise AnnotateError(
            f"{path}: annotate skriver bara Word-filer (.docx). För Markdown, HTML och text: "
            "använd kommlint check --fix för att rätta eller --diff för att se rättningarna."
        )
    settings = linter.settings_for(path)
    data = file_bytes(path, settings.max_file_size)
    return annotate_bytes(linter, data, path, settings, changes)


def annotate_bytes(linter, data: bytes, path: str, settings=None, changes: bool = True) -> Annotation:
    from lint.engine.fix import applicable, choose
    from lint.formats.docx import read_docx_tree

    settings = settings or linter.settings_for(path)
    tree = read_docx_tree(path, data, settings)
    tree.document.path = path
    result = linter.lint_document(tree.document, settings)
    diagnostics = sorted(result.diagnostics, key=lambda d: (d.offset, d.end_offset, d.code))
    fixes = choose(applicable(diagnostics)) if changes else []
    try:
        annotation = _annotate(tree, diagnostics, fixes)
    except Exception as first:  # noqa: BLE001  (a document we cannot handle must not crash the run)
        if not fixes:
            raise _failure(path, first) from None
        try:
            annotation = _annotate(read_docx_tree(path, data, settings), diagnostics, [])
        except Exception as second:  # noqa: BLE001
            raise _failure(path, second) from None
        annotation.changes_dropped = True
    annotation.result = result
    return annotation


def _annotate(tree, diagnostics, fixes) -> Annotation:
    from lint.annotate.verify import Unsound, comment_markup
    from lint.annotate.writer import Annotator
    from lint.engine.fix import apply_edits
    from lint.formats.docx import read_docx

    original = tree.document.source
    written = Annotator(tree).write(diagnostics, fixes)
    stream = io.BytesIO()
    tree.word.save(stream)
    data = stream.getvalue()
    comment_markup(data)
    if read_docx(tree.document.path, data).source != apply_edits(original, written.applied):
        raise Unsound("texten i kopian är inte originalet med rättningarna")
    return Annotation(data, written.comments, written.changes, written.outside)


def _failure(path: str, error: Exception) -> AnnotateError:
    detail = str(error) if str(error) else type(error).__name__
    return AnnotateError(f"{path}: Word-dokumentet kunde inte förses med kommentarer ({detail}). Ingen fil skrevs.")
