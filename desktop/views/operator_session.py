"""Who is at the keyboard: choosing the operator and desk, and locking the screen when idle.

Shared by the check-in page's header button, the main window's menu and the idle lock.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop.models.access import operators
from desktop.models.access.actor import Actor
from desktop.models.event.database import Database
from desktop.views import settings
from desktop.views.context import AppContext
from desktop.views.desk_dialogs import OperatorDialog
from desktop.views.operations import OPERATOR  # noqa: F401  (re-exported: pages import it from here)

IDLE_LOCK_MINUTES = settings.Option("desk/idle_lock_minutes", 10)


def choose_operator(
    context: AppContext,
    parent: QWidget | None,
    *,
    on_chosen: Callable[[Actor], None] | None = None,
    closable: bool = True,
) -> None:
    """Ask for operator, desk and PIN; on success the context's actor changes everywhere."""

    def load(db: Database) -> tuple[list[str], bool]:
        with db.read() as session:
            names = [row.name for row in operators.list_operators(session)]
            return names, context.actor.is_admin or not operators.uses_pins(session)

    def show(loaded: tuple[list[str], bool]) -> None:
        names, allow_new = loaded
        store = settings.app_settings()
        dialog = OperatorDialog(
            names, context.actor.name or settings.OPERATOR.get(store), context.actor.desk or settings.DESK.get(store), parent,
            allow_new=allow_new,
        )
        if not closable:
            dialog.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
            dialog.reject = lambda: None  # type: ignore[method-assign]  # Esc must not unlock
        admin = context.actor

        def submit(name: str, desk: str, pin: str) -> None:
            def work(db: Database) -> Actor:
                # The service counts and audits wrong PINs in its own transaction.
                return operators.choose_operator(db, name, desk, admin, pin=pin)

            def chosen(actor: Actor) -> None:
                set_actor(context, actor)
                QDialog_accept(dialog)
                if on_chosen is not None:
                    on_chosen(actor)

            context.runner.run(work, on_success=chosen, on_error=lambda error: dialog.show_problem(str(error)),
                               parent=dialog)

        dialog.submitted.connect(submit)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        context.operator_dialog = dialog  # type: ignore[attr-defined]  # for tests and the idle lock
        dialog.open()

    context.runner.run(load, on_success=show, parent=parent)


def QDialog_accept(dialog: OperatorDialog) -> None:  # noqa: N802 - calls the real accept even when locked
    from PySide6.QtWidgets import QDialog

    QDialog.accept(dialog)


def set_actor(context: AppContext, actor: Actor) -> None:
    context.actor = actor
    store = settings.app_settings()
    settings.OPERATOR.set(store, actor.name)
    settings.DESK.set(store, actor.desk)
    context.bus.changed.emit(frozenset({OPERATOR}))


class IdleLock(QObject):
    """After ``minutes`` without keyboard or mouse, an operator with a PIN must sign in again."""

    def __init__(self, context: AppContext, window: QWidget, minutes: int) -> None:
        super().__init__(window)
        self.context = context
        self.window = window
        self.locked = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max(minutes, 1) * 60_000)
        self.timer.timeout.connect(self.lock_if_needed)
        app = QApplication.instance()
        if app is not None and minutes > 0:
            app.installEventFilter(self)
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel):
            if not self.locked:
                self.timer.start()
        return False

    def lock_if_needed(self) -> None:
        def check(db: Database) -> bool:
            with db.read() as session:
                return operators.has_pin(session, self.context.actor.name)

        self.context.runner.run(check, on_success=self._lock, parent=self.window)

    def _lock(self, needs_pin: bool) -> None:
        if not needs_pin or self.locked:
            self.timer.start()
            return
        self.locked = True
        choose_operator(self.context, self.window, on_chosen=self._unlocked, closable=False)

    def _unlocked(self, _actor: Actor) -> None:
        self.locked = False
        self.timer.start()
