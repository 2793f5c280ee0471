"""The demo event as it would stand at a time of the event day (``demo --at 11:00``).

Everything happens through the services the desk itself uses, on a simulated clock:
the schedule is made and stored at 07:30, people arrive from 07:45 (a few never come,
three walk in, one check-in is undone and redone), meetings that have ended are marked
held or no-show, and orders are agreed at the tables — among them the department store's
40,000 pairs of women's shoes, of which the makers present can commit only about half.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.i18n import _
from desktop.models import orders
from desktop.models.schedule import board
from desktop.models.checkin import checkin
from desktop.models.orders import cofulfilment
from desktop.models.event import event_setup
from desktop.models.schedule import meetings
from desktop.models.people import participants
from desktop.models.schedule import schedule_store
from desktop.models.access.actor import Actor
from desktop.models.base import SimulatedClock, now, simulated_clock
from desktop.models.enums import MeetingStatus, OrderStatus, ParticipantKind, Unit
from desktop.models.errors import DomainError, ValidationError, scheduler_errors
from desktop.models.orm import Meeting, MeetingRequest, ProductCategory, TimeSlot
from desktop.models.people.participants import ParticipantData, ParticipantRow
from desktop.models.checkin.walk_in import register_walk_in
from desktop.scheduling.solver import Engine, solve

ADMIN = Actor("Admin Disperindag", "admin", "Meja Admin")
DESKS = [Actor("Sari", "desk", "Meja Registrasi 1"), Actor("Budi", "desk", "Meja Registrasi 2")]
ORDER_DESK = Actor("Admin Disperindag", "admin", "Meja Transaksi")
BIG_ORDER_PAIRS = 40_000
BIG_ORDER_TARGET = 20_000  # what the makers could fill in 2020


@dataclass(frozen=True)
class DaySummary:
    at: dt.datetime
    checked_in: int
    walk_ins: int
    meetings_held: int
    meetings_no_show: int
    orders: int


def parse_time_of_day(text: str) -> dt.time:
    try:
        hours, minutes = text.strip().split(":")
        return dt.time(int(hours), int(minutes))
    except ValueError:
        raise ValidationError(_("Jam harus ditulis JJ:MM, mis. 11:00.")) from None


def play_day(session: Session, at: dt.time, seed: int = 2020) -> DaySummary:
    """Play the demo event's day up to ``at`` (the demo event must already exist)."""
    rng = random.Random(seed + 1)
    day = event_setup.get_event(session).event_date
    stop = dt.datetime.combine(day, at)
    with simulated_clock(dt.datetime.combine(day, dt.time(7, 30))) as clock:
        _schedule(session)
        everyone = participants.list_participants(session)
        arrivals = _arrivals(rng, everyone, day)
        events: list[tuple[dt.datetime, int, str, object]] = [(moment, 0, "arrive", pid) for pid, moment in arrivals]
        for number, (minute, data) in enumerate(_walk_ins(day)):
            events.append((minute, 1, "walk_in", (number, data)))
        slots = list(session.scalars(select(TimeSlot).order_by(TimeSlot.ordinal)))
        for slot in slots:
            events.append((dt.datetime.combine(day, slot.end), 2, "slot_end", slot.id))
        events.append((dt.datetime.combine(day, dt.time(8, 20)), 3, "undo_redo", None))
        events.append((dt.datetime.combine(day, dt.time(10, 5)), 4, "big_order", None))
        events.append((dt.datetime.combine(day, dt.time(10, 40)), 5, "split", None))
        events.append((dt.datetime.combine(day, dt.time(11, 50)), 6, "cancel_one", None))
        events.append((dt.datetime.combine(day, dt.time(9, 50)), 6, "materials", None))
        events.sort(key=lambda item: (item[0], item[1]))
        state = _State(rng=rng, clock=clock, big_order_id=None)
        for moment, _order, kind, payload in events:
            if moment > stop:
                break
            clock.set(moment)
            _handle(session, state, kind, payload, day)
    return _summary(session, stop)


@dataclass
class _State:
    rng: random.Random
    clock: SimulatedClock
    big_order_id: int | None
    desk_turn: int = 0
    walk_ins: int = 0

    def desk(self) -> Actor:
        self.desk_turn += 1
        return DESKS[self.desk_turn % len(DESKS)]


def _schedule(session: Session) -> None:
    moment = board.event_moment(event_setup.get_event(session).event_date, now())
    with scheduler_errors():
        result = solve(schedule_store.export_problem(session, moment=moment), engine=Engine.FAST)
    schedule_store.store_schedule(session, result, ADMIN, moment=moment)


def _arrivals(rng: random.Random, everyone: list[ParticipantRow], day: dt.date) -> list[tuple[int, dt.datetime]]:
    makers = [p for p in everyone if p.kind == ParticipantKind.IKM.value]
    absent = {p.id for p in rng.sample(makers, 5)}
    absent.add(next(p.id for p in everyone if p.code == "BYR007"))
    result = []
    for person in everyone:
        if person.id in absent or person.kind == ParticipantKind.GOVERNMENT.value and person.code == "GOV001":
            continue
        if person.kind == ParticipantKind.IKM.value:
            minute = int(rng.triangular(30, 160, 60))  # from 08:00, most before 09:00
        else:
            minute = int(rng.uniform(15, 60))  # hosts come early to set up their tables
        result.append((person.id, dt.datetime.combine(day, dt.time(7, 30)) + dt.timedelta(minutes=minute, seconds=rng.randint(0, 59))))
    return result


def _walk_ins(day: dt.date) -> list[tuple[dt.datetime, ParticipantData]]:
    return [
        (dt.datetime.combine(day, dt.time(9, 5)), ParticipantData(
            business_name="UD. Sandal Kulit Ma'ruf Jaya", contact_person="Ahmad Ma'ruf", phone="0857-3311-2040",
            kecamatan="Magersari", category_codes=["sandal"], monthly_capacity=300, is_walk_in=True)),
        (dt.datetime.combine(day, dt.time(9, 35)), ParticipantData(
            business_name="CV. Langkah Kecil Sepatu Anak", contact_person="Rina Anggraini", phone="0812-7788-1290",
            kecamatan="Kranggan", category_codes=["sepatu_anak"], monthly_capacity=500, is_walk_in=True)),
        (dt.datetime.combine(day, dt.time(10, 15)), ParticipantData(
            business_name="Toko Grosir Sepatu Sidoarjo Mandiri", kind=ParticipantKind.BUYER.value,
            contact_person="Bpk. Hariyanto", phone="0813-5566-7788", category_codes=["sepatu_pria"], is_walk_in=True)),
    ]


def _handle(session: Session, state: _State, kind: str, payload: object, day: dt.date) -> None:
    if kind == "arrive":
        checkin.check_in(session, int(payload), state.desk())  # type: ignore[arg-type]
    elif kind == "walk_in":
        _number, data = payload  # type: ignore[misc]
        register_walk_in(session, data, state.desk(), allow_duplicates=True)
        state.walk_ins += 1
    elif kind == "slot_end":
        _close_slot(session, state, int(payload), day)  # type: ignore[arg-type]
    elif kind == "undo_redo":
        _undo_and_redo(session, state)
    elif kind == "big_order":
        state.big_order_id = _big_order(session, day)
    elif kind == "split" and state.big_order_id is not None:
        _split_big_order(session, state.big_order_id)
    elif kind == "materials":
        _material_orders(session, state, day)
    elif kind == "cancel_one":
        _cancel_one(session)


def _undo_and_redo(session: Session, state: _State) -> None:
    """A desk checks in the wrong row, undoes it, and checks in the right person."""
    present = checkin.present_since(session)
    waiting = [p for p in participants.list_participants(session, kind=ParticipantKind.IKM.value) if p.id not in present]
    if len(waiting) < 2:
        return
    wrong, right = waiting[0], waiting[1]
    desk = state.desk()
    checkin.check_in(session, wrong.id, desk)
    state.clock.advance(seconds=20)
    checkin.undo(session, wrong.id, desk)
    state.clock.advance(seconds=15)
    checkin.check_in(session, right.id, desk)


def _close_slot(session: Session, state: _State, slot_id: int, day: dt.date) -> None:
    """At the end of a slot the table staff mark each meeting held or no-show; some end in an order."""
    slot = session.get(TimeSlot, slot_id)
    assert slot is not None
    started = dt.datetime.combine(day, slot.start)
    present = checkin.present_since(session)
    meetings = session.scalars(
        select(Meeting).where(Meeting.slot_id == slot_id, Meeting.status == MeetingStatus.SCHEDULED.value)
    ).all()
    for meeting in meetings:
        request = session.get(MeetingRequest, meeting.request_id)
        assert request is not None
        both_here = all(
            pid in present and present[pid] <= started for pid in (request.participant_a_id, request.participant_b_id)
        )
        _record_outcome(session, meeting, MeetingStatus.HELD if both_here else MeetingStatus.NO_SHOW)
        if both_here and state.rng.random() < 0.45:
            _order_from_meeting(session, state, meeting.id, day)


def _record_outcome(session: Session, meeting: Meeting, status: MeetingStatus) -> None:
    note = "" if status is MeetingStatus.HELD else _("Peserta belum datang saat sesi dimulai.")
    meetings.set_outcome(session, meeting.id, status.value, note, DESKS[0])


def _order_from_meeting(session: Session, state: _State, meeting_id: int, day: dt.date) -> None:
    parties = orders.meeting_parties(session, meeting_id)
    if parties.buyer_id is None or parties.seller_id is None:
        return
    seller = participants.get_participant(session, parties.seller_id)
    buyer = participants.get_participant(session, parties.buyer_id)
    shared = [code for code in seller.category_codes if code in buyer.category_codes] or list(seller.category_codes)
    if not shared or seller.kind != ParticipantKind.IKM.value or buyer.kind != ParticipantKind.BUYER.value:
        return  # banks, suppliers and Aprisindo talk credit, materials and advice, not shoe orders
    category = session.scalar(select(ProductCategory).where(ProductCategory.code == state.rng.choice(shared)))
    if category is None or category.base_unit != Unit.PAIR.value:
        return
    rng = state.rng
    unit, quantity = (Unit.KODI.value, rng.choice([25, 40, 50, 75, 100])) if rng.random() < 0.5 else (
        Unit.PAIR.value, rng.choice([300, 500, 600, 1000, 1200]))
    data = orders.OrderData(
        buyer_id=buyer.id, seller_id=seller.id, meeting_id=meeting_id,
        status=rng.choice([OrderStatus.CONFIRMED.value] * 3 + [OrderStatus.LETTER_OF_INTENT.value]),
        payment_terms=rng.choice(["DP 30 %", "DP 50 %, pelunasan saat kirim", "Tempo 30 hari"]),
        lines=[orders.LineData(
            category_id=category.id, quantity=quantity, unit=unit, unit_price=rng.choice(range(45_000, 190_001, 5_000)),
            description=rng.choice(["Model pantofel, ukuran 38–43, hitam", "Flat shoes, 36–40, warna pastel",
                                    "Sandal kulit, 39–44, coklat", "Sneakers kanvas, 30–35"]),
            delivery_date=day + dt.timedelta(days=rng.choice([30, 45, 60, 90])),
        )],
    )
    try:
        orders.create_order(session, orders.commit_what_fits(session, data), ORDER_DESK, allow_duplicate=True)
    except DomainError:
        return  # a maker already booked out: at the table they would simply not sign


def _big_order(session: Session, day: dt.date) -> int | None:
    """The department store wants 40,000 pairs of women's shoes from the largest maker present."""
    store = next(p for p in participants.list_participants(session, kind=ParticipantKind.BUYER.value) if p.code == "BYR001")
    present = checkin.present_since(session)
    makers = [p for p in participants.list_participants(session, kind=ParticipantKind.IKM.value)
              if "sepatu_wanita" in p.category_codes and p.id in present]
    if not makers:
        return None
    maker = max(makers, key=lambda p: p.monthly_capacity or 0)
    category = session.scalar(select(ProductCategory).where(ProductCategory.code == "sepatu_wanita"))
    assert category is not None
    data = orders.OrderData(
        buyer_id=store.id, seller_id=maker.id, status=OrderStatus.CONFIRMED.value, payment_terms="DP 30 %",
        note="Pesanan besar sepatu wanita untuk jaringan toserba",
        lines=[orders.LineData(category_id=category.id, quantity=BIG_ORDER_PAIRS, unit=Unit.PAIR.value,
                               unit_price=85_000, description="Sepatu wanita, ukuran 36–41, hitam dan krem",
                               delivery_date=day + dt.timedelta(days=90))],
    )
    return orders.create_order(session, orders.commit_what_fits(session, data), ORDER_DESK).order.id


def _split_big_order(session: Session, order_id: int) -> None:
    """Co-fulfilment until the makers present have committed about half of the demand."""
    try:
        plan = cofulfilment.plan(session, order_id)
    except DomainError:
        return
    committed = sum(line.committed for line in plan.order.lines)
    still_wanted = max(BIG_ORDER_TARGET - committed, 0)
    allocations = []
    for helper in plan.helpers:
        if still_wanted <= 0:
            break
        pairs = min(helper.proposed, still_wanted)
        allocations.append((helper.participant_id, pairs))
        still_wanted -= pairs
    if allocations:
        cofulfilment.create_linked_orders(session, order_id, plan.line.position, allocations, ORDER_DESK)


def _material_orders(session: Session, state: _State, day: dt.date) -> None:
    """Two makers order cow leather from the Magetan tannery."""
    tannery = next((p for p in participants.list_participants(session, kind=ParticipantKind.SUPPLIER.value)
                    if "Magetan" in p.business_name), None)
    leather = session.scalar(select(ProductCategory).where(ProductCategory.code == "kulit_sapi"))
    present = checkin.present_since(session)
    makers = [p for p in participants.list_participants(session, kind=ParticipantKind.IKM.value) if p.id in present]
    if tannery is None or leather is None or tannery.id not in present:
        return
    for maker in state.rng.sample(makers, min(2, len(makers))):
        data = orders.OrderData(
            buyer_id=maker.id, seller_id=tannery.id, status=OrderStatus.CONFIRMED.value, payment_terms="Tunai",
            lines=[orders.LineData(category_id=leather.id, quantity=state.rng.choice([800, 1200, 2000]),
                                   unit=Unit.SQUARE_FOOT.value, unit_price=state.rng.choice([28_000, 32_000, 35_000]),
                                   description="Kulit sapi nappa, tebal 1,2–1,4 mm", delivery_date=day + dt.timedelta(days=14))],
        )
        try:
            orders.create_order(session, data, ORDER_DESK, allow_duplicate=True)
        except DomainError:
            continue


def _cancel_one(session: Session) -> None:
    candidates = [o for o in orders.list_orders(session)
                  if o.status == OrderStatus.LETTER_OF_INTENT.value and o.parent_order_id is None]
    if candidates:
        orders.cancel_order(session, candidates[0].id, "Pembeli menunggu contoh produk dulu", ORDER_DESK)


def _summary(session: Session, stop: dt.datetime) -> DaySummary:
    present = checkin.present_since(session)
    statuses = list(session.scalars(select(Meeting.status)))
    return DaySummary(
        at=stop,
        checked_in=len(present),
        walk_ins=sum(1 for p in participants.list_participants(session) if p.is_walk_in),
        meetings_held=statuses.count(MeetingStatus.HELD.value),
        meetings_no_show=statuses.count(MeetingStatus.NO_SHOW.value),
        orders=len(orders.list_orders(session)),
    )
