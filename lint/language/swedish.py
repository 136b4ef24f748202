"""Swedish adaptations applied to every spaCy pipeline kommlint loads.

``adapt(nlp)`` is called by the core loader on the embedded pipeline, an installed
``sv_core_news_sm`` or a blank ``spacy.blank("sv")``. It is idempotent and does three
things:

1. Tokenizer: special cases and a ``token_match`` so that public-sector abbreviations
   (t.ex., bl.a., kl., fr.o.m., 4 kap. 1 §, §§ ...), ISO dates, times and e-mail/web
   addresses stay single tokens, while words that are often sentence-final
   (``kr.``, ``min.``, ``max.``) are split from their full stop.
2. ``kommlint_merge`` (first in the pipeline): merges phone numbers
   (``08-508 264 02``) and amounts with grouped thousands (``1 234,50``, ``10 000``)
   into one token each.
3. ``kommlint_sentence_rules`` (just before whatever sets sentence boundaries:
   parser, senter or sentencizer, or last when none is there yet): pre-sets
   boundaries that those components respect: never a sentence start after an
   abbreviation such as ``t.ex.``/``kl.``/``kap.``/``nr``; a start after ``etc.``,
   ``m.m.``, ``osv.`` only before a capital letter; a start after a blank line, and
   after a line break that ends a heading or list item.
4. ``kommlint_morph_rules`` (last): deponent verbs (hoppas, finns, lyckas, trivs,
   minns, syns ...) never carry ``Voice=Pass`` and get their deponent lemma; a few
   strong public-sector verbs (erhöll, inkommit, ingav ...) get their dictionary lemma.

spaCy is imported only inside functions, except for the component factories, which
are registered lazily by :func:`register_components`.
"""

from __future__ import annotations

import re

# --- abbreviations ---------------------------------------------------------------

#: Abbreviations after which a sentence never starts.
NEVER_FINAL_ABBREVIATIONS = (
    "t.ex.", "bl.a.", "kl.", "dvs.", "d.v.s.", "fr.o.m.", "t.o.m.", "s.k.", "resp.",
    "ca.", "kap.", "p.", "jfr.", "jfr", "f.d.", "ev.", "inkl.", "exkl.", "fr.a.",
    "m.a.o.", "p.g.a.", "pga.", "m.h.a.", "mha.", "t.v.", "t.h.", "s.", "sid.", "ang.",
    "anm.", "enl.", "ex.", "f.n.", "f.ö.", "i.st.f.", "istf.", "tel.", "tfn.", "tfn",
    "nr.", "nr", "ca", "prop.", "dnr.", "dnr", "obs.", "äv.", "dir.",
    "jan.", "febr.", "feb.", "apr.", "jun.", "aug.", "sept.", "sep.",
    "okt.", "nov.", "dec.", "mån.", "tis.", "ons.", "tors.", "fre.", "lör.",
    "S:t", "s:t", "iofs.", "s.a.s.", "a.a.", "f.", "Dr.", "prof.", "o.dyl.", "ung.",
)

#: Abbreviations that may end a sentence: a new sentence starts after them only
#: when the next word begins with a capital letter or a digit.
MAY_BE_FINAL_ABBREVIATIONS = (
    "etc.", "m.m.", "osv.", "o.s.v.", "m.fl.", "o.d.", "e.d.", "m.fl", "mm.", "st.", "forts.",
)

#: Words the stock Swedish tokenizer keeps with a full stop although in public
#: texts they are usually written without one and end a sentence ("… 100 kr.").
SPLIT_FINAL_STOP = ("kr", "min", "max", "ung", "mt", "mos", "proc", "vol", "kor", "el")

#: Section signs and the like that must stay whole.
EXTRA_TOKENS = ("§§", "o.dyl.", "a.a.")

# Token-level patterns kept whole by the tokenizer (applied to a whitespace-free chunk
# after prefixes are stripped, so trailing punctuation is still split off first).
_TOKEN_MATCH = re.compile(
    r"""^(?:
        \d{4}-\d{2}-\d{2}                   # ISO date 2024-04-25
      | \d{1,2}[.:]\d{2}(?:[–-]\d{1,2}(?:[.:]\d{2})?)?  # 13.00, 13:00, 9.30–12.00
      | 0\d{1,3}-\d{2,8}                    # phone prefix 08-5082640 / 08-508
      | \d{4}:\d{1,4}                       # SFS number 2017:900
    )$""",
    re.VERBOSE,
)

# Multi-token spans merged into one token.
_PHONE_RE = re.compile(r"(?<![\w+-])(?:\+46[ \u00a0]?\(?0?\)?[ \u00a0]?\d{1,3}|0\d{1,3})-\d{2,3}(?:[ \u00a0]\d{2,3}){1,3}(?![\w-])")
_AMOUNT_RE = re.compile(r"(?<![\w.,])\d{1,3}(?:[ \u00a0]\d{3})+(?:,\d+)?(?![\w])")

SENTENCE_SETTERS = ("parser", "senter", "sentencizer")

MERGE_NAME = "kommlint_merge"
SENT_NAME = "kommlint_sentence_rules"
MORPH_NAME = "kommlint_morph_rules"

# --- deponent verbs and lemma exceptions -------------------------------------------

#: Deponent verbs: lemma -> inflected forms (all end in -s but are not passive).
#: "fattas" is left out: "fattades" is far more often the passive of "fatta".
DEPONENTS = {
    "hoppas": ("hoppas", "hoppades", "hoppats"),
    "finnas": ("finnas", "finns", "fanns", "funnits", "fins"),
    "lyckas": ("lyckas", "lyckades", "lyckats"),
    "misslyckas": ("misslyckas", "misslyckades", "misslyckats"),
    "andas": ("andas", "andades", "andats"),
    "minnas": ("minnas", "minns", "mindes", "mints"),
    "trivas": ("trivas", "trivs", "trivdes", "trivts"),
    "vantrivas": ("vantrivas", "vantrivs", "vantrivdes", "vantrivts"),
    "synas": ("synas", "syns", "syntes", "synts"),
    "kräkas": ("kräkas", "kräks", "kräktes", "kräkts"),
    "låtsas": ("låtsas", "låtsades", "låtsats"),
    "svettas": ("svettas", "svettades", "svettats"),
    "brottas": ("brottas", "brottades", "brottats"),
    "umgås": ("umgås", "umgicks", "umgåtts"),
    "vistas": ("vistas", "vistades", "vistats"),
    "åldras": ("åldras", "åldrades", "åldrats"),
    "skämmas": ("skämmas", "skäms", "skämdes", "skämts"),
    "tyckas": ("tyckas", "tycks", "tycktes", "tyckts"),
    "kännas": ("kännas", "känns", "kändes", "känts"),
    "envisas": ("envisas", "envisades", "envisats"),
    "hämnas": ("hämnas", "hämnades", "hämnats"),
    "avundas": ("avundas", "avundades", "avundats"),
    "nöjas": (),
    "samsas": ("samsas", "samsades", "samsats"),
    "kivas": ("kivas", "kivades", "kivats"),
    "väsnas": ("väsnas", "väsnades", "väsnats"),
    "ängslas": ("ängslas", "ängslades", "ängslats"),
    "förolyckas": ("förolyckas", "förolyckades", "förolyckats"),
}

#: Strong or irregular public-sector verbs whose forms a small statistical lemmatizer
#: may miss: form -> lemma (finite forms, infinitive, supine; passive forms map to
#: the same lemma). Participles are left to the model.
_VERB_PARADIGMS = {
    "erhålla": "erhåller erhöll erhållit erhålls erhålles erhölls erhållits erhållas",
    "inkomma": "inkommer inkom inkommit inkommas",
    "inge": "inger ingav ingett ingivit inges ingavs ingetts ingivits",
    "avge": "avger avgav avgett avgivit avges avgavs avgetts avgivits",
    "delge": "delger delgav delgett delgivit delges delgavs delgetts delgivits",
    "efterge": "efterger eftergav eftergett eftergivit efterges eftergavs",
    "föreligga": "föreligger förelåg förelegat",
    "företa": "företar företog företagit företas företogs",
    "tillse": "tillser tillsåg tillsett",
    "utgöra": "utgör utgjorde utgjort utgörs utgjordes",
    "tillhandahålla": "tillhandahåller tillhandahöll tillhandahållit tillhandahålls tillhandahölls tillhandahållits",
    "mottaga": "mottager mottog mottagit mottages",
    "uppvisa": "uppvisar uppvisade uppvisat",
    "inneha": "innehar innehade innehaft",
    "innehålla": "innehåller innehöll innehållit",
    "förflyta": "förflyter förflöt förflutit",
    "framlägga": "framlägger framlade framlagt framläggs framlades",
    "föranleda": "föranleder föranledde föranlett",
    "erfordra": "erfordrar erfordrade erfordrat erfordras erfordrades",
    "erlägga": "erlägger erlade erlagt erläggs erlades",
    "förete": "företer företedde företett företes",
    "inhämta": "inhämtar inhämtade inhämtat inhämtas inhämtades",
    "ombesörja": "ombesörjer ombesörjde ombesörjt ombesörjs",
    "tillskapa": "tillskapar tillskapade tillskapat tillskapas",
    "anhängiggöra": "anhängiggör anhängiggjorde anhängiggjort anhängiggörs",
    "avsända": "avsänder avsände avsänt avsänds",
    "anbringa": "anbringar anbringade anbringat anbringas",
    "bereda": "bereder beredde berett bereds bereddes",
    "efterkomma": "efterkommer efterkom efterkommit",
    "förebringa": "förebringar förebringade förebringat",
    "vidta": "vidtar vidtog vidtagit vidtas vidtogs vidtagits",
    "fatta": "fattar fattade fattat fattades",
    "pröva": "prövar prövade prövat prövas prövades prövats",
    "ge": "ges gavs getts givits",
    "ta": "tas togs tagits",
    "se": "ses sågs setts",
    "få": "fås fåtts",
    "nå": "nås nåddes nåtts",
    "göra": "görs gjordes gjorts",
    "dra": "dras drogs dragits",
    "bevilja": "beviljas beviljades beviljats",
    "avslå": "avslås avslogs avslagits",
    "överklaga": "överklagas överklagades överklagats",
}
LEMMA_EXCEPTIONS = {
    form: lemma for lemma, forms in _VERB_PARADIGMS.items() for form in forms.split()
}
DEPONENT_FORMS = {form: lemma for lemma, forms in DEPONENTS.items() for form in forms}

#: Strong and irregular verbs: lemma -> "present past supine [more forms]". Used for
#: lemmas the statistical lemmatizer cannot learn from a small corpus (sa -> säga,
#: låg -> ligga) and, through :func:`strong_verb_lemma`, for their prefixed compounds
#: (föreslog -> föreslå, innehöll -> innehålla). Ambiguous forms are left out
#: ("lett": le/leda; "satt": sitta/sätta is decided from context).
_STRONG_VERBS = {
    "vara": "är var varit", "ha": "har hade haft", "bli": "blir blev blivit",
    "gå": "går gick gått", "stå": "står stod stått", "få": "får fick fått",
    "ge": "ger gav gett givit", "ta": "tar tog tagit", "se": "ser såg sett",
    "säga": "säger sa sade sagt", "göra": "gör gjorde gjort", "veta": "vet visste vetat",
    "ligga": "ligger låg legat", "komma": "kommer kom kommit", "dra": "drar drog dragit",
    "le": "ler log", "sova": "sover sov sovit", "ljuga": "ljuger ljög ljugit",
    "flyga": "flyger flög flugit", "bjuda": "bjuder bjöd bjudit", "njuta": "njuter njöt njutit",
    "skjuta": "skjuter sköt skjutit", "bryta": "bryter bröt brutit", "flyta": "flyter flöt flutit",
    "bära": "bär bar burit", "skära": "skär skar skurit", "stjäla": "stjäl stal stulit",
    "dricka": "dricker drack druckit", "sticka": "sticker stack stuckit",
    "springa": "springer sprang sprungit", "hinna": "hinner hann hunnit",
    "finna": "finner fann funnit", "vinna": "vinner vann vunnit", "brinna": "brinner brann brunnit",
    "binda": "binder band bundit", "försvinna": "försvinner försvann försvunnit",
    "sjunga": "sjunger sjöng sjungit", "sjunka": "sjunker sjönk sjunkit",
    "stiga": "stiger steg stigit", "skriva": "skriver skrev skrivit", "bita": "biter bet bitit",
    "glida": "glider gled glidit", "kliva": "kliver klev klivit", "lida": "lider led lidit",
    "rida": "rider red ridit", "skrika": "skriker skrek skrikit", "svika": "sviker svek svikit",
    "vrida": "vrider vred vridit", "tiga": "tiger teg tigit", "riva": "river rev rivit",
    "driva": "driver drev drivit", "gripa": "griper grep gripit", "slita": "sliter slet slitit",
    "spricka": "spricker sprack spruckit", "slå": "slår slog slagit", "dö": "dör dog dött",
    "gråta": "gråter grät gråtit", "låta": "låter lät låtit", "falla": "faller föll fallit",
    "hålla": "håller höll hållit", "heta": "heter hette hetat", "sälja": "säljer sålde sålt",
    "välja": "väljer valde valt", "lägga": "lägger lade la lagt", "vilja": "vill ville velat",
    "kunna": "kan kunde kunnat", "skola": "ska skall skulle", "böra": "bör borde bort",
    "äta": "äter åt ätit", "frysa": "fryser frös frusit", "krypa": "kryper kröp krupit",
    "suga": "suger sög sugit", "fara": "far for farit", "stryka": "stryker strök strukit",
    "förstå": "förstår förstod förstått", "dölja": "döljer dolde dolt", "be": "ber bad bett",
    "vika": "viker vek vikit", "sätta": "sätter satte", "sitta": "sitter suttit",
    "gälla": "gäller gällde gällt", "smita": "smiter smet smitit", "knyta": "knyter knöt knutit",
    "hugga": "hugger högg huggit", "sjuda": "sjuder sjöd sjudit", "tvinga": "tvingar tvingade tvingat",
    "brista": "brister brast brustit", "gnida": "gnider gned gnidit", "pipa": "piper pep pipit",
    "lyda": "lyder löd lytt", "träda": "träder trädde trätt", "sprida": "sprider spred spridit",
    "gjuta": "gjuter göt gjutit", "klyva": "klyver klöv kluvit", "nypa": "nyper nöp nupit",
    "strida": "strider stred stridit", "skina": "skiner sken skinit", "fnysa": "fnyser fnös fnyst",
    "höra": "hör hörde hört", "lära": "lär lärde lärt", "köra": "kör körde kört",
    "spörja": "spörjer sporde sport", "töras": "törs tordes torts", "glädja": "gläder gladde glatt",
    "svälja": "sväljer svalde svalt", "smörja": "smörjer smorde smort", "duga": "duger dög dugt",
    "sluta": "slutar slutade slutat",
}
STRONG_FORMS = {}
for _lemma, _forms in _STRONG_VERBS.items():
    for _form in _forms.split():
        STRONG_FORMS.setdefault(_form, _lemma)
# s-passive forms of the strong verbs (gavs, togs, sågs, hölls, skrevs, drogs ...).
for _lemma, _forms in _STRONG_VERBS.items():
    _parts = _forms.split()
    if len(_parts) >= 2 and not _lemma.endswith("s"):
        for _form in _parts[1:2] + _parts[2:]:
            if _form[-1] in "aeiouyåäö" or _form.endswith("s"):
                continue
            STRONG_FORMS.setdefault(_form + "s", _lemma)
STRONG_FORMS.pop("vars", None)

_FIN_PAST = "Mood=Ind|Tense=Past|VerbForm=Fin|Voice=Act"
_FIN_PAST_PASS = "Mood=Ind|Tense=Past|VerbForm=Fin|Voice=Pass"
_FIN_PRES_PASS = "Mood=Ind|Tense=Pres|VerbForm=Fin|Voice=Pass"
_INF_PASS = "VerbForm=Inf|Voice=Pass"
_SUP_PASS = "VerbForm=Sup|Voice=Pass"

#: Forms that are verbs whatever the statistical tagger says: the past tense of common
#: strong verbs with no noun/adjective homograph, and the s-passives of strong verbs.
#: form -> (lemma, FEATS).
VERB_ANALYSES: dict[str, tuple[str, str]] = {}
_UNAMBIGUOUS_PAST = (
    "sa sade visste gick fick stod såg gjorde låg drack sprang hann fann vann brann försvann "
    "sjöng sjönk skrev klev skrek svek slog grät höll sålde ville kunde skulle borde kröp "
    "förstod dolde flög bjöd njöt sköt bröt flöt stal hette blev ljög brast hördes gav"
).split()
for _form in _UNAMBIGUOUS_PAST:
    VERB_ANALYSES[_form] = (STRONG_FORMS.get(_form, _form), _FIN_PAST)
VERB_ANALYSES["hördes"] = ("höra", _FIN_PAST_PASS)
for _lemma, _forms in _STRONG_VERBS.items():
    if _lemma.endswith("s") or _lemma in ("vara", "ha", "skola", "kunna", "vilja", "böra", "få"):
        continue
    _parts = _forms.split()
    if _lemma.endswith("a"):
        _stem = _lemma[:-1]
        if not _stem.endswith("s"):
            VERB_ANALYSES.setdefault(_stem + "s", (_lemma, _FIN_PRES_PASS))  # hålls
        VERB_ANALYSES.setdefault(_lemma + "s", (_lemma, _INF_PASS))  # hållas
    else:
        VERB_ANALYSES.setdefault(_lemma + "s", (_lemma, _FIN_PRES_PASS))  # ges, tas, ses
    for _form in _parts[1:]:
        if _form.endswith(("it", "tt", "at", "gt", "lt", "rt", "dt")) and _form != _parts[1]:
            VERB_ANALYSES.setdefault(_form + "s", (_lemma, _SUP_PASS))  # hållits, getts
        elif _form[-1] not in "aeiouyåäös":
            VERB_ANALYSES.setdefault(_form + "s", (_lemma, _FIN_PAST_PASS))  # hölls, gavs
for _dep in DEPONENT_FORMS:
    VERB_ANALYSES.pop(_dep, None)
for _form in (
    "bars fars fors vars slås kans bands sovs legs vets bets reds revs ledes ts drs blis dös "
    "les koms lågs dogs logs leds bads hets lids rids tegs tigs peps pips nyps nöps dögs dugs "
    "göts löds lyds sögs sugs veks viks hörs gås stås låts lärs bes"
).split():
    VERB_ANALYSES.pop(_form, None)


def verb_analysis(form: str) -> tuple[str, str] | None:
    """(lemma, FEATS) of a form that is certainly a verb, also with a verb prefix."""
    low = form.lower()
    if low in VERB_ANALYSES:
        return VERB_ANALYSES[low]
    for i in range(1, len(low) - 3):
        prefix, rest = low[:i], low[i:]
        if rest in VERB_ANALYSES and len(rest) >= 4 and rest.endswith("s") and _split_prefix(prefix):
            lemma, feats = VERB_ANALYSES[rest]
            return prefix + lemma, feats
    return None
_PREFIXES = (
    "an", "av", "be", "bi", "bort", "efter", "emot", "er", "fast", "fram", "från", "för",
    "före", "genom", "hem", "i", "igen", "in", "inne", "med", "mot", "ned", "ner", "om",
    "på", "sam", "till", "tillbaka", "undan", "under", "upp", "ur", "ut", "utan", "vid",
    "å", "åter", "över", "sönder", "kvar", "ihop", "tillhanda",
)


def strong_verb_lemma(form: str) -> str | None:
    """Lemma of a strong/irregular verb form, also with a verb prefix (föreslog -> föreslå)."""
    low = form.lower()
    if low in STRONG_FORMS:
        return STRONG_FORMS[low]
    for i in range(1, len(low) - 2):
        prefix, rest = low[:i], low[i:]
        if rest in STRONG_FORMS and len(rest) >= 3 and (prefix in _PREFIXES or _split_prefix(prefix)):
            return prefix + STRONG_FORMS[rest]
    return None


def _split_prefix(prefix: str) -> bool:
    """A chain of verb prefixes (e.g. 'tillbaka', 'uppe'), not an arbitrary string."""
    if not prefix:
        return True
    return any(prefix.startswith(p) and _split_prefix(prefix[len(p):]) for p in _PREFIXES)

_SENT_FINAL = {".", "!", "?", "…", ":", "...", "!?", "?!"}
_DETERMINERS = {"en", "ett", "den", "det", "de", "denna", "detta", "dessa", "min", "mitt", "din", "ditt", "sin", "sitt", "vår", "vårt", "er", "ert", "hans", "hennes", "deras", "varje", "någon", "något", "ingen", "inget"}
_RECIPROCAL = {"ses", "sågs", "träffas", "träffades", "hörs", "hördes", "möts", "möttes", "kramas", "pratas", "syns"}
_STRONG_FINAL = {".", "!", "?", "…", "..."}
_QUOTES = {'"', "”", "“", "'", "’", "»", "«"}
_BULLETS = {"-", "–", "—", "•", "*", "·", "▪", "◦"}


def _is_newline(token) -> bool:
    return token.is_space and "\n" in token.text


# --- tokenizer -------------------------------------------------------------------


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
    old = tok.token_match
    if getattr(old, "__self__", None) is _TOKEN_MATCH or old is _TOKEN_MATCH.match:
        return
    if old is None:
        tok.token_match = _TOKEN_MATCH.match
    else:
        # Combine with the existing matcher through one compiled pattern so the
        # tokenizer still serialises (it stores ``token_match.__self__.pattern``).
        old_pattern = getattr(getattr(old, "__self__", None), "pattern", None)
        if isinstance(old_pattern, str):
            combined = re.compile(
                f"(?:{_TOKEN_MATCH.pattern})|(?:{old_pattern})", re.VERBOSE
            )
            tok.token_match = combined.match
        else:
            tok.token_match = lambda text, _old=old: _TOKEN_MATCH.match(text) or _old(text)


# --- components ------------------------------------------------------------------


def merge_spans(doc):
    """Merge phone numbers and grouped amounts into single tokens."""
    spans = []
    for regex in (_PHONE_RE, _AMOUNT_RE):
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


def _prev_word(doc, i):
    """Index of the nearest non-space token before ``i`` (or -1)."""
    j = i - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    return j


def _starts_upper(token) -> bool:
    ch = token.text[:1]
    return ch.isupper() or ch.isdigit() or token.text in _BULLETS or ch in "\"”“'«(["


def sentence_rules(doc):
    """Pre-set sentence starts that the parser/senter/sentencizer will respect."""
    never = set(NEVER_FINAL_ABBREVIATIONS)
    never |= {a[:1].upper() + a[1:] for a in NEVER_FINAL_ABBREVIATIONS}
    maybe = set(MAY_BE_FINAL_ABBREVIATIONS)
    n = len(doc)
    # Decisions are collected and written once: spaCy's Token.is_sent_start setter checks
    # the whole doc on every call, which made long texts quadratic.
    starts: list[bool | None] = [None] * n
    for i in range(1, n):
        tok = doc[i]
        if tok.is_space:
            # Whitespace belongs to the sentence before it.
            starts[i] = False
            continue
        j = _prev_word(doc, i)
        if j < 0:
            continue
        prev = doc[j]
        newline_between = any(_is_newline(doc[k]) for k in range(j + 1, i)) or "\n" in prev.whitespace_
        if newline_between:
            blank_line = sum(doc[k].text.count("\n") for k in range(j + 1, i)) + prev.whitespace_.count("\n") >= 2
            line_start = j
            while line_start > 0 and not (
                _is_newline(doc[line_start - 1]) or "\n" in doc[line_start - 1].whitespace_
            ):
                line_start -= 1
            prev_line_len = doc[j].idx + len(doc[j]) - doc[line_start].idx
            if blank_line or (_starts_upper(tok) and (prev.text in _SENT_FINAL or prev_line_len < 60 and prev.text != ",")):
                starts[i] = True
                continue
        if tok.text in _QUOTES and prev.text in _SENT_FINAL and not prev.whitespace_:
            # '1860."' — a quote glued to the full stop closes the sentence.
            starts[i] = False
            continue
        if (
            prev.text in _QUOTES and j > 0 and doc[j - 1].text in _STRONG_FINAL
            and not doc[j - 1].whitespace_ and prev.whitespace_ and _starts_upper(tok)
        ):
            # '1860." Fördraget' — a new sentence after the closing quote.
            starts[i] = True
            continue
        if prev.text in _QUOTES and j > 0 and doc[j - 1].text in _STRONG_FINAL and doc[j - 1].whitespace_ and not prev.whitespace_:
            # '. "Äktenskapet' — the sentence starts at the opening quote, not after it.
            starts[j] = True
            starts[i] = False
            continue
        if prev.text in never:
            starts[i] = False
        elif prev.text in maybe:
            starts[i] = bool(_starts_upper(tok) and not tok.text[:1].isdigit())
        elif tok.text[:1].islower() and prev.text not in _SENT_FINAL and not newline_between:
            # A lower-case word never opens a sentence after a non-final token.
            starts[i] = False
    _write_sentence_starts(doc, starts)
    return doc


def _write_sentence_starts(doc, starts: list) -> None:
    if all(value is None for value in starts):
        return
    values = doc.to_array("SENT_START").astype("int64")
    for index, value in enumerate(starts):
        if value is not None:
            values[index] = 1 if value else -1
    doc.from_array(["SENT_START"], values.reshape(-1, 1).astype("uint64"))


def morph_rules(doc):
    """Deponent verbs are not passive; fix lemmas of a few strong verbs."""
    has_morph = doc.has_annotation("MORPH")
    has_lemma = doc.has_annotation("LEMMA")
    for tok in doc:
        low = tok.lower_
        if has_lemma:
            _fix_lemma_case(tok)
        if low in ("§", "§§") and has_morph:
            # Section signs are symbols (UD SYM), not nouns: they must not count as words
            # in nominal-style measures.
            tok.pos_ = "SYM"
            tok.set_morph(None)
            continue
        dep_lemma = DEPONENT_FORMS.get(low)
        if dep_lemma == "kännas" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "igen":
            dep_lemma = None  # "känns igen" is the passive of "känna igen"
        if dep_lemma is not None:
            if tok.pos_ in ("VERB", "AUX", "") or not tok.pos_:
                tok.lemma_ = dep_lemma
                if has_morph and "Voice=Pass" in str(tok.morph):
                    feats = tok.morph.to_dict()
                    feats.pop("Voice", None)
                    tok.set_morph(feats or None)
            continue
        if has_morph and tok.pos_ not in ("VERB", "AUX", "") and tok.is_alpha:
            analysis = verb_analysis(low)
            prev = doc[tok.i - 1].lower_ if tok.i else ""
            if analysis is not None and prev not in _DETERMINERS:
                tok.pos_ = "VERB"
                tok.set_morph(analysis[1])
                tok.lemma_ = analysis[0]
                continue
        lemma = LEMMA_EXCEPTIONS.get(low)
        if lemma is not None and tok.pos_ in ("VERB", "AUX", ""):
            tok.lemma_ = lemma
        elif tok.pos_ in ("VERB", "AUX") and has_lemma and "Part" not in tok.morph.get("VerbForm"):
            if low == "satt":
                before = {t.lower_ for t in doc[max(0, tok.i - 3) : tok.i]}
                tok.lemma_ = "sätta" if before & {"har", "hade", "ha", "haft", "hava"} else "sitta"
            else:
                strong = strong_verb_lemma(low)
                if strong is not None:
                    tok.lemma_ = strong
        if has_morph and tok.pos_ == "VERB":
            _fix_voice(tok, low)
            if low in _RECIPROCAL and tok.i and doc[tok.i - 1].lower_ in ("vi", "ni", "de", "dom"):
                # "vi ses", "ni träffas": reciprocal, not passive.
                feats = tok.morph.to_dict()
                feats.pop("Voice", None)
                tok.set_morph(feats or None)
    return doc


def _fix_lemma_case(tok) -> None:
    """Lower-case the lemma of a capitalised sentence-initial common word (Förslaget -> förslag)."""
    lemma = tok.lemma_
    if not lemma[:1].isupper() or tok.pos_ in ("PROPN", "X", "SYM", "") or lemma.isupper():
        return
    if tok.i == 0 or tok.is_sent_start or tok.nbor(-1).is_punct or tok.nbor(-1).is_space:
        tok.lemma_ = lemma[:1].lower() + lemma[1:]


_PASSIVE_ENDINGS = (
    ("ades", "a"),  # beviljades -> bevilja
    ("ats", "a"),  # beviljats -> bevilja
    ("as", "a"),  # prövas -> pröva
    ("des", "a"),  # bedömdes -> bedöma
    ("tes", "a"),  # köptes -> köpa
    ("ts", "a"),  # bedömts -> bedöma
    ("es", "a"),  # avbrytes -> avbryta
    ("s", "a"),  # bedöms -> bedöma, hålls -> hålla
)


def passive_lemma(form: str) -> str | None:
    """Guess the lemma of a regular s-passive form the model left unlemmatised."""
    for ending, repl in _PASSIVE_ENDINGS:
        if form.endswith(ending) and len(form) - len(ending) >= 3:
            stem = form[: -len(ending)]
            if ending == "s" and stem[-1] in "aeiouyåäö":
                return None
            return stem + repl
    return None


def _fix_voice(tok, low: str) -> None:
    """Make Voice agree with the s-form of a (non-participle) verb.

    A verb form ending in -s whose lemma does not (prövas/pröva, fattades/fatta,
    hölls/hålla) is an s-passive; one that does not end in -s is not. Imperatives
    (läs/läsa), -ss stems (kyss) and participles are left alone.
    """
    feats = tok.morph.to_dict()
    if feats.get("VerbForm") == "Part":
        return
    lemma = tok.lemma_.lower()
    if low.endswith("s") and (not lemma or lemma == low) and low.isalpha() and len(low) > 4:
        guess = passive_lemma(low)
        if guess:
            tok.lemma_ = guess
            lemma = guess
    voice = feats.get("Voice")
    if low.endswith("s"):
        if (
            voice != "Pass"
            and not low.endswith("ss")
            and lemma
            and not lemma.endswith("s")
            and low != lemma
            and not (lemma.endswith("a") and low == lemma[:-1])
            and low.isalpha()
        ):
            feats["Voice"] = "Pass"
            tok.set_morph(feats)
    elif voice == "Pass":
        feats["Voice"] = "Act"
        tok.set_morph(feats)


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
    names = nlp.pipe_names
    if MERGE_NAME not in names:
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
