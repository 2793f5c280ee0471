"""The None reference-count guard keeps a long desk session alive (see desktop/views/pyside_guard.py)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel

from desktop.views.pyside_guard import MARGIN, protect_none


def test_many_void_qt_calls_do_not_exhaust_none(qtbot) -> None:  # type: ignore[no-untyped-def]
    protect_none()
    label = QLabel()
    qtbot.addWidget(label)
    for number in range(50_000):  # far more than None's own count on 3.11 without the guard
        label.setText(str(number))
    assert label.text() == "49999"
    if sys.version_info < (3, 12):
        assert sys.getrefcount(None) > MARGIN // 2
