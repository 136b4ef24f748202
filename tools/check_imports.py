"""Check the import structure of the `lint` package: no circle, and layers that hold.

Every import counts, also those inside functions (a lazy import hides a circle, it does
not remove it); only imports under `if TYPE_CHECKING:` are left out, since they never run.

Run: python tools/check_imports.py   (exit code 1 and a list of problems when it fails)
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "lint"

# A package on the left may not import any module under the packages on the right.
FORBIDDEN = {
    "lint.language": (
        "lint.rules",
        "lint.engine",
        "lint.cli",
        "lint.formats",
        "lint.reporters",
        "lint.serve",
        "lint.crawl",
        "lint.sitereport",
    ),
    "lint.formats": (
        "lint.language",
        "lint.rules",
        "lint.engine",
        "lint.cli",
        "lint.reporters",
        "lint.serve",
        "lint.crawl",
        "lint.sitereport",
    ),
    "lint.rules": ("lint.engine", "lint.cli", "lint.formats", "lint.reporters", "lint.serve", "lint.crawl", "lint.sitereport"),
    "lint.engine": ("lint.cli", "lint.reporters", "lint.serve", "lint.crawl", "lint.sitereport"),
    "lint.reporters": ("lint.cli", "lint.serve", "lint.crawl", "lint.sitereport"),
    "lint.annotate": ("lint.cli", "lint.reporters", "lint.serve", "lint.crawl", "lint.sitereport"),
}
CORE = ("lint.document", "lint.document_parts", "lint.diagnostics", "lint.errors", "lint.resources", "lint.wording", "lint.collector")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def imported_names(tree: ast.AST) -> set[str]:
    """Dotted names a module imports (for `from X import y`: X.y when that is a module, else X)."""
    found: set[str] = set()
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _is_type_checking(node):
            stack.extend(node.orelse)
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
            found.add(node.module)
        stack.extend(ast.iter_child_nodes(node))
    return found


def import_graph() -> dict[str, set[str]]:
    paths = {module_name(path): path for path in PACKAGE.rglob("*.py")}
    graph = {}
    for name, path in paths.items():
        targets = {target for target in imported_names(ast.parse(path.read_text(encoding="utf-8"))) if target in paths}
        graph[name] = {target for target in targets if target != name and not name.startswith(target + ".")}
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index, low, on_stack, stack, result, counter = {}, {}, set(), [], [], [0]
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter[0]
        counter[0] += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        result.append(sorted(component))
            elif child not in index:
                index[child] = low[child] = counter[0]
                counter[0] += 1
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(graph[child]))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return result


def layer_violations(graph: dict[str, set[str]]) -> list[str]:
    problems = []
    for module, targets in sorted(graph.items()):
        for package, forbidden in FORBIDDEN.items():
            if module == package or module.startswith(package + "."):
                problems += [f"{module} imports {target}" for target in sorted(targets) if target.startswith(forbidden)]
        if module in CORE:
            problems += [f"{module} (core) imports {target}" for target in sorted(targets) if target not in CORE and target != "lint"]
    return problems


def main() -> int:
    graph = import_graph()
    problems = [" -> ".join(component) + " (circle)" for component in circles(graph)] + layer_violations(graph)
    for problem in problems:
        print(problem)
    print(f"{len(graph)} modules, {sum(map(len, graph.values()))} imports, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
