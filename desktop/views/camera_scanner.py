"""The webcam in a corner: a small live picture, and each badge QR it sees read once.

Frames come from QtMultimedia (QCamera → QMediaCaptureSession → QVideoSink). The newest
frame is kept and decoded a few times a second (desktop/scanning/qr_decoder.py); older frames
are dropped, so a slow laptop never builds a queue. Tests and the kiosk's demo hold a badge
"in front of the camera" with :meth:`CameraScanner.show_image`, the same path a real frame takes.

A computer without a camera, a camera another program holds, or a Qt without its multimedia
libraries gives a calm line of text in the corner; scanning with the USB scanner or typing
still works.
"""

from __future__ import annotations

import logging
from typing import Any

import numpy as np
from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop.i18n import _
from desktop.scanning.qr_decoder import MAX_DECODE_WIDTH, DecodedCode, HeldCodeFilter, decode_frame

log = logging.getLogger(__name__)
DECODE_INTERVAL_MS = 180  # about five reads a second: quick enough for a badge held up for a moment
PREVIEW_SIZE = QSize(240, 180)
FULL_FRAME_EVERY = 4


def camera_devices() -> list[tuple[str, str]]:
    """(id, description) of each camera Qt sees; empty when there is none or no multimedia."""
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except (ImportError, OSError):
        return []
    return [(bytes(device.id().data()).decode(errors="replace"), device.description())
            for device in QMediaDevices.videoInputs()]


_32_BIT = {QImage.Format.Format_RGB32, QImage.Format.Format_ARGB32, QImage.Format.Format_ARGB32_Premultiplied,
           QImage.Format.Format_RGBX8888, QImage.Format.Format_RGBA8888, QImage.Format.Format_RGBA8888_Premultiplied}


def grey_pixels(image: QImage, max_width: int | None = None) -> tuple[np.ndarray, int]:
    """The image as 8-bit grey numpy pixels (a copy), every ``step``-th pixel so it is at most
    ``max_width`` wide; returns (pixels, step).

    For 32-bit frames (what cameras deliver) the green channel stands in for brightness: it is
    where the eye's and the sensor's brightness mostly is, a black-and-white QR reads the same,
    and it costs a strided copy instead of Qt's colour conversion (tens of milliseconds at 1080p).
    """
    step = max(1, -(-image.width() // max_width)) if max_width else 1
    if image.format() == QImage.Format.Format_Grayscale8:
        row = image.bytesPerLine()
        pixels = np.frombuffer(image.constBits(), np.uint8, count=row * image.height()).reshape(image.height(), row)
        return np.ascontiguousarray(pixels[::step, :image.width():step]), step
    if image.format() not in _32_BIT:
        image = image.convertToFormat(QImage.Format.Format_RGB32)
    row = image.bytesPerLine()
    pixels = np.frombuffer(image.constBits(), np.uint8, count=row * image.height()).reshape(image.height(), row)
    # Green is byte 1 of each pixel both in Qt's 0xAARRGGBB words (little-endian memory B G R A) and in RGBA8888.
    return np.ascontiguousarray(pixels[::step, 1:image.width() * 4:4 * step]), step


class CameraScanner(QWidget):
    """``code_read(str)`` for each newly seen code; ``message`` is the line shown under the picture."""

    code_read = Signal(str)
    state_changed = Signal(str)  # 'off', 'starting', 'running', 'unavailable'

    def __init__(self, parent: QWidget | None = None, *, preview: QSize = PREVIEW_SIZE) -> None:
        super().__init__(parent)
        self.preview_size = preview
        self.state = "off"
        self.filter = HeldCodeFilter()
        self._pending: QImage | None = None
        self._last_codes: list[DecodedCode] = []
        self._decodes = 0
        self._camera: Any = None
        self._session: Any = None
        self._sink: Any = None
        self.picture = QLabel()
        self.picture.setFixedSize(preview)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setStyleSheet("background:#20252b; color:#e8ecf1; border-radius:6px")
        self.picture.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color:#444")
        self.message.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.message)
        self.decode_timer = QTimer(self, interval=DECODE_INTERVAL_MS)
        self.decode_timer.timeout.connect(self.decode_pending)
        self._set_state("off", _("Kamera mati."))

    # ---- the camera ------------------------------------------------------------------------
    def start(self, device_id: str = "") -> bool:
        """Open the camera (``device_id`` from the settings, else the system's default)."""
        self.stop()
        try:
            from PySide6.QtMultimedia import QCamera, QMediaCaptureSession, QMediaDevices, QVideoSink
        except (ImportError, OSError) as error:  # e.g. no PulseAudio/FFmpeg libraries on this computer
            log.info("QtMultimedia unavailable: %s", error)
            return self._unavailable(_("Kamera tidak dapat dipakai di komputer ini. Pakai scanner atau ketik kode."))
        devices = QMediaDevices.videoInputs()
        if not devices:
            return self._unavailable(_("Tidak ada kamera terpasang. Pakai scanner atau ketik kode."))
        chosen = next((d for d in devices if bytes(d.id().data()).decode(errors="replace") == device_id), None)
        if chosen is None:
            chosen = QMediaDevices.defaultVideoInput() if not QMediaDevices.defaultVideoInput().isNull() else devices[0]
        self._camera = QCamera(chosen)
        self._session = QMediaCaptureSession()
        self._sink = QVideoSink()
        self._session.setCamera(self._camera)
        self._session.setVideoSink(self._sink)
        self._sink.videoFrameChanged.connect(self._on_frame)
        self._camera.errorOccurred.connect(self._on_camera_error)
        self._camera.activeChanged.connect(self._on_active)
        self._set_state("starting", _("Kamera dinyalakan …"))
        self._camera.start()
        self.decode_timer.start()
        return True

    def stop(self) -> None:
        self.decode_timer.stop()
        if self._camera is not None:
            try:
                self._camera.errorOccurred.disconnect(self._on_camera_error)
                self._camera.stop()
            except RuntimeError:  # already deleted with its parent
                pass
        self._camera = self._session = self._sink = None
        self._pending = None
        self.filter.reset()
        if self.state != "unavailable":
            self._set_state("off", _("Kamera mati."))

    def _unavailable(self, text: str) -> bool:
        self.decode_timer.stop()
        self._camera = self._session = self._sink = None
        self.picture.setPixmap(QPixmap())
        self.picture.setText(_("Kamera tidak tersedia"))
        self._set_state("unavailable", text)
        return False

    def _on_camera_error(self, _error: object = None, description: str = "") -> None:
        log.info("camera error: %s", description)
        self._unavailable(_("Kamera sedang dipakai aplikasi lain atau tidak dapat dibuka. "
                            "Pakai scanner atau ketik kode."))

    def _on_active(self, active: bool) -> None:
        if active:
            self._set_state("running", _("Tunjukkan QR badge ke kamera."))

    def _on_frame(self, frame: Any) -> None:
        image = frame.toImage()
        if not image.isNull():
            self.show_image(image)

    def _set_state(self, state: str, text: str) -> None:
        self.state = state
        self.message.setText(text)
        if state == "off":
            self.picture.setPixmap(QPixmap())
            self.picture.setText(_("Kamera mati"))
        self.state_changed.emit(state)

    # ---- frames ----------------------------------------------------------------------------
    def show_image(self, image: QImage) -> None:
        """One camera frame: shown at once, decoded at the next tick (the newest frame wins)."""
        self._pending = image
        self._draw_preview(image)
        if not self.decode_timer.isActive():
            self.decode_timer.start()

    def decode_pending(self) -> list[str]:
        """Decode the newest frame; returns (and emits) the codes that are new."""
        image, self._pending = self._pending, None
        if image is None:
            if self._camera is None:
                self.decode_timer.stop()  # simulated frames only: nothing more will come
            return []
        self._decodes += 1
        # Mostly a reduced frame (fast); every few reads the whole frame, for a badge held far away.
        full = self._decodes % FULL_FRAME_EVERY == 0
        try:
            pixels, step = grey_pixels(image, None if full else MAX_DECODE_WIDTH)
            found = decode_frame(pixels, full_resolution=True, scale=step)
        except ValueError:
            return []
        self._last_codes = found
        fresh = self.filter.accept([code.text for code in found])
        if found:
            self._draw_preview(image)
        for code in fresh:
            self.code_read.emit(code)
        return fresh

    def _draw_preview(self, image: QImage) -> None:
        scaled = image.scaled(self.preview_size, Qt.AspectRatioMode.KeepAspectRatio,
                              Qt.TransformationMode.FastTransformation)
        if self._last_codes and scaled.width():
            # A green ring where the code was read: the visitor sees the camera found it.
            factor = scaled.width() / max(image.width(), 1)
            scaled = scaled.convertToFormat(QImage.Format.Format_RGB32)
            painter = QPainter(scaled)
            painter.setPen(QPen(QColor("#1f9d55"), 3))
            for code in self._last_codes:
                painter.drawEllipse(int(code.x * factor) - 18, int(code.y * factor) - 18, 36, 36)
            painter.end()
        self.picture.setPixmap(QPixmap.fromImage(scaled))

    def hideEvent(self, event: Any) -> None:  # the camera light goes off with the page
        self.stop()
        super().hideEvent(event)
