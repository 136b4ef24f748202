"""Personnummer and samordningsnummer (OFF008): every valid number in every written form is
found, and 1 000 digit strings of the same shapes that are no personnummer are not."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from conftest import lint_text

from lint.language.personnummer import find_numbers, luhn_valid, mask, redact

TODAY = date(2026, 12, 1)  # conftest's SOURCE_DATE_EPOCH
FORMS = ("short", "short_plain", "long", "long_plain", "plus")


def check_digit(nine: str) -> str:
    return next(str(d) for d in range(10) if luhn_valid(nine + str(d)))


def write(born: date, serial: str, form: str, coordination: bool = False, last: str | None = None) -> str:
    day = born.day + 60 if coordination else born.day
    core = f"{born.year % 100:02d}{born.month:02d}{day:02d}"
    last = last if last is not None else check_digit(core + serial)
    century = f"{born.year // 100}"
    return {
        "short": f"{core}-{serial}{last}",
        "short_plain": f"{core}{serial}{last}",
        "long": f"{century}{core}-{serial}{last}",
        "long_plain": f"{century}{core}{serial}{last}",
        "plus": f"{core}+{serial}{last}",
    }[form]


def valid_numbers(count: int, seed: int = 18) -> list[tuple[str, bool]]:
    chosen = random.Random(seed)
    numbers = []
    for index in range(count):
        form = FORMS[index % len(FORMS)]
        oldest, youngest = (
            (date(1901, 1, 1), TODAY - timedelta(days=365 * 100 + 30)) if form == "plus" else (TODAY - timedelta(days=365 * 99), TODAY)
        )
        if form.startswith("long"):
            oldest = date(1890, 1, 1)
        born = oldest + timedelta(days=chosen.randrange((youngest - oldest).days))
        coordination = index % 7 == 0
        numbers.append((write(born, f"{chosen.randrange(1000):03d}", form, coordination), coordination))
    return numbers


def invalid_numbers(count: int, seed: int = 81) -> list[str]:
    """Same shapes, but a wrong check digit, an impossible date, an organisationsnummer
    (month 20 or more) or a birth date after today."""
    chosen = random.Random(seed)
    numbers = []
    for index in range(count):
        form = FORMS[index % len(FORMS)]
        kind = index % 4
        born = date(1950, 1, 1) + timedelta(days=chosen.randrange(365 * 70))
        serial = f"{chosen.randrange(1000):03d}"
        if kind == 0:  # a real date, the wrong check digit
            right = check_digit(f"{born.year % 100:02d}{born.month:02d}{born.day:02d}{serial}")
            numbers.append(write(born, serial, form, last=str((int(right) + 1 + chosen.randrange(9)) % 10)))
        elif kind == 1:  # organisationsnummer: third digit 2 or more, right check digit
            core = f"{chosen.randrange(100):02d}{chosen.randrange(20, 100):02d}{chosen.randrange(100):02d}"
            numbers.append(_shaped(core, serial, form, chosen))
        elif kind == 2:  # no such day: month 13–19 or 00, or day 32–60 or 92–99 or 00
            month = chosen.choice([0, *range(13, 20)]) if chosen.random() < 0.5 else chosen.randrange(1, 13)
            day = chosen.choice([0, *range(32, 61), *range(92, 100)]) if month in range(1, 13) else chosen.randrange(1, 29)
            numbers.append(_shaped(f"{chosen.randrange(100):02d}{month:02d}{day:02d}", serial, form, chosen))
        else:  # born after today (written with the century, the only form that can say so)
            future = TODAY + timedelta(days=1 + chosen.randrange(365 * 20))
            numbers.append(write(future, serial, "long" if index % 2 else "long_plain"))
    return numbers


def _shaped(core: str, serial: str, form: str, chosen: random.Random) -> str:
    last = check_digit(core + serial)
    century = chosen.choice(["19", "20"])
    return {
        "short": f"{core}-{serial}{last}",
        "short_plain": f"{core}{serial}{last}",
        "long": f"{century}{core}-{serial}{last}",
        "long_plain": f"{century}{core}{serial}{last}",
        "plus": f"{core}+{serial}{last}",
    }[form]


def test_every_valid_number_in_every_form_is_found_and_masked():
    numbers = valid_numbers(1000)
    assert {form for form in FORMS} == {FORMS[i % 5] for i in range(len(numbers))}
    for number, coordination in numbers:
        found = find_numbers(f"Sökande: {number}, Fleminggatan 4.", TODAY)
        assert [(n.text, n.coordination) for n in found] == [(number, coordination)], number
        digits = [c for c in number if c.isdigit()]
        assert found[0].masked == mask(number) and found[0].masked.count("X") == len(digits) - 6


def test_no_finding_on_a_thousand_strings_of_the_same_shapes():
    numbers = invalid_numbers(1000)
    assert len(set(numbers)) > 990
    wrong = [number for number in numbers if find_numbers(f"Nummer {number} står på fakturan.", TODAY)]
    assert wrong == []


def test_the_linter_reports_each_valid_number_once_and_none_of_the_others(linter):
    valid = [number for number, _ in valid_numbers(40, seed=3)]
    invalid = invalid_numbers(200, seed=4)
    text = "\n\n".join([f"Deltagare {number} anmälde sig." for number in valid] + [f"Fakturan har nummer {number}." for number in invalid])
    result = lint_text(linter, text, select=("OFF008",))
    assert [d.match for d in result.diagnostics] == [mask(number) for number in valid]
    assert all(d.severity.label == "error" for d in result.diagnostics)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("811218-9876", "811218-XXXX"),
        ("19811218-9876", "198112XX-XXXX"),
        ("Ring 8112189876 i dag", "Ring 811218XXXX i dag"),
        ("Organisationsnummer 212000-0142", "Organisationsnummer 212000-0142"),
        ("Bankgiro 5050-1055, dnr 2023-04512", "Bankgiro 5050-1055, dnr 2023-04512"),
        ("Datum 2026-11-20 och telefon 08-508 290 00", "Datum 2026-11-20 och telefon 08-508 290 00"),
        ("Nummer 811218-98765 är för långt", "Nummer 811218-98765 är för långt"),
    ],
)
def test_redact_keeps_length_and_masks_only_valid_numbers(text, shown):
    assert redact(text) == shown and len(redact(text)) == len(text)
