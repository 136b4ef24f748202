"""Findings about a text, as immutable values."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import IntEnum
from typing import Any


class Severity(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @property
    def swedish(self) -> str:
        return {"info": "info", "warning": "varning", "error": "fel"}[self.label]

    @classmethod
    def parse(cls, value: str | Severity) -> Severity:
        """A level by its English or Swedish name (warning or varning, error or fel)."""
        if isinstance(value, Severity):
            return value
        name = str(value).strip().lower()
        level = SEVERITY_NAMES.get(name)
        if level is None:
            raise ValueError(f"okänd nivå ”{value}”: använd info, varning eller fel") from None
        return level

    @classmethod
    def names(cls) -> tuple[str, ...]:
        """Every name a level may be given by: the Swedish ones first, as users read them."""
        return tuple(SEVERITY_NAMES)


SEVERITY_NAMES = {
    "info": Severity.INFO,
    "varning": Severity.WARNING,
    "fel": Severity.ERROR,
    "warning": Severity.WARNING,
    "error": Severity.ERROR,
}


@dataclass(frozen=True)
class Edit:
    offset: int
    end_offset: int
    replacement: str


@dataclass(frozen=True)
class Fix:
    edits: tuple[Edit, ...]
    safety: str = "safe"  # "safe" | "unsafe"

    def to_json(self) -> dict[str, Any]:
        return {"safety": self.safety, "edits": [asdict(edit) for edit in self.edits]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Fix:
        return cls(tuple(Edit(e["offset"], e["end_offset"], e["replacement"]) for e in data["edits"]), data["safety"])


@dataclass(frozen=True)
class Diagnostic:
    code: str
    name: str
    principle: str
    severity: Severity
    message: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    offset: int
    end_offset: int
    match: str
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None
    page: int | None = None
    context: str = field(default="", compare=False)
    # The nearest heading before the finding, where lines alone are hard to find (DOCX, PDF).
    heading: str | None = field(default=None, compare=False)
    # About the document as a whole (an element missing): its identity in a baseline is its
    # file, rule and profile, not the text it happens to be anchored on.
    whole_document: bool = field(default=False, compare=False)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "code": self.code,
            "name": self.name,
            "principle": self.principle,
            "severity": self.severity.label,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "offset": self.offset,
            "end_offset": self.end_offset,
            "match": self.match,
            "suggestions": list(self.suggestions),
            "fix": self.fix.to_json() if self.fix else None,
        }
        if self.page is not None:
            data["page"] = self.page
        if self.heading is not None:
            data["heading"] = self.heading
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any], path: str) -> Diagnostic:
        """The inverse of `to_json` (the path is kept per file, not per finding)."""
        fix = data.get("fix")
        return cls(
            data["code"],
            data["name"],
            data["principle"],
            Severity.parse(data["severity"]),
            data["message"],
            path,
            data["line"],
            data["column"],
            data["end_line"],
            data["end_column"],
            data["offset"],
            data["end_offset"],
            data["match"],
            tuple(data.get("suggestions", ())),
            Fix.from_json(fix) if fix else None,
            data.get("page"),
            data.get("context", ""),
            data.get("heading"),
            bool(data.get("whole_document")),
        )

    @property
    def sort_key(self) -> tuple:
        return (self.page or 0, self.line, self.column, self.code)


@dataclass(frozen=True)
class EngineError:
    """A problem with the run itself (unreadable file, crashing rule), not with the text."""

    code: str  # E001 file unreadable, E002 rule crashed or over its time, E003 internal error
    message: str
    path: str
    rule: str | None = None
    detail: str | None = field(default=None, compare=False)  # a traceback, shown with --verbose

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "rule": self.rule}

    @classmethod
    def from_json(cls, data: dict[str, Any], path: str) -> EngineError:
        return cls(data["code"], data["message"], path, data.get("rule"))
