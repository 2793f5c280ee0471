"""What the disk did, in words: a full disk, read-only media or missing permission named as such."""

from __future__ import annotations

from desktop.i18n import _


def storage_message(error: object, fallback: str | None = None) -> str:
    """A full disk, a read-only disk or missing permission named as such; else ``fallback``."""
    text = str(error).lower()
    errno = getattr(error, "errno", None)
    if errno == 28 or "disk is full" in text or "no space left" in text:
        return _("Disk penuh: tidak ada ruang untuk menyimpan. Kosongkan ruang disk lalu ulangi; tidak ada yang diubah.")
    if errno == 30 or "readonly database" in text or "read-only file system" in text:
        return _("Disk ini hanya-baca: perubahan tidak dapat disimpan di sini.")
    if errno == 13 or "permission denied" in text:
        return _("Tidak ada izin menulis di lokasi ini.")
    if "disk i/o error" in text:
        return _("Disk gagal dibaca atau ditulis (galat I/O): periksa flashdisk atau disknya; tidak ada yang diubah.")
    reason = getattr(error, "strerror", None) or error
    return (fallback or _("Gagal menyimpan: {reason}")).format(reason=reason)
