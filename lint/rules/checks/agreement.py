"""SPR004 kongruens: en/ett and the adjective agreeing with the noun (ett ny ansökan, en nytt beslut).

The noun's gender comes from the tagger and must be confirmed by the dictionary (a neuter
noun has a definite form in -et/-t: beslutet, äpplet; a common one has none), so a
mistagged noun gives no finding.
"""

from __future__ import annotations

from collections.abc import Iterator

from lint.language.text import block_sentences
from lint.language.views import keep_case, morph_values, token_rows
from lint.rules.api import Hit, RuleContext
from lint.rules.checks.spelling import lexicon_for
from lint.rules.kinds.python import Check

ARTICLES = {"en": "Com", "ett": "Neut"}
ARTICLE_FOR = {"Com": "en", "Neut": "ett"}
VOWELS = "aeiouyåäöé"


def agreement(ctx: RuleContext, rule) -> Iterator[Hit]:
    lexicon = lexicon_for(ctx)
    for parsed in ctx.blocks(rule.spec.scope):
        text = parsed.text
        if "en " not in text and "ett " not in text and "En " not in text and "Ett " not in text:
            continue
        doc = parsed.doc
        rows = token_rows(doc)
        offsets = doc.to_array("IDX").tolist() if len(doc) else []
        for sentence in block_sentences(parsed):
            for i in range(sentence.span.start, sentence.span.end - 1):
                found = _phrase(rows, i, sentence.span.end, lexicon)
                if found is None:
                    continue
                index, replacement = found
                start = offsets[index]
                end = start + len(rows[index].text)
                replacement = keep_case(rows[index].text, replacement)
                yield ctx.replacement_hit(parsed.block, start, end, replacement, "unsafe", (replacement,), suggestion=replacement)


def _phrase(rows, i: int, end: int, lexicon) -> tuple[int, str] | None:
    """(token to change, its right form) for an article-adjective-noun phrase that disagrees."""
    article = rows[i]
    gender = ARTICLES.get(article.lower)
    if gender is None or article.pos != "DET":
        return None
    adjectives = []
    j = i + 1
    while j < end and rows[j].pos == "ADJ" and len(adjectives) < 3:
        adjectives.append(rows[j])
        j += 1
    if len(adjectives) >= 2 and (j >= end or rows[j].pos != "NOUN"):
        adjectives.pop()  # "en nytt café för": the last "adjective" is the noun the tagger missed
        j -= 1
    if j >= end or not rows[j].text.isalpha() or not rows[j].text.islower():
        return None
    if j + 1 < end and rows[j + 1].pos == "NOUN" and lexicon.known(rows[j].lower + rows[j + 1].lower):
        return None  # "en stor barn avdelning": the noun is part of a compound written apart
    noun = rows[j]
    noun_gender = _noun_gender(noun, lexicon) if noun.pos == "NOUN" else None
    if noun_gender is None:
        noun_gender = _vote(gender, adjectives, lexicon_gender(noun.lower, lexicon), lexicon)
    if noun_gender is None:
        return None
    if noun_gender != gender:
        return i, ARTICLE_FOR[noun_gender]
    for adjective in adjectives:
        right = _adjective_form(adjective, noun_gender, lexicon)
        if right is not None:
            return adjective.i, right
    return None


def lexicon_gender(word: str, lexicon) -> str | None:
    """The gender the dictionary's definite forms show: beslutet (neuter), ansökningen (common)."""
    neuter_forms = [word + "et", word + "t"] if word[-1:] in VOWELS else [word + "et", word + word[-1] + "et"]
    if any(lexicon.known(form) for form in neuter_forms):
        return "Neut"
    common_forms = [word + "n"] if word[-1:] in VOWELS else [word + "en", word + word[-1] + "en"]
    return "Com" if any(lexicon.known(form) for form in common_forms) else None


def _vote(article: str, adjectives, word_gender: str | None, lexicon) -> str | None:
    """When the tagger is unsure of the noun: the gender two of article, adjective and the
    dictionary's word agree on (en nytt café -> neuter; ett mobil vaccinationsteam -> neuter)."""
    if word_gender is None or len(adjectives) != 1:
        return None
    word = adjectives[0].lower
    if word.endswith("t"):
        adjective = "Neut" if morph_values(adjectives[0].morph, "Gender") == ("Neut",) else None
    else:
        adjective = "Com" if any(form != word and lexicon.known(form) for form in _neuter_forms(word)) else None
    if adjective is None or adjective == article:
        return None
    return word_gender


def _noun_gender(noun, lexicon) -> str | None:
    """The gender of an indefinite noun when the tagger and the dictionary agree (the article
    makes it singular even when the tagger says plural: ett stor hus)."""
    if "Ind" not in morph_values(noun.morph, "Definite"):
        return None
    tagged = morph_values(noun.morph, "Gender")
    if len(tagged) != 1:
        return None
    word = noun.lower
    neuter_forms = [word + "et", word + "t"] if word[-1:] in VOWELS else [word + "et", word + word[-1] + "et"]
    common_forms = [word + "n"] if word[-1:] in VOWELS else [word + "en", word + word[-1] + "en"]
    neuter = any(lexicon.known(form) for form in neuter_forms)
    common = any(lexicon.known(form) for form in common_forms) and not neuter
    if tagged[0] == "Neut" and neuter:
        return "Neut"
    if tagged[0] == "Com" and (common or word.endswith(("an", "ing", "het", "tion", "else"))) and not neuter:
        return "Com"
    return None


def _adjective_form(adjective, gender: str, lexicon) -> str | None:
    """The adjective's form for the noun's gender, if the written one is the other gender's."""
    if adjective.lower.endswith(("a", "e")) or "Plur" in morph_values(adjective.morph, "Number"):
        return None  # the definite and plural forms (stora, nya, moderna) are left alone
    if "Pos" not in morph_values(adjective.morph, "Degree") and "Part" not in morph_values(adjective.morph, "VerbForm"):
        return None
    tagged = morph_values(adjective.morph, "Gender")
    # Before a neuter noun the form decides (taggers copy the noun's gender); before a
    # common one only a form tagged neuter is wrong (svart, lätt and kort end in -t anyway).
    if gender == "Com" and tagged != ("Neut",):
        return None
    word = adjective.lower
    candidates = _neuter_forms(word) if gender == "Neut" else _common_forms(word)
    return next((form for form in candidates if form != word and lexicon.known(form)), None)


def _neuter_forms(word: str) -> list[str]:
    if word.endswith("t"):
        return []
    if word[-1:] in VOWELS:
        return [word + "tt"]
    if word.endswith(("en", "an")) and len(word) > 3:
        return [word[:-1] + "t", word + "t"]  # liten -> litet, annan -> annat, egen -> eget
    if word.endswith("d"):
        return [word[:-1] + "tt", word[:-1] + "t"] if word[-2:-1] in VOWELS else [word[:-1] + "t"]
    return [word + "t"]


def _common_forms(word: str) -> list[str]:
    if not word.endswith("t"):
        return []
    if word.endswith("tt"):
        return [word[:-2], word[:-2] + "d"]
    return [word[:-1], word[:-1] + "d"]


# --- the checks ------------------------------------------------------------------------------


class Agreement(Check):
    """SPR004."""

    def run(self, ctx: RuleContext) -> Iterator[Hit]:
        return agreement(ctx, self.rule)
