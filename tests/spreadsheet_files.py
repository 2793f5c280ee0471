"""Building real .xlsx and .csv files for the import tests (openpyxl and the csv module)."""

from __future__ import annotations

import csv
import datetime as dt
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook

DATA = Path(__file__).resolve().parent / "data"
HEADERS = ["No", "Nama Usaha", "Pemilik", "No. HP/WA", "Alamat", "Kecamatan", "Produk", "Kapasitas/bulan", "Jenis"]


def xlsx(path: Path, rows: Sequence[Sequence[Any]], *, headers: Sequence[str] | None = HEADERS,
         title: str | None = None, sheet: str = "Peserta", text_cells: bool = False) -> Path:
    """A workbook with an optional merged title row; ``text_cells`` stores every str as text, never a formula."""
    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    if title:
        worksheet.append([title])
        worksheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=max(len(headers or []), 2))
    if headers is not None:
        worksheet.append(list(headers))
    for row in rows:
        worksheet.append(list(row))
        if text_cells:
            for cell in worksheet[worksheet.max_row]:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
    workbook.save(path)
    return path


def csv_file(path: Path, rows: Sequence[Sequence[Any]], *, delimiter: str = ";", encoding: str = "utf-8",
             headers: Sequence[str] = HEADERS) -> Path:
    with path.open("w", newline="", encoding=encoding) as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(headers)
        writer.writerows(rows)
    return path


def dump(db_path: Path) -> str:
    """Every row of every table: equal dumps mean the event file did not change."""
    connection = sqlite3.connect(db_path)
    try:
        return "\n".join(connection.iterdump())
    finally:
        connection.close()


MESSY_ROWS: list[list[Any]] = [
    [1, "CV. Sinar Jaya Sepatu", "Slamet Santoso", "0812-3456-7890", "Jl. Empunala 5", "Magersari", "Sepatu pria, Sandal", "1.500", "IKM"],
    [2, "UD Karya Mulia", "Sri Rahayu", "62813 2222 3333", "Jl. Majapahit 10", "Prajurit Kulon", "Sepatu wanita", "1,5 rb", "IKM"],
    [3, "Berkah Abadi Footwear", "Budi", "+62 857 4444 5555", "", "Kranggan", "Sandal jepit", 1250, ""],
    [None, None, None, None, None, None, None, None, None],
    [5, "sinar jaya sepatu", "Slamet", "0812 3456 7890", "", "Magersari", "Sepatu pria", "1.500", "IKM"],
    [6, "Toko Tanpa Telepon", "", "12345", "", "", "", "sekitar seribu", "IKM"],
    [7, "Pembeli Besar", "Bu Lina", 81311112222, "", "", "sepatu kuda", "", "Pembeli"],
    [8, "CV Kalender", "", "", "", "", "", dt.datetime(2020, 3, 6), "IKM"],
]


def invitation_list(path: Path) -> Path:
    """A Nama | Jabatan | Instansi list against the demo event: numbering, sections, a totals row, a
    signature, one maker typed with a slip in its name (IKM003) and a bank written without "(KUR)"."""
    rows: list[list[Any]] = [
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
        ["A.", "IKM ALAS KAKI"],
        [1, "Mochamad Wahyudi", "Pemilik", "UD Cahaya Mulya Sepatu", "0834-8491-1798", "Kranggan"],
        [2, "Siti Wulandari", "Pemilik", "Majapahit Sakti Shoes", "0857-7183-9090", "Kranggan"],
        [3, "Budi Santoso", "Pemilik", "Sepatu Baru Jaya", "WA 0812 9999 1111", "Magersari"],
        ["B.", "PERBANKAN"],
        [4, "Diah Ayu", "Account Officer", "Bank Mitra Usaha Rakyat", "0821-6428-2935", None],
        [None, "JUMLAH", None, None, None, None],
        [None, None, None, None, "Mojokerto, 6 Maret 2020"],
        [None, None, None, None, "Kepala Dinas"],
    ]
    return xlsx(path, rows, headers=["No", "Nama", "Jabatan", "Instansi/Perusahaan", "No. HP", "Kecamatan"],
                title="DAFTAR UNDANGAN BUSINESS MATCHING")
