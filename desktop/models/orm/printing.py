"""The print log: which slip or badge was printed for whom, on what paper, where and by whom.

Append-only like the check-in events: a reprint is a new row, so the desk can tell
"printed 08:42, reprinted 09:10" (pretix keeps a print log for the same reason).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, now


class PrintLogEntry(Base):
    __tablename__ = "print_log"
    __table_args__ = (Index("ix_print_log_participant", "participant_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id", ondelete="CASCADE"))
    document: Mapped[str] = mapped_column(String(12))  # 'slip' or 'badge'
    paper: Mapped[str] = mapped_column(String(16))  # a key of desktop.reports.labels.LABEL_PAPERS
    at: Mapped[dt.datetime] = mapped_column(default=now)
    desk: Mapped[str] = mapped_column(String(60), default="")
    operator_name: Mapped[str] = mapped_column(String(120), default="")
    printer: Mapped[str] = mapped_column(String(120), default="")
