"""The package's import structure: no circle, and the layers of the README hold."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import yaml

from lint.document import Document

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


# Typed documents: rules read the reader's typed fields, never markup or untyped extras --

ROOT = Path(__file__).resolve().parent.parent
RULE_SIDE = ("lint/rules", "lint/language", "lint/engine")
TAG_IN_REGEX = re.compile(r"<(?:[A-Za-z/!]|\[\^>)")  # `<form`, `</`, `<!--`, `<[^>]`
NOT_A_TAG = re.compile(r"\(\?<[!=]|\(\?P<|\\<")  # look-behinds and named groups
REGEX_CALLS = {"compile", "search", "match", "fullmatch", "findall", "finditer", "sub", "subn", "split"}


def _modules(*folders: str):
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            yield path, ast.parse(path.read_text(encoding="utf-8"))


def _is_regex_call(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in REGEX_CALLS


def _names_document(node: ast.AST) -> bool:
    """`document`, `ctx.document`, `self.document` …"""
    return (isinstance(node, ast.Name) and node.id == "document") or (isinstance(node, ast.Attribute) and node.attr == "document")


def test_documents_have_no_untyped_extras():
    assert "extras" not in Document.__dataclass_fields__
    found = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path, tree in _modules("lint/rules", "lint/language")
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr == "extras"
    ]
    assert found == []


def test_no_regex_over_markup_outside_the_readers():
    """No regex literal in the rules half looks for a tag, and no regex runs over a document's raw source."""
    literals = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path, tree in _modules(*RULE_SIDE)
        for call in ast.walk(tree)
        if _is_regex_call(call)
        for node in ast.walk(call)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and TAG_IN_REGEX.search(NOT_A_TAG.sub("", node.value))
    ]
    over_source = [
        f"{path.relative_to(ROOT)}:{call.lineno}"
        for path, tree in _modules("lint/rules", "lint/language")
        for call in ast.walk(tree)
        if _is_regex_call(call)
        for node in ast.walk(call)
        if isinstance(node, ast.Attribute) and node.attr == "source" and _names_document(node.value)
    ]
    assert (literals, over_source) == ([], [])


def test_rule_packs_look_for_no_tags():
    keys = {"patterns", "pattern", "phrases", "headings", "decisive", "form_fields", "links"}
    found = []

    def walk(value, where: str) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key in keys:
                    found.extend(
                        f"{where}: {p}"
                        for p in (item if isinstance(item, list) else [item])
                        if isinstance(p, str) and TAG_IN_REGEX.search(NOT_A_TAG.sub("", p))
                    )
                walk(item, where)
        elif isinstance(value, list):
            for item in value:
                walk(item, where)

    for path in sorted((ROOT / "rules").rglob("*.yaml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")), str(path.relative_to(ROOT)))
    assert found == []


def test_rules_branch_on_typed_fields_not_on_format_names():
    """`document.format` may pick a message variant or meet a configured list, never be compared with a name."""
    found = []
    for path, tree in _modules("lint/rules"):
        for node in ast.walk(tree):
            if not isinstance(node, ast.Compare):
                continue
            sides = [node.left, *node.comparators]
            if not any(isinstance(side, ast.Attribute) and side.attr == "format" and _names_document(side.value) for side in sides):
                continue
            literal = any(isinstance(side, (ast.Constant, ast.Set, ast.Tuple, ast.List)) for side in sides)
            if literal or any(isinstance(op, (ast.Eq, ast.NotEq)) for op in node.ops):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []


def test_the_checks_see_a_tag_regex_and_a_format_branch():
    tree = ast.parse('import re\nTAG = re.compile(r"<[^>]+>")\nOK = re.compile(r"(?<!\\w)x(?P<n>y)")\n')
    calls = [call for call in ast.walk(tree) if _is_regex_call(call)]
    hits = [c.args[0].value for c in calls if TAG_IN_REGEX.search(NOT_A_TAG.sub("", c.args[0].value))]
    assert hits == ["<[^>]+>"]
    branch = ast.parse('if ctx.document.format == "pdf": pass').body[0].test
    assert isinstance(branch, ast.Compare) and _names_document(branch.left.value)


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
