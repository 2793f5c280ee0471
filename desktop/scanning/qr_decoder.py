"""QR codes from camera frames: zxing-cpp decodes, :class:`HeldCodeFilter` keeps one scan per badge.

No Qt here: a frame is a numpy array (height × width grey, or × 3/4 colour channels), as the
camera view hands it over after converting its ``QImage``. A badge held in front of the camera
is seen in every frame for seconds; the filter lets its code through once, and again only
after the badge has left the picture for a moment (the same person showing it a second time
then gets the desk's "already checked in" answer, as with a second scanner burst).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import zxingcpp

# Camera frames are large; zxing finds a badge QR (≥ 2 cm in view) just as well at this width
# and several times faster. Bigger frames are scaled down by whole steps before decoding.
MAX_DECODE_WIDTH = 1000
# The badge must have been out of sight this long before the same code counts again.
HOLD_SECONDS = 2.5


@dataclass(frozen=True)
class DecodedCode:
    text: str
    # Centre of the symbol in the frame's pixels (for drawing a mark over the preview).
    x: float
    y: float


def _grey(frame: np.ndarray) -> np.ndarray:
    """A contiguous 8-bit grey image from grey, RGB, RGBA/RGBX or 16-bit frames."""
    if frame.ndim not in (2, 3) or frame.size == 0:
        raise ValueError(f"not an image: shape {frame.shape}")
    if frame.dtype != np.uint8:
        peak = float(frame.max()) or 1.0
        frame = (frame.astype(np.float32) * (255.0 / peak)).astype(np.uint8)
    if frame.ndim == 3:
        channels = frame.shape[2]
        if channels == 1:
            frame = frame[:, :, 0]
        elif channels in (3, 4):
            # ITU-R 601 luma; the alpha/X channel of a 32-bit frame is ignored.
            rgb = frame[:, :, :3].astype(np.uint16)
            frame = ((rgb[:, :, 0] * 77 + rgb[:, :, 1] * 150 + rgb[:, :, 2] * 29) >> 8).astype(np.uint8)
        else:
            raise ValueError(f"unsupported channel count: {channels}")
    return np.ascontiguousarray(frame)


def _scaled(grey: np.ndarray) -> tuple[np.ndarray, int]:
    step = max(1, -(-grey.shape[1] // MAX_DECODE_WIDTH))  # ceiling division
    return (grey[::step, ::step] if step > 1 else grey), step


def decode_frame(frame: np.ndarray, *, full_resolution: bool = False, scale: float = 1.0) -> list[DecodedCode]:
    """Every QR code zxing-cpp finds in ``frame`` (rotation, blur and low contrast included).

    Frames wider than :data:`MAX_DECODE_WIDTH` are read at a whole-step reduced size unless
    ``full_resolution`` (a small, far badge needs every pixel; the camera view asks for that
    now and then). ``scale`` maps positions back when the caller already reduced the frame.
    """
    grey = _grey(frame)
    step = 1
    if not full_resolution:
        grey, step = _scaled(grey)
    found = zxingcpp.read_barcodes(grey, formats=zxingcpp.BarcodeFormat.QRCode, try_rotate=True,
                                   try_downscale=True)
    codes: list[DecodedCode] = []
    for result in found:
        if not result.valid or not result.text:
            continue
        corners = result.position
        points = (corners.top_left, corners.top_right, corners.bottom_right, corners.bottom_left)
        codes.append(DecodedCode(
            text=result.text,
            x=scale * step * sum(point.x for point in points) / 4,
            y=scale * step * sum(point.y for point in points) / 4,
        ))
    return codes


@dataclass
class HeldCodeFilter:
    """Lets each code through once while it stays in view (de-duplication of a held badge).

    ``accept(codes)`` is called with what one frame showed and returns the codes that are new:
    not seen in any frame during the last ``hold_seconds``. Frames in which the decoder
    briefly misses the badge (motion blur) do not make it new again, because the time counts
    from the last frame that showed it.
    """

    hold_seconds: float = HOLD_SECONDS
    clock: Callable[[], float] = time.monotonic
    _last_seen: dict[str, float] = field(default_factory=dict)

    def accept(self, codes: list[str]) -> list[str]:
        moment = self.clock()
        # Forget what left the picture long ago: the dictionary stays as small as the queue.
        for code, seen in list(self._last_seen.items()):
            if moment - seen >= self.hold_seconds:
                del self._last_seen[code]
        fresh: list[str] = []
        for code in codes:
            if code not in self._last_seen and code not in fresh:
                fresh.append(code)
            self._last_seen[code] = moment
        return fresh

    def reset(self) -> None:
        self._last_seen.clear()
