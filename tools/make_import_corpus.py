"""Write the participant-list corpus (tests/import_corpus.py) into tests/data/corpus/.

    .venv/bin/python tools/make_import_corpus.py [FILE …]   # all cases, or only the named files
                                                           # needs soffice (libreoffice-calc-nogui) for .xls/.ods

openpyxl writes each workbook the way an office builds it (merged titles, two-row headers,
formulas without stored results as Excel-less programs leave them); LibreOffice headless
saves the .xls and .ods cases from such a workbook; CSV cases are written in the encoding
and separator Excel on an Indonesian Windows uses. The results are committed (small files).
"""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from openpyxl import Workbook

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.import_corpus import CASES, CORPUS, LETTER, Case, Row  # noqa: E402


def _values(row: object) -> list[object]:
    return list(row.values) if isinstance(row, Row) else list(row)  # type: ignore[arg-type]


def write_workbook(case: Case, path: Path) -> None:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet in case.sheets:
        worksheet = workbook.create_sheet(sheet.name)
        for number, row in enumerate(sheet.rows, start=1):
            for column, value in enumerate(_values(row), start=1):
                if value is not None:
                    cell = worksheet.cell(row=number, column=column, value=value)
                    if isinstance(value, str) and value.startswith("'"):
                        cell.data_type = "s"  # typed with Excel's text mark: stored as text, mark included
        for merge in sheet.merges:
            worksheet.merge_cells(merge)
    workbook.save(path)


def write_csv(case: Case, path: Path) -> None:
    with path.open("w", newline="", encoding=case.csv_encoding) as handle:
        writer = csv.writer(handle, delimiter=case.csv_delimiter)
        for row in case.sheets[0].rows:
            writer.writerow(["" if value is None else value for value in _values(row)])


def convert(source: Path, extension: str, target: Path, work: Path) -> None:
    soffice = shutil.which("soffice")
    if not soffice:
        raise SystemExit("soffice (LibreOffice) not found: apt-get install libreoffice-calc-nogui")
    out = work / extension
    profile = f"-env:UserInstallation=file://{work}/profile"
    subprocess.run([soffice, profile, "--headless", "--convert-to", extension, "--outdir", str(out), str(source)],
                   check=True, capture_output=True)
    shutil.copyfile(out / f"{source.stem}.{extension}", target)


def main() -> int:
    CORPUS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        wanted = set(sys.argv[1:])
        for case in CASES:
            if wanted and case.file not in wanted:
                continue
            target = case.path
            if not case.sheets:  # a letter typed in a text editor and renamed .xlsx
                target.write_bytes(LETTER.encode("cp1252"))
            elif target.suffix == ".csv":
                write_csv(case, target)
            elif target.suffix in (".xls", ".ods"):
                source = work / f"{target.stem}.xlsx"
                write_workbook(case, source)
                convert(source, target.suffix.lstrip("."), target, work)
            else:
                write_workbook(case, target)
            print(f"{target.name:48} {target.stat().st_size:>7} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
