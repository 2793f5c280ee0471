"""Fuzzed input for the parsers behind the forms, imports and files (issue: nothing unhandled).

Each input is either accepted with a sensible value or refused with a DomainError carrying a
message; no other exception escapes. ``HYPOTHESIS_PROFILE=fuzz`` runs 1,000 examples each.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from desktop.models import numbers, orders
from desktop.models.errors import DomainError
from desktop.models.numbers import parse_rupiah
from desktop.models.orders.units import parse_quantity
from desktop.scheduling.errors import ProblemError
from desktop.scheduling.problem_io import problem_from_dict

money_like = st.one_of(
    st.text(max_size=40),
    st.from_regex(r"(Rp\.? ?)?[0-9]{1,3}(\.[0-9]{3}){0,3}(,[0-9]{1,2})?( ?(rb|ribu|jt|juta))?", fullmatch=True),
)


def _refused_well(error: DomainError | ProblemError) -> None:
    assert str(error).strip()


@given(money_like)
def test_rupiah_amounts(text: str) -> None:
    try:
        value = parse_rupiah(text, strict=True)
    except DomainError as error:
        _refused_well(error)
        return
    assert isinstance(value, int) and value >= 0


@given(st.text(max_size=40))
def test_quantities(text: str) -> None:
    try:
        quantity, unit = parse_quantity(text)
    except DomainError as error:
        _refused_well(error)
        return
    assert isinstance(quantity, int)
    assert unit is None or isinstance(unit, str)


@given(st.one_of(st.text(max_size=40), st.integers(), st.floats(allow_nan=True), st.none(), st.booleans()))
def test_spreadsheet_numbers(value: object) -> None:
    try:
        number = numbers.parse_indonesian_number(value)
    except DomainError as error:
        _refused_well(error)
        return
    assert isinstance(number, Decimal) and number.is_finite()


@given(st.text(max_size=30))
def test_delivery_dates(text: str) -> None:
    try:
        day = orders.parse_delivery_date(text, dt.date(2020, 3, 6))
    except DomainError as error:
        _refused_well(error)
        return
    assert day is None or isinstance(day, dt.date)


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=8)),
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(st.text(max_size=8), children, max_size=4)),
    max_leaves=20,
)
problem_keys = st.fixed_dictionaries(
    {},
    optional={
        "slots": st.lists(st.fixed_dictionaries({"id": st.text(max_size=3)}, optional={
            "start": st.sampled_from(["09:00", "9", "25:00", ""]), "session": st.sampled_from(["morning", "x"])}), max_size=3),
        "tables": st.lists(st.fixed_dictionaries({"id": st.text(max_size=3)}), max_size=3),
        "participants": st.lists(st.fixed_dictionaries({"id": st.text(max_size=3)}, optional={
            "unavailable": st.lists(st.text(max_size=3), max_size=2), "max_meetings": json_values}), max_size=3),
        "requests": st.lists(st.fixed_dictionaries({"id": st.text(max_size=3), "a": st.text(max_size=3),
                                                    "b": st.text(max_size=3)}, optional={"priority": json_values}), max_size=3),
        "fixed": st.lists(json_values, max_size=2),
        "options": json_values,
    },
)


@given(st.one_of(json_values, problem_keys))
def test_problem_files(data: object) -> None:
    try:
        problem_from_dict(data)
    except ProblemError as error:  # the engine's own error: it takes plain data and knows no domain
        _refused_well(error)


@given(st.binary(max_size=2000), st.sampled_from([".xlsx", ".csv", ".xls", ".txt"]))
def test_any_file_given_to_the_import(tmp_path_factory, content: bytes, suffix: str) -> None:  # type: ignore[no-untyped-def]
    from desktop.models.spreadsheet.reader import inspect_file

    path = Path(tmp_path_factory.mktemp("fuzz")) / f"peserta{suffix}"
    path.write_bytes(content)
    try:
        inspect_file(path)
    except DomainError as error:
        _refused_well(error)
