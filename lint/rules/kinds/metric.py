"""metric: a measure over a sentence, a block or the document, against a threshold.

The threshold comes from config, then the document's profile, then `default`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar, Literal

# `lint.language.metrics` imports from this package; bind the module, not its names, so either
# can be imported first.
from lint.language import metrics
from lint.language.views import sentence_spans
from lint.rules.api import Hit, Rule, RuleContext, RuleSpec

SENTENCE_METRICS = {"sentence_words"}
BLOCK_METRICS = {"block_words"}
DOCUMENT_METRICS = {"words", "sentences", "lix", "ovix", "nk", "passive_share", "long_words_share", "avg_sentence_words"}
EASY_BANDS = frozenset({"mycket lätt", "lätt"})
METRIC_NEEDS = {"nk": {"pos", "morph"}, "passive_share": {"pos", "morph"}}


class MetricSpec(RuleSpec):
    kind: Literal["metric"]
    metric: Literal[tuple(sorted(SENTENCE_METRICS | BLOCK_METRICS | DOCUMENT_METRICS))]  # type: ignore[valid-type]
    threshold: str  # name of the threshold in profiles and config
    default: float
    report: Literal["above", "below"] = "above"
    min_words: int = 0  # document metrics: skip texts shorter than this
    messages: dict[str, str] = {}  # variant -> message; lix: "easy" when the value is in an easy band

    placeholders: ClassVar[frozenset[str]] = frozenset({"match", "value", "limit", "band"})


class MetricRule(Rule):
    kind = "metric"
    spec_model = MetricSpec
    spec: MetricSpec

    @property
    def needs(self) -> frozenset[str]:
        return frozenset(self.spec.needs) | METRIC_NEEDS.get(self.spec.metric, set()) | {"sents"}

    def check(self, ctx: RuleContext) -> Iterable[Hit]:
        limit = ctx.threshold(self.spec.threshold, self.spec.default)
        if limit is None:
            return
        metric = self.spec.metric
        if metric in SENTENCE_METRICS:
            yield from self._sentences(ctx, limit)
        elif metric in BLOCK_METRICS:
            yield from self._blocks(ctx, limit)
        else:
            yield from self._document(ctx, limit)

    def _exceeds(self, value: float, limit: float) -> bool:
        return value > limit if self.spec.report == "above" else value < limit

    def _sentences(self, ctx: RuleContext, limit: float) -> Iterable[Hit]:
        for parsed in ctx.blocks(self.spec.scope):
            for sentence in sentence_spans(parsed.doc):
                value = metrics.sentence_words(sentence)
                if self._exceeds(value, limit):
                    yield ctx.hit(parsed.block, sentence.start_char, sentence.end_char, value=value, limit=_number(limit))

    def _blocks(self, ctx: RuleContext, limit: float) -> Iterable[Hit]:
        for parsed in ctx.blocks(self.spec.scope):
            value = sum(metrics.sentence_words(sentence) for sentence in sentence_spans(parsed.doc))
            if self._exceeds(value, limit):
                yield ctx.hit(parsed.block, 0, len(parsed.block.text), value=value, limit=_number(limit))

    def _document(self, ctx: RuleContext, limit: float) -> Iterable[Hit]:
        value = ctx.metrics.get(self.spec.metric)
        if value is None or (ctx.metrics.get("words") or 0) < self.spec.min_words:
            return
        if self._exceeds(value, limit):
            band = metrics.lix_band(value) if self.spec.metric == "lix" else ""
            values = {"value": _number(value), "limit": _number(limit), "band": band}
            if band in EASY_BANDS and "easy" in self.spec.messages:
                values["variant"] = "easy"  # a lättläst limit: "svårläst … (lätt)" would contradict itself
            yield ctx.document_hit(**values)


def _number(value: float) -> str:
    """Swedish number format: decimal comma, no trailing .0."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.2f}".rstrip("0").replace(".", ",")
