"""Write the inflected forms of the klarspråk word lists into their rule files.

The word lists in `rules/klarsprak/*.yaml` are data a communicator can edit by hand.
This developer tool saves typing: it reads the compact word lists in
`tools/klarsprak_words.txt`, inflects every entry and its plainer alternative slot by
slot (erhöll → fick, erhållit → fått) and rewrites the `swap:` section of each rule file.

    python tools/klarsprak_forms.py            # rewrite the swap sections
    python tools/klarsprak_forms.py --check    # exit 1 if a rule file is out of date

Entry syntax (one per line, `#` starts a comment, `[KLAR001]` starts a rule's list):

    v:erhålla/erhåller/erhöll/erhållit => v:få/får/fick/fått!
    v:anmoda => v:uppmana
    v:äga rum => v:hända/händer/hände/hänt; =vara
    n:avnämare/avnämaren/avnämare/avnämarna => n:användare/användaren/användare/användarna
    a:erforderlig => a:nödvändig; =som behövs
    w:jämlikt => =enligt

`v:` verbs give infinitive/present/past/supine (regular -a verbs need only the
infinitive); words after the verb are a fixed phrase tail. A trailing `!` on a
suggestion means its passive forms sound wrong, so passive matches get the base form
as an unsafe suggestion. `n:` nouns give indefinite/definite singular and plural (or
two forms for a mass noun); genitives are added. `a:` adjectives give base/t/a forms
(regular ones only the base). `w:` is an invariable word or phrase, `=` a suggestion
that is not inflected. Options after ` | ` (with spaces): `pos=VERB,AUX`, `unless=REGEX`, `nolemma`,
`unsafe`, `nofix` (suggest only, never a fix), `nopass` (no passive forms; phrases never
get them), `source=TEXT`. A line
`@source TEXT` sets the source of the entries after it, until the next rule header.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lint.language.verbs import verb_forms  # noqa: E402

WORDS = ROOT / "tools" / "klarsprak_words.txt"
RULES = ROOT / "rules" / "klarsprak"

VERB_SLOTS = ("inf", "pres", "past", "sup", "pinf", "ppres", "ppres_es", "ppast", "psup")
PASSIVE_SLOTS = {"pinf", "ppres", "ppres_es", "ppast", "psup"}


def noun_forms(spec: str) -> dict[str, str]:
    parts = spec.split("/")
    names = ("sg", "sgdef", "pl", "pldef")[: len(parts)]
    forms = dict(zip(names, parts))
    for name, form in list(forms.items()):
        if not form.endswith(("s", "x", "z")):
            forms[name + "_gen"] = form + "s"
    return forms


def adjective_forms(spec: str) -> dict[str, str]:
    parts = spec.split("/")
    if len(parts) == 1:
        base = parts[0]
        parts = [base, base + "t", base + "a"]
    return dict(zip(("base", "t", "a"), parts))


def inflect(spec: str) -> tuple[str, dict[str, str], bool]:
    """(base form, slot → form, passive ok) for a word spec; tails are kept."""
    passive_ok = not spec.endswith("!")
    spec = spec.rstrip("!")
    kind, _, body = spec.partition(":")
    if kind == "=" or not _:
        return body if _ else spec.lstrip("="), {}, passive_ok
    parts = [part.split(" ", 1) for part in body.split("/")]
    head = "/".join(part[0] for part in parts)
    tail = max((part[1] for part in parts if len(part) > 1), key=len, default="")
    builder = {"v": verb_forms, "n": noun_forms, "a": adjective_forms}.get(kind)
    if builder is None:
        return body, {}, passive_ok
    forms = builder(head)
    if tail:
        forms = {slot: f"{form} {tail}" for slot, form in forms.items()}
    base = next(iter(forms.values()))
    return base, forms, passive_ok


def parse_entry(line: str) -> dict:
    entry_text, *options = line.split(" | ")
    word, _, suggestions = entry_text.partition("=>")
    word = word.strip()
    base, forms, _ = inflect(word)
    if word.startswith("w:"):
        base = word[2:]
    suggested = [inflect(s.strip()) for s in suggestions.split(";") if s.strip()]
    if not suggested:
        raise ValueError(f"förslag saknas: {line}")
    first_base, first_forms, passive_ok = suggested[0]
    swap: dict = {"match": base, "suggest": [s[0] for s in suggested]}
    inflected = {}
    no_passive = "nopass" in options or (word.startswith("v:") and " " in word)
    for slot, form in forms.items():
        if slot in PASSIVE_SLOTS and no_passive:
            continue
        alternative = first_forms.get(slot.replace("_es", ""))  # erhålles → fås, not an old -es form
        if slot in PASSIVE_SLOTS and not passive_ok:
            alternative = None
        if form == base or form == alternative:
            continue  # the base form, or an old form that is also today's (tog, hade)
        if form in inflected and inflected[form] != alternative:
            alternative = None  # one form, two meanings (avsändes: present or past): no safe guess
        inflected[form] = alternative
    if inflected:
        swap["forms"] = inflected
    for option in filter(None, (o.strip() for o in options)):
        key, _, value = option.partition("=")
        if key == "pos":
            swap["pos"] = value.split(",")
        elif key == "unless":
            swap.setdefault("unless", []).append(value)
        elif key == "nolemma":
            swap["lemma"] = False
        elif key == "unsafe":
            swap["safe"] = False
        elif key == "nofix":
            swap["fix"] = False
        elif key == "nopass":
            pass
        elif key == "source":
            swap["source"] = value
        else:
            raise ValueError(f"okänt alternativ {key!r}: {line}")
    if word.startswith(("w:", "=")) or not forms:
        swap.setdefault("lemma", False)
    elif word.startswith("v:") and "pos" not in swap:
        swap["pos"] = ["VERB", "AUX"]
    elif word.startswith("n:") and "pos" not in swap:
        swap["pos"] = ["NOUN"]
    elif word.startswith("a:") and "pos" not in swap:
        swap["pos"] = ["ADJ", "VERB"]
    return swap


def read_lists(path: Path = WORDS) -> dict[str, list[dict]]:
    lists: dict[str, list[dict]] = {}
    current = None
    source = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.split("  #")[0].strip()
        if not line or line.startswith("#"):
            continue
        header = re.fullmatch(r"\[(\w+)\]", line)
        if header:
            current = lists.setdefault(header.group(1), [])
            source = None
            continue
        if line.startswith("@source "):
            source = line.removeprefix("@source ").strip()
            continue
        if current is None:
            raise SystemExit(f"{path}:{number}: regelrubrik saknas")
        try:
            swap = parse_entry(line)
            if source and "source" not in swap:
                swap["source"] = source
            current.append(swap)
        except ValueError as error:
            raise SystemExit(f"{path}:{number}: {error}") from None
    return lists


def _scalar(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def swap_yaml(swaps: list[dict]) -> str:
    out = ["swap:"]
    for swap in swaps:
        out.append(f"  - match: {_scalar(swap['match'])}")
        out.append("    suggest: [" + ", ".join(_scalar(s) for s in swap["suggest"]) + "]")
        if "forms" in swap:
            pairs = ", ".join(f"{_scalar(k)}: {_scalar(v)}" for k, v in swap["forms"].items())
            out.append("    forms: {" + pairs + "}")
        if "pos" in swap:
            out.append("    pos: [" + ", ".join(swap["pos"]) + "]")
        if "lemma" in swap:
            out.append(f"    lemma: {_scalar(swap['lemma'])}")
        if "unless" in swap:
            out.append("    unless: [" + ", ".join(_scalar(u) for u in swap["unless"]) + "]")
        if "safe" in swap:
            out.append(f"    safe: {_scalar(swap['safe'])}")
        if "fix" in swap:
            out.append(f"    fix: {_scalar(swap['fix'])}")
        if "source" in swap:
            out.append(f"    source: {_scalar(swap['source'])}")
    return "\n".join(out) + "\n"


SWAP_SECTION = re.compile(r"^swap:\n(?:(?:  .*)?\n)*", re.M)


def rewrite(code: str, swaps: list[dict], check: bool) -> bool:
    files = sorted(RULES.glob(f"{code}-*.yaml"))
    if not files:
        raise SystemExit(f"regelfil saknas för {code}")
    path = files[0]
    text = path.read_text(encoding="utf-8")
    new = SWAP_SECTION.sub(lambda _: swap_yaml(swaps), text, count=1)
    if new == text:
        return False
    if not check:
        path.write_text(new, encoding="utf-8")
    print(f"{'inaktuell' if check else 'skrev'} {path.relative_to(ROOT)} ({len(swaps)} poster)")
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    changed = [rewrite(code, swaps, args.check) for code, swaps in read_lists().items()]
    return 1 if args.check and any(changed) else 0


if __name__ == "__main__":
    sys.exit(main())
