"""The page text block writes what drawString would: the same words, in any font subset."""

from __future__ import annotations

import io

from pypdf import PdfReader
from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from desktop.reports.fonts import BOLD, CONDENSED, REGULAR, register_fonts
from desktop.reports.text import TextBlock, text_width


def test_text_block_strings_read_back_across_font_subsets() -> None:
    register_fonts()
    # More than 256 different letters: the font needs a second subset (another PDF font object).
    many = "".join(chr(code) for code in range(0x0410, 0x0450)) + "".join(chr(code) for code in range(0x00C0, 0x017F))
    words = ["Jadwal pertemuan", "UD. Sepatu «Réné» (Jaya) \\ 50%", many, "Halaman 1 dari 2"]
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    for page in range(2):
        text = TextBlock(canvas)
        text.draw(40, 800, words[0], BOLD, 16, colors.black)
        text.draw(40, 700, words[1], CONDENSED, 10, colors.red)
        text.draw(40, 600, many[:40], REGULAR, 9, colors.black)
        text.draw(40, 580, many[40:], REGULAR, 9, colors.black)
        text.draw_right(500, 40, words[3].replace("1", str(page + 1)), REGULAR, 7.5, colors.grey)
        text.flush()
        canvas.showPage()
    canvas.save()
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(buffer.getvalue())).pages]
    for number, page_text in enumerate(pages, start=1):
        flat = page_text.replace("\n", "")
        assert words[0] in flat and words[1] in flat
        assert many[:40] in flat and many[40:] in flat
        assert f"Halaman {number} dari 2" in flat


def test_text_width_is_the_font_metrics_width() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    register_fonts()
    assert text_width("Mitra pertemuan", BOLD, 9) == stringWidth("Mitra pertemuan", BOLD, 9) > 0
