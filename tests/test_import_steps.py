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


def test_the_preview_model_on_the_table_base_keeps_its_roles(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from desktop.views.import_kinds import participants_kind
    from desktop.views.import_preview_model import SAME_COLUMN, PreviewFilter, PreviewModel
    from desktop.views.table_base import SORT_ROLE

    model = PreviewModel(participants_kind())
    rows = [_row(2, RowStatus.OK), _row(3, RowStatus.WARNING, ("P-001", "CV Lama", "nama mirip")),
            _row(4, RowStatus.ERROR), _row(5, RowStatus.SKIPPED)]
    model.set_rows(rows)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in (0, 4, 6)] == ["Baris", "Nama usaha", "Sama dengan?"]
    # Status sorts by severity (error first), not by its word; the line number stays a number.
    assert [model.index(r, 1).data(SORT_ROLE) for r in range(4)] == [3, 1, 0, 2]
    assert model.index(0, 0).data() == 2 and model.index(0, 0).data(SORT_ROLE) == 2
    assert model.index(2, 0).data(Qt.ItemDataRole.BackgroundRole).name() == "#fde7e9"
    assert model.index(2, 7).data(Qt.ItemDataRole.ForegroundRole).name() == "#8a0014"
    assert model.index(3, 3).data(Qt.ItemDataRole.ForegroundRole).name() == "#5f6b73"
    same = model.index(1, SAME_COLUMN)
    assert same.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.flags(same) & Qt.ItemFlag.ItemIsUserCheckable and model.index(0, SAME_COLUMN).data(
        Qt.ItemDataRole.CheckStateRole) is None
    with qtbot.waitSignal(model.decided):
        assert model.setData(same, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.decisions == {3: True} and same.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    proxy = PreviewFilter()
    proxy.setSourceModel(model)
    proxy.set_problems_only(True)
    assert proxy.rowCount() == 3
