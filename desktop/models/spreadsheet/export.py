"""The whole event as one ``.xlsx`` workbook for the Dinas.

Sheets: Peserta (re-importable as it is), Permintaan (meeting requests, re-importable),
Kehadiran (every check-in event with time and operator), Jadwal (meetings), Pesanan
(order lines), Ringkasan (totals). Numbers, Rupiah, dates and times are real Excel
values with number formats, not text. Text that a spreadsheet could run as a formula
(``=cmd|…``, ``+…``, ``-…``, ``@…``) is written as a plain-text cell with Excel's quote
prefix, so opening the file never runs anything.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import select
from sqlalchemy.orm import Session, aliased, selectinload

from desktop.i18n import N_, _
from desktop.models.event import event_setup
from desktop.models.schedule import meeting_requests
from desktop.models.people import participants
from desktop.models.checkin import presence
from desktop.models.reporting import tallies
from desktop.models.enums import (
    CheckInAction,
    MeetingStatus,
    OrderStatus,
    ParticipantKind,
    Problem,
    RequestSource,
    SessionWish,
    Unit,
    label,
)
from desktop.models.event.database import storage_message
from desktop.models.errors import DomainError
from desktop.models.orm import (
    CheckInEvent,
    Meeting,
    MeetingRequest,
    MeetingTable,
    Order,
    Participant,
    TimeSlot,
)
from desktop.models.people.phone import display_phone
from desktop.models.spreadsheet.cells import FORMULA_START
from desktop.models.spreadsheet.participant_import import export_headers
from desktop.models.spreadsheet.request_import import REQUEST_FIELDS

RUPIAH_FORMAT = '"Rp" #,##0'
NUMBER_FORMAT = "#,##0"
DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"
TIME_FORMAT = "hh:mm"
HEADER_FILL = PatternFill("solid", fgColor="1D4E89")
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_BORDER = Border(bottom=Side(style="thin", color="0F2F57"))
MIN_WIDTH, MAX_WIDTH = 8, 60

SHEET_NAMES = {
    "participants": N_("Peserta"),
    "requests": N_("Permintaan"),
    "check_ins": N_("Kehadiran"),
    "schedule": N_("Jadwal"),
    "orders": N_("Pesanan"),
    "summary": N_("Ringkasan"),
}


@dataclass(frozen=True)
class Column:
    header: str
    number_format: str | None = None


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    participants: int
    requests: int
    check_ins: int
    meetings: int
    order_lines: int


# ---- cells --------------------------------------------------------------------------------
def _safe_text(value: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", value)


def _write_row(sheet: Worksheet, row_number: int, values: Sequence[Any], columns: Sequence[Column]) -> None:
    for index, value in enumerate(values, start=1):
        if value is None or value == "":
            continue
        cell = sheet.cell(row=row_number, column=index)
        if isinstance(value, str):
            text = _safe_text(value)
            cell.value = text
            if text.startswith(FORMULA_START):
                # Stored as a string with the quote prefix: shown as typed, never evaluated.
                cell.data_type = "s"
                cell.quotePrefix = True
        else:
            cell.value = value
        number_format = columns[index - 1].number_format if index - 1 < len(columns) else None
        if number_format:
            cell.number_format = number_format


def _sheet(workbook: Workbook, key: str, columns: Sequence[Column], rows: Sequence[Sequence[Any]]) -> Worksheet:
    sheet = workbook.create_sheet(_(SHEET_NAMES[key]))
    widths = [len(column.header) for column in columns]
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index, value=column.header)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.border = HEADER_BORDER
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    for row_number, values in enumerate(rows, start=2):
        _write_row(sheet, row_number, values, columns)
        for index, value in enumerate(values):
            widths[index] = max(widths[index], _display_width(value))
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)
    sheet.freeze_panes = "A2"
    if rows:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"
    return sheet


def _display_width(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, dt.datetime):
        return 16
    if isinstance(value, dt.date):
        return 10
    if isinstance(value, dt.time):
        return 5
    if isinstance(value, (int, float)):
        return len(f"{value:,.0f}") + 3
    return max((len(line) for line in str(value).splitlines()), default=0)


def _yes(value: bool) -> str:
    return _("Ya") if value else _("Tidak")


# ---- sheets ---------------------------------------------------------------------------------
def _participant_rows(session: Session) -> list[list[Any]]:
    rows = []
    for p in participants.list_participants(session):
        rows.append([
            p.code,
            p.business_name,
            label(p.kind, ParticipantKind),
            p.contact_person,
            display_phone(p.phone),
            p.address,
            p.kecamatan,
            p.kelurahan,
            ", ".join(p.category_names),
            p.monthly_capacity,
            p.delegation_size,
            ", ".join(label(problem, Problem) for problem in p.problems),
            _yes(p.kur_interest),
            _yes(p.is_walk_in),
            p.notes,
        ])
    return rows


def _participant_columns() -> list[Column]:
    formats = {9: NUMBER_FORMAT, 10: NUMBER_FORMAT}
    return [Column(header, formats.get(index)) for index, header in enumerate(export_headers())]


def _request_sheet(session: Session) -> tuple[list[Column], list[list[Any]]]:
    columns = [Column(_(field.caption)) for field in REQUEST_FIELDS]
    rows = [
        [r.a_code, r.a_name, r.b_code, r.b_name, r.priority, label(r.session_wish, SessionWish),
         label(r.source, RequestSource), r.note, r.meetings]
        for r in meeting_requests.list_requests(session)
    ]
    return columns, rows


def _check_in_sheet(session: Session) -> tuple[list[Column], list[list[Any]]]:
    columns = [
        Column(_("Waktu"), DATETIME_FORMAT), Column(_("Kode")), Column(_("Nama Usaha")), Column(_("Jenis")),
        Column(_("Aksi")), Column(_("Meja registrasi")), Column(_("Operator")), Column(_("Check-in yang berlaku")),
    ]
    query = (
        select(CheckInEvent, Participant)
        .join(Participant, CheckInEvent.participant_id == Participant.id)
        .order_by(CheckInEvent.at, CheckInEvent.id)
    )
    standing = presence.standing_check_ins(session)
    rows = [
        [event.at, p.code, p.business_name, label(p.kind, ParticipantKind), label(event.action, CheckInAction),
         event.desk, event.operator_name,
         # The time that counts on the daftar hadir: the first check-in after the last undo.
         _yes(event.action == CheckInAction.CHECK_IN.value and standing.get(p.id) == event.at)]
        for event, p in session.execute(query)
    ]
    return columns, rows


def _schedule_sheet(session: Session) -> tuple[list[Column], list[list[Any]]]:
    columns = [
        Column(_("Sesi ke")), Column(_("Mulai"), TIME_FORMAT), Column(_("Selesai"), TIME_FORMAT), Column(_("Meja")),
        Column(_("Kode A")), Column(_("Nama A")), Column(_("Kode B")), Column(_("Nama B")), Column(_("Status")),
        Column(_("Terkunci")), Column(_("Catatan")),
    ]
    a, b = aliased(Participant), aliased(Participant)
    query = (
        select(Meeting, TimeSlot, MeetingTable, a, b)
        .join(TimeSlot, Meeting.slot_id == TimeSlot.id)
        .join(MeetingTable, Meeting.table_id == MeetingTable.id)
        .join(MeetingRequest, Meeting.request_id == MeetingRequest.id)
        .join(a, MeetingRequest.participant_a_id == a.id)
        .join(b, MeetingRequest.participant_b_id == b.id)
        .order_by(TimeSlot.ordinal, MeetingTable.number)
    )
    rows = [
        [slot.ordinal, slot.start, slot.end, table.label, pa.code, pa.business_name, pb.code, pb.business_name,
         label(meeting.status, MeetingStatus), _yes(meeting.locked), meeting.note]
        for meeting, slot, table, pa, pb in session.execute(query)
    ]
    return columns, rows


def _order_sheet(session: Session) -> tuple[list[Column], list[list[Any]]]:
    columns = [
        Column(_("No. pesanan")), Column(_("Status")), Column(_("Kode pembeli")), Column(_("Pembeli")),
        Column(_("Kode penjual")), Column(_("Penjual")), Column(_("Baris")), Column(_("Produk")), Column(_("Uraian")),
        Column(_("Jumlah dipesan"), NUMBER_FORMAT), Column(_("Satuan")), Column(_("Diminta (satuan dasar)"), NUMBER_FORMAT),
        Column(_("Disanggupi (satuan dasar)"), NUMBER_FORMAT), Column(_("Harga satuan"), RUPIAH_FORMAT),
        Column(_("Nilai diminta"), RUPIAH_FORMAT), Column(_("Nilai disanggupi"), RUPIAH_FORMAT),
        Column(_("Tanggal kirim"), DATE_FORMAT), Column(_("Dicatat"), DATETIME_FORMAT), Column(_("Dicatat oleh")),
        Column(_("Catatan")),
    ]
    query = (
        select(Order)
        .options(selectinload(Order.lines), selectinload(Order.buyer), selectinload(Order.seller))
        .order_by(Order.id)
    )
    rows: list[list[Any]] = []
    for order in session.scalars(query):
        head = [order.id, label(order.status, OrderStatus), order.buyer.code, order.buyer.business_name,
                order.seller.code, order.seller.business_name]
        tail = [order.created_at, order.created_by, order.note]
        if not order.lines:
            rows.append(head + [None] * 11 + tail)
        for line in order.lines:
            rows.append(head + [
                line.position, line.category.name if line.category else "", line.description,
                line.quantity_entered, label(line.unit_entered, Unit), line.requested_quantity,
                line.committed_quantity, line.unit_price, line.requested_quantity * line.unit_price,
                line.committed_quantity * line.unit_price, line.delivery_date,
            ] + tail)
    return columns, rows


def _summary_rows(
    session: Session, event: event_setup.EventInfo, counts: dict[str, Any]
) -> list[list[Any]]:
    kinds = Counter(session.scalars(select(Participant.kind)))
    statuses = Counter(session.scalars(select(Meeting.status)))
    live_orders = [o for o in counts["orders"] if o.status != OrderStatus.CANCELLED.value]
    # The figures of the rekap and the Dasbor: one domain function, units kept apart.
    tally = tallies.order_tally(session)
    rows: list[list[Any]] = [
        [_("Event"), event.name],
        [_("Tempat"), event.venue],
        [_("Tanggal"), event.event_date],
        [_("Penyelenggara"), event.organiser],
        [_("Diekspor"), dt.datetime.now().replace(microsecond=0)],
        [None, None],
        [_("Peserta"), sum(kinds.values())],
    ]
    rows += [[f"  {label(kind)}", kinds.get(kind.value, 0)] for kind in ParticipantKind]
    rows += [
        [_("Hadir (check-in terakhir)"), len(presence.standing_check_ins(session))],
        [_("Permintaan pertemuan"), counts["requests"]],
        [_("Pertemuan"), sum(statuses.values())],
    ]
    rows += [[f"  {label(status)}", statuses.get(status.value, 0)] for status in MeetingStatus]
    rows += [
        [_("Pesanan (tidak dibatalkan)"), len(live_orders)],
        [_("Pesanan dihitung (pasti dan LoI)"), tally.orders],
    ]
    for unit in tally.units:
        name = label(unit.unit, Unit)
        rows += [
            [_("Diminta ({unit})").format(unit=name), unit.requested],
            [_("Disanggupi ({unit})").format(unit=name), unit.committed],
            [_("Belum terpenuhi ({unit})").format(unit=name), unit.unfulfilled],
        ]
    rows += [
        [_("Nilai diminta"), sum(unit.requested_rupiah for unit in tally.units), RUPIAH_FORMAT],
        [_("Nilai disanggupi"), tally.value_rupiah, RUPIAH_FORMAT],
    ]
    return rows


def build_workbook(session: Session) -> tuple[Workbook, dict[str, int]]:
    """The event as a workbook (not yet saved) and how many rows each sheet got."""
    if not event_setup.has_event(session):
        raise DomainError(_("Berkas ini belum berisi data event; tidak ada yang dapat diekspor."))
    event = event_setup.get_event(session)
    workbook = Workbook()
    workbook.remove(workbook.active)
    participant_rows = _participant_rows(session)
    _sheet(workbook, "participants", _participant_columns(), participant_rows)
    request_columns, request_rows = _request_sheet(session)
    _sheet(workbook, "requests", request_columns, request_rows)
    check_columns, check_rows = _check_in_sheet(session)
    _sheet(workbook, "check_ins", check_columns, check_rows)
    schedule_columns, schedule_rows = _schedule_sheet(session)
    _sheet(workbook, "schedule", schedule_columns, schedule_rows)
    order_columns, order_rows = _order_sheet(session)
    _sheet(workbook, "orders", order_columns, order_rows)
    orders = session.scalars(select(Order).options(selectinload(Order.lines))).all()
    summary = _summary_rows(session, event, {"orders": orders, "requests": len(request_rows)})
    sheet = _sheet(workbook, "summary", [Column(_("Uraian")), Column(_("Nilai"))], [row[:2] for row in summary])
    for row_number, (_caption, value, *explicit) in enumerate(summary, start=2):
        cell = sheet.cell(row=row_number, column=2)
        if explicit:
            cell.number_format = explicit[0]
        elif isinstance(value, dt.datetime):
            cell.number_format = DATETIME_FORMAT
        elif isinstance(value, dt.date):
            cell.number_format = DATE_FORMAT
        elif isinstance(value, int):
            cell.number_format = NUMBER_FORMAT
        cell.alignment = Alignment(horizontal="left")
    sheet.column_dimensions["A"].width = 36
    workbook.active = 0
    return workbook, {
        "participants": len(participant_rows), "requests": len(request_rows), "check_ins": len(check_rows),
        "meetings": len(schedule_rows), "order_lines": len(order_rows),
    }


def export_event(session: Session, target: Path | str) -> ExportSummary:
    """Write the workbook to ``target`` atomically (a half-written file never replaces a good one)."""
    target = Path(target)
    if target.suffix.lower() != ".xlsx":
        target = target.with_name(target.name + ".xlsx")
    workbook, counts = build_workbook(session)
    folder = target.parent
    if not folder.is_dir():
        raise DomainError(_("Folder tidak ditemukan: {path}").format(path=folder))
    try:
        handle, temporary = tempfile.mkstemp(prefix=".temudesk-", suffix=".xlsx", dir=folder)
    except OSError as error:
        raise DomainError(storage_message(error, _("Ekspor gagal: {reason}"))) from None
    os.close(handle)
    try:
        workbook.save(temporary)
        os.chmod(temporary, 0o644)  # mkstemp makes it private; an export is meant to be shared
        os.replace(temporary, target)
    except PermissionError:
        Path(temporary).unlink(missing_ok=True)
        raise DomainError(
            _("{name} tidak dapat ditulis. Apakah sedang dibuka di Excel? Tutup dulu, lalu ekspor lagi.").format(
                name=target.name
            )
        ) from None
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise DomainError(storage_message(error, _("Ekspor gagal: {reason}"))) from None
    return ExportSummary(target, counts["participants"], counts["requests"], counts["check_ins"],
                         counts["meetings"], counts["order_lines"])
