"""A burst is not split when the UI thread is busy while the scanner types (keys queue up behind a late timer)."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, Qt, QTimer
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


def _press(field: QLineEdit, key: Qt.Key | str, at_ms: int, auto_repeat: bool = False) -> None:
    """A key with the device time the platform gave it, delivered as the window would."""
    code = key if isinstance(key, Qt.Key) else Qt.Key(ord(key.upper()))
    text = key if isinstance(key, str) else ("\r" if key == Qt.Key.Key_Return else "")
    event = QKeyEvent(QEvent.Type.KeyPress, code, Qt.KeyboardModifier.NoModifier, text, auto_repeat)
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



def _post_later(field: QLineEdit, keys: list[tuple[Qt.Key | str, int]], after_ms: int) -> QTimer:
    """Keys the window system hands over only after the loop's timers have run: queued behind them."""
    def post() -> None:
        for key, at_ms in keys:
            code = key if isinstance(key, Qt.Key) else Qt.Key(ord(key.upper()))
            text = key if isinstance(key, str) else ("\r" if key == Qt.Key.Key_Return else "")
            event = QKeyEvent(QEvent.Type.KeyPress, code, Qt.KeyboardModifier.NoModifier, text)
            event.setTimestamp(at_ms)
            QApplication.postEvent(field, event)

    timer = QTimer(field, singleShot=True, timerType=Qt.TimerType.PreciseTimer)
    timer.timeout.connect(post)
    timer.start(after_ms)  # started after the filter's quiet wait: due just after it
    return timer


def test_a_stall_that_ends_just_as_the_quiet_wait_does_leaves_the_queued_keys_in_the_burst(qtbot) -> None:  # type: ignore[no-untyped-def]
    field, scan_filter, scans = _desk(qtbot)
    at = 110_000
    _press(field, "I", at)
    rest = [(char, at + SCANNER_GAP_MS * (n + 1)) for n, char in enumerate("KM008")]
    queued = _post_later(field, [*rest, (Qt.Key.Key_Return, at + SCANNER_GAP_MS * 6)], MAX_GAP_MS + 1)
    time.sleep((MAX_GAP_MS + 5) / 1000)  # over just as the quiet wait is: not late enough to look busy
    qtbot.waitUntil(lambda: scans == ["IKM008"], timeout=2000)
    assert field.text() == "" and not queued.isActive()
    scan_filter.remove()


def test_a_doubled_character_the_platform_calls_a_repeat_stays_in_the_burst(qtbot) -> None:  # type: ignore[no-untyped-def]
    # Both 0s of "IKM007" were queued: X gives the second press its first one's release time, Qt calls
    # it an auto-repeat. The burst used to be broken there ("IKM0" typed, "07" a failed scan).
    field, scan_filter, scans = _desk(qtbot)
    at = 130_000
    for n, char in enumerate("IKM007"):
        _press(field, char, at + SCANNER_GAP_MS * n, auto_repeat=(n == 4))
    _press(field, Qt.Key.Key_Return, at + SCANNER_GAP_MS * 6)
    qtbot.waitUntil(lambda: scans == ["IKM007"], timeout=2000)
    assert field.text() == ""
    scan_filter.remove()


def test_a_held_key_still_types_its_repeats_as_they_come(qtbot) -> None:  # type: ignore[no-untyped-def]
    field, scan_filter, scans = _desk(qtbot)
    at = 150_000
    _press(field, "a", at)
    for n in range(1, 6):
        _press(field, "a", at + 500 + 30 * n, auto_repeat=True)
        assert field.text() == "a" * (n + 1)  # each repeat at once, the first stroke before it
    _press(field, Qt.Key.Key_Return, at + 700)
    assert scans == [] and field.text() == "aaaaaa"
    scan_filter.remove()
