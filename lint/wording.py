"""Small pieces of Swedish wording shared by the reports."""

from __future__ import annotations

KIND_LABELS = {
    "substitution": "ersättning",
    "existence": "förekomst",
    "pattern": "mönster",
    "metric": "mått",
    "required": "krav",
    "python": "Python-kontroll",
}


def count(number: int, singular: str, plural: str) -> str:
    """'1 fil', '3 filer'."""
    return f"{number} {singular if number == 1 else plural}"


def listing(items: list[str], conjunction: str = "och") -> str:
    """'a', 'a och b', 'a, b och c'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def decimal(value: float) -> str:
    """A number with a decimal comma."""
    return str(value).replace(".", ",")


def suggestion_list(suggestions: tuple[str, ...]) -> str:
    """Suggestions as a reader sees them: 'får | erhålla'. An empty one (delete the match) reads
    'ta bort', and one with a space at either end is quoted, so that the space shows (”. ”)."""
    return " | ".join(_shown(suggestion) for suggestion in suggestions)


def _shown(suggestion: str) -> str:
    if not suggestion:
        return "ta bort"
    return f"”{suggestion}”" if suggestion != suggestion.strip() else suggestion
