"""What the page shows besides the CLI's JSON: blocks with marked findings and metrics.

Findings carry source offsets; the page renders the document's prose block by block, so
each finding is mapped onto the block texts it covers. Findings that cover no prose (a
missing alt text in HTML markup, say) are listed as `outside`.
"""

from __future__ import annotations

from typing import Any

from lint.diagnostics import Diagnostic
from lint.document import Block
from lint.engine.linter import FileResult
from lint.language.metrics import MIN_LIX_WORDS, document_metrics, lix_band
from lint.language.personnummer import redact


def block_range(block: Block, start: int, end: int) -> tuple[int, int] | None:
    """The block-text span covering source [start, end), or None if they do not meet."""
    end = max(end, start + 1)  # a point finding marks the character it points at
    low = high = None
    for segment in block.segments:
        lo = max(start, segment.source_start)
        hi = min(end, segment.source_start + segment.length)
        if lo < hi:
            text_lo = segment.text_start + lo - segment.source_start
            text_hi = segment.text_start + hi - segment.source_start
            low = text_lo if low is None else min(low, text_lo)
            high = text_hi if high is None else max(high, text_hi)
    return None if low is None else (low, high)


def block_marks(blocks: list[Block], diagnostics: list[Diagnostic]) -> tuple[list[list[dict[str, int]]], list[int]]:
    """Per block, the spans of the findings it holds; and the findings no block holds."""
    marks: list[list[dict[str, int]]] = [[] for _ in blocks]
    outside = []
    for index, diagnostic in enumerate(diagnostics):
        found = False
        for block_index, block in enumerate(blocks):
            span = block_range(block, diagnostic.offset, diagnostic.end_offset)
            if span:
                marks[block_index].append({"finding": index, "start": span[0], "end": span[1]})
                found = True
        if not found:
            outside.append(index)
    return marks, outside


PROSE_KINDS = frozenset({"paragraph", "list_item", "quote"})
OPENING_WORDS = 6


def block_metrics(result: FileResult) -> list[dict[str, Any] | None]:
    """LIX per paragraph of running text; None for headings, table cells, contact lines and
    paragraphs too short for a LIX to mean anything."""
    if not result.parsed:
        return [None] * len(result.document.blocks if result.document else [])
    return [_paragraph_metrics(item) for item in result.parsed]


def _paragraph_metrics(item) -> dict[str, Any] | None:
    if item.doc is None or item.block.kind.value not in PROSE_KINDS:
        return None
    tagged = item.doc.has_annotation("POS") and item.doc.has_annotation("MORPH")
    metrics = document_metrics([item], frozenset({"pos", "morph"}) if tagged else frozenset())
    if metrics["words"] < MIN_LIX_WORDS or metrics["lix"] is None:
        return None
    words = item.block.text.split()
    opening = " ".join(words[:OPENING_WORDS]) + (" …" if len(words) > OPENING_WORDS else "")
    return {key: metrics[key] for key in ("words", "sentences", "lix")} | {"band": lix_band(metrics["lix"]), "opening": opening}


def page_view(result: FileResult) -> dict[str, Any]:
    """The extra `view` object the page asks for with ?view=1."""
    document = result.document
    if document is None:
        return {"blocks": [], "outside": list(range(len(result.diagnostics))), "metrics": None}
    marks, outside = block_marks(document.blocks, result.diagnostics)
    per_block = block_metrics(result)
    blocks = [
        {"kind": block.kind.value, "level": block.level, "text": redact(block.text), "marks": block_marks_of, "metrics": metrics}
        for block, block_marks_of, metrics in zip(document.blocks, marks, per_block)
    ]
    lix = result.metrics.get("lix")
    overall = dict(result.metrics) | {"band": lix_band(lix) if lix is not None and result.metrics.get("words") else None}
    return {"blocks": blocks, "outside": outside, "metrics": overall}
