"""Check that no module of `lint` is over 450 lines and no function body over 60.

Run: python tools/check_size.py   (exit code 1 and the offenders when it fails)
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "lint"
MAX_MODULE_LINES = 450
MAX_FUNCTION_LINES = 60


def long_modules(package: Path = PACKAGE) -> list[str]:
    found = []
    for path in sorted(package.rglob("*.py")):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_MODULE_LINES:
            found.append(f"{path.relative_to(package.parent)}: {lines} lines")
    return found


def long_functions(package: Path = PACKAGE) -> list[str]:
    found = []
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                # The body's lines: decorators and a signature the formatter puts one
                # parameter per line (click commands) are declarations, not logic.
                lines = node.end_lineno - node.body[0].lineno + 2
                if lines > MAX_FUNCTION_LINES:
                    found.append(f"{path.relative_to(package.parent)}:{node.lineno} {node.name}: {lines} lines")
    return found


def main() -> int:
    problems = long_modules() + long_functions()
    print("\n".join(problems) or "all modules and functions within their limits")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
