"""Rule packs: YAML files in `rules/`, validated on load.

A pack is a folder with one YAML file per rule (`KLAR001-krangelord.yaml`). Every error
names the file, the line, the rule and the field, so a communicator editing a word list
can find the mistake. YAML is composed node by node to keep each value's line number.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from lint.errors import RulePackError
from lint.resources import builtin_rules_dir  # noqa: F401  (re-exported)
from lint.rules import yaml_cache
from lint.rules.api import Rule, SpecError
from lint.rules.kinds import KINDS
from lint.rules.registry import REDIRECTS_FILE, check_redirects
from lint.safe_data import MAX_DEPTH, MAX_NODES, TOO_DEEP, BoundedLoader, DataError, fast_enough

ModelT = TypeVar("ModelT", bound=BaseModel)
ENTRY_POINT_GROUP = "kommlint.rules"


# YAML with line numbers ---------------------------------------------------------------


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise RulePackError(f"{path}: kan inte läsa filen: {error}") from None


def _compose(path: Path, text: str) -> yaml.Node | None:
    node = _compose_fast(text)
    if node is not _REFUSED:
        return node
    try:  # the bounded pure-Python composer has the last word and words every error
        return yaml.compose(text, Loader=BoundedLoader)
    except DataError as error:  # nested too deep, or aliases that expand without bound
        raise RulePackError(f"{path}: regelfilen {error}.") from None
    except RecursionError:
        raise RulePackError(f"{path}: regelfilen {TOO_DEEP}.") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise RulePackError(f"{path}{line}: ogiltig YAML: {_yaml_problem(error)}") from None


_REFUSED = object()


def _compose_fast(text: str):
    """The node tree through libyaml (ten times faster), or _REFUSED when the text is not
    plainly good: then BoundedLoader composes it again and says what is wrong."""
    if not fast_enough(text):
        return _REFUSED
    try:
        node = yaml.compose(text, Loader=yaml.CSafeLoader)
        return node if node is None or _within_bounds(node) else _REFUSED
    except (yaml.YAMLError, RecursionError, ValueError):
        return _REFUSED


def _within_bounds(root: yaml.Node) -> bool:
    """BoundedLoader's limits: depth at most MAX_DEPTH, at most MAX_NODES values with aliases
    expanded, no alias inside its own anchor."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()

    def size(node: yaml.Node, depth: int) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in open_nodes or depth > MAX_DEPTH:
            raise ValueError("refused")
        open_nodes.add(key)
        children = (
            node.value
            if isinstance(node, yaml.SequenceNode)
            else [n for pair in node.value for n in pair]
            if isinstance(node, yaml.MappingNode)
            else ()
        )
        total = 1 + sum(size(child, depth + 1) for child in children)
        if total > MAX_NODES:
            raise ValueError("refused")
        open_nodes.discard(key)
        sizes[key] = total
        return total

    size(root, 1)
    return True


YAML_PROBLEMS = {
    "mapping values are not allowed": "ett kolon på fel ställe (sätt texten inom citattecken)",
    "found character '\\t'": "tabbtecken är inte tillåtna; använd mellanslag",
    "expected ',' or ']'": "en lista saknar , eller ]",
    "expected ',' or '}'": "en mappning saknar , eller }",
    "found unexpected end of stream": "filen tar slut mitt i ett värde (saknas ett citattecken?)",
    "could not find expected ':'": "ett kolon saknas efter en nyckel",
    "found duplicate anchor": "samma ankare används två gånger",
    "bad indentation": "fel indrag",
    "did not find expected key": "fel indrag eller ett värde utan nyckel",
    "did not find expected '-' indicator": "fel indrag i en lista",
}


def _yaml_problem(error: yaml.YAMLError) -> str:
    problem = str(getattr(error, "problem", "") or error)
    return next((swedish for english, swedish in YAML_PROBLEMS.items() if problem.startswith(english)), "syntaxfel")


def _to_python(node: yaml.Node, lines: dict[tuple, int], path: tuple = (), constructor: yaml.SafeLoader | None = None) -> Any:
    constructor = constructor or yaml.SafeLoader("")
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result = {}
        for key_node, value_node in node.value:
            key = (
                yaml.SafeLoader(" ").construct_object(key_node)
                if not isinstance(key_node, yaml.ScalarNode)
                else _scalar(key_node, constructor)
            )
            lines[path + (key,)] = key_node.start_mark.line + 1
            result[key] = _to_python(value_node, lines, path + (key,), constructor)
            lines[path + (key,)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(item, lines, path + (index,), constructor) for index, item in enumerate(node.value)]
    return _scalar(node, constructor)


def _scalar(node: yaml.ScalarNode, constructor: yaml.SafeLoader) -> Any:
    value = constructor.construct_object(node, deep=True)
    constructor.constructed_objects.clear()  # as a loader of its own per scalar: nothing shared
    return value


def load_yaml(path: Path) -> tuple[Any, dict[tuple, int]]:
    """The file's data and the line of every key and value (from lint.rules.yaml_cache when
    this text was composed before)."""
    text = _read_text(path)
    entry = yaml_cache.entry(text)
    cached = yaml_cache.read(entry)
    if cached is not None:
        return cached
    node = _compose(path, text)
    lines: dict[tuple, int] = {}
    data = _to_python(node, lines) if node is not None else None
    yaml_cache.write(entry, data, lines)
    return data, lines


def _error_line(location: tuple, lines: dict[tuple, int]) -> int:
    while location and location not in lines:
        location = location[:-1]
    return lines.get(location, 1)


def validation_error(path: Path, error: ValidationError, lines: dict[tuple, int], rule: str | None, prefix: tuple = ()) -> RulePackError:
    first = error.errors()[0]
    location = prefix + tuple(first["loc"])
    message = first["msg"].removeprefix("Value error, ")
    if first["type"] == "extra_forbidden" and location:
        valid = _valid_fields(error)
        nearest = difflib.get_close_matches(str(location[-1]), valid, n=1)
        message = "okänt fält" + (f" (menade du ”{nearest[0]}”?)" if nearest else "")
    elif first["type"] == "missing":
        message = "fältet saknas"
    return located_error(path, location, message, lines, rule)


def located_error(path: Path, location: tuple, message: str, lines: dict[tuple, int], rule: str | None) -> RulePackError:
    field = ".".join(str(part) for part in location) or "(hela filen)"
    rule_part = f" regel {rule}," if rule else ""
    return RulePackError(f"{path}:{_error_line(location, lines)}:{rule_part} fält {field}: {message}")


def _valid_fields(error: ValidationError) -> list[str]:
    model = getattr(error, "_kommlint_model", None)
    return list(model.model_fields) if model else []


def spec_error(path: Path, error: SpecError, lines: dict[tuple, int], rule: str) -> RulePackError:
    if isinstance(error.problem, ValidationError):
        error.problem._kommlint_model = error.model  # type: ignore[attr-defined]
        return validation_error(path, error.problem, lines, rule, error.location)
    return located_error(path, error.location, str(error.problem), lines, rule)


def load_yaml_model(path: Path, model: type[ModelT]) -> ModelT:
    data, lines = load_yaml(path)
    try:
        return model.model_validate(data)
    except ValidationError as error:
        error._kommlint_model = model  # type: ignore[attr-defined]
        raise validation_error(path, error, lines, None) from None


# Rules --------------------------------------------------------------------------------


def load_rule_file(path: Path) -> Rule:
    data, lines = load_yaml(path)
    if not isinstance(data, dict):
        raise RulePackError(f"{path}:1: en regelfil ska vara en YAML-mappning med code, name, kind …")
    code = str(data.get("code", "?"))
    kind = data.get("kind")
    if kind not in KINDS:
        nearest = difflib.get_close_matches(str(kind), KINDS, n=1)
        hint = f" (menade du ”{nearest[0]}”?)" if nearest else f"; giltiga: {', '.join(KINDS)}"
        raise RulePackError(f"{path}:{lines.get(('kind',), 1)}: regel {code}, fält kind: okänd regeltyp ”{kind}”{hint}")
    rule_class = KINDS[kind]
    try:
        spec = rule_class.spec_model.model_validate(data)
    except ValidationError as error:
        error._kommlint_model = rule_class.spec_model  # type: ignore[attr-defined]
        raise validation_error(path, error, lines, code) from None
    try:
        rule = rule_class(spec, origin=str(path))
    except SpecError as error:
        raise spec_error(path, error, lines, code) from None
    rule.origin_lines = {"code": lines.get(("code",), 1), "name": lines.get(("name",), 1)}
    return rule


def rule_files(directory: Path) -> Iterable[Path]:
    for path in sorted(directory.rglob("*.yaml")):
        if (
            path.name not in ("profiles.yaml", "precedence.yaml", REDIRECTS_FILE)
            and "data" not in path.relative_to(directory).parts[:-1]
            and path.name != "pack.yaml"
        ):
            yield path


def load_pack(directory: Path) -> list[Rule]:
    if not directory.is_dir():
        raise RulePackError(f"{directory}: regelpaketet finns inte (ingen sådan mapp)")
    return [load_rule_file(path) for path in rule_files(directory)]


def load_entry_point_rules() -> list[Rule]:
    """Rules from installed packages: each entry point gives a pack folder or a list of Rules."""
    from importlib.metadata import entry_points

    rules: list[Rule] = []
    for entry_point in entry_points(group=ENTRY_POINT_GROUP):
        provided = entry_point.load()
        provided = provided() if callable(provided) and not isinstance(provided, type) else provided
        if isinstance(provided, (str, Path)):
            rules.extend(load_pack(Path(provided)))
        elif isinstance(provided, type) and issubclass(provided, Rule):
            raise RulePackError(f"tillägget {entry_point.name}: ange en funktion som returnerar regler, inte en klass")
        else:
            rules.extend(provided)
    return rules


def _where(rule: Rule, field: str) -> str:
    """file:line of a rule's field (a rule from a plugin has no line)."""
    line = getattr(rule, "origin_lines", {}).get(field)
    return f"{rule.origin}:{line}" if line else rule.origin


@lru_cache(maxsize=16)
def load_rules(extra_packs: tuple[str, ...] = (), entry_points: bool = True) -> tuple[Rule, ...]:
    rules = load_pack(builtin_rules_dir())
    for pack in extra_packs:
        rules.extend(load_pack(Path(pack)))
    if entry_points:
        rules.extend(load_entry_point_rules())
    seen: dict[str, Rule] = {}
    names: dict[str, Rule] = {}
    for rule in rules:
        for key, index in ((rule.code, seen), (rule.name, names)):
            if key in index:
                field = "code" if index is seen else "name"
                raise RulePackError(f"{_where(rule, field)}: regel {rule.code}: {key} används redan i {_where(index[key], field)}")
            index[key] = rule
    check_redirects(set(seen), set(names))
    return tuple(sorted(rules, key=lambda rule: rule.code))
