"""Camera-like frames showing our own badge QR (desktop/reports/qr.py), for decoder and GUI tests."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageFilter

from desktop.reports.qr import QUIET_ZONE, modules


def badge_qr(code: str, module_pixels: int = 8) -> Image.Image:
    """The QR as printed on the badge (black on white, the badge's quiet zone), in grey pixels."""
    matrix = np.array(modules(code), dtype=bool)
    picture = np.pad(np.where(matrix, 0, 255).astype(np.uint8), QUIET_ZONE, constant_values=255)
    return Image.fromarray(np.kron(picture, np.ones((module_pixels, module_pixels), dtype=np.uint8)))


def scene(code: str | None, *, size: tuple[int, int] = (1280, 720), module_pixels: int = 8, angle: float = 0.0,
          blur: float = 0.0, dark: int = 0, light: int = 255, offset: tuple[int, int] = (0, 0),
          seed: int = 7) -> np.ndarray:
    """A grey camera frame: a mottled background (a desk, a shirt), the badge QR pasted in, rotated,
    blurred and squeezed into ``dark``..``light`` (low contrast); ``None`` shows no badge."""
    rng = np.random.default_rng(seed)
    width, height = size
    background = rng.normal(140, 25, (height // 8 + 1, width // 8 + 1)).clip(0, 255).astype(np.uint8)
    frame = Image.fromarray(background).resize((width, height), Image.Resampling.BILINEAR)
    if code is not None:
        qr = badge_qr(code, module_pixels)
        # A white card around the code, as on the badge, turned with it.
        card = Image.new("L", (qr.width + 6 * module_pixels, qr.height + 6 * module_pixels), 255)
        card.paste(qr, (3 * module_pixels, 3 * module_pixels))
        if angle:
            mask = Image.new("L", card.size, 255).rotate(angle, expand=True, resample=Image.Resampling.BILINEAR)
            card = card.rotate(angle, expand=True, resample=Image.Resampling.BILINEAR, fillcolor=255)
        else:
            mask = Image.new("L", card.size, 255)
        x = (width - card.width) // 2 + offset[0]
        y = (height - card.height) // 2 + offset[1]
        frame.paste(card, (x, y), mask)
    if blur:
        frame = frame.filter(ImageFilter.GaussianBlur(blur))
    pixels = np.asarray(frame, dtype=np.float32)
    pixels = dark + pixels * ((light - dark) / 255.0)
    pixels += rng.normal(0, 2.0, pixels.shape)  # sensor noise
    return pixels.clip(0, 255).astype(np.uint8)


def rgb(frame: np.ndarray) -> np.ndarray:
    return np.repeat(frame[:, :, None], 3, axis=2)
