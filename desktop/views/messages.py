"""Message boxes with Indonesian buttons (Qt ships no Indonesian translation)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.i18n import _


def show_error(parent: QWidget | None, message: str, title: str | None = None) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title or _("Tidak dapat dilanjutkan"), message, parent=parent)
    box.addButton(_("Tutup"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def show_info(parent: QWidget | None, message: str, title: str | None = None) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, title or _("Informasi"), message, parent=parent)
    box.addButton(_("Tutup"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def confirm(parent: QWidget | None, message: str, *, title: str | None = None, yes: str | None = None,
            no: str | None = None, destructive: bool = False) -> bool:
    box = QMessageBox(
        QMessageBox.Icon.Warning if destructive else QMessageBox.Icon.Question,
        title or _("Konfirmasi"),
        message,
        parent=parent,
    )
    yes_button = box.addButton(yes or _("Ya"), QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton(no or _("Batal"), QMessageBox.ButtonRole.RejectRole)
    # The safe answer is the default, so a stray Enter never deletes anything.
    box.setDefaultButton(no_button if destructive else yes_button)
    box.exec()
    return box.clickedButton() is yes_button
