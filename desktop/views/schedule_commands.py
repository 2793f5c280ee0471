"""Undo / redo for hand edits of the board (QUndoStack).

An edit is first done through the service; only when it was stored is its command pushed
(the push does not redo it a second time). Undo and redo call the service again, so the
same hard rules apply both ways; when the service refuses, the page says why and clears
the stack (what it remembers no longer matches the file).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtGui import QUndoCommand

from desktop.i18n import _
from desktop.models.schedule.schedule_store import StoreSummary
from desktop.scheduling import ScheduleResult


class Editor(Protocol):
    """What the commands need from the page: run a schedule edit in the background."""

    def run_move(self, meeting_id: int, slot_id: int, table_id: int, done: Callable[[], None] | None) -> None: ...
    def run_lock(self, meeting_id: int, locked: bool, done: Callable[[], None] | None) -> None: ...
    def run_add(self, request_id: int, slot_id: int, table_id: int, done: Callable[[int], None] | None) -> None: ...
    def run_remove(self, meeting_id: int, done: Callable[[], None] | None) -> None: ...
    def run_store(self, result: ScheduleResult, done: Callable[[StoreSummary], None] | None) -> None: ...
    def run_undo_store(self, store_id: int, done: Callable[[], None] | None) -> None: ...


class _AlreadyDone(QUndoCommand):
    def __init__(self, editor: Editor, text: str) -> None:
        super().__init__(text)
        self.editor = editor
        self._first = True

    def redo(self) -> None:
        if self._first:  # the edit was stored before the push
            self._first = False
            return
        self.do()

    def do(self) -> None:
        raise NotImplementedError


class MoveCommand(_AlreadyDone):
    def __init__(self, editor: Editor, meeting_id: int, before: tuple[int, int], after: tuple[int, int], what: str) -> None:
        super().__init__(editor, _("Pindah {what}").format(what=what))
        self.meeting_id, self.before, self.after = meeting_id, before, after

    def do(self) -> None:
        self.editor.run_move(self.meeting_id, *self.after, None)

    def undo(self) -> None:
        self.editor.run_move(self.meeting_id, *self.before, None)


class LockCommand(_AlreadyDone):
    def __init__(self, editor: Editor, meeting_id: int, locked: bool, what: str) -> None:
        text = _("Kunci {what}") if locked else _("Buka kunci {what}")
        super().__init__(editor, text.format(what=what))
        self.meeting_id, self.locked = meeting_id, locked

    def do(self) -> None:
        self.editor.run_lock(self.meeting_id, self.locked, None)

    def undo(self) -> None:
        self.editor.run_lock(self.meeting_id, not self.locked, None)


class AddCommand(_AlreadyDone):
    def __init__(self, editor: Editor, meeting_id: int, request_id: int, cell: tuple[int, int], what: str) -> None:
        super().__init__(editor, _("Tambah {what}").format(what=what))
        self.meeting_id, self.request_id, self.cell = meeting_id, request_id, cell

    def do(self) -> None:
        self.editor.run_add(self.request_id, *self.cell, self._added)

    def _added(self, meeting_id: int) -> None:
        self.meeting_id = meeting_id

    def undo(self) -> None:
        self.editor.run_remove(self.meeting_id, None)


class StoreRunCommand(_AlreadyDone):
    """A stored scheduler run: undo puts back the schedule of before it, redo stores the run again."""

    def __init__(self, editor: Editor, result: ScheduleResult, store_id: int) -> None:
        super().__init__(editor, _("Penjadwalan otomatis"))
        self.result, self.store_id = result, store_id

    def do(self) -> None:
        self.editor.run_store(self.result, self._stored)

    def _stored(self, summary: StoreSummary) -> None:
        if summary.audit_id is not None:
            self.store_id = summary.audit_id

    def undo(self) -> None:
        self.editor.run_undo_store(self.store_id, None)
