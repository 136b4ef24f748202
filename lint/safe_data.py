"""YAML, TOML and JSON from untrusted files, with bounded depth and size.

Front matter, configuration files and rule packs are all data someone else wrote. Three
things in them used to cost a whole run: nesting deep enough for a RecursionError, a YAML
alias "bomb" (a few hundred bytes whose aliases expand to billions of values when the
data is turned into text) and values the constructors refuse (`date: 2024-02-30`).
Here nesting is counted before any recursive parser sees the text, a YAML document is
refused when its aliases would expand beyond `MAX_NODES`, and a timestamp that names no
real day stays the text it was written as.
"""

from __future__ import annotations

import json
import tomllib
from typing import Any

import yaml

MAX_DEPTH = 64  # deeper data is no configuration or metadata anyone writes by hand
MAX_NODES = 100_000  # values after alias expansion


class DataError(ValueError):
    """Data that is refused, with a Swedish reason."""


TOO_DEEP = f"är nästlade i mer än {MAX_DEPTH} nivåer"
RECURSIVE = "har ett alias (*namn) som pekar in i sig självt"
TOO_LARGE = f"växer till mer än {MAX_NODES} värden när alias (*namn) packas upp"


class BoundedLoader(yaml.SafeLoader):
    """SafeLoader that counts depth and expanded size while composing nodes."""

    def __init__(self, stream) -> None:
        super().__init__(stream)
        self._depth = 0
        self._sizes: dict[int, int] = {}  # id(node) -> values in it with aliases expanded

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            node = super().compose_node(parent, index)
            if id(node) not in self._sizes:  # an alias inside its own anchor: endless data
                raise DataError(RECURSIVE)
            self._count(self._sizes[id(node)])
            return node
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise DataError(TOO_DEEP)
        try:
            node = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        size = 1 + _children_size(node, self._sizes)
        if size > MAX_NODES:
            raise DataError(TOO_LARGE)
        self._sizes[id(node)] = size
        return node

    def _count(self, size: int) -> None:
        if size > MAX_NODES:
            raise DataError(TOO_LARGE)


def _children_size(node, sizes: dict[int, int]) -> int:
    if isinstance(node, yaml.SequenceNode):
        return sum(sizes.get(id(child), 1) for child in node.value)
    if isinstance(node, yaml.MappingNode):
        return sum(sizes.get(id(key), 1) + sizes.get(id(value), 1) for key, value in node.value)
    return 0


def _timestamp(loader: BoundedLoader, node: yaml.ScalarNode):
    """A date or time; one that does not exist (30 February) stays text."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        return loader.construct_scalar(node)


BoundedLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


# libyaml composes recursively in C: only text whose nesting cannot reach the C stack's
# limit goes to it (block nesting needs indentation, so it is bounded by the length).
FAST_MAX_CHARS = 1_000_000
FAST_MAX_BRACKETS = 2_000


def fast_enough(text: str) -> bool:
    """Whether libyaml (ten times faster than pure-Python PyYAML) may read `text`."""
    return hasattr(yaml, "CSafeLoader") and len(text) <= FAST_MAX_CHARS and text.count("[") + text.count("{") <= FAST_MAX_BRACKETS


def safe_load(text: str) -> Any:
    """yaml.safe_load through libyaml when the text allows it; its errors are worded by
    pure-Python PyYAML, which reads the text again (as before: the same messages)."""
    if fast_enough(text):
        try:
            return yaml.load(text, Loader=yaml.CSafeLoader)  # noqa: S506 (the C SafeLoader)
        except yaml.YAMLError:
            pass
    return yaml.safe_load(text)


def load_yaml(text: str) -> Any:
    """Parse YAML; DataError for refused data, yaml.YAMLError for broken syntax."""
    try:
        return yaml.load(text, Loader=BoundedLoader)  # noqa: S506 (a SafeLoader subclass)
    except RecursionError:
        raise DataError(TOO_DEEP) from None
    except DataError:
        raise
    except ValueError:  # an integer of more digits than Python converts, say
        raise DataError("har ett värde som inte går att läsa (ett tal med tusentals siffror, till exempel)") from None


def load_toml(text: str) -> dict[str, Any]:
    """Parse TOML; DataError for refused data, tomllib.TOMLDecodeError for broken syntax."""
    _check_depth(text, toml=True)
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise DataError(TOO_DEEP) from None


def load_json(text: str) -> Any:
    """Parse JSON; DataError for refused data, ValueError for broken syntax."""
    _check_depth(text, toml=False)
    try:
        return json.loads(text)
    except RecursionError:
        raise DataError(TOO_DEEP) from None


def nesting_depth(text: str, toml: bool) -> int:
    """The deepest nesting of [] and {} outside strings (and TOML comments), in one pass."""
    depth = deepest = 0
    position, length = 0, len(text)
    while position < length:
        char = text[position]
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth = max(depth - 1, 0)
        elif char == '"' or (toml and char == "'"):
            position = _string_end(text, position)
            continue
        elif toml and char == "#":
            end = text.find("\n", position)
            position = length if end < 0 else end
            continue
        position += 1
    return deepest


def _string_end(text: str, start: int) -> int:
    quote = text[start]
    triple = text.startswith(quote * 3, start)
    closing = quote * 3 if triple else quote
    position = start + len(closing)
    while True:
        found = text.find(closing, position)
        if found < 0:
            return len(text)
        if quote == "'" or not _escaped(text, found):
            return found + len(closing)
        position = found + 1


def _escaped(text: str, index: int) -> bool:
    backslashes = 0
    while index - backslashes - 1 >= 0 and text[index - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 1


def _check_depth(text: str, toml: bool) -> None:
    if nesting_depth(text, toml) > MAX_DEPTH:
        raise DataError(TOO_DEEP)
