"""What a file given to the import really is, by its first bytes and parts, whatever its name.

``.xlsx``, ``.xls``, ``.ods`` and text tables are read; a PDF, a Word or PowerPoint document,
an OpenDocument text, a ZIP archive, a web page saved as ``.xls`` and a password-protected
workbook each get their own sentence. No Qt here.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from desktop.i18n import _
from desktop.models.errors import DomainError

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")


def detect_kind(path: Path) -> str:
    """``"xlsx"``, ``"xls"``, ``"ods"`` or ``"csv"``, or a :class:`DomainError` saying what the file really is."""
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except FileNotFoundError:
        raise DomainError(_("Berkas tidak ditemukan: {path}").format(path=path)) from None
    except IsADirectoryError:
        raise DomainError(_("Yang dipilih adalah folder, bukan berkas: {path}").format(path=path)) from None
    except OSError as error:
        raise DomainError(_("Berkas tidak dapat dibaca: {reason}").format(reason=error.strerror or error)) from None
    if not head.strip():
        raise DomainError(_("Berkas {name} kosong.").format(name=path.name))
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path, head)
    if head.startswith(_OLE_MAGIC):
        return _ole_kind(path)
    if head.startswith(b"%PDF"):
        raise DomainError(_("{name} adalah dokumen PDF, bukan lembar kerja Excel atau CSV.").format(name=path.name))
    if head.startswith(b"{\\rtf"):
        raise DomainError(_("{name} adalah dokumen teks (RTF/Word), bukan lembar kerja.").format(name=path.name))
    lowered = head.lstrip(b"\xef\xbb\xbf \r\n\t").lower()
    if lowered.startswith((b"<html", b"<!doctype", b"<table", b"<?xml")):
        raise DomainError(
            _("{name} adalah halaman web/XML yang diberi nama seperti Excel. Buka di Excel dan simpan sebagai "
              ".xlsx.").format(name=path.name)
        )
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" not in head:
        return "csv"
    if path.suffix.lower() in {".csv", ".txt", ".tsv"}:
        raise DomainError(
            _("{name} berisi byte NUL, jadi bukan teks CSV biasa. Buka di Excel atau LibreOffice dan simpan "
              "lagi sebagai CSV UTF-8.").format(name=path.name)
        )
    raise DomainError(
        _("{name} bukan lembar kerja (.xlsx, .xls, .ods atau .csv) dan jenisnya tidak dikenal.").format(name=path.name)
    )


def _zip_kind(path: Path, head: bytes) -> str:
    if b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet" in head[:200]:
        return "ods"
    if b"mimetypeapplication/vnd.oasis.opendocument" in head[:200]:
        raise DomainError(_("{name} adalah dokumen OpenDocument (teks atau presentasi), bukan lembar kerja.").format(
            name=path.name))
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except Exception:  # BadZipFile, NotImplementedError for odd zip versions …: a broken workbook
        return "xlsx"  # the workbook reader says so in its words
    if "word/document.xml" in names:
        raise DomainError(_("{name} adalah dokumen Word, bukan lembar kerja. Buka daftarnya di Excel dan simpan "
                            "sebagai .xlsx.").format(name=path.name))
    if any(name.startswith("ppt/") for name in names):
        raise DomainError(_("{name} adalah presentasi PowerPoint, bukan lembar kerja.").format(name=path.name))
    if "xl/workbook.xml" in names or "xl/workbook.bin" in names or "[Content_Types].xml" in names:
        return "xlsx"
    raise DomainError(_("{name} adalah arsip ZIP, bukan lembar kerja. Ekstrak dulu, lalu pilih berkas "
                        ".xlsx/.xls/.ods/.csv di dalamnya.").format(name=path.name))


def _ole_kind(path: Path) -> str:
    """Excel 97–2003 and Word 97–2003 share one container; its stream names tell them apart."""
    data = path.read_bytes()
    if _ENCRYPTION_STREAM in data:
        raise DomainError(
            _("{name} dilindungi kata sandi. Buka di Excel, hapus kata sandinya "
              "(Berkas → Info → Lindungi Buku Kerja), simpan, lalu impor lagi.").format(name=path.name)
        )
    if "WordDocument".encode("utf-16-le") in data:
        raise DomainError(_("{name} adalah dokumen Word, bukan lembar kerja. Buka daftarnya di Excel dan simpan "
                            "sebagai .xlsx.").format(name=path.name))
    return "xls"


def not_a_table(name: str) -> DomainError:
    return DomainError(
        _("{name} berisi teks biasa (seperti surat), bukan tabel. Pilih lembar kerja daftar peserta "
          "(.xlsx, .xls, .ods atau .csv).").format(name=name)
    )
