"""The import wizard and the Impor/Ekspor buttons on the Peserta page (pytest-qt, offscreen)."""

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QWizard

from desktop.models.schedule import meeting_requests
from desktop.models.people import participants
from desktop.models.event.database import Database
from desktop.views import import_export_buttons
from desktop.views.participants_page import ParticipantsPage
from tests.gui_helpers import make_context, settle
from tests.spreadsheet_files import MESSY_ROWS, dump, invitation_list, xlsx


def _page(qtbot, db: Database):  # type: ignore[no-untyped-def]
    context = make_context(db)
    page = ParticipantsPage(context)
    qtbot.addWidget(page)
    settle(qtbot, context)
    return context, page


def test_wizard_previews_rows_then_imports_only_good_ones(qtbot, demo_db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    context, page = _page(qtbot, demo_db)
    path = xlsx(tmp_path / "peserta.xlsx", MESSY_ROWS, title="DAFTAR PESERTA")
    wizard = page.spreadsheet_buttons.start_import("participants", path)
    settle(qtbot, context)
    assert wizard.file_page.isComplete() and wizard.file_page.sheet_combo.currentText() == "Peserta"
    wizard.next()
    settle(qtbot, context)
    assert wizard.columns_page.mapping()["business_name"] == 1 and wizard.columns_page.isComplete()
    assert "baris 2" in wizard.columns_page.header_label.text()
    wizard.next()
    settle(qtbot, context)
    preview = wizard.preview_page
    assert preview.model.rowCount() == 7
    assert preview.problems_only.isChecked() and preview.proxy.rowCount() == 4  # 1 error + 3 warnings shown
    assert "3 ok" in preview.summary.text() and "1 galat" in preview.summary.text()
    assert wizard.button(QWizard.WizardButton.CommitButton).text() == "Impor 6 baris"
    reasons = [preview.model.row_at(i).reason for i in range(preview.model.rowCount())]
    assert any("12345" in reason and "baris tetap diimpor" in reason for reason in reasons)
    wizard.next()  # the commit page: runs the import
    settle(qtbot, context)
    assert wizard.currentPage() is wizard.done_page and "6 baru" in wizard.done_page.label.text()
    assert page.model.rowCount() == 87 + 6  # the page refreshed through the change bus
    assert context.shown_errors == []


def test_wizard_shows_a_bad_file_in_words_and_blocks_next(qtbot, demo_db: Database, demo_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    context, page = _page(qtbot, demo_db)
    before = dump(demo_path)
    fake = tmp_path / "peserta.xlsx"
    fake.write_bytes(b"%PDF-1.5 not a sheet")
    wizard = page.spreadsheet_buttons.start_import("participants", fake)
    settle(qtbot, context)
    assert "PDF" in wizard.file_page.message.text()
    assert not wizard.file_page.isComplete()
    assert dump(demo_path) == before


def test_wizard_with_nothing_importable_cannot_commit(qtbot, demo_db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    context, page = _page(qtbot, demo_db)
    path = xlsx(tmp_path / "bad.xlsx", [[1, "", "", "123", "", "", "", "x", ""]])
    wizard = page.spreadsheet_buttons.start_import("participants", path)
    settle(qtbot, context)
    wizard.next()
    settle(qtbot, context)
    wizard.next()
    settle(qtbot, context)
    assert not wizard.preview_page.isComplete()
    assert "Tidak ada baris" in wizard.preview_page.message.text()


def test_requests_wizard_and_export_button(qtbot, demo_db: Database, tmp_path: Path,  # type: ignore[no-untyped-def]
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    context, page = _page(qtbot, demo_db)
    shown: list[str] = []
    monkeypatch.setattr(import_export_buttons.messages, "show_info", lambda _parent, text, title=None: shown.append(text))
    target = tmp_path / "event.xlsx"
    page.spreadsheet_buttons.export_to(target)
    settle(qtbot, context)
    assert target.exists() and "87 peserta" in shown[0]
    assert "Permintaan" in load_workbook(target, read_only=True).sheetnames
    wizard = page.spreadsheet_buttons.start_import("requests", target)
    settle(qtbot, context)
    assert wizard.file_page.sheet_combo.currentText() == "Permintaan"
    wizard.next()
    settle(qtbot, context)
    wizard.next()
    settle(qtbot, context)
    assert wizard.preview_page.preview is not None
    assert wizard.preview_page.preview.count_action("unchanged") == 182
    with demo_db.read() as session:
        assert len(meeting_requests.list_requests(session)) == 182
        assert len(participants.list_participants(session)) == 87


def test_wizard_marks_guesses_skips_non_people_and_asks_about_likely_matches(qtbot, demo_db: Database,  # type: ignore[no-untyped-def]
                                                                             tmp_path: Path) -> None:
    from desktop.models.spreadsheet.preview import RowStatus
    from desktop.views.import_preview_model import SAME_COLUMN
    from PySide6.QtCore import Qt

    context, page = _page(qtbot, demo_db)
    wizard = page.spreadsheet_buttons.start_import("participants", invitation_list(tmp_path / "undangan.xlsx"))
    settle(qtbot, context)
    wizard.next()
    settle(qtbot, context)
    columns_page = wizard.columns_page
    assert columns_page.mapping()["business_name"] == 3 and columns_page.mapping()["contact_person"] == 1
    assert "(tebakan)" in columns_page.captions["business_name"].text()
    assert "kuning" in columns_page.header_label.text() and columns_page.mapping()["position"] == 2
    wizard.next()
    settle(qtbot, context)
    preview = wizard.preview_page
    rows = {row.number: row for row in (preview.model.row_at(i) for i in range(preview.model.rowCount()))}
    assert [number for number, row in rows.items() if row.status == RowStatus.SKIPPED] == [3, 4, 8, 10, 11, 12]
    assert "dilewati" in preview.summary.text() and "mungkin sama" in preview.summary.text()
    typo = rows[5]
    assert typo.maybe_same is not None and typo.maybe_same[0] == "IKM003" and typo.action == "update"
    assert "Mungkin sama dengan IKM003" in typo.reason
    assert rows[6].code == "IKM010" and rows[6].maybe_same is None  # certain: name and phone
    assert rows[9].maybe_same is not None and rows[9].maybe_same[0] == "BNK001"
    # The admin says row 5 is a new maker after all: checked again, it becomes a new participant.
    position = next(i for i in range(preview.model.rowCount()) if preview.model.row_at(i).number == 5)
    preview.model.setData(preview.model.index(position, SAME_COLUMN), Qt.CheckState.Unchecked.value,
                          Qt.ItemDataRole.CheckStateRole)
    settle(qtbot, context)
    again = {preview.model.row_at(i).number: preview.model.row_at(i) for i in range(preview.model.rowCount())}
    assert again[5].action == "create" and again[5].code.startswith("IKM07")
    wizard.next()
    settle(qtbot, context)
    assert wizard.currentPage() is wizard.done_page
    with demo_db.read() as session:
        assert participants.find_by_code(session, "IKM003").business_name == "UD. Cahaya Mulia Sepatu"
        assert participants.find_by_code(session, "BNK001").business_name == "Bank Mitra Usaha Rakyat"
        assert len(participants.list_participants(session)) == 87 + 2  # Sepatu Baru Jaya and the new row 5
        assert "Jabatan: Account Officer" in participants.find_by_code(session, "BNK001").notes


def test_wizard_takes_the_sheet_that_holds_the_list(qtbot, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    from tests.import_corpus import CORPUS

    context, page = _page(qtbot, demo_db)
    wizard = page.spreadsheet_buttons.start_import("participants", CORPUS / "11_data_di_lembar_kedua.xlsx")
    settle(qtbot, context)
    wizard.next()
    settle(qtbot, context)
    assert wizard.table is not None and wizard.table.sheet == "Data IKM"
    assert "Petunjuk" in wizard.columns_page.header_label.text()
    assert wizard.file_page.sheet_combo.currentText() == "Data IKM"
