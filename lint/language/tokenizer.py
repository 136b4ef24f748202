"""Tokenizer adaptations: abbreviations and kommlint's token_match, and the merge component.

Special cases keep public-sector abbreviations (t.ex., bl.a., kl., fr.o.m., §§ ...) single
tokens and split words that are often sentence-final (``kr.``, ``min.``) from their full
stop; the token_match keeps ISO dates, times, phone prefixes and SFS numbers whole.
``merge_spans`` merges phone numbers (``08-508 264 02``) and amounts with grouped
thousands (``1 234,50``, ``10 000``) into one token each.
"""

from __future__ import annotations

import re

from lint.language.detectors import GROUPED_AMOUNT, GROUPED_PHONE
from lint.language.resources import load_data

_DATA = load_data("tokenizer.yaml")

#: Abbreviations after which a sentence never starts.
NEVER_FINAL_ABBREVIATIONS: tuple[str, ...] = tuple(_DATA["never_final"])
#: Abbreviations after which a sentence starts only before a capital letter or a digit.
MAY_BE_FINAL_ABBREVIATIONS: tuple[str, ...] = tuple(_DATA["may_be_final"])
#: Words split from a final full stop ("… 100 kr.").
SPLIT_FINAL_STOP: tuple[str, ...] = tuple(_DATA["split_final_stop"])
#: Section signs and the like that must stay whole.
EXTRA_TOKENS: tuple[str, ...] = tuple(_DATA["extra_tokens"])

# Token-level patterns kept whole by the tokenizer (applied to a whitespace-free chunk
# after prefixes are stripped, so trailing punctuation is still split off first).
TOKEN_MATCH = re.compile(
    r"""^(?:
        \d{4}-\d{2}-\d{2}                   # ISO date 2024-04-25
      | \d{1,2}[.:]\d{2}(?:[–-]\d{1,2}(?:[.:]\d{2})?)?  # 13.00, 13:00, 9.30–12.00
      | 0\d{1,3}-\d{2,8}                    # phone prefix 08-5082640 / 08-508
      | \d{4}:\d{1,4}                       # SFS number 2017:900
    )$""",
    re.VERBOSE,
)


def adapt_tokenizer(nlp) -> None:
    """Add kommlint's special cases and token_match to ``nlp.tokenizer`` (idempotent)."""
    from spacy.symbols import ORTH

    tok = nlp.tokenizer
    if not hasattr(tok, "add_special_case"):
        return
    cases = set(NEVER_FINAL_ABBREVIATIONS) | set(MAY_BE_FINAL_ABBREVIATIONS) | set(EXTRA_TOKENS)
    for orth in sorted(cases):
        if not orth.endswith(".") and orth not in EXTRA_TOKENS:
            continue
        for variant in {orth, orth[:1].upper() + orth[1:]}:
            tok.add_special_case(variant, [{ORTH: variant}])
    for word in SPLIT_FINAL_STOP:
        for variant in {word, word.capitalize()}:
            tok.add_special_case(variant + ".", [{ORTH: variant}, {ORTH: "."}])
    _add_token_match(tok)


def _add_token_match(tok) -> None:
    old = tok.token_match
    if getattr(old, "__self__", None) is TOKEN_MATCH or old is TOKEN_MATCH.match:
        return
    if old is None:
        tok.token_match = TOKEN_MATCH.match
        return
    # Combine with the existing matcher through one compiled pattern so the
    # tokenizer still serialises (it stores ``token_match.__self__.pattern``).
    old_pattern = getattr(getattr(old, "__self__", None), "pattern", None)
    if isinstance(old_pattern, str):
        tok.token_match = re.compile(f"(?:{TOKEN_MATCH.pattern})|(?:{old_pattern})", re.VERBOSE).match
    else:
        tok.token_match = lambda text, _old=old: TOKEN_MATCH.match(text) or _old(text)


def merge_spans(doc):
    """Merge phone numbers and grouped amounts into single tokens."""
    spans = []
    for regex in (GROUPED_PHONE, GROUPED_AMOUNT):
        for m in regex.finditer(doc.text):
            span = doc.char_span(m.start(), m.end(), alignment_mode="strict")
            if span is not None and len(span) > 1:
                spans.append(span)
    if spans:
        from spacy.util import filter_spans

        with doc.retokenize() as retok:
            for span in filter_spans(spans):
                retok.merge(span)
    return doc
