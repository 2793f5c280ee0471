"""The answer to a scan in a toast: for scans made while another page is on screen."""

from __future__ import annotations

import html

from desktop import formatting
from desktop.i18n import _
from desktop.models.checkin.checkin import CheckInResult, Outcome
from desktop.models.checkin.pending_scans import PendingScan
from desktop.views.checkin_widgets import OUTCOME_COLOURS, meeting_text
from desktop.views.toast import Toast


def scan_answer_text(result: CheckInResult) -> tuple[str, str]:
    """(headline, body) in the same words as the Registrasi panel."""
    person = result.person
    who = f"{person.code} · {person.business_name}" if person is not None else ""
    if result.outcome is Outcome.CHECKED_IN:
        return "✔ " + _("Check-in berhasil"), f"<b>{html.escape(who)}</b><br>" + html.escape(
            meeting_text(result.next_meeting))
    if result.outcome is Outcome.ALREADY:
        return "ℹ " + _("Sudah check-in"), f"<b>{html.escape(who)}</b><br>" + html.escape(
            _("sudah check-in {time} oleh {operator} di {desk}").format(
                time=formatting.clock(result.at), operator=result.operator_name or "-", desk=result.desk or "-"))
    if result.outcome is Outcome.UNKNOWN:
        return "✖ " + _("Kode tidak dikenal"), html.escape(result.raw_input[:60]) + "<br>" + _(
            "Dicatat di daftar scan gagal.")
    return html.escape(result.message or who), ""


def show_scan_answer(toast: Toast, result: CheckInResult) -> None:
    background, accent = OUTCOME_COLOURS.get(result.outcome, OUTCOME_COLOURS["problem"])
    headline, body = scan_answer_text(result)
    toast.show_message(headline, body, accent=accent, background=background)


SHOWN_SCAN_CHARS = 30  # a scanner can send a whole line; the journal keeps it all, the screen a start


def shortened_scan(what: str) -> str:
    """A scanned text short enough to show (show it as plain text: a scanner can send anything)."""
    return what if len(what) <= SHOWN_SCAN_CHARS else what[:SHOWN_SCAN_CHARS - 1] + "…"


def scan_shown(scan: PendingScan) -> str:
    """What was scanned (or "#id" of a person picked from the list), short enough for a headline."""
    return shortened_scan(scan.target if isinstance(scan.target, str) else f"#{scan.target}")


def waiting_scan_text(scan: PendingScan, reason: str) -> tuple[str, str]:
    """(headline, body) in plain text for a scan the database could not take yet: kept, recorded later.
    The code goes in the body, which wraps: a scanner can send anything, of any length."""
    return "⚠ " + _("Scan belum tercatat"), scan_shown(scan) + " · " + _(
        "{reason} Scan ini disimpan di komputer ini dan dicatat otomatis (jam scan {time}) begitu basis "
        "data bisa dipakai lagi. Peserta boleh masuk.").format(
            reason=_first_line(reason), time=formatting.clock(scan.scanned_time))


def show_waiting_scan(toast: Toast, scan: PendingScan, reason: str) -> None:
    """Shorter than the panel's words: the reason stays on the Registrasi page."""
    background, accent = OUTCOME_COLOURS["problem"]
    headline, _body = waiting_scan_text(scan, reason)
    toast.show_message(headline, html.escape(scan_shown(scan) + " · " + _(
        "Disimpan di komputer ini; dicatat otomatis (jam scan {time}). Peserta boleh masuk.").format(
            time=formatting.clock(scan.scanned_time))), accent=accent, background=background)


def _first_line(reason: str) -> str:
    """What went wrong, without the advice that follows it ("not saved, continue elsewhere"): here the
    scan is kept."""
    lines = [line.strip() for line in reason.strip().splitlines() if line.strip()]
    return lines[0] if lines else ""
