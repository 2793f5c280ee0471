"""Reading sheets: every kind of bad file gets a sentence, never a traceback."""

import datetime as dt
import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop.models.errors import DomainError
from desktop.models.spreadsheet import columns, reader
from desktop.models.spreadsheet.participant_import import PARTICIPANT_FIELDS
from desktop.models.spreadsheet.reader import UnreadFormula
from tests.spreadsheet_files import DATA, HEADERS, MESSY_ROWS, csv_file, xlsx

SCORE = columns.header_score(PARTICIPANT_FIELDS)


def read(path: Path, sheet: str | None = None) -> reader.SheetTable:
    return reader.read_table(path, sheet, SCORE)


def test_title_row_skipped_and_empty_rows_dropped(tmp_path: Path) -> None:
    table = read(xlsx(tmp_path / "p.xlsx", MESSY_ROWS, title="DAFTAR PESERTA BUSINESS MATCHING 2020"))
    assert table.header_row == 2
    assert table.headers == tuple(HEADERS)
    assert [row.number for row in table.rows] == [3, 4, 5, 7, 8, 9, 10]  # row 6 was empty
    assert table.rows[0].values[1] == "CV. Sinar Jaya Sepatu"


def test_libreoffice_file_with_two_row_header_and_stored_formula_results() -> None:
    table = read(DATA / "dinas_libreoffice.xlsx")
    assert table.header_row == 2  # merged "Kontak" above "No. HP/WA" and "Alamat"
    assert "No. HP/WA" in table.headers and "Alamat" in table.headers
    capacities = {row.values[1]: row.values[7] for row in table.rows}
    assert capacities["Berkah Abadi Footwear"] == 1250  # =1000+250, the result LibreOffice stored
    assert len(table.rows) == 5


def test_formula_without_stored_result_is_marked(tmp_path: Path) -> None:
    table = read(xlsx(tmp_path / "f.xlsx", [[1, "CV Rumus", "", "", "", "", "", "=1000+500", "IKM"]]))
    assert isinstance(table.rows[0].values[7], UnreadFormula)


@pytest.mark.parametrize(
    ("encoding", "delimiter"), [("utf-8", ";"), ("utf-8-sig", ","), ("cp1252", ";"), ("utf-8", "\t")]
)
def test_csv_encodings_and_separators(tmp_path: Path, encoding: str, delimiter: str) -> None:
    rows = [[1, "Café Sepatu Señor", "Slamet", "0812-3456-7890", "Jl. A, No. 5", "Magersari", "Sandal", "1.500", "IKM"]]
    table = read(csv_file(tmp_path / "p.csv", rows, delimiter=delimiter, encoding=encoding))
    assert table.headers == tuple(HEADERS)
    assert table.rows[0].values[1] == "Café Sepatu Señor"
    assert table.rows[0].values[4] == "Jl. A, No. 5"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "kosong"),
        (b"   \r\n", "kosong"),
        (b"%PDF-1.7\n1 0 obj <<>> endobj\n", "PDF"),
        (b"<html><body><table><tr><td>x</td></tr></table></body></html>", "halaman web"),
        (b"PK\x03\x04not really a zip at all", "bukan buku kerja Excel"),
        (bytes(range(256)) * 4, "tidak dikenal"),
    ],
)
def test_wrong_files_get_a_sentence(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "peserta.xlsx"
    path.write_bytes(content)
    with pytest.raises(DomainError, match=message):
        read(path)


def test_password_protected_refused_and_old_xls_read_whatever_its_name(tmp_path: Path) -> None:
    with pytest.raises(DomainError, match="kata sandi"):
        read(DATA / "dinas_sandi.xlsx")
    renamed = tmp_path / "lama.xlsx"
    shutil.copyfile(DATA / "dinas_lama.xls", renamed)  # a .xls renamed .xlsx
    for path in (DATA / "dinas_lama.xls", renamed):
        table = read(path)
        assert table.header_row == 2 and "No. HP/WA" in table.headers
        assert [row.values[1] for row in table.rows][:2] == ["CV. Sinar Jaya Sepatu", "UD Karya Mulia"]


def test_only_headers_and_empty_sheet(tmp_path: Path) -> None:
    with pytest.raises(DomainError, match="hanya berisi judul kolom"):
        read(xlsx(tmp_path / "h.xlsx", []))
    with pytest.raises(DomainError, match="kosong"):
        read(xlsx(tmp_path / "e.xlsx", [], headers=None))
    with pytest.raises(DomainError, match="hanya berisi judul kolom"):
        read(csv_file(tmp_path / "h.csv", []))


def test_unknown_sheet_lists_the_real_ones(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "p.xlsx", MESSY_ROWS)
    assert reader.inspect_file(path).sheets == ("Peserta",)
    with pytest.raises(DomainError, match="Peserta"):
        read(path, "Sheet9")


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(DomainError, match="tidak ditemukan"):
        read(tmp_path / "none.xlsx")
    with pytest.raises(DomainError, match="folder"):
        read(tmp_path)


@pytest.mark.slow
def test_50000_row_sheet_is_refused_with_the_limit(tmp_path: Path) -> None:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Peserta")
    sheet.append(HEADERS)
    for number in range(50_000):
        sheet.append([number, f"Usaha {number}", "", f"0812{number:07d}", "", "", "", 100, "IKM"])
    path = tmp_path / "besar.xlsx"
    workbook.save(path)
    with pytest.raises(DomainError, match="20.000"):
        read(path)


def test_cell_text_reads_like_a_person() -> None:
    assert reader.cell_text(81234567890.0) == "81234567890"
    assert reader.cell_text(dt.datetime(2020, 3, 6)) == "06/03/2020"
    assert reader.cell_text(dt.datetime(2020, 3, 6, 8, 42)) == "06/03/2020 08:42"
    assert reader.cell_text("  CV.\tSinar\x07  Jaya ") == "CV. Sinar Jaya"


def test_guess_mapping_from_indonesian_and_english_headers() -> None:
    indonesian = ["No", "NAMA USAHA", "Nama Pemilik", "No HP / WA", "Alamat Usaha", "Kec.", "Jenis Produk",
                  "Kapasitas Produksi (pasang/bulan)", "Jenis", "Kode Pos"]
    mapping = columns.guess_mapping(indonesian, PARTICIPANT_FIELDS)
    assert mapping == {"business_name": 1, "contact_person": 2, "phone": 3, "address": 4, "kecamatan": 5,
                       "products": 6, "monthly_capacity": 7, "kind": 8}
    english = ["Business name", "Owner", "Phone", "Address", "District", "Products", "Monthly capacity", "Type"]
    assert set(columns.guess_mapping(english, PARTICIPANT_FIELDS)) == {
        "business_name", "contact_person", "phone", "address", "kecamatan", "products", "monthly_capacity", "kind"}


def test_documents_and_archives_renamed_as_spreadsheets_are_told_apart(tmp_path: Path) -> None:
    import zipfile

    def zipped(name: str, parts: dict[str, str]) -> Path:
        path = tmp_path / name
        with zipfile.ZipFile(path, "w") as archive:
            for part, text in parts.items():
                archive.writestr(part, text)
        return path

    with pytest.raises(DomainError, match="dokumen Word"):
        read(zipped("surat.xlsx", {"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}))
    with pytest.raises(DomainError, match="arsip ZIP"):
        read(zipped("kiriman.xlsx", {"daftar/peserta.txt": "x"}))
    ole = tmp_path / "surat.xls"
    ole.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200 + "WordDocument".encode("utf-16-le") + b"\x00" * 200)
    with pytest.raises(DomainError, match="dokumen Word"):
        read(ole)
    letter = tmp_path / "undangan.csv"
    letter.write_text("Kepada Yth.\nBapak/Ibu\n\nDengan hormat, kami mengundang Bapak, Ibu, dan Saudara hadir.\n"
                      "Acara dimulai pukul 08.00.\nTerima kasih.\n", encoding="utf-8")
    with pytest.raises(DomainError, match="teks biasa"):
        read(letter)


def test_ods_and_xls_from_libreoffice_are_read_directly() -> None:
    from tests.import_corpus import CORPUS

    ods = read(CORPUS / "15_libreoffice_ods_dua_baris.ods")
    assert ods.header_row == 2 and "No. HP/WA" in ods.headers and ods.rows[1].values[1] == "ODS Satu"
    xls = read(CORPUS / "14_daftar_lama_excel97.xls")
    assert xls.headers[1] == "Nama Usaha" and any(row.values[1] == "Lama Dua" for row in xls.rows)
