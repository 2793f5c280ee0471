"""Closed vocabularies of the event day, stored as short strings.

Each enum's value is what the database stores; :func:`label` gives the words a user sees.
"""

from __future__ import annotations

from enum import StrEnum

from desktop.i18n import N_, _


class ParticipantKind(StrEnum):
    IKM = "ikm"
    BUYER = "buyer"
    SUPPLIER = "supplier"
    BANK = "bank"
    ASSOCIATION = "association"
    GOVERNMENT = "government"
    OTHER = "other"


class Problem(StrEnum):
    CAPITAL = "permodalan"
    MARKETING = "pemasaran"
    MANAGEMENT = "manajemen"
    RAW_MATERIAL = "bahan_baku"
    OTHER = "lainnya"


class Session(StrEnum):
    MORNING = "pagi"
    AFTERNOON = "siang"


class SessionWish(StrEnum):
    ANY = "any"
    MORNING = "pagi"
    AFTERNOON = "siang"


class RequestSource(StrEnum):
    BUYER = "buyer"
    IKM = "ikm"
    MUTUAL = "mutual"
    SUGGESTED = "suggested"
    MANUAL = "manual"
    IMPORTED = "imported"


class MeetingStatus(StrEnum):
    SCHEDULED = "scheduled"
    HELD = "held"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"


class CheckInAction(StrEnum):
    CHECK_IN = "check_in"
    UNDO = "undo"


class OrderStatus(StrEnum):
    DRAFT = "draft"
    LETTER_OF_INTENT = "loi"
    CONFIRMED = "confirmed"
    CANCELLED = "cancelled"


class OperatorRole(StrEnum):
    ADMIN = "admin"
    DESK = "desk"


class PaperSize(StrEnum):
    A4 = "a4"
    F4 = "f4"


class Unit(StrEnum):
    PAIR = "pasang"
    KODI = "kodi"
    LUSIN = "lusin"
    SQUARE_FOOT = "kaki_persegi"
    SHEET = "lembar"
    PIECE = "buah"


# Kept as marked literals so the extractor finds them; translated when shown.
_LABELS: dict[type[StrEnum], dict[str, str]] = {
    ParticipantKind: {
        ParticipantKind.IKM: N_("IKM"),
        ParticipantKind.BUYER: N_("Pembeli"),
        ParticipantKind.SUPPLIER: N_("Pemasok"),
        ParticipantKind.BANK: N_("Bank"),
        ParticipantKind.ASSOCIATION: N_("Asosiasi"),
        ParticipantKind.GOVERNMENT: N_("Pemerintah"),
        ParticipantKind.OTHER: N_("Lainnya"),
    },
    Problem: {
        Problem.CAPITAL: N_("Permodalan"),
        Problem.MARKETING: N_("Pemasaran"),
        Problem.MANAGEMENT: N_("Manajemen"),
        Problem.RAW_MATERIAL: N_("Bahan baku"),
        Problem.OTHER: N_("Lainnya"),
    },
    Session: {
        Session.MORNING: N_("Sesi pagi"),
        Session.AFTERNOON: N_("Sesi siang"),
    },
    SessionWish: {
        SessionWish.ANY: N_("Bebas"),
        SessionWish.MORNING: N_("Pagi"),
        SessionWish.AFTERNOON: N_("Siang"),
    },
    RequestSource: {
        RequestSource.BUYER: N_("Pembeli"),
        RequestSource.IKM: N_("IKM"),
        RequestSource.MUTUAL: N_("Keduanya"),
        RequestSource.SUGGESTED: N_("Saran sistem"),
        RequestSource.MANUAL: N_("Manual"),
        RequestSource.IMPORTED: N_("Impor"),
    },
    MeetingStatus: {
        MeetingStatus.SCHEDULED: N_("Terjadwal"),
        MeetingStatus.HELD: N_("Terlaksana"),
        MeetingStatus.NO_SHOW: N_("Tidak hadir"),
        MeetingStatus.CANCELLED: N_("Dibatalkan"),
    },
    CheckInAction: {
        CheckInAction.CHECK_IN: N_("Check-in"),
        CheckInAction.UNDO: N_("Check-in dibatalkan"),
    },
    OrderStatus: {
        OrderStatus.DRAFT: N_("Draf"),
        OrderStatus.LETTER_OF_INTENT: N_("Surat minat (LoI)"),
        OrderStatus.CONFIRMED: N_("Pasti"),
        OrderStatus.CANCELLED: N_("Dibatalkan"),
    },
    OperatorRole: {
        OperatorRole.ADMIN: N_("Admin"),
        OperatorRole.DESK: N_("Petugas meja"),
    },
    PaperSize: {
        PaperSize.A4: N_("A4"),
        PaperSize.F4: N_("F4 (215 × 330 mm)"),
    },
    Unit: {
        Unit.PAIR: N_("pasang"),
        Unit.KODI: N_("kodi"),
        Unit.LUSIN: N_("lusin"),
        Unit.SQUARE_FOOT: N_("kaki persegi"),
        Unit.SHEET: N_("lembar"),
        Unit.PIECE: N_("buah"),
    },
}

# Registration-code prefix per kind: letters only, so a keyboard-wedge scanner on any
# keyboard layout types them right.
CODE_PREFIX: dict[ParticipantKind, str] = {
    ParticipantKind.IKM: "IKM",
    ParticipantKind.BUYER: "BYR",
    ParticipantKind.SUPPLIER: "SUP",
    ParticipantKind.BANK: "BNK",
    ParticipantKind.ASSOCIATION: "ASC",
    ParticipantKind.GOVERNMENT: "GOV",
    ParticipantKind.OTHER: "OTH",
}

# Colours per kind (badges, cards, charts): one palette for screen and paper.
KIND_COLOURS: dict[ParticipantKind, str] = {
    ParticipantKind.IKM: "#1f7a4d",
    ParticipantKind.BUYER: "#1d4e89",
    ParticipantKind.SUPPLIER: "#b35c00",
    ParticipantKind.BANK: "#6b2c91",
    ParticipantKind.ASSOCIATION: "#8a6d00",
    ParticipantKind.GOVERNMENT: "#a11d2b",
    ParticipantKind.OTHER: "#555555",
}


def kind_colour(kind: str) -> str:
    """The colour of a stored kind value; an unknown one gets the colour of "other"."""
    try:
        return KIND_COLOURS[ParticipantKind(kind)]
    except ValueError:
        return KIND_COLOURS[ParticipantKind.OTHER]


def label(value: StrEnum | str, enum: type[StrEnum] | None = None) -> str:
    """Words for a stored enum value in the current language (``enum`` for plain strings)."""
    enum = enum or type(value)
    text = _LABELS.get(enum, {}).get(str(value))  # type: ignore[arg-type]
    return _(text) if text else str(value)
