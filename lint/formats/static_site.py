"""What static-site generators add to Markdown: front matter in several syntaxes, and MDX.

`prepare()` returns the text the Markdown parser should see. Everything that is not
prose is blanked out with spaces (newlines kept), so every offset in the prepared text
is the same offset in the real file and findings keep their exact line and column:

- TOML front matter between `+++` lines (Hugo) and JSON front matter after `---json`
  (Eleventy) is parsed into metadata; YAML front matter between `---` lines (Jekyll,
  Hugo, Eleventy) is left to the Markdown reader.
- In `.mdx` files: `import`/`export` statements, JSX tags (`<Callout type="info">`,
  `</Callout>`, `<Chart data={rows} />`) and `{expressions}`. The prose between an
  opening and a closing JSX tag stays prose. `{/* kommlint-disable … */}` comments
  are suppression directives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lint.document import Block, BlockBuilder, Directive, Document
from lint.formats.directives import parse_directives
from lint.safe_data import DataError, load_json, load_toml

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
ESM = re.compile(r"^(?:import|export)\s")
TAG_START = re.compile(r"<(?:[A-Za-z/>])")
BACKTICKS = re.compile("`+")
# (opening line, closing line, parser) of the front matter syntaxes blanked out here.
FRONT_MATTER = (("+++\n", "\n+++", load_toml), ("---json\n", "\n---", load_json))
FRONT_MATTER_OPENINGS = tuple(opening for opening, _closing, _parse in FRONT_MATTER)
ALIASES = {
    "updated": ("lastmod", "last_modified_at", "modified", "updated_at", "lastModified"),
    "date": ("published", "publishDate", "publish_date", "pubDate"),
    "ai_generated": ("ai-generated", "aiGenerated", "ai"),
    "profile": ("kommlint-profile", "kommlint_profile"),
}


@dataclass
class Prepared:
    text: str
    metadata: dict[str, Any] = field(default_factory=dict)
    directives: list[Directive] = field(default_factory=list)
    problem: str | None = None  # why the front matter was refused


def prepare(path: str, source: str) -> Prepared:
    prepared = Prepared(source)
    mdx = path.lower().endswith(".mdx")
    if not mdx and not source.startswith(FRONT_MATTER_OPENINGS):
        return prepared  # nothing to blank out
    chars = list(source)
    _front_matter(source, chars, prepared)
    if mdx:
        _MdxMasker(source, chars, prepared).run()
    prepared.text = "".join(chars)
    return prepared


def unmask_blocks(document: Document, prepared: str) -> None:
    """Rebuild blocks so blanked-out characters are no prose: each run becomes one space."""
    if document.source == prepared:
        return
    blocks = []
    for block in document.blocks:
        rebuilt = _unmasked(block, document.source, prepared)
        if rebuilt is not None:
            blocks.append(rebuilt)
    document.blocks = blocks


def _unmasked(block: Block, source: str, prepared: str) -> Block | None:
    builder = BlockBuilder()
    position, last, gap = 0, " ", False
    for seg in block.segments:
        if seg.text_start > position:
            builder.add_virtual(block.text[position : seg.text_start])
            last = block.text[seg.text_start - 1]
        position = seg.text_start + seg.length
        if seg.source_length is not None:
            builder.add_replaced(block.text[seg.text_start : position], seg.source_start, seg.source_length)
            last = block.text[position - 1]
            continue
        for index in range(seg.length):
            offset = seg.source_start + index
            char = block.text[seg.text_start + index]
            if source[offset] != prepared[offset]:
                gap = True
                continue
            if gap and last.isspace() and char.isspace():
                continue
            if gap and not last.isspace() and not char.isspace():
                builder.add_virtual(" ")
            gap = False
            builder.add(char, offset)
            last = char
    if position < len(block.text):
        builder.add_virtual(block.text[position:])
    return builder.build(block.kind, block.level, **block.attrs)


def normalize_metadata(metadata: dict[str, Any]) -> None:
    """Give the keys that generators name differently one name (`lastmod` → `updated` …)."""
    for key, aliases in ALIASES.items():
        for alias in aliases:
            if alias in metadata and key not in metadata:
                metadata[key] = metadata[alias]


def _blank(chars: list[str], start: int, end: int) -> None:
    for index in range(start, min(end, len(chars))):
        if chars[index] != "\n":
            chars[index] = " "


def _front_matter(source: str, chars: list[str], prepared: Prepared) -> None:
    for opening, closing, parse in FRONT_MATTER:
        if not source.startswith(opening):
            continue
        end = source.find(closing, len(opening) - 1)
        if end < 0:
            return
        stop = end + len(closing)
        try:
            data = parse(source[len(opening) : end + 1])
        except DataError as error:
            prepared.problem = f"Metadata (front matter) lästes inte: den {error}."
            data = {}
        except ValueError:  # broken syntax (TOMLDecodeError and JSONDecodeError are ValueErrors)
            data = {}
        if isinstance(data, dict):
            prepared.metadata.update({str(key): value for key, value in data.items()})
        _blank(chars, 0, stop)
        return


class _MdxMasker:
    """One pass over an .mdx file, blanking ESM, JSX tags and expressions outside code."""

    def __init__(self, source: str, chars: list[str], prepared: Prepared) -> None:
        self.source = source
        self.chars = chars
        self.prepared = prepared
        self.fence: str | None = None
        self.counted_to, self.counted_line = 0, 0  # newlines before offset counted_to
        self.line_end = -1  # end of the line a code span was last looked for on

    def run(self) -> None:
        source, position = self.source, 0
        while position < len(source):
            if position == 0 or source[position - 1] == "\n":
                skipped = self._line_start(position)
                if skipped is not None:
                    position = skipped
                    continue
            char = source[position]
            if char == "`":
                position = self._code_span(position)
            elif char == "{":
                position = self._mask(position, self._expression_end(position))
            elif char == "<" and TAG_START.match(source, position):
                position = self._mask(position, self._tag_end(position))
            else:
                position += 1

    def _line_start(self, position: int) -> int | None:
        """Handle fences and import/export lines; the offset to go on from, or None."""
        end = self.source.find("\n", position)
        end = len(self.source) if end < 0 else end
        line = self.source[position:end]
        opening = FENCE.match(line)
        if self.fence is not None:
            if opening and opening.group(1)[0] == self.fence[0] and len(opening.group(1)) >= len(self.fence):
                self.fence = None
            return end + 1
        if opening:
            self.fence = opening.group(1)
            return end + 1
        if ESM.match(line):
            stop = self.source.find("\n\n", position)
            stop = len(self.source) if stop < 0 else stop
            _blank(self.chars, position, stop)
            return stop
        return None

    def _code_span(self, position: int) -> int:
        run = BACKTICKS.match(self.source, position).end() - position
        if position >= self.line_end:  # found once per line, not once per backtick
            found = self.source.find("\n", position)
            self.line_end = len(self.source) if found < 0 else found
        close = self.source.find("`" * run, position + run, self.line_end)
        return close + run if close >= 0 else position + run

    def _mask(self, start: int, end: int) -> int:
        text = self.source[start:end]
        if text.startswith("{/*"):
            line = self._line(start)
            self.prepared.directives.extend(parse_directives(text.strip("{}/* \n"), line))
        _blank(self.chars, start, end)
        return end

    def _line(self, offset: int) -> int:
        """1-based line of `offset`; offsets only grow, so the count goes on from the last one."""
        self.counted_line += self.source.count("\n", self.counted_to, offset)
        self.counted_to = offset
        return self.counted_line + 1

    def _expression_end(self, start: int) -> int:
        return self._scan(start, closing="}")

    def _tag_end(self, start: int) -> int:
        return self._scan(start, closing=">")

    def _scan(self, start: int, closing: str) -> int:
        """Offset after the `closing` character at brace depth 0, skipping quoted text."""
        depth = 0
        quote: str | None = None
        for position in range(start, len(self.source)):
            char = self.source[position]
            if quote:
                quote = None if char == quote else quote
            elif char in "\"'" or (char == "`" and depth):
                quote = char
            elif char == "{":
                depth += 1
            elif char == "}":
                depth -= 1
                if closing == "}" and depth == 0:
                    return position + 1
            elif char == closing and depth == 0:
                return position + 1
        return len(self.source)
