"""A simulated event day on top of the demo event, so every report has real content.

The scheduler, check-in and order features are built elsewhere; here rows are written
straight into the tables: requests placed greedily into a free slot at the host's table,
most participants checked in, meetings marked, orders recorded (including the 40,000
requested / 20,000 committed case with a co-fulfilling maker). Deterministic per seed.
Used by the report tests, bench/reports.py and the PNG look-over script.
"""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.orm import (
    CheckInEvent,
    Meeting,
    MeetingRequest,
    MeetingTable,
    Order,
    OrderLine,
    Participant,
    ProductCategory,
    TimeSlot,
)

SPECIAL_NAME = "CV. Sepatu & Sandal <Jaya> \"Ma'ruf\" 👟"
SPECIAL_CONTACT = "Dédé Nur'aini & Söhne"
BIG_ORDER_REQUESTED = 40_000
BIG_ORDER_COMMITTED = 20_000
HELPER_COMMITTED = 5_000


def schedule_greedily(session: Session) -> int:
    """Place every request in the first slot where the host's table and both sides are free."""
    slots = list(session.scalars(select(TimeSlot).order_by(TimeSlot.ordinal)))
    tables = {t.host_participant_id: t for t in session.scalars(select(MeetingTable)) if t.host_participant_id}
    busy: set[tuple[int, int]] = set()  # (participant id, slot id)
    table_busy: set[tuple[int, int]] = set()
    placed = 0
    requests = session.scalars(select(MeetingRequest).order_by(MeetingRequest.priority.desc(), MeetingRequest.id))
    for request in list(requests):
        a, b = request.participant_a_id, request.participant_b_id
        table = tables.get(a) or tables.get(b)
        if table is None:
            continue
        for slot in slots:
            if request.session_wish in ("pagi", "siang") and slot.session != request.session_wish:
                continue
            if (a, slot.id) in busy or (b, slot.id) in busy or (table.id, slot.id) in table_busy:
                continue
            session.add(Meeting(request_id=request.id, slot_id=slot.id, table_id=table.id))
            busy |= {(a, slot.id), (b, slot.id)}
            table_busy.add((table.id, slot.id))
            placed += 1
            break
    session.flush()
    return placed


def check_in_most(session: Session, rng: random.Random, day: dt.date) -> set[int]:
    """About nine in ten participants check in between 07:40 and 09:40; one check-in is undone."""
    present: set[int] = set()
    people = list(session.scalars(select(Participant).order_by(Participant.id)))
    for index, person in enumerate(people):
        if rng.random() < 0.1:
            continue
        at = dt.datetime.combine(day, dt.time(7, 40)) + dt.timedelta(minutes=rng.randint(0, 120),
                                                                     seconds=rng.randint(0, 59))
        session.add(CheckInEvent(participant_id=person.id, at=at, nonce=f"sim-{person.id}",
                                 operator_name=rng.choice(["Sari", "Budi"]), desk=f"Meja {1 + index % 2}"))
        present.add(person.id)
    undone = next(iter(sorted(present)))
    session.add(CheckInEvent(participant_id=undone, action="undo", nonce=f"sim-undo-{undone}",
                             at=dt.datetime.combine(day, dt.time(9, 50)), operator_name="Sari"))
    present.discard(undone)
    session.flush()
    return present


def mark_meetings(session: Session, present: set[int]) -> None:
    """Morning meetings are over: held when both came, no-show otherwise; the afternoon is half done."""
    query = select(Meeting, MeetingRequest, TimeSlot).join(MeetingRequest).join(TimeSlot)
    for meeting, request, slot in session.execute(query):
        if slot.start >= dt.time(14, 0):
            continue
        both = request.participant_a_id in present and request.participant_b_id in present
        meeting.status = "held" if both else "no_show"
    session.flush()


def record_orders(session: Session, rng: random.Random) -> None:
    categories = {c.code: c for c in session.scalars(select(ProductCategory))}
    held = session.execute(
        select(Meeting, MeetingRequest).join(MeetingRequest).where(Meeting.status == "held").order_by(Meeting.id)
    ).all()
    kinds = dict(session.execute(select(Participant.id, Participant.kind)).all())
    footwear = ["sepatu_wanita", "sepatu_pria", "sepatu_anak", "sepatu_olahraga", "sandal", "sandal_jepit"]
    big_done = False
    for meeting, request in held:
        a, b = request.participant_a_id, request.participant_b_id
        pair = {kinds[a]: a, kinds[b]: b}
        if "buyer" in pair and "ikm" in pair and rng.random() < 0.55:
            buyer, maker = pair["buyer"], pair["ikm"]
            code = rng.choice(footwear)
            if not big_done:
                big_done = True
                order = Order(buyer_id=buyer, seller_id=maker, meeting_id=meeting.id, status="confirmed",
                              created_by="Sari")
                order.lines = [OrderLine(category_id=categories["sepatu_wanita"].id, unit_entered="pasang",
                                         quantity_entered=BIG_ORDER_REQUESTED, requested_quantity=BIG_ORDER_REQUESTED,
                                         committed_quantity=BIG_ORDER_COMMITTED, unit_price=85_000,
                                         description="Sepatu pantofel wanita")]
                session.add(order)
                session.flush()
                helper = next(pid for pid, kind in kinds.items() if kind == "ikm" and pid != maker)
                child = Order(buyer_id=buyer, seller_id=helper, status="confirmed", parent_order_id=order.id)
                child.lines = [OrderLine(category_id=categories["sepatu_wanita"].id, unit_entered="kodi",
                                         quantity_entered=HELPER_COMMITTED // 20,
                                         requested_quantity=HELPER_COMMITTED, committed_quantity=HELPER_COMMITTED,
                                         unit_price=85_000)]
                session.add(child)
                continue
            unit = rng.choice(["pasang", "kodi", "lusin"])
            entered = rng.randint(5, 120) * (10 if unit == "pasang" else 1)
            pairs = entered * {"pasang": 1, "kodi": 20, "lusin": 12}[unit]
            committed = pairs if rng.random() < 0.8 else pairs // 2
            status = rng.choice(["confirmed", "confirmed", "confirmed", "loi", "draft"])
            order = Order(buyer_id=buyer, seller_id=maker, meeting_id=meeting.id, status=status)
            order.lines = [OrderLine(category_id=categories[code].id, unit_entered=unit, quantity_entered=entered,
                                     requested_quantity=pairs, committed_quantity=committed,
                                     unit_price=rng.randrange(35_000, 175_000, 2_500))]
            session.add(order)
        elif "supplier" in pair and "ikm" in pair and rng.random() < 0.4:
            supplier, maker = pair["supplier"], pair["ikm"]
            order = Order(buyer_id=maker, seller_id=supplier, meeting_id=meeting.id, status="confirmed")
            order.lines = [OrderLine(category_id=categories["kulit_sapi"].id, unit_entered="kaki_persegi",
                                     quantity_entered=rng.randint(50, 400), requested_quantity=200,
                                     committed_quantity=200, unit_price=32_000)]
            order.lines[0].requested_quantity = order.lines[0].committed_quantity = order.lines[0].quantity_entered
            session.add(order)
    cancelled_buyer = next(pid for pid, kind in kinds.items() if kind == "buyer")
    cancelled_maker = next(pid for pid, kind in kinds.items() if kind == "ikm")
    cancelled = Order(buyer_id=cancelled_buyer, seller_id=cancelled_maker, status="cancelled",
                      cancel_reason="Harga tidak cocok")
    cancelled.lines = [OrderLine(category_id=categories["sandal"].id, quantity_entered=999, requested_quantity=999,
                                 committed_quantity=999, unit_price=1_000_000)]
    session.add(cancelled)
    session.flush()


def give_special_name(session: Session) -> Participant:
    """One maker whose name would break naive markup, with an emoji the font lacks."""
    maker = session.scalars(select(Participant).where(Participant.kind == "ikm").order_by(Participant.id)).first()
    assert maker is not None
    maker.business_name = SPECIAL_NAME
    maker.contact_person = SPECIAL_CONTACT
    session.flush()
    return maker


def simulate_day(session: Session, seed: int = 2020) -> None:
    rng = random.Random(seed)
    give_special_name(session)
    schedule_greedily(session)
    day = dt.date(2020, 3, 6)
    present = check_in_most(session, rng, day)
    mark_meetings(session, present)
    record_orders(session, rng)
