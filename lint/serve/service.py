"""One loaded `Linter`, shared by every request of the local web page.

The spaCy pipeline is loaded once, when the service starts; requests are linted one at a
time (the engine keeps per-run state), each with the profile the page asked for.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import PurePosixPath
from typing import Any

from lint.engine.linter import FileResult, Linter, Options
from lint.errors import KommlintError
from lint.formats import supported_extensions
from lint.reporters import Report
from lint.reporters.json import report_json
from lint.serve.view import page_view

# Formats a communicator drops on the page; registered readers decide which are available.
UPLOAD_EXTENSIONS = (".docx", ".md", ".markdown", ".html", ".htm", ".txt", ".text", ".pdf")
PASTE_FORMATS = {"text": "inklistrad-text.txt", "markdown": "inklistrad-text.md"}
PASTED_NAME = "inklistrad text"


class RequestError(KommlintError):
    """A request the page or a plugin got wrong; `status` is the HTTP status to answer."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class Checked:
    result: FileResult
    notices: list[str]

    def report(self) -> Report:
        return Report([self.result], notices=self.notices)

    def json(self, view: bool = False) -> dict[str, Any]:
        data = report_json(self.report())
        if view:
            data["view"] = page_view(self.result)
        return data


class CheckService:
    def __init__(self, options: Options | None = None) -> None:
        self.linter = Linter(replace(options or Options(), keep_documents=True, keep_parsed=True))
        self._lock = threading.Lock()

    def warm_up(self) -> None:
        """Load the pipeline and the rule packs now rather than on the first request."""
        self.check_text("Det här är en text som laddar språkmodellen.")

    # Inputs ---------------------------------------------------------------------------
    def profiles(self) -> list[dict[str, str]]:
        profiles = self.linter.profiles()
        return [{"name": name, "title": profile.title} for name, profile in profiles.by_name.items()]

    @staticmethod
    def upload_extensions() -> list[str]:
        available = supported_extensions()
        return [extension for extension in UPLOAD_EXTENSIONS if extension in available]

    def check_text(self, text: str, format: str = "text", profile: str | None = None) -> Checked:
        if format not in PASTE_FORMATS:
            raise RequestError(f"Okänt textformat ”{format}”: använd {' eller '.join(PASTE_FORMATS)}.")
        return self._lint(PASTE_FORMATS[format], text.encode("utf-8"), PASTED_NAME, profile)

    def check_upload(self, filename: str, data: bytes, profile: str | None = None) -> Checked:
        name = PurePosixPath(filename.replace("\\", "/")).name[:200] or "fil"
        extension = PurePosixPath(name).suffix.lower()
        if extension not in self.upload_extensions():
            allowed = ", ".join(self.upload_extensions())
            raise RequestError(f"Filtypen {extension or '(ingen)'} kan inte granskas här. Tillåtna filtyper: {allowed}.", 415)
        return self._lint(name, data, name, profile)

    def annotate_upload(self, filename: str, data: bytes, profile: str | None = None) -> tuple[str, bytes]:
        """The uploaded Word file with the findings as comments: (file name, bytes)."""
        from lint.annotate import annotate_bytes, default_output

        name = PurePosixPath(filename.replace("\\", "/")).name[:200] or "fil.docx"
        if PurePosixPath(name).suffix.lower() != ".docx":
            raise RequestError("Bara Word-filer (.docx) kan få kommentarer. Ladda ner rapporten för andra filer.", 415)
        with self._profile(profile):
            try:
                annotation = annotate_bytes(self.linter, data, name)
            except KommlintError as error:
                raise RequestError(str(error), 422) from None
        return default_output(name).name, annotation.data

    def _lint(self, name: str, data: bytes, shown: str, profile: str | None) -> Checked:
        with self._profile(profile):
            result = self.linter.lint_file(name, data=data, display_path=shown)
            return Checked(result, list(self.linter.notices))

    @contextmanager
    def _profile(self, profile: str | None):
        """One request at a time, linted with the profile the page asked for (if any)."""
        if profile is not None and profile not in self.linter.profiles():
            raise RequestError(f"Okänd profil ”{profile}”.")
        with self._lock:
            chosen = self.linter.options.profile
            self.linter.options.profile = profile or chosen
            try:
                yield
            finally:
                self.linter.options.profile = chosen

    # Rules ----------------------------------------------------------------------------
    def rule(self, code: str) -> dict[str, Any]:
        from lint.rules.explain import explanation_markdown
        from lint.rules.packs import load_rules

        for rule in load_rules(self.linter.settings_for(".").rule_packs):
            if rule.code == code.upper():
                spec = rule.spec
                return {
                    "code": rule.code,
                    "name": rule.name,
                    "principle": rule.principle,
                    "severity": rule.severity.label,
                    "fixable": rule.fixable,
                    "explanation": spec.explanation.model_dump(),
                    "source": spec.source,
                    "link": spec.link,
                    "examples": [example.model_dump(include={"bad", "good", "fixed"}, exclude_none=True) for example in spec.examples],
                    "markdown": explanation_markdown(rule),
                }
        raise RequestError(f"Ingen regel har koden ”{code}”.", 404)
