"""The webcam decoder on generated frames: our own badge QR, turned, blurred, dim; and the held-badge filter."""

from __future__ import annotations

import numpy as np
import pytest

from desktop.scanning.qr_decoder import HeldCodeFilter, decode_frame
from tests.camera_frames import rgb, scene

CODES = ["IKM001", "BYR012", "SUP003", "BNK104", "IKM9999"]


def texts(frame: np.ndarray) -> list[str]:
    return [code.text for code in decode_frame(frame)]


@pytest.mark.parametrize("code", CODES)
def test_a_badge_in_a_frame_is_read(code: str) -> None:
    assert texts(scene(code)) == [code]


@pytest.mark.parametrize("angle", [7, 23, 45, 90, 161, 200, 315])
def test_a_turned_badge_is_read(angle: float) -> None:
    assert texts(scene("IKM042", angle=angle)) == ["IKM042"]


@pytest.mark.parametrize("blur", [1.0, 2.0, 2.5])
def test_a_blurred_badge_is_read(blur: float) -> None:
    assert texts(scene("BYR007", blur=blur)) == ["BYR007"]


@pytest.mark.parametrize(("dark", "light"), [(60, 140), (90, 150), (100, 145)])
def test_a_badge_in_poor_light_is_read(dark: int, light: int) -> None:
    assert texts(scene("SUP015", dark=dark, light=light)) == ["SUP015"]


def test_turned_blurred_and_dim_at_once() -> None:
    assert texts(scene("IKM070", angle=31, blur=1.5, dark=70, light=160)) == ["IKM070"]


def test_colour_frames_and_32_bit_frames() -> None:
    grey = scene("BNK002", angle=12)
    assert texts(rgb(grey)) == ["BNK002"]
    rgbx = np.concatenate([rgb(grey), np.full(grey.shape + (1,), 255, np.uint8)], axis=2)
    assert texts(rgbx) == ["BNK002"]


def test_a_full_hd_frame_is_read_reduced_and_a_small_far_badge_at_full_resolution() -> None:
    assert texts(scene("IKM123", size=(1920, 1080), module_pixels=8, offset=(500, 300))) == ["IKM123"]
    far = scene("IKM124", size=(1920, 1080), module_pixels=2, offset=(500, 300), blur=0.8)  # a soft, far badge
    assert texts(far) == []  # too small once halved for speed …
    assert [code.text for code in decode_frame(far, full_resolution=True)] == ["IKM124"]  # … read in full


def test_the_position_is_the_centre_of_the_symbol() -> None:
    [found] = decode_frame(scene("IKM001", size=(1280, 720), offset=(200, -100)))
    assert abs(found.x - (640 + 200)) < 20 and abs(found.y - (360 - 100)) < 20


def test_frames_without_a_badge_give_nothing() -> None:
    assert texts(scene(None)) == []
    assert texts(np.zeros((480, 640), np.uint8)) == []
    assert texts(np.full((480, 640, 3), 255, np.uint8)) == []


def test_too_blurred_to_read_gives_nothing_rather_than_a_wrong_code() -> None:
    assert texts(scene("IKM001", blur=9)) in ([], ["IKM001"])  # never some other text
    assert texts(scene("IKM001", module_pixels=2, blur=4)) == []


def test_a_frame_that_is_not_an_image_is_refused() -> None:
    with pytest.raises(ValueError):
        decode_frame(np.zeros((4, 4, 4, 4), np.uint8))
    with pytest.raises(ValueError):
        decode_frame(np.zeros((0, 10), np.uint8))


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_held_badge_counts_once_and_again_after_it_left_the_picture() -> None:
    clock = FakeClock()
    held = HeldCodeFilter(hold_seconds=2.0, clock=clock)
    assert held.accept(["IKM001"]) == ["IKM001"]
    for _frame in range(50):  # five seconds in front of the camera at 10 frames a second
        clock.now += 0.1
        assert held.accept(["IKM001"]) == []
    clock.now += 1.0  # a missed frame or two (motion blur) does not make it new
    assert held.accept([]) == []
    assert held.accept(["IKM001"]) == []
    clock.now += 2.5  # taken away and shown again: the desk answers "already checked in"
    assert held.accept([]) == []
    assert held.accept(["IKM001"]) == ["IKM001"]


def test_two_badges_in_one_frame_and_repeats_within_a_frame() -> None:
    clock = FakeClock()
    held = HeldCodeFilter(hold_seconds=2.0, clock=clock)
    assert held.accept(["IKM001", "BYR002", "IKM001"]) == ["IKM001", "BYR002"]
    clock.now += 0.5
    assert held.accept(["BYR002", "SUP003"]) == ["SUP003"]
    held.reset()
    assert held.accept(["IKM001"]) == ["IKM001"]


def test_the_filter_forgets_codes_that_left_long_ago() -> None:
    clock = FakeClock()
    held = HeldCodeFilter(hold_seconds=1.0, clock=clock)
    for number in range(200):
        clock.now += 2
        held.accept([f"IKM{number:03d}"])
    assert len(held._last_seen) == 1
