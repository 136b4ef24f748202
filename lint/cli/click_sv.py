"""Swedish for the texts click itself writes (usage, help headings, usage errors).

click marks its texts for gettext; kommlint has no message catalogue to install, so the
modules' `_`/`ngettext` are pointed at this small table instead. Texts missing from the
table stay in English rather than fail.
"""

from __future__ import annotations

import importlib

SWEDISH = {
    "Usage:": "Användning:",
    "Options": "Flaggor",
    "Commands": "Kommandon",
    "Positional arguments": "Argument",
    "Show this message and exit.": "Visa den här hjälpen och avsluta.",
    "Show the version and exit.": "Visa versionen och avsluta.",
    "Error: {message}": "Fel: {message}",
    "Try '{command} {option}' for help.": "Skriv ”{command} {option}” för hjälp.",
    "No such command {name!r}.": "Kommandot ”{name}” finns inte.",
    "No such option {name!r}.": "Flaggan ”{name}” finns inte.",
    "No such option: {name}": "Flaggan finns inte: {name}",
    "Invalid value for {param_hint}: {message}": "Ogiltigt värde för {param_hint}: {message}",
    "Invalid value: {message}": "Ogiltigt värde: {message}",
    "Missing argument": "Argument saknas",
    "Missing option": "Flagga saknas",
    "Missing parameter": "Parameter saknas",
    "Missing command.": "Kommando saknas.",
    "Missing {param_type}": "{param_type} saknas",
    "Missing parameter: {param_name}": "Parameter saknas: {param_name}",
    "Option {name!r} does not take a value.": "Flaggan ”{name}” tar inget värde.",
    "Option {name!r} requires an argument.": "Flaggan ”{name}” behöver ett värde.",
    "Option {name!r} requires {nargs} arguments.": "Flaggan ”{name}” behöver {nargs} värden.",
    "Got unexpected extra argument ({args})": "Oväntat extra argument ({args})",
    "Got unexpected extra arguments ({args})": "Oväntade extra argument ({args})",
    "{value!r} is not {choice}.": "”{value}” är inte {choice}.",
    "{value!r} is not one of {choices}.": "”{value}” är inte ett av {choices}.",
    "{value!r} is not a valid {number_type}.": "”{value}” är inte ett giltigt {number_type}.",
    "{value} is not in the range {range}.": "{value} ligger utanför {range}.",
    "{name} {filename!r} does not exist.": "{name} ”{filename}” finns inte.",
    "{name} {filename!r} is a directory.": "{name} ”{filename}” är en mapp.",
    "{name} {filename!r} is a file.": "{name} ”{filename}” är en fil.",
    "{name} {filename!r} is not readable.": "{name} ”{filename}” går inte att läsa.",
    "{name} {filename!r} is not writable.": "{name} ”{filename}” går inte att skriva till.",
    "Could not open file {filename!r}: {message}": "Kan inte öppna filen ”{filename}”: {message}",
    "Did you mean {possibility}?": "Menade du {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Menade du något av: {possibilities}?)",
    "default: {default}": "standard: {default}",
    "required": "krävs",
    "file": "Filen",
    "directory": "Mappen",
    "path": "Sökvägen",
    "integer": "heltal",
    "float": "decimaltal",
    "Aborted!": "Avbrutet!",
    "%(prog)s, version %(version)s": "%(prog)s, version %(version)s",
}

MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "types", "termui", "utils")


def _translate(message: str) -> str:
    return SWEDISH.get(message, message)


def _ntranslate(singular: str, plural: str, count: int) -> str:
    return _translate(singular if count == 1 else plural)


def install() -> None:
    for name in MODULES:
        try:
            module = importlib.import_module(f"click.{name}")
        except ImportError:  # a click version without that module
            continue
        if hasattr(module, "_"):
            module._ = _translate
        if hasattr(module, "ngettext"):
            module.ngettext = _ntranslate
