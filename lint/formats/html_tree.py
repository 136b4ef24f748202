"""The HTML tokenizer and tree builder under the HTML reader, with source offsets.

html.parser reports where each tag, text run, entity and comment starts; the tree
builder closes the tags HTML lets authors leave open (`<p>`, `<li>`, `<td>` …).

Two inputs make the standard library's parser rescan the rest of the file once per
character run, which is quadratic: text after the last `>` full of `<` (`<a <a <a …`,
each an unfinished tag), and an unclosed `<!--`, which it reads as text to the end of
the file. So the parser is fed a copy of the same length in which the tail's `<` are a
placeholder (put back in the text nodes) and an unclosed comment ends with its line.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from lint.document import LineIndex

VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
PHRASING = frozenset("a abbr b bdi bdo cite code data del dfn em font i ins kbd mark q s samp small span strong sub sup time u var".split())
# Elements whose start closes an open <p> (the HTML parsing rules, simplified).
CLOSES_P = frozenset(
    "address article aside blockquote details dialog div dl fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr main menu nav ol p pre section table ul".split()
)
# An element that starts closes an open one of these, up to the given boundary.
IMPLIED_END = {
    "li": ({"li"}, {"ul", "ol", "menu"}),
    "dt": ({"dt", "dd"}, {"dl"}),
    "dd": ({"dt", "dd"}, {"dl"}),
    "td": ({"td", "th"}, {"tr", "table"}),
    "th": ({"td", "th"}, {"tr", "table"}),
    "tr": ({"tr", "td", "th"}, {"table", "thead", "tbody", "tfoot"}),
    "thead": ({"thead", "tbody", "tfoot", "tr", "td", "th"}, {"table"}),
    "tbody": ({"thead", "tbody", "tfoot", "tr", "td", "th"}, {"table"}),
    "tfoot": ({"thead", "tbody", "tfoot", "tr", "td", "th"}, {"table"}),
    "option": ({"option"}, {"select", "datalist"}),
}
MAX_DEPTH = 200  # deeper elements (a page of unclosed <font> tags) are read as if closed at once
ENTITY = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")


@dataclass(eq=False)
class Text:
    """A run of character data or one entity, with its place in the source."""

    text: str
    offset: int
    source_length: int | None = None  # set for entities: the source is longer than the text


@dataclass(eq=False)  # nodes are compared by identity
class Node:
    tag: str
    attrs: dict[str, str]
    offset: int  # start of the start tag
    tag_end: int  # end of the start tag
    raw_tag: str = ""
    parent: Node | None = None
    children: list[Node | Text] = field(default_factory=list)
    end: int | None = None

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def iter(self):
        """This node and all below it, in document order (without a generator per level)."""
        stack: list[Node] = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(child for child in reversed(node.children) if isinstance(child, Node))


class TreeBuilder(HTMLParser):
    """html.parser events turned into a tree of Nodes with source offsets."""

    def __init__(self, source: str, tail: int) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.tail = tail  # from here on, the text fed has PLACEHOLDER for "<"
        self.lines = LineIndex(source).line_starts
        self.root = Node("#root", {}, 0, 0)
        self.stack: list[Node] = [self.root]
        self.comments: list[tuple[str, int]] = []  # (comment text, source offset)
        self.doctype = False

    def _here(self) -> int:
        line, column = self.getpos()
        return self.lines[line - 1] + column

    # Tags --------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs) -> None:
        self._open(tag, attrs)

    def handle_startendtag(self, tag: str, attrs) -> None:
        node = self._open(tag, attrs)
        if node is not None and tag not in VOID:
            self._close_to(node)

    def _open(self, tag: str, attrs) -> Node | None:
        self._imply_end(tag)
        raw = self.get_starttag_text() or ""
        start = self._here()
        parent = self.stack[-1]
        values = {name: (value if value is not None else "") for name, value in attrs}
        node = Node(tag, values, start, start + len(raw), raw, parent)
        parent.children.append(node)
        if tag in VOID or len(self.stack) > MAX_DEPTH:
            node.end = node.tag_end
        else:
            self.stack.append(node)
        return node

    def _imply_end(self, tag: str) -> None:
        if tag in CLOSES_P:
            self._close_open({"p"}, stop=lambda n: n.tag not in PHRASING)
        if tag in IMPLIED_END:
            closes, boundary = IMPLIED_END[tag]
            self._close_open(closes, stop=lambda n: n.tag in boundary)

    def _close_open(self, tags: set[str], stop) -> None:
        for node in reversed(self.stack[1:]):
            if node.tag in tags:
                self._close_to(node, self._here())
                return
            if stop(node):
                return

    def handle_endtag(self, tag: str) -> None:
        for node in reversed(self.stack[1:]):
            if node.tag == tag:
                self._close_to(node, self._here())
                return

    def _close_to(self, node: Node, at: int | None = None) -> None:
        while len(self.stack) > 1:
            top = self.stack.pop()
            top.end = at if at is not None else top.tag_end
            if top is node:
                return

    # Content -----------------------------------------------------------------------
    def handle_data(self, data: str) -> None:
        offset = self._here()
        if offset + len(data) > self.tail:
            data = data.replace(PLACEHOLDER, "<")
        self.stack[-1].children.append(Text(data, offset))

    def handle_entityref(self, name: str) -> None:
        self._entity()

    def handle_charref(self, name: str) -> None:
        self._entity()

    def _entity(self) -> None:
        start = self._here()
        match = ENTITY.match(self.source, start)
        raw = match.group(0) if match else "&"
        self.stack[-1].children.append(Text(html.unescape(raw), start, len(raw)))

    def handle_comment(self, data: str) -> None:
        self.comments.append((data, self._here()))

    def handle_decl(self, decl: str) -> None:
        self.doctype = self.doctype or decl.lower().startswith("doctype")

    def finish(self) -> Node:
        self.close()
        end = len(self.source)
        while len(self.stack) > 1:
            self.stack.pop().end = end
        self.root.end = end
        return self.root


PLACEHOLDER = "\ufdd0"  # a noncharacter: stands for "<" in the tail the parser is fed


def parser_input(source: str) -> tuple[str, list[tuple[str, int]], int]:
    """(text to feed, comments taken out, where the placeholder tail starts)."""
    comments: list[tuple[str, int]] = []
    last_close = source.rfind("-->")
    opening = source.find("<!--", last_close + 3 if last_close >= 0 else 0)
    fed = source
    if opening >= 0:  # an unclosed comment: it ends with its line
        line_end = source.find("\n", opening)
        line_end = len(source) if line_end < 0 else line_end
        comments.append((source[opening + 4 : line_end], opening))
        fed = source[:opening] + " " * (line_end - opening) + source[line_end:]
    tail = fed.rfind(">") + 1
    if "<" in fed[tail:]:
        fed = fed[:tail] + fed[tail:].replace("<", PLACEHOLDER)
    return fed, comments, tail


def parse_html(source: str) -> tuple[Node, TreeBuilder]:
    fed, comments, tail = parser_input(source)
    builder = TreeBuilder(source, tail if fed is not source else len(source))
    builder.comments.extend(comments)
    builder.feed(fed)
    builder.comments.sort(key=lambda comment: comment[1])
    return builder.finish(), builder
