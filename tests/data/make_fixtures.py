"""Re-create the LibreOffice-saved fixtures in this folder (run by hand, results are committed).

    /work/hvenv/bin/python tests/data/make_fixtures.py          # needs soffice (LibreOffice Calc)

1. openpyxl writes ``dinas_source.xlsx`` the way the Dinas' sheet looks: a merged title row,
   a two-row header, phones typed three ways, ``CV.``/``UD.`` names, an empty row, capacities
   ``1.500`` / ``1,5 rb``, a formula and a date typed as text;
2. LibreOffice (``soffice --headless --convert-to``) saves it as ``dinas_libreoffice.xlsx`` (now with
   stored formula results, LibreOffice's own XML) and as ``dinas_lama.xls`` (Excel 97–2003);
3. msoffcrypto-tool encrypts the LibreOffice file into ``dinas_sandi.xlsx`` (password ``rahasia``),
   the way Excel's "Encrypt with Password" stores it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent

ROWS = [
    [1, "CV. Sinar Jaya Sepatu", "Slamet Santoso", "0812-3456-7890", "Jl. Empunala No. 5", "Magersari",
     "Sepatu pria, Sandal", "1.500", "IKM"],
    [2, "UD Karya Mulia", "Sri Rahayu", "62813 2222 3333", "Jl. Majapahit 10", "Prajurit Kulon", "Sepatu wanita",
     "1,5 rb", "IKM"],
    [3, "Berkah Abadi Footwear", "Budi Prasetyo", "+62 857 4444 5555", "Jl. Pemuda 3", "Kranggan",
     "Sandal jepit", "=1000+250", "IKM"],
    [None, None, None, None, None, None, None, None, None],
    [4, "Toko \"Sepatu & Sandal\" <Mojo> 👞", "Siti Lestari", "081299998888", "Jl. Cinde", "Magersari",
     "Sepatu anak", "06/03/2020", "IKM"],
    [5, "sinar jaya sepatu", "Slamet", "0812 3456 7890", "", "Magersari", "Sepatu pria", "1.500", "IKM"],
]


def write_source(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Peserta"
    sheet.append(["DAFTAR PESERTA BUSINESS MATCHING 2020 — DISPERINDAG KOTA MOJOKERTO"])
    sheet.merge_cells("A1:I1")
    sheet.append(["No", "Nama Usaha", "Pemilik", "Kontak", None, "Kecamatan", "Produk", "Kapasitas/bulan", "Jenis"])
    sheet.merge_cells("D2:E2")
    sheet.append([None, None, None, "No. HP/WA", "Alamat", None, None, None, None])
    for row in ROWS:
        sheet.append(row)
    workbook.save(path)


def encrypt(source: Path, target: Path) -> None:
    """Password-protect with msoffcrypto-tool (LibreOffice 7.4's UNO export would not encrypt OOXML).

    Not a TemuDesk dependency: install it in a throw-away venv to re-create this one file.
    """
    from msoffcrypto.format.ooxml import OOXMLFile

    with source.open("rb") as plain, target.open("wb") as locked:
        OOXMLFile(plain).encrypt("rahasia", locked)


def main() -> int:
    soffice = shutil.which("soffice")
    if not soffice:
        print("soffice (LibreOffice) not found", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        source = work / "dinas_source.xlsx"
        write_source(source)
        profile = f"-env:UserInstallation=file://{work}/profile"
        for extension, name in (("xlsx", "dinas_libreoffice.xlsx"), ("xls", "dinas_lama.xls")):
            out = work / extension
            subprocess.run([soffice, profile, "--headless", "--convert-to", extension, "--outdir", str(out), str(source)],
                           check=True, capture_output=True)
            shutil.copyfile(out / f"dinas_source.{extension}", HERE / name)
    encrypt(HERE / "dinas_libreoffice.xlsx", HERE / "dinas_sandi.xlsx")
    for name in ("dinas_libreoffice.xlsx", "dinas_lama.xls", "dinas_sandi.xlsx"):
        print(name, (HERE / name).stat().st_size, "bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
