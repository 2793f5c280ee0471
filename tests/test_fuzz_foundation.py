"""Fuzzed input for the foundation's parsers and forms: accepted correctly or refused with a message."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from desktop.models.people import participants
from desktop.models.errors import DomainError, ValidationError
from desktop.models.event.event_setup import Break, SlotPlan, generate_slots
from desktop.models.people.participants import ParticipantData, normalize_code, validate
from desktop.models.people.phone import normalize_phone

any_text = st.text(max_size=600)


@given(any_text)
def test_phone_is_normalised_or_refused_with_a_message(raw: str) -> None:
    try:
        phone = normalize_phone(raw)
    except ValidationError as error:
        assert error.field == "phone" and error.message
        return
    assert phone == "" or (phone.startswith("+62") and phone[1:].isdigit() and 10 <= len(phone) <= 16)


@given(st.from_regex(r"(\+62|62|0)8[1-9][0-9]{7,10}", fullmatch=True), st.sampled_from(["", " ", "-"]))
def test_every_plausible_mobile_number_is_accepted(number: str, separator: str) -> None:
    typed = separator.join([number[:4], number[4:8], number[8:]])
    assert normalize_phone(typed).startswith("+628")


@given(any_text)
def test_scanned_codes_are_reduced_to_letters_and_digits(raw: str) -> None:
    code = normalize_code(raw)
    assert code == code.upper() and all(ch.isalnum() for ch in code)


@given(
    name=any_text,
    phone=st.text(max_size=30),
    capacity=st.one_of(st.none(), st.integers(min_value=-10**12, max_value=10**12)),
    delegation=st.integers(min_value=-5, max_value=10_000),
    kind=st.sampled_from(["ikm", "buyer", "bank", "xx", ""]),
)
def test_participant_form_validates_or_explains(name: str, phone: str, capacity: int | None, delegation: int, kind: str) -> None:
    data = ParticipantData(business_name=name, phone=phone, monthly_capacity=capacity, delegation_size=delegation, kind=kind)
    try:
        cleaned = validate(data)
    except ValidationError as error:
        assert error.problems and all(message for message in error.problems.values())
        return
    assert cleaned.business_name and cleaned.business_name == cleaned.business_name.strip()


@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=200))
def test_any_business_name_round_trips_through_the_database(demo_db, admin, name: str) -> None:  # type: ignore[no-untyped-def]
    try:
        with demo_db.transaction() as session:
            row = participants.create_participant(session, ParticipantData(business_name=name), admin)
    except DomainError:
        assert not " ".join(name.replace("\x00", "").split())  # only blank names are refused (NUL dropped)
        return
    with demo_db.read() as session:
        assert participants.get_participant(session, row.id).business_name == " ".join(name.replace("\x00", "").split())


times = st.builds(dt.time, st.integers(0, 23), st.sampled_from([0, 10, 15, 20, 30, 45]))


@given(times, times, st.integers(-5, 300), st.lists(st.tuples(times, times), max_size=3))
def test_slot_generation_never_overlaps_breaks_or_crashes(start, end, minutes, pauses) -> None:  # type: ignore[no-untyped-def]
    plan = SlotPlan(start, end, minutes, [Break(a, b) for a, b in pauses])
    try:
        slots = generate_slots(plan)
    except ValidationError as error:
        assert error.message
        return
    for (a_start, a_end, _s), (b_start, _b_end, _t) in zip(slots, slots[1:], strict=False):
        assert a_end <= b_start
    for slot_start, slot_end, _session in slots:
        assert start <= slot_start < slot_end <= end
        for pause in plan.breaks:
            assert slot_end <= pause.start or slot_start >= pause.end
