"""The Qt binding must not leak references to None.

PySide6 6.12.0 on Python 3.11 drops one reference to ``None`` per void Qt call; a busy desk
makes enough calls to crash Python within minutes ("deallocating None"). pyproject.toml
excludes that release; this test fails if such a binding is installed again.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_keep_none_alive(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for number in range(5000):
        label.setText(str(number))
        label.setVisible(False)
    assert sys.getrefcount(None) - before > -100
