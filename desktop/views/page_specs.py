"""The main window's pages in navigation order, each built (and its module imported) on first use."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QStyle, QWidget

from desktop.i18n import _

if TYPE_CHECKING:
    from desktop.views.context import AppContext


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    icon: QStyle.StandardPixmap
    build: Callable[[AppContext], QWidget]


def _lazy(module: str, name: str) -> Callable[[AppContext], QWidget]:
    """A page class imported when the page is first built (its module and what it pulls in
    are not loaded before the window shows)."""
    def build(context: AppContext) -> QWidget:
        return getattr(importlib.import_module(module), name)(context)

    return build


def page_specs() -> list[PageSpec]:
    """The pages in navigation order; Ctrl+1 … Ctrl+6 follow this order."""
    sp = QStyle.StandardPixmap
    return [
        PageSpec("dashboard", _("Dasbor"), sp.SP_ComputerIcon, _lazy("desktop.views.dashboard_page", "DashboardPage")),
        PageSpec("checkin", _("Registrasi"), sp.SP_DialogApplyButton, _lazy("desktop.views.checkin_page", "CheckInPage")),
        PageSpec("participants", _("Peserta"), sp.SP_FileDialogDetailedView,
                 _lazy("desktop.views.participants_page", "ParticipantsPage")),
        PageSpec("schedule", _("Jadwal"), sp.SP_FileDialogListView, _lazy("desktop.views.schedule_page", "SchedulePage")),
        PageSpec("orders", _("Pesanan"), sp.SP_FileDialogContentsView, _lazy("desktop.views.orders_page", "OrdersPage")),
        PageSpec("reports", _("Laporan"), sp.SP_FileIcon, _lazy("desktop.views.reports_page", "ReportsPage")),
    ]
