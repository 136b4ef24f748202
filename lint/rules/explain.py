"""A rule's documentation in fixed sections, as Markdown (for `kommlint rule` and reports)."""

from __future__ import annotations

from lint.language.personnummer import redact
from lint.rules.api import Rule
from lint.wording import KIND_LABELS

SECTIONS = ("Vad regeln gör", "Varför", "Exempel", "Skriv hellre", "Källa")


def explanation_markdown(rule: Rule) -> str:
    spec = rule.spec
    lines = [
        f"# {rule.code} {rule.name}",
        "",
        f"Princip: **{rule.principle}** · Nivå: **{rule.severity.swedish}** · Typ: {KIND_LABELS.get(rule.kind, rule.kind)}"
        + (" · Kan rättas med --fix" if rule.fixable else ""),
        "",
        f"## {SECTIONS[0]}",
        spec.explanation.vad.strip(),
        "",
        f"## {SECTIONS[1]}",
        spec.explanation.varfor.strip(),
        "",
        f"## {SECTIONS[2]}",
    ]
    for example in spec.examples:
        if example.bad:
            lines.append(f"- Undvik: *{example.bad.strip()}*")
            if example.fixed:
                lines.append(f"  - Rättat: *{example.fixed.strip()}*")
        else:
            lines.append(f"- Bra: *{example.good.strip()}*")
    lines += [
        "",
        f"## {SECTIONS[3]}",
        (spec.explanation.skriv_hellre or _from_examples(rule)).strip(),
        "",
        f"## {SECTIONS[4]}",
        spec.source.strip(),
    ]
    if spec.link:
        lines.append(f"\n<{spec.link}>")
    return redact("\n".join(lines) + "\n")  # OFF008's examples are valid numbers: never shown in full


def _from_examples(rule: Rule) -> str:
    fixed = [example.fixed for example in rule.spec.examples if example.fixed]
    good = [example.good for example in rule.spec.examples if example.good]
    return " ".join(fixed or good[:1]) or "Se exemplen ovan."
