"""Syllables are counted without importing textstat, and count what textstat counts for Swedish."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from textstat.textstat import textstatistics

from lint.language.metrics import _hyphenator, syllable_count, syllables_per_word

ROOT = Path(__file__).resolve().parent.parent


def _textstat():
    stats = textstatistics()
    stats.set_lang("sv")
    return stats


def test_every_corpus_word_has_textstats_syllable_count():
    tokens = set()
    for path in sorted((ROOT / "corpora").rglob("*.md")):
        tokens.update(path.read_text(encoding="utf-8").split())
    tokens.update(["«överklagande»,", "t.ex.", "08-508", "don't", "'citat'", "kl.13.00", "e-tjänsten"])
    stats, hyphenator = _textstat(), _hyphenator()
    assert len(tokens) > 1000
    assert [t for t in sorted(tokens) if syllable_count(t, hyphenator) != stats.syllable_count(t)] == []


def test_syllables_per_word_matches_textstat_on_a_sentence():
    text = "Förvaltningen handlägger ansökningar om bygglov. Du får ett beslut inom fyra veckor."
    stats = _textstat()
    expected = round(sum(stats.syllable_count(token) for token in text.split()) / 13, 2)
    assert syllables_per_word(text, 13) == expected
    assert syllable_count("förvaltningen", _hyphenator()) == 4


def test_metrics_do_not_import_textstat_or_nltk():
    code = "import sys; from lint.language.metrics import syllables_per_word; syllables_per_word('Ett ord.', 2); print('textstat' in sys.modules, 'nltk' in sys.modules)"
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert shown.split() == ["False", "False"]
