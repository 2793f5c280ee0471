"""Keys typed into the app as the platform delivers them, stamped with a device's clock.

QTest gives a key the time the test got round to sending it; on a loaded machine that stretches a
scanner's 3 ms gaps past any threshold. A real scanner's keys carry the times the X server received
them, whatever our UI thread was doing. So a filter that runs before every other one gives each key
the time of the device: a scanner's gaps, or a person's.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from desktop.models.checkin.scan_burst import END_GAP_MS

SCANNER_GAP_MS = 3
PERSON_GAP_MS = 200
# The quiet wait (wall clock) of a test window: a test's keys may be late, a device's never are.
QUIET_WAIT_SCALE = 10
_KEY_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride)


class DeviceClock(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.now_ms = 1_000_000

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() in _KEY_EVENTS and isinstance(event, QKeyEvent) and event.timestamp():
            event.setTimestamp(self.now_ms)  # program-made keys (no time) stay without one
        return False


_CLOCK = DeviceClock()


def device_clock() -> DeviceClock:
    """The clock, installed last on the application so it runs before the scan filter (Qt calls the
    newest filter first; a window made since installed its own)."""
    app = QApplication.instance()
    app.removeEventFilter(_CLOCK)
    app.installEventFilter(_CLOCK)
    return _CLOCK


def type_keys(target: QWidget, text: str, end: Qt.Key | None = None, gap_ms: int = SCANNER_GAP_MS) -> None:
    """Through the window (shortcuts first, then the focused widget or the open popup); the default gap
    is a scanner's. A gap longer than a scanner's is also waited for in real time, as a person's is."""
    clock = device_clock()
    popup = QApplication.activePopupWidget()
    if popup is None and not target.isWindow():
        target.setFocus()  # a window is typed into as it stands, to whatever it has focused
    window = (popup or target.window()).windowHandle()
    for key in [*text, *([end] if end is not None else [])]:
        clock.now_ms += gap_ms
        if gap_ms > SCANNER_GAP_MS:
            QTest.qWait(gap_ms)
        if isinstance(key, str) and key.isupper():
            QTest.keyPress(window, Qt.Key.Key_Shift)  # as a scanner (and xdotool) type capitals
        QTest.keyClick(window, key)


def after_quiet_wait() -> int:
    """Milliseconds after which a test window has given back every held key."""
    return QUIET_WAIT_SCALE * END_GAP_MS + 100


def scanning_window(qtbot, context, event):  # type: ignore[no-untyped-def]
    """A main window at 1366×768, shown and settled, whose scan filter waits for a test's late keys."""
    from desktop.views.main_window import MainWindow
    from tests.gui_helpers import settle

    window = MainWindow(context, event)
    window.scan_filter.quiet_wait_scale = QUIET_WAIT_SCALE  # the keys carry a device's times (above)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    settle(qtbot, context)
    return window
