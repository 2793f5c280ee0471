"""The import wizard's words and column rules without a window (desktop/views/import_steps.py)."""

from __future__ import annotations

from desktop.models.spreadsheet.columns import Field
from desktop.models.spreadsheet.preview import Preview, PreviewRow, RowStatus
from desktop.views.import_steps import column_letter, field_caption, import_button_text, mapping_problem, preview_summary

NAME = Field("business_name", "Nama usaha", ("nama",), required=True)
PHONE = Field("phone", "No. HP/WA", ("hp",))


def _row(number: int, status: RowStatus, maybe_same: tuple[str, str, str] | None = None) -> PreviewRow:
    return PreviewRow(number, status.value, "create", "", f"Usaha {number}", "", (), maybe_same)


def test_a_mapping_needs_every_required_field_and_distinct_columns() -> None:
    assert mapping_problem({"phone": 2}, (NAME, PHONE)) == "Pilih kolom untuk: Nama usaha."
    assert "dua isian" in mapping_problem({"business_name": 1, "phone": 1}, (NAME, PHONE))
    assert mapping_problem({"business_name": 1, "phone": 2}, (NAME, PHONE)) == ""
    assert field_caption(NAME) == "Nama usaha *" and field_caption(PHONE, guessed=True) == "No. HP/WA (tebakan)"
    assert [column_letter(i) for i in (0, 25, 26)] == ["A", "Z", "AA"]


def test_the_summary_counts_rows_and_escapes_the_file_name() -> None:
    rows = (_row(2, RowStatus.OK), _row(3, RowStatus.WARNING, ("P-001", "CV Lama", "nama mirip")),
            _row(4, RowStatus.ERROR), _row(5, RowStatus.SKIPPED))
    preview = Preview("a<b>.xlsx", "Peserta", 1, rows, notes=("Lembar dipilih otomatis",))
    text = preview_summary(preview)
    assert "a&lt;b&gt;.xlsx" in text and "1 ok" in text and "1 peringatan" in text and "1 galat" in text
    assert "1 dilewati" in text and "1 baris mungkin sama" in text and text.endswith("Lembar dipilih otomatis")
    assert import_button_text(preview) == "Impor 2 baris"
    assert import_button_text(Preview("x.csv", "", 1, (_row(2, RowStatus.ERROR),))) == "Impor"
