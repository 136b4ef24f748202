"""Applying fixes: choosing them, resolving overlaps, writing files back as they were.

`--fix` applies safe fixes, `--unsafe-fixes` adds the rest, `--diff` shows the change
without writing. Fixes are applied in passes: after each pass the text is linted again,
so a fix skipped because it overlapped another gets its chance on the new text, and a
second `--fix` finds nothing left to do. Files are written atomically in their own
encoding, byte-order mark and line endings. Binary formats (DOCX, PDF) are never changed.
"""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lint.diagnostics import Diagnostic, Edit
from lint.document import Document, LineIndex
from lint.engine.writing import WriteRefused, write_user_file
from lint.errors import KommlintError, ReadError
from lint.formats.decoding import byte_order_mark
from lint.language.personnummer import redact
from lint.wording import count

MAX_PASSES = 8


class FixError(KommlintError):
    """A file that could not be fixed; the file is left as it was."""


# Choosing and applying edits ----------------------------------------------------------


def applicable(diagnostics: Iterable[Diagnostic], unsafe: bool = False) -> list[Diagnostic]:
    """Findings whose fix may be applied: safe ones, and unsafe ones when asked for."""
    return [d for d in diagnostics if d.fix is not None and d.fix.edits and (unsafe or d.fix.safety == "safe")]


def _overlaps(a: Edit, b: Edit) -> bool:
    if a.offset == a.end_offset or b.offset == b.end_offset:
        # An insertion conflicts with an edit around it or with another insertion there.
        return a.offset <= b.end_offset and b.offset <= a.end_offset
    return a.offset < b.end_offset and b.offset < a.end_offset


def _order(d: Diagnostic) -> tuple:
    edits = d.fix.edits
    start = min(e.offset for e in edits)
    end = max(e.end_offset for e in edits)
    # Earliest first; of fixes starting together the shorter, then safe before unsafe,
    # then by rule code, so the outcome never depends on the order rules ran in.
    return (start, end, d.fix.safety != "safe", d.code, tuple((e.offset, e.end_offset, e.replacement) for e in edits))


class _Taken:
    """The edits chosen so far, sorted by start, so a new edit is checked against neighbours.

    Chosen edits never overlap, so sorted by start their ends do not decrease either:
    only the edits just before the new one's end can reach it. Fixes with several
    edits may leave gaps that later fixes fill, hence not simply "the last end".
    """

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.edits: list[Edit] = []

    def conflicts(self, edit: Edit) -> bool:
        for index in range(bisect.bisect_right(self.starts, edit.end_offset) - 1, -1, -1):
            other = self.edits[index]
            if other.end_offset < edit.offset:
                return False
            if _overlaps(edit, other):
                return True
        return False

    def add(self, edit: Edit) -> None:
        index = bisect.bisect_right(self.starts, edit.offset)
        self.starts.insert(index, edit.offset)
        self.edits.insert(index, edit)


def choose(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """A deterministic set of fixes whose edits do not overlap each other."""
    chosen: list[Diagnostic] = []
    taken = _Taken()
    for d in sorted(diagnostics, key=_order):
        edits = d.fix.edits
        if any(taken.conflicts(edit) for edit in edits):
            continue
        if any(_overlaps(a, b) for i, a in enumerate(edits) for b in edits[i + 1 :]):
            continue  # a fix that contradicts itself
        chosen.append(d)
        for edit in edits:
            taken.add(edit)
    return chosen


def apply_edits(source: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits (source offsets) from the end backwards."""
    pieces: list[str] = []
    position = len(source)
    for edit in sorted(edits, key=lambda e: (e.offset, e.end_offset), reverse=True):
        if edit.end_offset > position or edit.offset < 0:
            raise ValueError(f"överlappande ändring vid tecken {edit.offset}")
        pieces.append(source[edit.end_offset : position])
        pieces.append(edit.replacement)
        position = edit.offset
    pieces.append(source[:position])
    return "".join(reversed(pieces))


# Fixing a document --------------------------------------------------------------------


@dataclass
class Outcome:
    """What fixing one file did: the new text, how many fixes, the findings left."""

    path: str
    original: str
    text: str
    applied: int = 0
    result: object | None = None  # the FileResult for the final text
    document: Document | None = field(default=None, repr=False)

    @property
    def changed(self) -> bool:
        return self.text != self.original


def apply_fixes(source: str, diagnostics: Iterable[Diagnostic], unsafe: bool = False) -> str:
    """One pass: `source` with every chosen fix of `diagnostics` applied."""
    return apply_edits(source, chosen_edits(diagnostics, unsafe))


def chosen_edits(diagnostics: Iterable[Diagnostic], unsafe: bool = False) -> list[Edit]:
    return [edit for d in choose(applicable(diagnostics, unsafe)) for edit in d.fix.edits]


def fix_document(linter, document: Document, settings, unsafe: bool = False, result=None) -> Outcome:
    """Lint, apply the chosen fixes, lint again … until nothing more can be fixed."""
    from lint.formats import read_bytes

    path = document.path
    if result is None:
        result = linter.lint_document(document, settings)
    outcome = Outcome(path, document.source, document.source, 0, result, document)
    for _ in range(MAX_PASSES):
        chosen = choose(applicable(result.diagnostics, unsafe))
        text = apply_edits(outcome.text, (edit for d in chosen for edit in d.fix.edits))
        if text == outcome.text:
            break
        outcome.text = text
        outcome.applied += len(chosen)
        again = read_bytes(text.encode("utf-8"), path, settings=settings)
        again.path = path
        result = linter.lint_document(again, settings)
    outcome.result = result
    return outcome


def fix_path(linter, path: str, unsafe: bool = False) -> Outcome:
    """Fix one file in memory (nothing is written); unreadable files come back unchanged."""
    from lint.formats import reader_for

    if reader_for(path).binary:
        raise FixError(
            f"{path}: automatiska rättningar stöds inte för {reader_for(path).format.upper()}-filer. "
            "Rätta i originalet; --fix och --diff ändrar bara text-, Markdown- och HTML-filer."
        )
    keep = linter.options.keep_documents
    linter.options.keep_documents = True
    try:
        result = linter.lint_file(path)
    finally:
        linter.options.keep_documents = keep
    if result.document is None:
        return Outcome(path, "", "", 0, result, None)
    return fix_document(linter, result.document, linter.settings_for(path), unsafe, result)


# Writing back -------------------------------------------------------------------------


def encode_like(text: str, document: Document) -> bytes:
    """`text` (with "\\n" line ends) in the document's own encoding, BOM and line ends."""
    ends = document.line_ends
    if ends is not None and text.count("\n") == len(ends):  # each line keeps its own ending
        lines = text.split("\n")
        text = "".join(line + end for line, end in zip(lines, ends)) + lines[-1]
    elif (newline := document.newline) != "\n":
        text = text.replace("\n", newline)
    mark = byte_order_mark(document.raw or b"")
    if mark is not None:
        bom, codec = mark
        return bom + text.encode(codec)
    encoding = document.encoding or "utf-8"
    try:
        return text.encode(encoding)
    except UnicodeEncodeError as error:
        bad = text[error.start : error.end]
        raise FixError(
            f"{document.path}: rättningen ger tecknet ”{bad}”, som inte finns i filens teckenkodning {encoding}; filen lämnades orörd."
        ) from None
    except LookupError:
        raise FixError(f"{document.path}: okänd teckenkodning {encoding}; filen lämnades orörd.") from None


def write(outcome: Outcome) -> None:
    if outcome.changed and outcome.document is not None:
        write_user_file(outcome.path, encode_like(outcome.text, outcome.document))


def unified_diff(outcome: Outcome) -> str:
    lines = difflib.unified_diff(
        outcome.original.splitlines(keepends=True),
        outcome.text.splitlines(keepends=True),
        fromfile=f"a/{outcome.path}",
        tofile=f"b/{outcome.path}",
    )
    # Personnummer are masked here as in every other output (OFF008).
    return "".join(redact(line) if line.endswith("\n") else redact(line) + "\n\\ Ingen radbrytning i slutet av filen\n" for line in lines)


# Source text for reporters when the document is not at hand (cache hits) --------------


def load_source(result) -> str | None:
    """The decoded source of a result's file, or None for binary formats and stdin."""
    from lint.formats import reader_for
    from lint.formats.decoding import decode

    document = getattr(result, "document", None)
    try:
        if reader_for(result.path).binary:
            return None  # positions refer to extracted text, not to the file
        if document is not None:
            return document.source
        return decode(Path(result.path).read_bytes()).text
    except (OSError, ReadError):
        return None


class SourceLines:
    """Line text and offset → (line, column) for a result, read once on first use."""

    def __init__(self, result) -> None:
        self.result = result
        self._source: str | None = None
        self._index: LineIndex | None = None
        self._loaded = False

    @property
    def source(self) -> str | None:
        if not self._loaded:
            self._source = load_source(self.result)
            self._loaded = True
        return self._source

    def index(self) -> LineIndex | None:
        if self._index is None and self.source is not None:
            self._index = LineIndex(self.source)
        return self._index

    def locate(self, offset: int) -> tuple[int, int] | None:
        index = self.index()
        if index is None:
            return None
        return index.locate(max(0, min(offset, len(self.source))))

    def line_text(self, line: int) -> str | None:
        index = self.index()
        if index is None or not 1 <= line <= len(index.line_starts):
            return None
        start, end = index.line_span(line)
        return self.source[start:] if end == -1 else self.source[start:end]


# Fixing files during `check` ----------------------------------------------------------


class Fixer:
    """Lints like the runner it wraps (a Linter or a ResultCache), fixing files on the way.

    With `write=False` (`--diff`) files are left alone and the outcomes kept for the diff.
    A cached result without applicable fixes is returned as it is, so unchanged files
    stay fast.
    """

    def __init__(self, runner, unsafe: bool = False, write: bool = True) -> None:
        self.runner = runner
        self.linter = getattr(runner, "linter", runner)
        self.unsafe = unsafe
        self.write = write
        self.outcomes: list[Outcome] = []
        self.documents_not_changed: list[tuple[str, int]] = []  # Word and PDF files with fixes

    def lint_paths(self, paths: Iterable[str]):
        for path in self.linter.expand(paths):
            yield self.lint_file(path)

    def lint_file(self, path: str):
        from lint.formats import reader_for

        if reader_for(path).binary:  # Word and PDF files are never rewritten
            result = self.runner.lint_file(path)
            fixable = len(applicable(result.diagnostics, self.unsafe))
            if fixable:
                self.documents_not_changed.append((path, fixable))
            return result
        lookup = getattr(self.runner, "lookup", None)
        key, cached = lookup(path) if lookup else (None, None)
        if cached is not None and not applicable(cached.diagnostics, self.unsafe):
            return cached
        try:
            outcome = fix_path(self.linter, path, self.unsafe)
            if outcome.changed and self.write:
                write(outcome)
        except (FixError, WriteRefused, OSError) as error:
            message = f"{path}: kan inte skriva filen: {error.strerror}" if isinstance(error, OSError) else str(error)
            self.linter.notices.append(message)
            return self.runner.lint_file(path)
        if outcome.changed:
            self.outcomes.append(outcome)
        if self.write and key is not None:
            self.runner.remember(self.runner.key_for(path), path, outcome.result)
        return outcome.result

    @property
    def applied(self) -> int:
        return sum(outcome.applied for outcome in self.outcomes)

    def summary(self) -> str:
        files = len(self.outcomes)
        if self.write:
            text = f"Rättade {self.applied} fynd i {count(files, 'fil', 'filer')}." if files else "Inget att rätta automatiskt."
        else:
            text = (
                f"{count(self.applied, 'rättning', 'rättningar')} i {count(files, 'fil', 'filer')} skulle göras."
                if files
                else "Inget att rätta automatiskt."
            )
        for path, fixable in self.documents_not_changed:
            text += f" {path}: {fixable} fynd har en rättning, men Word- och PDF-filer ändras aldrig av --fix."
            if path.lower().endswith(".docx"):
                text += f" Rätta i Word, eller få en kopia med rättningarna som spårade ändringar: kommlint annotate {path}"
            else:
                text += " Rätta i originaldokumentet och skapa PDF-filen igen."
        return text
