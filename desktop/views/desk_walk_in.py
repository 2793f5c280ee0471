"""Registering a walk-in at the Registrasi desk: the dialog, its save, or the existing person it found.

Split from the page so the page keeps to the scan field and its answer; the database work is in
:class:`~desktop.views.desk_actions.DeskActions`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from desktop.models.checkin import checkin
from desktop.models.checkin.checkin import CheckInResult
from desktop.models.people.participants import ParticipantData
from desktop.views.desk_dialogs import WalkInDialog

if TYPE_CHECKING:
    from desktop.views.checkin_page import CheckInPage


def open_walk_in(page: CheckInPage) -> WalkInDialog:
    dialog = WalkInDialog(page.categories, page)
    typed = page.scan_input.text().strip()
    if typed and not checkin.looks_like_code(typed):
        dialog.name_edit.setText(typed)  # what did not match is usually the name
    dialog.submitted.connect(lambda data, allow: _save(page, dialog, data, allow))
    dialog.existing_chosen.connect(lambda pid: _use_existing(page, dialog, pid))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.finished.connect(lambda _result: page.dialog_closed(dialog))
    page.active_dialog = dialog
    page.idle_timer.stop()
    dialog.open()
    return dialog


def _save(page: CheckInPage, dialog: WalkInDialog, data: ParticipantData, allow_duplicates: bool) -> None:
    def saved(result: CheckInResult) -> None:
        dialog.accept()
        page.scan_input.clear()
        page.show_result(result)

    page.actions.save_walk_in(dialog, data, allow_duplicates, saved)


def _use_existing(page: CheckInPage, dialog: WalkInDialog, participant_id: int) -> None:
    dialog.accept()
    page.scan_input.clear()
    page.submit_id(participant_id)
