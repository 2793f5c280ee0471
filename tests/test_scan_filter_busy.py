"""A burst is not split when the UI thread is busy while the scanner types (keys queue up behind a late timer)."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from desktop.models.checkin.scan_burst import MAX_GAP_MS
from desktop.views.scan_filter import MAX_HOLD_MS, ScanBurstFilter

SCANNER_GAP_MS = 3


def _desk(qtbot):  # type: ignore[no-untyped-def]
    window = QWidget()
    field = QLineEdit(window)
    QVBoxLayout(window).addWidget(field)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    scans: list[str] = []
    scan_filter = ScanBurstFilter(scans.append, window)
    scan_filter.install()
    field.setFocus()
    field.window_keeper = window  # type: ignore[attr-defined]  # pytest-qt keeps no reference
    return field, scan_filter, scans


def _press(field: QLineEdit, key: Qt.Key | str, at_ms: int) -> None:
    """A key with the device time the platform gave it, delivered as the window would."""
    code = key if isinstance(key, Qt.Key) else Qt.Key(ord(key.upper()))
    text = key if isinstance(key, str) else ("\r" if key == Qt.Key.Key_Return else "")
    event = QKeyEvent(QEvent.Type.KeyPress, code, Qt.KeyboardModifier.NoModifier, text)
    event.setTimestamp(at_ms)
    QApplication.sendEvent(field, event)


def _busy(ms: int) -> None:
    """The UI thread does other work (no events handled), then the loop runs once: overdue timers fire."""
    time.sleep(ms / 1000)
    QApplication.processEvents()


def test_a_busy_ui_thread_in_the_middle_of_a_burst_does_not_split_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    field, scan_filter, scans = _desk(qtbot)
    at = 50_000
    _press(field, "I", at)
    _busy(4 * MAX_GAP_MS)  # the quiet timer is long overdue when the loop runs again
    for char in "KM007":
        at += SCANNER_GAP_MS
        _press(field, char, at)
    _press(field, Qt.Key.Key_Return, at + SCANNER_GAP_MS)
    qtbot.waitUntil(lambda: scans == ["IKM007"], timeout=2000)
    assert field.text() == ""
    scan_filter.remove()


def test_a_key_typed_by_hand_still_reaches_the_field_on_time(qtbot) -> None:  # type: ignore[no-untyped-def]
    field, scan_filter, scans = _desk(qtbot)
    _press(field, "s", 70_000)
    qtbot.waitUntil(lambda: field.text() == "s", timeout=1000)
    assert scans == []
    scan_filter.remove()


def test_a_ui_thread_that_stays_busy_still_gets_the_key_back_in_the_end(qtbot) -> None:  # type: ignore[no-untyped-def]
    field, scan_filter, scans = _desk(qtbot)
    _press(field, "s", 90_000)
    started = time.monotonic()
    while field.text() != "s" and time.monotonic() - started < 3 * MAX_HOLD_MS / 1000:
        _busy(2 * MAX_GAP_MS)  # every timer fires late
    assert field.text() == "s" and scans == []
    assert time.monotonic() - started >= MAX_HOLD_MS / 1000 - 0.1  # it waited for the rest of a burst first
    scan_filter.remove()
