"""User settings, declared once as typed options with defaults (stored with QSettings)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")

ORGANIZATION = "Disperindag Kota Mojokerto"
APPLICATION = "TemuDesk"


@dataclass(frozen=True)
class Option(Generic[T]):
    key: str
    default: T

    def get(self, settings: QSettings) -> T:
        value = settings.value(self.key, self.default)
        if isinstance(self.default, bool):
            return (value in (True, "true", "1", 1)) if value is not None else self.default  # type: ignore[return-value]
        if isinstance(self.default, int):
            try:
                return int(value)  # type: ignore[return-value]
            except (TypeError, ValueError):
                return self.default
        if isinstance(self.default, str):
            return str(value) if value is not None else self.default  # type: ignore[return-value]
        return value  # type: ignore[return-value]

    def set(self, settings: QSettings, value: T) -> None:
        settings.setValue(self.key, value)


LANGUAGE = Option("ui/language", "id")
LAST_EVENT = Option("events/last", "")
WINDOW_GEOMETRY = Option("window/geometry", QByteArray())
WINDOW_STATE = Option("window/state", QByteArray())
LAST_PAGE = Option("window/page", 0)
OPERATOR = Option("desk/operator", "")
DESK = Option("desk/name", "Meja Registrasi 1")
# Webcam scanning and printing on the spot belong to this computer, not to the event file.
CAMERA_DEVICE = Option("scan/camera", "")  # a QCameraDevice id; empty = the system's default
CAMERA_ON = Option("scan/camera_on", False)
LABEL_PRINTER = Option("print/printer", "")  # empty = the system's default printer
LABEL_PAPER = Option("print/paper", "a6")  # a key of desktop.reports.labels.LABEL_PAPERS
KIOSK_PRINTS_SLIP = Option("kiosk/print_slip", True)
WALK_IN_BADGE_AT_ONCE = Option("print/walk_in_badge", True)  # the desk prints a new walk-in's badge


def app_settings() -> QSettings:
    return QSettings(ORGANIZATION, APPLICATION)
