"""Getting a scheduler run ready from the event file, with plain words when it cannot run (no Qt)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.i18n import _
from desktop.models.errors import DomainError
from desktop.models.orm import MeetingRequest, MeetingTable, TimeSlot
from desktop.models.schedule.schedule_store import export_problem
from desktop.scheduling.model import Options, Problem


def problem_for_run(session: Session, time_limit_s: float, *, moment: dt.datetime | None) -> Problem:
    """The event as a scheduler problem; refused while slots, tables or requests are missing.

    Slots that have started by ``moment`` (the event's moment; None: planning) are frozen.
    """
    if not session.scalar(select(func.count(TimeSlot.id))):
        raise DomainError(_("Belum ada sesi pertemuan. Atur sesi di Berkas → Pengaturan event, lalu jadwalkan lagi."))
    if not session.scalar(select(func.count(MeetingTable.id))):
        raise DomainError(_("Belum ada meja. Atur jumlah meja di Berkas → Pengaturan event, lalu jadwalkan lagi."))
    if not session.scalar(select(func.count(MeetingRequest.id))):
        raise DomainError(_("Belum ada permintaan pertemuan. Tambahkan permintaan atau terima saran pasangan dulu."))
    if time_limit_s <= 0:
        raise DomainError(_("Batas waktu harus lebih dari 0 detik."))
    problem = export_problem(session, moment=moment)
    return dataclasses.replace(problem, options=dataclasses.replace(problem.options, time_limit_s=time_limit_s))
