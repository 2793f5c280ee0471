"""What can be imported (participants, meeting requests): fields, preferred sheets and services."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop.i18n import _
from desktop.models.spreadsheet.columns import Field
from desktop.models.spreadsheet.participant_fields import IMPORT_FIELDS
from desktop.models.spreadsheet.participant_import import (
    guess_participant_columns,
    import_participants,
    preview_participants,
)
from desktop.models.spreadsheet.request_import import REQUEST_FIELDS, import_requests, preview_requests
from desktop.views.operations import PARTICIPANTS, REQUESTS


@dataclass(frozen=True)
class ImportKind:
    """What is being imported: its fields, sheet names to prefer, services and change kinds."""

    title: str
    fields: tuple[Field, ...]
    preferred_sheets: tuple[str, ...]
    preview: Any
    run: Any
    changes: frozenset[str]
    name_header: str
    detail_header: str
    guess: Any = None  # headers → ColumnGuess; None: the plain header guess
    decides_matches: bool = False  # the preview offers "same as the likely participant?" per row


def participants_kind() -> ImportKind:
    return ImportKind(_("Impor peserta"), IMPORT_FIELDS, ("Peserta", "Participants"), preview_participants,
                      import_participants, frozenset({PARTICIPANTS}), _("Nama usaha"), _("No. HP/WA"),
                      guess_participant_columns, True)


def requests_kind() -> ImportKind:
    return ImportKind(_("Impor permintaan pertemuan"), REQUEST_FIELDS, ("Permintaan", "Requests"), preview_requests,
                      import_requests, frozenset({REQUESTS}), _("Pasangan"), _("Prioritas dan sesi"))


__all__ = ["ImportKind", "participants_kind", "requests_kind"]
