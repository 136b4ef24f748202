"""Suppression comments: deciding which findings they silence."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from lint.document import Directive


def _covers(codes: tuple[str, ...], code: str, name: str) -> bool:
    return not codes or any(code.startswith(c.upper()) or c == name for c in codes)


@dataclass
class Suppressor:
    """Applies a document's directives to findings and remembers which ones were used."""

    directives: list[Directive]
    prose_lines: list[int] = field(default_factory=list)
    used: set[int] = field(default_factory=set)

    def _target_line(self, directive: Directive) -> int:
        following = [line for line in self.prose_lines if line > directive.line]
        return min(following) if following else directive.line + 1

    def suppresses(self, code: str, name: str, line: int) -> bool:
        for index, directive in enumerate(self.directives):
            if self._applies(directive, index, code, name, line):
                self.used.add(index)
                return True
        return False

    def _applies(self, directive: Directive, index: int, code: str, name: str, line: int) -> bool:
        if not _covers(directive.codes, code, name):
            return False
        if directive.action == "disable-file":
            return True
        if directive.action == "disable-next-line":
            return line == self._target_line(directive)
        if directive.action == "disable" and line > directive.line:
            end = self._region_end(index, code, name)
            return end is None or line < end
        return False

    def _region_end(self, index: int, code: str, name: str) -> int | None:
        for directive in self.directives[index + 1 :]:
            if directive.action == "enable" and _covers(directive.codes, code, name):
                return directive.line
        return None

    def unused(self) -> Iterable[Directive]:
        for index, directive in enumerate(self.directives):
            if directive.action != "enable" and index not in self.used:
                yield directive
