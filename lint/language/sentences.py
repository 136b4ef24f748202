"""kommlint's sentence rules: sentence starts pre-set before the parser, senter or sentencizer.

Never a sentence start after an abbreviation such as ``t.ex.``/``kl.``/``kap.``/``nr``; a
start after ``etc.``, ``m.m.``, ``osv.`` only before a capital letter; a start after a
blank line, and after a line break that ends a heading or list item. The components that
set boundaries respect starts already set.
"""

from __future__ import annotations

from lint.language.resources import load_data
from lint.language.tokenizer import MAY_BE_FINAL_ABBREVIATIONS, NEVER_FINAL_ABBREVIATIONS

_DATA = load_data("tokenizer.yaml")
SENTENCE_SETTERS: tuple[str, ...] = tuple(_DATA["sentence_setters"])
SENT_FINAL = frozenset(_DATA["sentence_final"])
STRONG_FINAL = frozenset(_DATA["strong_final"])
QUOTES = frozenset(_DATA["quotes"])
BULLETS = frozenset(_DATA["bullets"])
NEVER = frozenset(NEVER_FINAL_ABBREVIATIONS) | {a[:1].upper() + a[1:] for a in NEVER_FINAL_ABBREVIATIONS}
MAYBE = frozenset(MAY_BE_FINAL_ABBREVIATIONS)


def _is_newline(token) -> bool:
    return token.is_space and "\n" in token.text


def _prev_word(doc, i):
    """Index of the nearest non-space token before ``i`` (or -1)."""
    j = i - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    return j


def _starts_upper(token) -> bool:
    ch = token.text[:1]
    return ch.isupper() or ch.isdigit() or token.text in BULLETS or ch in "\"”“'«(["


def sentence_rules(doc):
    """Pre-set sentence starts that the parser/senter/sentencizer will respect."""
    # Decisions are collected and written once: spaCy's Token.is_sent_start setter checks
    # the whole doc on every call, which made long texts quadratic.
    starts: list[bool | None] = [None] * len(doc)
    for i in range(1, len(doc)):
        if doc[i].is_space:
            starts[i] = False  # whitespace belongs to the sentence before it
            continue
        j = _prev_word(doc, i)
        if j >= 0:
            _decide(doc, i, j, starts)
    _write_sentence_starts(doc, starts)
    return doc


def _decide(doc, i: int, j: int, starts: list) -> None:
    """Whether token i (after the word j) starts a sentence, into `starts`."""
    tok, prev = doc[i], doc[j]
    newline_between = any(_is_newline(doc[k]) for k in range(j + 1, i)) or "\n" in prev.whitespace_
    if newline_between and _line_break_starts(doc, i, j):
        starts[i] = True
    elif tok.text in QUOTES and prev.text in SENT_FINAL and not prev.whitespace_:
        starts[i] = False  # '1860."' — a quote glued to the full stop closes the sentence
    elif _after_closing_quote(doc, j) and prev.whitespace_ and _starts_upper(tok):
        starts[i] = True  # '1860." Fördraget' — a new sentence after the closing quote
    elif prev.text in QUOTES and j > 0 and doc[j - 1].text in STRONG_FINAL and doc[j - 1].whitespace_ and not prev.whitespace_:
        # '. "Äktenskapet' — the sentence starts at the opening quote, not after it.
        starts[j] = True
        starts[i] = False
    elif prev.text in NEVER:
        starts[i] = False
    elif prev.text in MAYBE:
        starts[i] = bool(_starts_upper(tok) and not tok.text[:1].isdigit())
    elif tok.text[:1].islower() and prev.text not in SENT_FINAL and not newline_between:
        starts[i] = False  # a lower-case word never opens a sentence after a non-final token


def _after_closing_quote(doc, j: int) -> bool:
    prev = doc[j]
    return prev.text in QUOTES and j > 0 and doc[j - 1].text in STRONG_FINAL and not doc[j - 1].whitespace_


def _line_break_starts(doc, i: int, j: int) -> bool:
    """After a blank line, or a line break after a sentence end or a short line (a heading)."""
    tok, prev = doc[i], doc[j]
    blank_line = sum(doc[k].text.count("\n") for k in range(j + 1, i)) + prev.whitespace_.count("\n") >= 2
    line_start = j
    while line_start > 0 and not (_is_newline(doc[line_start - 1]) or "\n" in doc[line_start - 1].whitespace_):
        line_start -= 1
    prev_line_len = doc[j].idx + len(doc[j]) - doc[line_start].idx
    return blank_line or (_starts_upper(tok) and (prev.text in SENT_FINAL or prev_line_len < 60 and prev.text != ","))


def _write_sentence_starts(doc, starts: list) -> None:
    if all(value is None for value in starts):
        return
    values = doc.to_array("SENT_START").astype("int64")
    for index, value in enumerate(starts):
        if value is not None:
            values[index] = 1 if value else -1
    doc.from_array(["SENT_START"], values.reshape(-1, 1).astype("uint64"))
