"""Orders agreed at the tables: rows, validation and checks, queries, edits; capacity, co-fulfilment, units.

Quantities are stored in each line's stored unit (see :mod:`desktop.models.orders.units`), money as
whole Rupiah. A confirmed order is never deleted: it is cancelled with a reason and stays in
the audit trail. Co-fulfilment (orders that take over part of a shortfall) lives in
:mod:`desktop.models.orders.cofulfilment`. Callers import from here: ``from desktop.models.orders import X``.
"""

from desktop.models.orders.checks import DUPLICATE_WINDOW, commit_what_fits, find_duplicates, preview
from desktop.models.orders.edits import audit_snapshot, cancel_order, check_version, create_order, update_order
from desktop.models.orders.queries import get_order, list_orders, list_parties, load_order, meeting_parties
from desktop.models.orders.rows import (
    CancelResult,
    DuplicateOrderError,
    LineData,
    LineRow,
    MeetingParties,
    OrderData,
    OrderPreview,
    OrderRow,
    PartyOption,
    SavedOrder,
    order_number,
)
from desktop.models.orders.validation import MAX_QUANTITY, MAX_UNIT_PRICE, SELLER_KINDS, parse_delivery_date

__all__ = [
    "DUPLICATE_WINDOW",
    "MAX_QUANTITY",
    "MAX_UNIT_PRICE",
    "SELLER_KINDS",
    "CancelResult",
    "DuplicateOrderError",
    "LineData",
    "LineRow",
    "MeetingParties",
    "OrderData",
    "OrderPreview",
    "OrderRow",
    "PartyOption",
    "SavedOrder",
    "audit_snapshot",
    "cancel_order",
    "check_version",
    "commit_what_fits",
    "create_order",
    "find_duplicates",
    "get_order",
    "list_orders",
    "list_parties",
    "load_order",
    "meeting_parties",
    "order_number",
    "parse_delivery_date",
    "preview",
    "update_order",
]
