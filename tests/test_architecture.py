"""The package's import structure: no circle, and the layers of the README hold."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

import check_imports  # noqa: E402


def test_no_import_circle():
    assert check_imports.circles(check_imports.import_graph()) == []


def test_layers_hold():
    assert check_imports.layer_violations(check_imports.import_graph()) == []


def test_checker_sees_a_circle_and_a_lazy_import():
    graph = {"lint.a": {"lint.b"}, "lint.b": {"lint.c"}, "lint.c": {"lint.a"}, "lint.d": set()}
    assert check_imports.circles(graph) == [["lint.a", "lint.b", "lint.c"]]
    source = "def f():\n    from lint.rules.api import Rule\nif TYPE_CHECKING:\n    import lint.engine\n"
    import ast

    assert check_imports.imported_names(ast.parse(source)) == {"lint.rules.api", "lint.rules.api.Rule"}


def test_language_may_not_import_rules():
    graph = {"lint.language.passive": {"lint.rules.packs"}, "lint.rules.packs": set()}
    assert check_imports.layer_violations(graph) == ["lint.language.passive imports lint.rules.packs"]


def test_modules_and_functions_within_their_size_limits():
    import check_size

    assert check_size.long_modules() + check_size.long_functions() == []


def test_size_checker_sees_a_long_function(tmp_path):
    import check_size

    package = tmp_path / "lint"
    package.mkdir()
    body = "\n".join(f"    x{index} = {index}" for index in range(check_size.MAX_FUNCTION_LINES))
    (package / "long.py").write_text(f"def long():\n{body}\n", encoding="utf-8")
    assert check_size.long_functions(package) == [f"lint/long.py:1 long: {check_size.MAX_FUNCTION_LINES + 1} lines"]
    assert check_size.long_modules(package) == []
