"""What the import wizard says at each step, in plain Python (no Qt), so it is testable alone.

The pages show these strings; the rules about a column mapping (every required field chosen,
no column used twice) and the preview's summary line live here.
"""

from __future__ import annotations

import html

from desktop.i18n import _
from desktop.models.spreadsheet import columns, reader
from desktop.models.spreadsheet.columns import Field, Mapping
from desktop.models.spreadsheet.preview import Preview, RowStatus


def column_letter(index: int) -> str:
    """``A`` for the first column, as the spreadsheet program names it."""
    from openpyxl.utils import get_column_letter  # only when a sheet is shown: keeps start-up light

    return get_column_letter(index + 1)


def field_caption(field: Field, guessed: bool = False) -> str:
    """The field's name, ``*`` when required, ``(tebakan)`` when its column was guessed."""
    return _(field.caption) + (" *" if field.required else "") + (" " + _("(tebakan)") if guessed else "")


def header_text(table: reader.SheetTable, guess: columns.ColumnGuess) -> str:
    """Where the column titles were read, how many rows, and which columns are guesses."""
    text = _("Judul kolom dibaca dari baris {row} lembar \"{sheet}\"; {count} baris data. Periksa tebakan di bawah; "
             "kolom bertanda * wajib.").format(row=table.header_row, sheet=table.sheet, count=len(table.rows))
    if guess.guesses:
        text += " " + _("Isian berlatar kuning adalah tebakan: {reasons}.").format(reasons="; ".join(guess.guesses.values()))
    if table.note:
        text = table.note + " " + text
    return text


def mapping_problem(mapping: Mapping, fields: tuple[Field, ...]) -> str:
    """Why this choice of columns cannot be read yet ("" when it can)."""
    missing = columns.missing_required(mapping, fields)
    used = list(mapping.values())
    if missing:
        return _("Pilih kolom untuk: {fields}.").format(fields=", ".join(_(field.caption) for field in missing))
    if len(used) != len(set(used)):
        return _("Satu kolom dipilih untuk dua isian; pilih kolom yang berbeda.")
    return ""


def likely_matches(preview: Preview) -> int:
    """Rows that may be a participant already there (the admin decides per row)."""
    return sum(1 for row in preview.rows if row.maybe_same and row.importable)


def preview_summary(preview: Preview) -> str:
    """The preview's counts per status, skipped rows, likely matches, guesses and notes (rich text)."""
    ok, warnings, errors = (preview.count(RowStatus.OK), preview.count(RowStatus.WARNING),
                            preview.count(RowStatus.ERROR))
    text = _("<b>{file}</b>, lembar {sheet}: <span style='color:#1f7a4d'><b>{ok} ok</b></span> · "
             "<span style='color:#8a6d00'><b>{warnings} peringatan</b></span> · "
             "<span style='color:#b00020'><b>{errors} galat</b></span>").format(
        file=html.escape(preview.file_name), sheet=html.escape(preview.sheet), ok=ok, warnings=warnings,
        errors=errors)
    skipped = preview.count(RowStatus.SKIPPED)
    if skipped:
        text += " · " + _("<b>{count} dilewati</b> (bukan peserta: jumlah, nomor kolom, judul bagian, "
                          "tanda tangan)").format(count=skipped)
    likely = likely_matches(preview)
    if likely:
        text += "<br>" + _("<b>{count} baris mungkin sama</b> dengan peserta yang ada: centang kolom "
                           "\"Sama dengan?\" bila memang sama, hapus centang bila peserta baru.").format(count=likely)
    for caption, why in preview.guessed_columns:
        text += "<br>" + html.escape(_("Tebakan kolom {field}: {why}.").format(field=caption, why=why))
    for note in preview.notes:
        text += "<br>" + html.escape(note)
    return text


def import_button_text(preview: Preview) -> str:
    return _("Impor {count} baris").format(count=preview.importable) if preview.importable else _("Impor")


__all__ = ["column_letter", "field_caption", "header_text", "import_button_text", "likely_matches",
           "mapping_problem", "preview_summary"]
