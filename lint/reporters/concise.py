"""One finding per line: `path:line:col: CODE meddelande`."""

from typing import TextIO


def render(report, stream: TextIO, color: bool = False) -> None:
    for result in report.files:
        for error in result.errors:
            stream.write(f"{result.path}:1:1: {error.code} {error.message}\n")
        for d in result.diagnostics:
            stream.write(f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}\n")
    if report.statistics:
        from lint.reporters.text import fix_label

        by_rule: dict[tuple[str, str], list] = {}
        for d in report.diagnostics:
            by_rule.setdefault((d.code, d.name), []).append(d)
        for (code, name), found in sorted(by_rule.items(), key=lambda item: -len(item[1])):
            stream.write(f"{len(found):>5}  {code:<8} {name:<24} {fix_label(found)}\n".rstrip() + "\n")
