"""Profile detection as a scored decision with reasons.

Every signal a document gives is weighed: headings and short lines, phrases in the prose,
markup, and on a web page its address, breadcrumbs, `og:type` and label lines ("Nyhet ·
Publicerad …"). A profile's `needs` are groups of which each must be found (a decision
needs a decision formula, a party or diarienummer, and a date or signature); without
them the profile scores nothing, however many words it has. The best score wins when it
reaches the profile's `min_signals`; weak evidence leaves the default profile, and the
reason says what was seen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from lint.document import BlockKind, Document
from lint.document_parts import FormField
from lint.language.prefilter import Needs
from lint.language.text import fold

if TYPE_CHECKING:
    from lint.rules.profiles import Detection, Profile

SHORT_LINE = 60
# Link texts and alt texts name other pages and pictures, not this document's kind.
LINE_KINDS = frozenset(BlockKind) - {BlockKind.LINK_TEXT, BlockKind.IMAGE_ALT}
STRONG = 2.0  # address, breadcrumb and label signals: what the site itself calls the page
META_WEIGHT = 0.5  # many CMSs mark every page og:type=article: a hint, never enough with one more
# Phrases and markup are looked for in a document's opening and closing only: that is
# where a letter, a decision or a press release shows its kind, and it keeps detection
# from costing more with every page of a long report.
DETECTION_HEAD = 50_000  # characters
DETECTION_TAIL = 10_000
LINE_SOURCE_LIMIT = 200_000  # raw lines of a plain-text file looked at for headings


@dataclass(frozen=True)
class TextView:
    """What detection looks at: headings and short lines, the prose, the text outside the
    page chrome, form fields, and a web page's addresses, breadcrumbs and meta tags."""

    lines: tuple[str, ...]
    prose: str
    content: str  # the text outside the page chrome (the source, for text formats)
    fields: tuple[FormField, ...] = ()
    urls: tuple[str, ...] = ()
    crumbs: tuple[str, ...] = ()
    meta: dict[str, str] = field(default_factory=dict)
    opening: tuple[str, ...] = ()  # the title and the first headings or short lines
    raw_lines: tuple[str, ...] = ()  # short source lines of a plain-text or Markdown file

    # The texts in lower case (as a case-insensitive regex sees them), for the pre-filters:
    # a regex whose literal texts are missing there cannot match in the prose or any line.
    @cached_property
    def folded_prose(self) -> str:
        return fold(self.prose)

    @cached_property
    def folded_lines(self) -> str:
        return fold("\n".join((*self.lines, *self.raw_lines)))

    @cached_property
    def folded_content(self) -> str:
        return fold(self.content)

    @classmethod
    def of(cls, document: Document) -> TextView:
        lines = [block.text.strip() for block in document.blocks if _is_line(block)]
        title = document.metadata.get("title")
        if isinstance(title, str) and title.strip():
            lines.insert(0, title.strip())
        raw = _raw_lines(document)
        opening = tuple((raw or lines)[: OPENING_LINES + 1])
        lines = list(dict.fromkeys([*lines, *raw]))
        urls, crumbs, meta = page_facts(document)
        return cls(
            tuple(lines),
            framing(document.text),
            framing(content_text(document)),
            form_fields(document),
            urls,
            crumbs,
            meta,
            opening=opening,
            raw_lines=raw,
        )


def _is_line(block) -> bool:
    return block.kind in LINE_KINDS and (block.kind is BlockKind.HEADING or len(block.text) < SHORT_LINE)


def _raw_lines(document: Document) -> tuple[str, ...]:
    """The short lines of a plain-text or Markdown source: a paragraph that joined them
    ("Beslut" straight above the decision) hides them from the blocks."""
    if document.binary or document.chrome.content_text is not None:
        return ()  # a web page or a Word/PDF file: its blocks hold its lines
    lines = (line.strip(" #\t") for line in document.source[:LINE_SOURCE_LIMIT].splitlines())
    return tuple(line for line in lines if 0 < len(line) < SHORT_LINE)


def framing(text: str) -> str:
    """The start and the end of `text` (all of it when it is short), cut at line ends so no
    word is split and no line seems to start where it does not."""
    if len(text) <= DETECTION_HEAD + DETECTION_TAIL:
        return text
    head_end = text.rfind("\n", 0, DETECTION_HEAD) + 1 or DETECTION_HEAD
    tail_start = text.find("\n", len(text) - DETECTION_TAIL) + 1 or len(text) - DETECTION_TAIL
    return text[:head_end] + ("" if text[head_end - 1] == "\n" else "\n") + text[tail_start:]


def content_text(document: Document) -> str:
    """The text without a web page's header, footer and navigation (a newsletter sign-up
    in the footer of every page does not make each page a form); of a text format, its source."""
    content = document.chrome.content_text
    return document.source if content is None else content


def form_fields(document: Document) -> tuple[FormField, ...]:
    """Form fields outside the page chrome that stand after the start of such a form."""
    starts = [form.offset for form in document.forms if not form.in_chrome]
    if not starts:
        return ()
    first = min(starts)
    return tuple(f for f in document.form_fields if not f.in_chrome and f.tag == "input" and f.offset > first)


# Web page facts -----------------------------------------------------------------------


def page_facts(document: Document) -> tuple[tuple[str, ...], tuple[str, ...], dict[str, str]]:
    """A web page's addresses (its own when crawled, canonical, og:url), breadcrumb items
    and meta tags by name."""
    chrome = document.chrome
    urls = [url for url in (document.url, chrome.canonical_url, chrome.meta_content("og:url")) if url]
    if document.path.startswith(("http://", "https://")):
        urls.append(document.path)
    meta: dict[str, str] = {}
    for tag in chrome.meta:
        meta.setdefault(tag.name, tag.content)
    return tuple(dict.fromkeys(urls)), tuple(" ".join(crumb.split()) for crumb in chrome.breadcrumbs), meta


# Scoring ------------------------------------------------------------------------------


@dataclass
class Score:
    profile: Profile
    points: float = 0.0
    reasons: list[str] = field(default_factory=list)
    lacking: list[str] = field(default_factory=list)  # `needs` groups not found
    decisive: bool = False

    @property
    def chosen(self) -> bool:
        enough = self.decisive or self.points >= self.profile.detect.min_signals
        return self.points > 0 and enough and not self.lacking

    def describe(self) -> str:
        shown = ", ".join(self.reasons[:3]) + (" …" if len(self.reasons) > 3 else "")
        return shown


def score(profile: Profile, view: TextView) -> Score:
    found = Score(profile)
    detect = profile.detect
    seen: dict[str, float] = {}
    for key, label, weight in _signals(detect, view):
        if key in seen or (not key.startswith("<") and any(key in other for other in seen)):
            continue
        seen[key] = weight
        found.points += weight
        found.reasons.append(label)
    found.decisive = any(key == "<decisive>" for key in seen)
    found.lacking = [name for name, patterns in detect.needs.items() if not _any_match(patterns, view)]
    return found


def _signals(detect: Detection, view: TextView):
    """(key, description, weight) of every signal found; one text matched twice counts once."""
    for pattern in detect.labels:
        hit = _line_match(pattern, view)
        if hit:
            yield hit.casefold(), f"raden ”{hit}”", STRONG
    for pattern in detect.headings:
        hit = _line_match(pattern, view)
        if hit:
            yield hit.casefold(), f"raden ”{hit}”", 1.0
    for pattern in detect.phrases:
        match = _prose_search(pattern, view)
        if match:
            yield match.group(0).strip().casefold(), f"”{match.group(0).strip()}”", 1.0
    yield from _page_signals(detect, view)
    for pattern in detect.form_fields:
        regex = _regex(pattern)
        if any(regex.match(value) for f in view.fields for value in (f.name, f.type, f.id) if value):
            yield "<decisive>", "ett formulär som frågar efter personuppgifter", 1.0
    for pattern in detect.decisive:
        match = _needs(pattern).may_match(view.folded_content) and _regex(pattern).search(view.content)
        if match:
            yield "<decisive>", f"fältet ”{' '.join(match.group(0).split())}”", 1.0


def _line_match(pattern: str, view: TextView) -> str | None:
    """The first of the view's lines the pattern matches whole."""
    if not _needs(pattern).may_match(view.folded_lines):
        return None
    regex = _regex(pattern)
    return next((line for line in view.lines if regex.fullmatch(line)), None)


def _prose_search(pattern: str, view: TextView) -> re.Match[str] | None:
    return _regex(pattern).search(view.prose) if _needs(pattern).may_match(view.folded_prose) else None


def _page_signals(detect: Detection, view: TextView):
    for pattern in detect.urls:
        url = next((url for url in view.urls if _regex(pattern).search(url)), None)
        if url:
            yield "<url>", f"adressen {url}", STRONG
    for pattern in detect.breadcrumbs:
        crumb = next((crumb for crumb in view.crumbs if _regex(pattern).fullmatch(crumb)), None)
        if crumb:
            yield "<crumb>", f"brödsmulan ”{crumb}”", STRONG
    for name, pattern in detect.meta.items():
        value = view.meta.get(name.lower())
        if value is not None and _regex(pattern).fullmatch(value.strip()):
            yield f"<meta {name}>", f"{name}={value.strip()}", META_WEIGHT


OPENING_LINES = 3


def _any_match(patterns: list, view: TextView) -> bool:
    for pattern in patterns:
        if isinstance(pattern, dict):
            if any(_regex(pattern["opening"]).fullmatch(line) for line in view.opening):
                return True
        elif _prose_search(pattern, view) or (
            _needs(pattern).may_match(view.folded_lines) and any(_regex(pattern).fullmatch(line) for line in (*view.lines, *view.raw_lines))
        ):
            return True
    return False


@lru_cache(maxsize=1024)
def _regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I | re.M)


@lru_cache(maxsize=1024)
def _needs(pattern: str) -> Needs:
    return Needs.of(_regex(pattern))


def ranked(profiles: list[Profile], document: Document) -> list[Score]:
    """Every profile's score, best first (ties broken by priority)."""
    view = TextView.of(document)
    scores = [score(profile, view) for profile in profiles]
    return sorted(scores, key=lambda s: (s.chosen, s.points, s.profile.detect.priority), reverse=True)


def weak_reason(scores: list[Score]) -> str | None:
    """Why the default stands although something was seen, or None when nothing was."""
    seen = [s for s in scores if s.points > 0]
    if not seen:
        return None
    best = seen[0]
    why = f"saknar {', '.join(best.lacking)}" if best.lacking else "för få tecken"
    return f"standardprofil: svaga tecken på {best.profile.title.lower()} ({best.describe()}; {why})"


def explain(scores: list[Score]) -> str:
    """One line per profile that scored: points, reasons and what it lacked (Swedish)."""
    lines = []
    for s in scores:
        if s.points <= 0:
            continue
        need = f", minst {s.profile.detect.min_signals:g}"
        lacking = f"; saknar {', '.join(s.lacking)}" if s.lacking else ""
        lines.append(f"  {s.profile.name}: {s.points:g} poäng{need} ({', '.join(s.reasons)}{lacking})")
    return "\n".join(lines) or "  inga tecken på någon annan profil än standardprofilen"
