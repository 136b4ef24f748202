"""Suppression comments: deciding which findings they silence.

The directives are indexed once per document (the line each `disable-next-line` aims at,
and per rule the end of each `disable` region), so a file with a thousand directives
costs a lookup per finding, not a walk over every directive and prose line.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from lint.document import Directive
from lint.rules.registry import redirect


def _covers(codes: tuple[str, ...], code: str, name: str) -> bool:
    return not codes or any(code.startswith(c.upper()) or c == name for c in map(redirect, codes))


@dataclass
class Suppressor:
    """Applies a document's directives to findings and remembers which ones were used."""

    directives: list[Directive]
    prose_lines: list[int] = field(default_factory=list)  # sorted
    used: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        self._whole_file: list[int] = []
        self._next_line: dict[int, list[int]] = defaultdict(list)  # target line -> directives
        self._regions: list[int] = []
        self._ends: dict[tuple[str, str], dict[int, int | None]] = {}  # per rule: region end per directive
        for index, directive in enumerate(self.directives):
            if directive.action == "disable-file":
                self._whole_file.append(index)
            elif directive.action == "disable-next-line":
                self._next_line[self._target_line(directive)].append(index)
            elif directive.action == "disable":
                self._regions.append(index)

    def _target_line(self, directive: Directive) -> int:
        following = bisect.bisect_right(self.prose_lines, directive.line)
        return self.prose_lines[following] if following < len(self.prose_lines) else directive.line + 1

    def suppresses(self, code: str, name: str, line: int) -> bool:
        """True when a directive silences a finding of rule `code` on `line`; the first one counts as used."""
        directives = self.directives
        candidates = [i for i in self._whole_file if _covers(directives[i].codes, code, name)]
        candidates += [i for i in self._next_line.get(line, ()) if _covers(directives[i].codes, code, name)]
        if self._regions:
            ends = self._region_ends(code, name)
            candidates += [i for i in self._regions if directives[i].line < line and i in ends and (ends[i] is None or line < ends[i])]
        if not candidates:
            return False
        self.used.add(min(candidates))
        return True

    def _region_ends(self, code: str, name: str) -> dict[int, int | None]:
        """For each `disable` covering the rule: the line of the next `enable` covering it (None: none)."""
        key = (code, name)
        if key not in self._ends:
            ends: dict[int, int | None] = {}
            following: int | None = None
            for index in range(len(self.directives) - 1, -1, -1):
                directive = self.directives[index]
                if not _covers(directive.codes, code, name):
                    continue
                if directive.action == "enable":
                    following = directive.line
                elif directive.action == "disable":
                    ends[index] = following
            self._ends[key] = ends
        return self._ends[key]

    def unused(self) -> Iterable[Directive]:
        for index, directive in enumerate(self.directives):
            if directive.action != "enable" and index not in self.used:
                yield directive
