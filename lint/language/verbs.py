"""Swedish verb knowledge: deponents, strong-verb paradigms, s-passive forms, verb prefixes.

The word lists live in data/verbs.yaml, one source each; the tables here are generated from
them once. `verb_forms` is the one verb-paradigm generator (inf/pres/past/sup and the
s-passive forms of each) and `s_passives` the one generator of a strong verb's s-passives.
"""

from __future__ import annotations

from collections.abc import Iterator

from lint.language.resources import load_data, words

_DATA = load_data("verbs.yaml")
VOWELS = "aeiouyåäö"

#: Deponent verbs: lemma -> inflected forms (all end in -s but are not passive).
DEPONENTS: dict[str, tuple[str, ...]] = {lemma: words(forms) for lemma, forms in _DATA["deponents"].items()}
DEPONENT_FORMS = {form: lemma for lemma, forms in DEPONENTS.items() for form in forms}

#: Form -> lemma of public-sector verbs a small statistical lemmatizer may miss.
LEMMA_EXCEPTIONS = {form: lemma for lemma, forms in _DATA["lemma_exceptions"].items() for form in words(forms)}

#: Strong and irregular verbs: lemma -> (present, past, supine, more forms).
STRONG_VERBS: dict[str, tuple[str, ...]] = {lemma: words(forms) for lemma, forms in _DATA["strong_verbs"].items()}

PREFIXES = words(_DATA["prefixes"])
RECIPROCAL = frozenset(words(_DATA["reciprocal"]))
DETERMINERS = frozenset(words(_DATA["determiners"]))
PASSIVE_ENDINGS = tuple((ending, replacement) for ending, replacement in _DATA["passive_endings"])

FIN_PAST = "Mood=Ind|Tense=Past|VerbForm=Fin|Voice=Act"
FIN_PAST_PASS = "Mood=Ind|Tense=Past|VerbForm=Fin|Voice=Pass"
FIN_PRES_PASS = "Mood=Ind|Tense=Pres|VerbForm=Fin|Voice=Pass"
INF_PASS = "VerbForm=Inf|Voice=Pass"
SUP_PASS = "VerbForm=Sup|Voice=Pass"
SUPINE_ENDINGS = ("it", "tt", "at", "gt", "lt", "rt", "dt")


def s_passives(lemma: str, forms: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    """(s-passive, FEATS) of a strong verb's past and supine forms: gavs, getts, hölls, hållits."""
    past = forms[1] if len(forms) > 1 else None
    for form in forms[1:]:
        if form[-1] in VOWELS or form.endswith("s"):
            continue
        supine = form.endswith(SUPINE_ENDINGS) and form != past
        yield form + "s", SUP_PASS if supine else FIN_PAST_PASS


def _strong_forms() -> dict[str, str]:
    table: dict[str, str] = {}
    for lemma, forms in STRONG_VERBS.items():
        for form in forms:
            table.setdefault(form, lemma)
    for lemma, forms in STRONG_VERBS.items():
        if not lemma.endswith("s"):
            for passive, _ in s_passives(lemma, forms):
                table.setdefault(passive, lemma)
    table.pop("vars", None)  # a pronoun, not "var" + s
    return table


#: Form -> lemma of every strong-verb form and s-passive (gavs -> ge).
STRONG_FORMS = _strong_forms()


def _verb_analyses() -> dict[str, tuple[str, str]]:
    """Forms that are verbs whatever the statistical tagger says: the past tense of common
    strong verbs with no noun/adjective homograph, and the s-passives of strong verbs."""
    table = {form: (STRONG_FORMS.get(form, form), FIN_PAST) for form in words(_DATA["unambiguous_past"])}
    table["hördes"] = ("höra", FIN_PAST_PASS)
    skipped = set(_DATA["no_s_passive"])
    for lemma, forms in STRONG_VERBS.items():
        if lemma.endswith("s") or lemma in skipped:
            continue
        if lemma.endswith("a"):
            if not lemma[:-1].endswith("s"):
                table.setdefault(lemma[:-1] + "s", (lemma, FIN_PRES_PASS))  # hålls
            table.setdefault(lemma + "s", (lemma, INF_PASS))  # hållas
        else:
            table.setdefault(lemma + "s", (lemma, FIN_PRES_PASS))  # ges, tas, ses
        for passive, feats in s_passives(lemma, forms):
            table.setdefault(passive, (lemma, feats))
    for form in (*DEPONENT_FORMS, *words(_DATA["not_certain_verbs"])):
        table.pop(form, None)
    return table


#: form -> (lemma, FEATS) of forms that are certainly verbs.
VERB_ANALYSES = _verb_analyses()


def verb_analysis(form: str) -> tuple[str, str] | None:
    """(lemma, FEATS) of a form that is certainly a verb, also with a verb prefix."""
    low = form.lower()
    if low in VERB_ANALYSES:
        return VERB_ANALYSES[low]
    for i in range(1, len(low) - 3):
        prefix, rest = low[:i], low[i:]
        if rest in VERB_ANALYSES and len(rest) >= 4 and rest.endswith("s") and split_prefix(prefix):
            lemma, feats = VERB_ANALYSES[rest]
            return prefix + lemma, feats
    return None


def strong_verb_lemma(form: str) -> str | None:
    """Lemma of a strong/irregular verb form, also with a verb prefix (föreslog -> föreslå)."""
    low = form.lower()
    if low in STRONG_FORMS:
        return STRONG_FORMS[low]
    for i in range(1, len(low) - 2):
        prefix, rest = low[:i], low[i:]
        if rest in STRONG_FORMS and len(rest) >= 3 and (prefix in PREFIXES or split_prefix(prefix)):
            return prefix + STRONG_FORMS[rest]
    return None


def split_prefix(prefix: str) -> bool:
    """A chain of verb prefixes (e.g. 'tillbaka', 'uppe'), not an arbitrary string."""
    if not prefix:
        return True
    return any(prefix.startswith(p) and split_prefix(prefix[len(p) :]) for p in PREFIXES)


def passive_lemma(form: str) -> str | None:
    """Guess the lemma of a regular s-passive form the model left unlemmatised."""
    for ending, replacement in PASSIVE_ENDINGS:
        if form.endswith(ending) and len(form) - len(ending) >= 3:
            stem = form[: -len(ending)]
            if ending == "s" and stem[-1] in VOWELS:
                return None
            return stem + replacement
    return None


def verb_forms(spec: str) -> dict[str, str]:
    """Slot -> form for a verb given as inf[/pres/past/sup] (a regular -a verb needs only the
    infinitive): inf, pres, past, sup and the s-passives pinf, ppres, ppast, psup, plus
    ppres_es (bestämmes) where the present passive has a second form."""
    parts = spec.split("/")
    inf = parts[0]
    if len(parts) == 1:
        if not inf.endswith("a"):
            raise ValueError(f"oregelbundet verb utan former: {spec}")
        pres, past, sup = inf + "r", inf + "de", inf + "t"
    else:
        pres, past, sup = parts[1:4]
    forms = {"inf": inf, "pres": pres, "past": past, "sup": sup, "pinf": inf + "s", "ppast": past + "s", "psup": sup + "s"}
    if not inf.endswith("a"):
        forms["ppres"] = pres[:-1] + "s"  # avger → avges, tillser → tillses
    elif pres.endswith("ar"):
        forms["ppres"] = inf + "s"
    elif pres.endswith("er"):
        stem = pres[:-2]
        short = stem[:-1] if stem.endswith("mm") else stem  # bestämmer → bestäms
        forms["ppres"] = short + ("es" if stem.endswith("s") else "s")
        forms["ppres_es"] = stem + "es"
    else:
        forms["ppres"] = pres + "s"  # utgör → utgörs
    if forms.get("ppres_es") == forms["ppres"]:
        del forms["ppres_es"]
    return forms
