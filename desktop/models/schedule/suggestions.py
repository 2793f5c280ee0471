"""Suggested meeting pairs and over-subscribed hosts.

Buyers meet the IKM that make what they want (larger capacity first); suppliers meet IKM
that make products needing their material (those that reported a raw-material problem
first); banks meet IKM that reported a capital problem or asked about KUR.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.i18n import _
from desktop.models.schedule import meeting_requests
from desktop.models.people import participants
from desktop.models.access.actor import Actor
from desktop.models.enums import ParticipantKind, Problem, RequestSource
from desktop.models.orm import MeetingRequest, MeetingTable, TimeSlot, participant_unavailable_slot
from desktop.models.people.participants import ParticipantRow
from desktop.models.access.permissions import require_admin

HOST_KINDS = (ParticipantKind.BUYER.value, ParticipantKind.SUPPLIER.value, ParticipantKind.BANK.value)
FOOTWEAR_MATERIALS = {"kulit_sapi", "sol", "aksesoris"}


@dataclass(frozen=True)
class Suggestion:
    host_id: int
    host_name: str
    host_kind: str
    ikm_id: int
    ikm_name: str
    reason: str
    score: int  # higher first
    host_requests: int = 0  # meeting requests the host already has
    host_slots: int = 0  # slots the host can attend

    @property
    def host_full(self) -> bool:
        """The host already has as many requests as slots: one more will not be scheduled."""
        return self.host_requests >= self.host_slots

    @property
    def host_room(self) -> int:
        return max(self.host_slots - self.host_requests, 0)


@dataclass(frozen=True)
class HostLoad:
    participant_id: int
    name: str
    requests: int
    slots: int

    @property
    def oversubscribed(self) -> bool:
        return self.requests > self.slots

    def describe(self) -> str:
        return _("{name}: {requests} permintaan, {slots} sesi").format(
            name=self.name, requests=self.requests, slots=self.slots
        )


def _existing_pairs(session: Session) -> set[tuple[int, int]]:
    return set(session.execute(select(MeetingRequest.low_id, MeetingRequest.high_id)))


def _request_counts(session: Session) -> tuple[Counter[int], int, Counter[int]]:
    """(requests per participant, slots of the event, unavailable slots per participant)."""
    slot_count = len(session.scalars(select(TimeSlot.id)).all())
    unavailable = Counter(
        pid for pid, in session.execute(select(participant_unavailable_slot.c.participant_id))
    )
    counts: Counter[int] = Counter()
    for low, high in session.execute(select(MeetingRequest.low_id, MeetingRequest.high_id)):
        counts[low] += 1
        counts[high] += 1
    return counts, slot_count, unavailable


def suggest_pairs(session: Session, *, per_host: int = 20) -> list[Suggestion]:
    """New pairs worth meeting, best first per host; pairs already requested are left out.

    Hosts with free slots come first (most room first); hosts whose requests already fill their
    slots come last, each suggestion carrying the host's load so the list can mark them.
    """
    rows = participants.list_participants(session)
    makers = [row for row in rows if row.kind == ParticipantKind.IKM.value]
    existing = _existing_pairs(session)
    counts, slot_count, unavailable = _request_counts(session)
    hosts = [row for row in rows if row.kind in HOST_KINDS]
    room = {host.id: slot_count - unavailable[host.id] - counts[host.id] for host in hosts}
    hosts.sort(key=lambda host: (room[host.id] <= 0, -room[host.id], host.business_name.lower(), host.id))
    suggestions: list[Suggestion] = []
    for host in hosts:
        candidates = [(score, reason, maker) for maker in makers if (found := _match(host, maker)) for score, reason in [found]]
        candidates.sort(key=lambda item: (-item[0], item[2].business_name))
        picked = 0
        for score, reason, maker in candidates:
            if (min(host.id, maker.id), max(host.id, maker.id)) in existing:
                continue
            suggestions.append(Suggestion(
                host.id, host.business_name, host.kind, maker.id, maker.business_name, reason, score,
                host_requests=counts[host.id], host_slots=slot_count - unavailable[host.id],
            ))
            picked += 1
            if picked >= per_host:
                break
    return suggestions


def _match(host: ParticipantRow, maker: ParticipantRow) -> tuple[int, str] | None:
    capacity = maker.monthly_capacity or 0
    if host.kind == ParticipantKind.BUYER.value:
        shared = [name for code, name in zip(host.category_codes, host.category_names, strict=False)
                  if code in maker.category_codes]
        if not shared:
            return None
        return len(shared) * 100_000 + capacity, _("membuat {products}").format(products=", ".join(shared))
    if host.kind == ParticipantKind.BANK.value:
        if Problem.CAPITAL.value in maker.problems or maker.kur_interest:
            return 100_000 + capacity, _("melaporkan masalah permodalan / berminat KUR")
        return None
    if host.kind == ParticipantKind.SUPPLIER.value and set(host.category_codes) & FOOTWEAR_MATERIALS:
        if Problem.RAW_MATERIAL.value in maker.problems:
            return 100_000 + capacity, _("melaporkan masalah bahan baku")
        return capacity, _("pembuat alas kaki (calon pembeli bahan)")
    return None


def fitting(suggestions: list[Suggestion]) -> list[Suggestion]:
    """The suggestions "tick all" may take: per host, no more than its free slots (in list order),
    so accepting them never makes a host over-subscribed."""
    taken: Counter[int] = Counter()
    chosen: list[Suggestion] = []
    for suggestion in suggestions:
        if taken[suggestion.host_id] < suggestion.host_room:
            taken[suggestion.host_id] += 1
            chosen.append(suggestion)
    return chosen


def accept_suggestions(session: Session, suggestions: list[Suggestion], actor: Actor) -> int:
    """Turn suggestions into meeting requests (one transaction); returns how many were added."""
    require_admin(actor, _("menambah permintaan pertemuan"))
    existing = _existing_pairs(session)
    added = 0
    for suggestion in suggestions:
        pair = (min(suggestion.host_id, suggestion.ikm_id), max(suggestion.host_id, suggestion.ikm_id))
        if pair in existing:
            continue
        meeting_requests.create_request(
            session, suggestion.host_id, suggestion.ikm_id, actor, source=RequestSource.SUGGESTED.value
        )
        existing.add(pair)
        added += 1
    return added


def host_loads(session: Session) -> list[HostLoad]:
    """Requests per participant against the slots they can attend, busiest first."""
    counts, slot_count, unavailable = _request_counts(session)
    names = {row.id: row.business_name for row in participants.list_participants(session)}
    hosts = set(session.scalars(select(MeetingTable.host_participant_id).where(MeetingTable.host_participant_id.is_not(None))))
    loads = [
        HostLoad(pid, names.get(pid, "?"), count, slot_count - unavailable[pid])
        for pid, count in counts.items()
        if pid in hosts or count > slot_count - unavailable[pid]
    ]
    return sorted(loads, key=lambda load: (-(load.requests - load.slots), load.name))
