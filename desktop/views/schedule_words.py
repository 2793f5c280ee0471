"""What the Jadwal page says about the board and a run, and which requests it offers, in plain Python."""

from __future__ import annotations

from desktop.i18n import _
from desktop.models.schedule.board import Board
from desktop.models.enums import ParticipantKind
from desktop.models.schedule.schedule_store import StoreSummary
from desktop.scheduling import Problem, ScheduleResult
from desktop.views.request_model import RequestLine


def legend() -> str:
    return _("Putih: terjadwal · hijau: terlaksana · merah: tidak hadir · abu-abu: sesi lewat · "
             "oranye ▶: sesi berjalan · gembok: dikunci")


def board_summary(placed: int, requested: int) -> str:
    """The line under the board before any run in this session."""
    return _("{placed} pertemuan di papan dari {requested} permintaan.").format(placed=placed, requested=requested)


def describe_result(result: ScheduleResult, problem: Problem | None) -> str:
    """A run's figures: placed of requested, IKM met, breaks (with the floor when not proved), proofs."""
    stats = result.stats
    ikm = {p.id for p in problem.participants if p.kind == ParticipantKind.IKM.value} if problem else set()
    met = {side for m in result.meetings for side in (m.a, m.b)}
    proved = [goal for goal, ok in stats.proved_optimal.items() if ok]
    breaks = str(stats.breaks_total)
    if not stats.proved_optimal.get("d", False) and stats.breaks_lower_bound > 0:
        breaks += " " + _("(paling sedikit yang mungkin: {bound})").format(bound=stats.breaks_lower_bound)
    return _(
        "Terjadwal {placed} dari {requested} (batas atas {bound}) · IKM dengan pertemuan {ikm_met} dari {ikm} · "
        "jeda {breaks} · wajib {must} dari {must_total} · terbukti optimal: {proved} · {seconds:.1f} dtk"
    ).format(
        placed=stats.scheduled, requested=stats.requested, bound=stats.upper_bound, ikm_met=len(ikm & met),
        ikm=len(ikm), breaks=breaks, must=stats.must_scheduled, must_total=stats.must_requested,
        proved=", ".join(proved) if proved else _("belum ada"), seconds=stats.seconds,
    )


def stored_message(summary: StoreSummary) -> str:
    """What storing a run changed: new meetings, kept ones, and those frozen in started slots."""
    message = _("Jadwal disimpan: {added} pertemuan baru, {kept} tetap di tempatnya.").format(
        added=summary.added, kept=summary.kept)
    if summary.frozen:
        message += " " + _("{count} pertemuan di sesi yang sudah dimulai tidak diubah.").format(count=summary.frozen)
    return message


def waiting_for_cell(board: Board, lines: list[RequestLine], slot_id: int) -> list[RequestLine]:
    """Unscheduled requests for a free cell: both sides free in that slot first, then by priority."""
    busy = {pid for card in board.meetings if card.slot_id == slot_id
            for pid in (card.a.participant_id, card.b.participant_id)}
    waiting = [line for line in lines if not line.scheduled]
    waiting.sort(key=lambda line: (line.row.participant_a_id in busy or line.row.participant_b_id in busy,
                                   -line.row.priority, line.row.a_name))
    return waiting


__all__ = ["board_summary", "describe_result", "legend", "stored_message", "waiting_for_cell"]
