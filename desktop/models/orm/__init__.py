"""ORM tables. Import from here: ``from desktop.models.orm import Participant``."""

from desktop.models.base import Base
from desktop.models.orm.audit import AuditLog, Operator
from desktop.models.orm.checkin import CheckInEvent, FailedScan
from desktop.models.orm.event import Event, MeetingTable, TimeSlot
from desktop.models.orm.meeting import Meeting, MeetingRequest
from desktop.models.orm.order import Order, OrderLine
from desktop.models.orm.printing import PrintLogEntry
from desktop.models.orm.participant import (
    Participant,
    ParticipantProblem,
    ProductCategory,
    participant_category,
    participant_unavailable_slot,
)

__all__ = [
    "AuditLog",
    "Base",
    "CheckInEvent",
    "Event",
    "FailedScan",
    "Meeting",
    "MeetingRequest",
    "MeetingTable",
    "Operator",
    "Order",
    "OrderLine",
    "Participant",
    "ParticipantProblem",
    "PrintLogEntry",
    "ProductCategory",
    "TimeSlot",
    "participant_category",
    "participant_unavailable_slot",
]
