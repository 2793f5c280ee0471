"""Slips and badges on every paper: the right page size, and a QR that decodes at 203 dpi.

203 dpi is a label printer's resolution. The pages are rendered with poppler's pdftoppm when it
is installed (what the desk looks at) and otherwise with Qt's PDF renderer; either way the QR
is read back with zxing-cpp.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from pypdf import PdfReader
from reportlab.lib.units import mm

from desktop.reports.data import EventHeader, Person, PersonalSchedule, ScheduleLine, Slot, Table
from desktop.reports.labels import LABEL_PAPERS, ROLL_BADGE_HEIGHT, label_paper, render_badge, render_slip
from desktop.scanning.qr_decoder import decode_frame

LABEL_DPI = 203
EVENT = EventHeader("Business Matching 2020 — Temu Bisnis Alas Kaki & Bahan Baku <Mojokerto>",
                    "Hall Graha Mojokerto Service City (GMSC)", "Kota Mojokerto",
                    dt.date(2020, 3, 6), "Disperindag Kota Mojokerto", "", "", "a4", dt.datetime(2020, 3, 6, 8, 0))
ME = Person(1, "IKM042", "ikm", "CV. Sepatu & Sandal <Jaya> Abadi Sentosa Makmur Sejahtera", "Bu Siti Rahayu",
            kind_label="IKM", kind_colour="#1f7a4d")


def schedule(meetings: int) -> PersonalSchedule:
    lines = []
    for number in range(meetings):
        start = dt.time(9 + number // 3, (number % 3) * 20)
        end = dt.time(9 + (number + 1) // 3, ((number + 1) % 3) * 20)
        partner = Person(100 + number, f"BYR{number:03d}", "buyer", f"PT Pembeli Nusantara Nomor {number} Tbk",
                         "Bapak Pembeli Yang Namanya Panjang Sekali", kind_label="Pembeli", kind_colour="#1d4e89")
        table = Table(number, number + 1, f"Meja {number + 1}", None)
        lines.append(ScheduleLine(Slot(number, number + 1, start, end, "pagi"), table, partner, "scheduled"))
    return PersonalSchedule(ME, tuple(lines))


def render_pages(pdf: Path, dpi: int) -> list[np.ndarray]:
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-png", str(pdf), str(pdf.with_suffix(""))], check=True)
        pages = sorted(pdf.parent.glob(pdf.stem + "-*.png"))
        return [np.asarray(Image.open(page).convert("L")) for page in pages]
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtPdf import QPdfDocument

    _app = QGuiApplication.instance() or QGuiApplication([])
    document = QPdfDocument()
    document.load(str(pdf))
    images = []
    for index in range(document.pageCount()):
        points = document.pagePointSize(index)
        page = document.render(index, QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72)))
        image = QImage(page.size(), QImage.Format.Format_Grayscale8)
        image.fill(0xFFFFFF)  # the rendered page is transparent where paper is: put it on white
        painter = QPainter(image)
        painter.drawImage(0, 0, page)
        painter.end()
        row = image.bytesPerLine()
        data = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), row)[:, :image.width()]
        images.append(data.copy())
    return images


def page_sizes_mm(pdf: Path) -> list[tuple[float, float]]:
    return [(float(page.mediabox.width) / mm, float(page.mediabox.height) / mm) for page in PdfReader(str(pdf)).pages]


@pytest.mark.parametrize("paper", list(LABEL_PAPERS))
def test_a_badge_on_each_paper_has_its_size_and_a_qr_read_at_203_dpi(tmp_path: Path, paper: str) -> None:
    pdf = tmp_path / f"badge-{paper}.pdf"
    assert render_badge(ME, EVENT, paper, pdf) == 1
    spec = label_paper(paper)
    [(width, height)] = page_sizes_mm(pdf)
    assert width == pytest.approx(spec.width_mm, abs=0.05)
    assert height == pytest.approx(spec.height_mm or ROLL_BADGE_HEIGHT / mm, abs=0.05)
    [image] = render_pages(pdf, LABEL_DPI)
    assert [code.text for code in decode_frame(image)] == ["IKM042"]


@pytest.mark.parametrize("paper", list(LABEL_PAPERS))
@pytest.mark.parametrize("meetings", [0, 3, 14])
def test_a_slip_on_each_paper_keeps_every_meeting_and_its_qr_reads_at_203_dpi(
        tmp_path: Path, paper: str, meetings: int) -> None:
    pdf = tmp_path / f"slip-{paper}-{meetings}.pdf"
    pages = render_slip(schedule(meetings), EVENT, paper, pdf)
    spec = label_paper(paper)
    sizes = page_sizes_mm(pdf)
    assert len(sizes) == pages
    for width, height in sizes:
        assert width == pytest.approx(spec.width_mm, abs=0.05)
        if spec.height_mm is not None:
            assert height == pytest.approx(spec.height_mm, abs=0.05)
    if spec.height_mm is None:  # the roll: one slip, as long as its meetings need
        assert pages == 1
    images = render_pages(pdf, LABEL_DPI)
    assert [code.text for code in decode_frame(images[0])] == ["IKM042"]
    for image in images[1:]:  # continuation labels carry no second QR to scan by mistake
        assert decode_frame(image) == []
    text = "".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
    for number in range(meetings):  # every meeting is on paper, none lost at a page end
        assert f"PT Pembeli Nusantara Nomor {number} " in text.replace("\n", " ") + " "
    assert "Meja" in text or meetings == 0


def test_a_longer_schedule_makes_a_longer_roll_slip(tmp_path: Path) -> None:
    heights = []
    for meetings in (1, 6, 12):
        pdf = tmp_path / f"roll-{meetings}.pdf"
        render_slip(schedule(meetings), EVENT, "62mm", pdf)
        heights.append(page_sizes_mm(pdf)[0][1])
    assert heights[0] < heights[1] < heights[2]
    # Each meeting adds the same length of paper.
    assert (heights[2] - heights[1]) / 6 == pytest.approx((heights[1] - heights[0]) / 5, rel=1e-6)


def test_an_unknown_paper_is_refused() -> None:
    with pytest.raises(ValueError, match="Ukuran kertas tidak dikenal"):
        label_paper("letter")
