"""Swedish adaptations applied to every spaCy pipeline kommlint loads.

``adapt(nlp)`` is called by the core loader on the embedded pipeline, an installed
``sv_core_news_sm`` or a blank ``spacy.blank("sv")``. It is idempotent and adds:

1. the tokenizer's special cases and token_match (lint.language.tokenizer);
2. ``kommlint_merge`` (first in the pipeline): phone numbers and grouped amounts as one
   token each (lint.language.tokenizer.merge_spans);
3. ``kommlint_sentence_rules`` (just before whatever sets sentence boundaries: parser,
   senter or sentencizer, or last when none is there yet; lint.language.sentences);
4. ``kommlint_morph_rules`` (last): deponents, strong-verb lemmas, Voice
   (lint.language.morphology).

spaCy is imported only inside functions; the component factories are registered lazily by
:func:`register_components`.
"""

from __future__ import annotations

from lint.language.morphology import morph_rules
from lint.language.sentences import SENTENCE_SETTERS, sentence_rules
from lint.language.tokenizer import adapt_tokenizer, merge_spans

MERGE_NAME = "kommlint_merge"
SENT_NAME = "kommlint_sentence_rules"
MORPH_NAME = "kommlint_morph_rules"

_REGISTERED = False


def register_components() -> None:
    """Register the component factories with spaCy (once)."""
    global _REGISTERED
    if _REGISTERED:
        return
    from spacy.language import Language

    for name, func in ((MERGE_NAME, merge_spans), (SENT_NAME, sentence_rules), (MORPH_NAME, morph_rules)):
        if name not in Language.factories:
            Language.component(name, func=func)
    _REGISTERED = True


def adapt(nlp):
    """Make ``nlp`` handle Swedish public-sector text. Idempotent; returns ``nlp``."""
    register_components()
    adapt_tokenizer(nlp)
    if MERGE_NAME not in nlp.pipe_names:
        nlp.add_pipe(MERGE_NAME, first=True)
    if SENT_NAME not in nlp.pipe_names:
        setter = next((n for n in nlp.pipe_names if n in SENTENCE_SETTERS), None)
        if setter is not None:
            nlp.add_pipe(SENT_NAME, before=setter)
        else:
            nlp.add_pipe(SENT_NAME, last=True)
    if MORPH_NAME not in nlp.pipe_names:
        nlp.add_pipe(MORPH_NAME, last=True)
    return nlp
