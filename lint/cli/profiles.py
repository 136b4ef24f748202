"""`kommlint profiles`: the document profiles, their readers, limits and required elements."""

from __future__ import annotations

import click

# Swedish names of the elements a profile can require, for the table.
ELEMENT_NAMES = {
    "avsandare": "avsändare",
    "forvaltning": "förvaltning",
    "kontakt": "kontaktväg",
    "datum": "datum",
    "pa_uppdrag": "på uppdrag av",
    "allman_handling": "allmän handling",
    "diarienummer": "diarienummer",
    "overklagande": "överklagande",
    "motivering": "motivering",
    "personuppgifter": "personuppgifter",
}
THRESHOLD_NAMES = {
    "lix": "LIX",
    "sentence_words": "ord/mening",
    "block_words": "ord/stycke",
    "passive_share": "passiv",
    "heading_words": "ord utan rubrik",
    "nk": "nominalkvot",
}


@click.command()
def profiles() -> None:
    """Visa dokumentprofilerna: läsare, gränsvärden och vad texten måste innehålla.

    Profilen väljs med --profile, i dokumentets metadata (profile:), med mönster i
    konfigurationen eller genom att kommlint känner igen texten.
    """
    from rich.console import Console
    from rich.table import Table

    from lint.resources import builtin_rules_dir
    from lint.rules.profiles import load_profiles

    loaded = load_profiles(builtin_rules_dir() / "profiles.yaml")
    table = Table(title="Dokumentprofiler", title_justify="left", caption=f"Standardprofil: {loaded.default}", caption_justify="left")
    table.add_column("Profil", no_wrap=True)
    for heading in ("Läsare", "Gränsvärden", "Måste innehålla"):
        table.add_column(heading)
    for name, profile in loaded.by_name.items():
        shown = name
        limits = ", ".join(f"{THRESHOLD_NAMES.get(key, key)} {_number(value)}" for key, value in profile.thresholds.items())
        required = ", ".join(ELEMENT_NAMES.get(element, element) for element in sorted(profile.requires, key=_order))
        table.add_row(shown, profile.reader, limits, required)
    Console(highlight=False).print(table)


def _order(element: str) -> int:
    order = list(ELEMENT_NAMES)
    return order.index(element) if element in order else len(order)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value).replace(".", ",")
