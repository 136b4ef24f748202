"""Swedish personal identity numbers (personnummer, samordningsnummer): finding and masking.

A candidate is ten or twelve digits, written YYMMDD-NNNN, YYMMDD+NNNN (100 years or
older), YYYYMMDD-NNNN or without the separator. It counts only when its last digit is
the Luhn check digit of the other nine and its first six or eight digits are a real,
past date (a samordningsnummer has 60 added to the day). An organisationsnummer has a
month of 20 or more and so never passes; nor do most dnr, OCR and invoice numbers.

`redact` is what every output applies: kommlint must not copy the numbers it warns
about into reports, caches and databases. It keeps the first six digits and masks the
rest, character for character, so offsets into the text stay valid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from lint.clock import today as current_date

# Not inside a longer run of digits (or a decimal number, an address, a dnr like 2023/1234-5).
CANDIDATE = re.compile(
    r"(?<![\w/.,:-])(?:(?P<century>18|19|20)?(?P<date>\d{6})(?P<sep>[-+–]?)(?P<serial>\d{3})(?P<check>\d))(?![\w/]|[.,:-]\d)"
)
MASK = "X"
SHOWN_DIGITS = 6
SIX_DIGITS = re.compile(r"\d{6}")


@dataclass(frozen=True)
class IdentityNumber:
    start: int
    end: int
    text: str
    coordination: bool  # a samordningsnummer (day + 60)

    @property
    def masked(self) -> str:
        return mask(self.text)


def find_numbers(text: str, today: date | None = None) -> list[IdentityNumber]:
    """Every valid personnummer and samordningsnummer in `text`."""
    if SIX_DIGITS.search(text) is None:
        return []
    today = today or current_date()
    found = []
    for match in CANDIDATE.finditer(text):
        day = _valid_day(match, today)
        if day is not None:
            found.append(IdentityNumber(match.start(), match.end(), match.group(0), day > 60))
    return found


def _valid_day(match: re.Match, today: date) -> int | None:
    """The written day (61–91 for a samordningsnummer) when the number is valid, else None."""
    digits = match.group("date") + match.group("serial") + match.group("check")
    if not luhn_valid(digits):
        return None
    century, separator = match.group("century"), match.group("sep")
    if century and separator == "+":
        return None
    year_digits, month, day = int(digits[0:2]), int(digits[2:4]), int(digits[4:6])
    year = int(century) * 100 + year_digits if century else _year(year_digits, separator == "+", today)
    real_day = day - 60 if day > 60 else day
    try:
        born = date(year, month, real_day)
    except ValueError:
        return None
    return day if born <= today else None


def _year(two_digits: int, hundred_or_older: bool, today: date) -> int:
    """The most recent year ending in these digits, a century earlier after a '+'."""
    year = today.year - (today.year - two_digits) % 100
    return year - 100 if hundred_or_older else year


def luhn_valid(digits: str) -> bool:
    """The Luhn check over ten digits (weights 2, 1, 2, 1 …)."""
    total = 0
    for index, char in enumerate(digits):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def mask(number: str) -> str:
    """The number with every digit after the first six replaced by X."""
    shown = 0
    out = []
    for char in number:
        if char.isdigit():
            shown += 1
            out.append(char if shown <= SHOWN_DIGITS else MASK)
        else:
            out.append(char)
    return "".join(out)


def redact(text: str) -> str:
    """`text` with every valid personnummer masked (same length, same offsets)."""
    numbers = find_numbers(text)
    if not numbers:
        return text
    parts, position = [], 0
    for number in numbers:
        parts.append(text[position : number.start])
        parts.append(number.masked)
        position = number.end
    parts.append(text[position:])
    return "".join(parts)
