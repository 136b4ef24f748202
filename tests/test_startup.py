"""What start-up and the hot paths skip or keep: spaCy without its command line, pyphen's
patterns from the cache, the sender's units behind their literal pre-filter."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from lint.rules.checks.presence import names_own_form
from lint.rules.organisation import organization

ROOT = Path(__file__).resolve().parents[1]


def test_spacy_is_imported_without_its_command_line_and_it_still_works():
    code = (
        "import sys\n"
        "from lint.language.pipeline import load_pipeline\n"
        "pipeline = load_pipeline()\n"
        "doc = next(pipeline.parse(['Du kan ansöka om bidrag.'], frozenset({'pos'})))\n"
        "print(len(doc), sorted(m for m in ('spacy.cli', 'requests', 'weasel', 'typer') if m in sys.modules))\n"
        "import spacy, spacy.cli\n"
        "print(callable(spacy.cli.download), sys.modules['spacy.cli.info'].__file__.endswith('info.py'))\n"
        "print(type(spacy.info()).__name__)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["6 []", "True True", "dict"]


def test_hyphenation_patterns_from_the_cache_are_pyphens(tmp_path, monkeypatch):
    import pyphen

    from lint.language import hyphenation

    monkeypatch.setenv("KOMMLINT_CACHE_DIR", str(tmp_path))
    path = Path(pyphen.LANGUAGES["sv"])
    reference = pyphen.HyphDict(path)
    monkeypatch.setattr(pyphen, "hdcache", {})
    hyphenation.swedish_hyphenator()  # reads the dictionary, writes the cache
    [entry] = (tmp_path / "hyphenation").glob("*.json")
    monkeypatch.setattr(pyphen, "hdcache", {})
    cached = hyphenation.swedish_hyphenator().hd
    assert type(cached) is pyphen.HyphDict and cached is not reference
    assert (cached.patterns, cached.maxlen) == (reference.patterns, reference.maxlen)
    words = "förvaltningen stadsdelsnämnden ansökningsblankett bygglov Skärholmen äldreomsorgen".split()
    assert [cached.positions(w) for w in words] == [reference.positions(w) for w in words]
    entry.write_text("{trasig", encoding="utf-8")  # a damaged entry: pyphen reads the dictionary again
    monkeypatch.setattr(pyphen, "hdcache", {})
    assert hyphenation.swedish_hyphenator().hd.patterns == reference.patterns


def _one_regex(org) -> re.Pattern[str]:
    """The units and domains as the single alternation they were before the pre-filter."""
    parts = [r"(?<![\w-])" + r"s?\s+".join(re.escape(w) for w in unit.split()) + r"(?:s|en|ens)?(?![\w-])" for unit in org.units]
    parts += [r"(?<![\w.-])(?:[\w-]+\.)*" + re.escape(domain) + r"(?![\w-])" for domain in org.domains]
    return re.compile("|".join(parts), re.I)


@pytest.mark.parametrize("name", ["Stockholms stad", "Malmö stad"])
def test_own_units_and_domains_are_found_as_by_one_regex(name):
    org = organization(name)
    regex = _one_regex(org)
    texts = ["Inget här.", "Läs på www.malmo.se/bidrag.", "Mejla oss på info@start.stockholm i dag."]
    for unit in org.units:
        words = unit.split()
        texts += [f"Hälsningar {unit}", f"{unit.upper()}S beslut", f"x{unit}", f"{unit}-x", " ".join(w + "s" for w in words)]
        texts += [f"{words[0]}s\n  {' '.join(words[1:])}en", f"{unit.lower()}ens"]
    for domain in org.domains:
        texts += [f"https://sub.{domain}/a", f"x{domain}", f"{domain.upper()}."]
    expected = [regex.search(text) is not None for text in texts]
    assert [names_own_form(org, text) for text in texts] == expected
    assert any(expected) and not all(expected)


def _all_substrings(lexicon, word: str) -> dict[str, int]:
    return lexicon.masks({word[i:j] for i in range(len(word)) for j in range(i + 2, len(word) + 1)})


def test_compounds_and_heads_judged_as_with_every_substring_looked_up():
    """compound() and head() look up a word's parts only where a split reaches them; the
    answers are those of looking up every substring first (as they did before)."""
    from lint.language import lexicon as lexicon_module
    from lint.language.lexicon_build import BEGIN, MIDDLE

    lexicon = lexicon_module.load(lexicon_module.lexicon_dir())
    forms = sorted(form for form in lexicon._forms.keys() if len(form) > 3)[:200000][::400]
    words = ["-", "a", "", "kundtjänst", "bygglovshandläggare", "presssekreterare", "tullista", "stadsdelsnämndsbeslut"]
    for index, form in enumerate(forms):
        other = forms[(index * 7919) % len(forms)]
        words += [form, form + other, form + "s" + other, form[:3] + other[1:]]

    def splits(word):
        masks = _all_substrings(lexicon, word)
        return len(word) >= 4 and lexicon._splits(word, 0, 0, _Plain(masks), None) and not lexicon._rep_lookalike(word)

    def head(word):
        masks = _all_substrings(lexicon, word)

        def chain(start, count):
            if masks.get(word[start:], 0) & (MIDDLE if count else BEGIN):
                return True
            need = MIDDLE if count else BEGIN
            return count + 2 < 4 and any(
                masks.get(word[start:cut], 0) & need and chain(cut, count + 1) for cut in range(start + 2, len(word) - 1)
            )

        return chain(0, 0)

    assert [lexicon.compound(w) for w in words] == [splits(w) for w in words]
    assert [lexicon.head(w) for w in words] == [head(w) for w in words]
    assert any(lexicon.compound(w) for w in words) and not all(lexicon.compound(w) for w in words)


def test_a_new_lexicon_removes_older_tables_but_not_the_voice_lexicon_beside_them(tmp_path):
    from lint.language import lexicon as lexicon_module

    names = ["sv_SE-2.40-f7.sqlite", "sv_SE-2.41-f8.marisa", "sv_SE-2.41-f8.json", "sv_SE-2.41-f9.marisa"]
    names += ["sv_SE-2.41-voice-f6.sqlite", "annan.txt"]
    for name in names:
        (tmp_path / name).write_text("x", encoding="utf-8")
    lexicon_module._remove_stale(tmp_path / "sv_SE-2.41-f9.marisa")
    kept = sorted(path.name for path in tmp_path.iterdir())
    assert kept == ["annan.txt", "sv_SE-2.41-f9.marisa", "sv_SE-2.41-voice-f6.sqlite"]


class _Plain(dict):
    """Every substring's mask given up front, for the reference: nothing to fetch."""

    def starting_at(self, start: int) -> None:
        pass


def test_rule_yaml_from_the_cache_is_what_composing_gives(tmp_path, monkeypatch):
    from lint.resources import builtin_rules_dir
    from lint.rules import packs, yaml_cache

    monkeypatch.setenv("KOMMLINT_CACHE_DIR", str(tmp_path))
    rule = builtin_rules_dir() / "sprak" / "SPR001-stavning.yaml"
    composed = packs.load_yaml(rule)
    entry = yaml_cache.entry(rule.read_text(encoding="utf-8"))
    assert entry.is_file() and yaml_cache.read(entry) == composed
    assert packs.load_yaml(rule) == composed and composed[1][("code",)] == 1
    entry.write_text("[trasig", encoding="utf-8")  # a damaged entry is composed again
    assert packs.load_yaml(rule) == composed
    dated = tmp_path / "dated.yaml"
    dated.write_text("code: X\nwhen: 2024-05-31\n1: ett\n", encoding="utf-8")
    assert packs.load_yaml(dated)[0]["when"].year == 2024
    assert not yaml_cache.entry(dated.read_text(encoding="utf-8")).exists()  # JSON would not give a date back
