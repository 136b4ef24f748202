"""Bounds on the work one file may cause: block sizes before parsing, time per rule,
and what an unexpected exception becomes.

- spaCy refuses texts over a million characters (E088), and memory grows steeply long
  before that (a 950 kB paragraph peaked at 4 GB). Its tokenizer is quadratic in a run
  of characters without spaces (20 000 "(" took a minute). So a block is cut before it is
  parsed: a run without whitespace into pieces of `MAX_RUN`, then a long block after a
  sentence end, else at whitespace, so no piece exceeds `MAX_CHARS`. The pieces keep
  their offset maps, so findings keep their lines and columns.
- A rule that runs longer than its budget is stopped (SIGALRM, in the main thread) and
  reported once with E002; the file keeps the other rules' findings.
- Any other exception while reading, parsing or checking one file becomes one E003 line
  for that file; the traceback is kept for --verbose.
"""

from __future__ import annotations

import contextlib
import re
import signal
import threading
import traceback
from collections.abc import Iterator

from lint.diagnostics import EngineError
from lint.document import Block

MAX_CHARS = 10_000
MAX_RUN = 200
RULE_BUDGET = 30.0  # seconds
LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")
SENTENCE_END = re.compile(r"[.!?…:;]\s+")
SPACE = re.compile(r"\s+")
INTERNAL = "E003"


def split_blocks(blocks: list[Block]) -> list[Block]:
    """The blocks, with every block too long or too unbroken to parse cut into pieces."""
    if all(len(block.text) <= MAX_RUN for block in blocks):
        return blocks  # the common case, without a search
    result: list[Block] = []
    for block in blocks:
        if len(block.text) <= MAX_RUN or (len(block.text) <= MAX_CHARS and LONG_RUN.search(block.text) is None):
            result.append(block)
            continue
        result.extend(piece for piece in (block.slice(a, b) for a, b in cut_points(block.text)) if piece is not None)
    return result


def cut_points(text: str) -> list[tuple[int, int]]:
    """[start, end) spans covering `text`: long runs chopped, the rest at most MAX_CHARS."""
    spans: list[tuple[int, int]] = []
    position = 0
    for run in LONG_RUN.finditer(text):
        spans.extend(_by_length(text, position, run.start()))
        spans.extend((start, min(start + MAX_RUN, run.end())) for start in range(run.start(), run.end(), MAX_RUN))
        position = run.end()
    spans.extend(_by_length(text, position, len(text)))
    return spans


def _by_length(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while end - start > MAX_CHARS:
        cut = _cut(text, start, start + MAX_CHARS)
        yield start, cut
        start = cut
    if end > start:
        yield start, end


def _cut(text: str, start: int, limit: int) -> int:
    """Where to end a piece in text[start:limit]: after the last sentence end, else space."""
    floor = start + MAX_CHARS // 2
    for pattern in (SENTENCE_END, SPACE):
        last = None
        for match in pattern.finditer(text, floor, limit):
            last = match
        if last is not None:
            return last.end()
    return limit


BATCH_CHARS = 40_000  # characters parsed in one batch: activations grow with the batch


def parse_batch(blocks: list[Block], most: int = 64) -> int:
    """How many blocks spaCy should parse at once (a few when blocks are long)."""
    longest = max((len(block.text) for block in blocks), default=0)
    return max(1, min(most, BATCH_CHARS // max(longest, 1)))


class RuleTimeout(BaseException):
    """Raised inside a rule over its budget (a BaseException: rules that catch Exception
    must not swallow it)."""


@contextlib.contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise RuleTimeout in the block after `seconds` (main thread only; elsewhere no limit)."""
    usable = seconds and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(signum, frame) -> None:
        raise RuleTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def timeout_error(rule, seconds: float, path: str) -> EngineError:
    return EngineError(
        "E002", f"Regeln {rule.code} ({rule.name}) tog längre tid än {seconds:g} s och avbröts; filens övriga fynd visas.", path, rule.code
    )


def internal_error(error: BaseException, path: str, stage: str) -> EngineError:
    """E003 for an unexpected exception, with the traceback kept for --verbose."""
    message = (
        f"Internt fel när filen {stage} ({type(error).__name__}: {error}). Övriga filer granskas ändå. "
        "Rapportera gärna felet till kommlints utvecklare; --verbose visar detaljerna."
    )
    detail = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    return EngineError(INTERNAL, message, path, detail=detail)
