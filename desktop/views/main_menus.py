"""The main window's menu bar: Berkas, Tampilan (pages, language, kiosk), Bantuan."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from desktop.i18n import SUPPORTED_LANGUAGES, _, current_language

if TYPE_CHECKING:
    from desktop.views.main_window import MainWindow


def build_menus(window: MainWindow) -> list[QAction]:
    """Fill the window's menu bar; returns the entries that need an open event (greyed out
    while the window is on screen and the event file is still opening)."""
    needs_event: list[QAction] = []
    file_menu = window.menuBar().addMenu(_("&Berkas"))
    window.file_menu = file_menu  # features add their entries (e.g. Cadangan) before Keluar
    new_action = file_menu.addAction(_("Event &baru …"))
    new_action.triggered.connect(window.new_event_requested.emit)
    open_action = file_menu.addAction(_("&Buka event …"))
    open_action.setShortcut(QKeySequence.StandardKey.Open)
    open_action.triggered.connect(window.open_event_requested.emit)
    demo_action = file_menu.addAction(_("Buka event &demo"))
    demo_action.triggered.connect(window.demo_requested.emit)
    file_menu.addSeparator()
    setup_action = file_menu.addAction(_("&Pengaturan event …"))
    setup_action.triggered.connect(window.edit_event)
    audit_action = file_menu.addAction(_("&Log audit …"))
    audit_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
    audit_action.triggered.connect(window.show_audit)
    operator_action = file_menu.addAction(_("Ganti &operator …"))
    operator_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
    operator_action.triggered.connect(window.choose_operator)
    # Opening another event while this one is still opening would race it.
    needs_event += [new_action, open_action, demo_action, setup_action, audit_action, operator_action]
    file_menu.addSeparator()
    quit_action = file_menu.addAction(_("&Keluar"))
    quit_action.setShortcut(QKeySequence("Ctrl+Q"))
    quit_action.triggered.connect(window.close)

    view_menu = window.menuBar().addMenu(_("&Tampilan"))
    for number, spec in enumerate(window.specs, start=1):
        action = view_menu.addAction(f"{spec.title}\tCtrl+{number}")
        action.triggered.connect(lambda _checked=False, n=number - 1: window.show_page(n))
    view_menu.addSeparator()
    language_menu = view_menu.addMenu(_("&Bahasa / Language"))
    group = QActionGroup(window)
    for code, name in SUPPORTED_LANGUAGES.items():
        action = QAction(name, window, checkable=True)
        action.setChecked(code == current_language())
        action.setData(code)
        action.triggered.connect(lambda _checked=False, c=code: window.language_change_requested.emit(c))
        group.addAction(action)
        language_menu.addAction(action)
        needs_event.append(action)  # the switch rebuilds the window around the open event
    view_menu.addSeparator()
    kiosk_action = view_menu.addAction(_("Mode &kiosk (check-in mandiri) …"))
    kiosk_action.triggered.connect(window.open_kiosk)
    needs_event.append(kiosk_action)

    help_menu = window.menuBar().addMenu(_("Ban&tuan"))
    about = help_menu.addAction(_("&Tentang TemuDesk"))
    about.triggered.connect(window.about)
    return needs_event
