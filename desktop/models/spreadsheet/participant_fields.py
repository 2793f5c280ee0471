"""The participant sheet's columns as a person reads them, and the words offices use for kinds.

A list laid out ``Nama | Jabatan | Instansi/Perusahaan`` names people, not businesses: the
organisation is the business and the person its contact. Every mapping that is not a plain
header match is marked as a guess, with the reason, for the wizard and the CLI to show.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from desktop.i18n import N_, _
from desktop.models.enums import ParticipantKind, label
from desktop.models.spreadsheet.columns import ColumnGuess, Field, guess_columns, normalise_header

PARTICIPANT_FIELDS: tuple[Field, ...] = (
    Field("code", N_("Kode"), ("kode registrasi", "kode peserta", "no registrasi", "nomor registrasi",
                                "code", "registration code"), loose=False),
    Field("business_name", N_("Nama Usaha"), ("nama usaha", "nama perusahaan", "nama ikm", "nama umkm", "nama",
                                             "usaha", "perusahaan", "business name", "business", "company", "name"),
          required=True),
    Field("kind", N_("Jenis"), ("jenis peserta", "tipe", "tipe peserta", "type", "kind", "participant type",
                                "kategori peserta", "kelompok", "golongan", "sebagai", "status peserta"),
          loose=False),
    Field("contact_person", N_("Pemilik"), ("nama pemilik", "pemilik usaha", "kontak", "nama kontak",
                                          "kontak pemilik", "penanggung jawab", "contact", "contact person",
                                          "owner", "contact name", "nama penanggung jawab", "pj")),
    Field("phone", N_("No. HP/WA"), ("no hp", "hp", "nomor hp", "no wa", "wa", "whatsapp", "telepon", "telp",
                                    "no telp", "nomor telepon", "phone", "mobile", "phone number", "tlp", "no tlp",
                                    "kontak hp", "handphone", "no handphone", "nomor wa", "telpon", "no kontak")),
    Field("address", N_("Alamat"), ("alamat usaha", "address", "alamat lengkap", "alamat perusahaan")),
    Field("kecamatan", N_("Kecamatan"), ("kec", "district")),
    Field("kelurahan", N_("Kelurahan"), ("kel", "desa", "kelurahan desa", "village", "sub district")),
    Field("products", N_("Produk"), ("jenis produk", "produk utama", "product", "products", "hasil produksi")),
    Field("monthly_capacity", N_("Kapasitas/bulan"), ("kapasitas", "kapasitas produksi", "kapasitas per bulan",
                                                     "capacity", "monthly capacity", "capacity per month",
                                                     "produksi per bulan", "jumlah produksi")),
    Field("delegation_size", N_("Jumlah delegasi"), ("delegasi", "jumlah orang", "delegation", "delegation size")),
    Field("problems", N_("Masalah usaha"), ("masalah", "kendala", "problems", "business problems")),
    Field("kur_interest", N_("Minat KUR"), ("kur", "berminat kur", "kur interest")),
    Field("is_walk_in", N_("Walk-in"), ("walkin", "datang langsung", "walk in"), loose=False),
    Field("notes", N_("Catatan"), ("keterangan", "ket", "notes", "remarks")),
)
# Read on import only (the export has no such column): kept in the participant's notes.
POSITION_FIELD = Field("position", N_("Jabatan"), ("posisi", "position", "job title", "jabatan peserta"), loose=False)
IMPORT_FIELDS: tuple[Field, ...] = (*PARTICIPANT_FIELDS, POSITION_FIELD)
FIELDS_BY_KEY = {field.key: field for field in IMPORT_FIELDS}

# Words offices write in a kind column or a section title, in normalised form (letters and digits).
KIND_WORDS: dict[str, ParticipantKind] = {
    "ikm": ParticipantKind.IKM, "umkm": ParticipantKind.IKM, "ukm": ParticipantKind.IKM, "sme": ParticipantKind.IKM,
    "umk": ParticipantKind.IKM, "pengrajin": ParticipantKind.IKM, "perajin": ParticipantKind.IKM,
    "produsen": ParticipantKind.IKM, "industri": ParticipantKind.IKM, "maker": ParticipantKind.IKM,
    "pembeli": ParticipantKind.BUYER, "buyer": ParticipantKind.BUYER, "buyers": ParticipantKind.BUYER,
    "pemasok": ParticipantKind.SUPPLIER, "supplier": ParticipantKind.SUPPLIER, "suppliers": ParticipantKind.SUPPLIER,
    "penyedia": ParticipantKind.SUPPLIER, "bahanbaku": ParticipantKind.SUPPLIER,
    "bank": ParticipantKind.BANK, "banks": ParticipantKind.BANK, "perbankan": ParticipantKind.BANK,
    "bpr": ParticipantKind.BANK, "bprs": ParticipantKind.BANK, "kur": ParticipantKind.BANK,
    "lembagakeuangan": ParticipantKind.BANK, "koperasisimpanpinjam": ParticipantKind.BANK,
    "asosiasi": ParticipantKind.ASSOCIATION, "association": ParticipantKind.ASSOCIATION,
    "himpunan": ParticipantKind.ASSOCIATION, "paguyuban": ParticipantKind.ASSOCIATION,
    "pemerintah": ParticipantKind.GOVERNMENT, "government": ParticipantKind.GOVERNMENT,
    "instansi": ParticipantKind.GOVERNMENT, "dinas": ParticipantKind.GOVERNMENT, "opd": ParticipantKind.GOVERNMENT,
    "skpd": ParticipantKind.GOVERNMENT, "pemda": ParticipantKind.GOVERNMENT, "pemkot": ParticipantKind.GOVERNMENT,
    "pemkab": ParticipantKind.GOVERNMENT, "disperindag": ParticipantKind.GOVERNMENT,
    # State-owned companies sit with government bodies in Indonesian invitation lists ("Instansi/BUMN").
    "bumn": ParticipantKind.GOVERNMENT, "bumd": ParticipantKind.GOVERNMENT,
    "lainnya": ParticipantKind.OTHER, "lain": ParticipantKind.OTHER, "other": ParticipantKind.OTHER,
    "undangan": ParticipantKind.OTHER, "tamu": ParticipantKind.OTHER, "narasumber": ParticipantKind.OTHER,
}
_PERSON_HEADERS = {"nama", "namalengkap", "namapeserta", "namaundangan", "name", "fullname", "namaperwakilan",
                   "namadelegasi", "namatamu", "peserta", "namayangdiundang", "namaperserta", "namapejabat"}
_ORGANISATION_WORDS = ("instansi", "perusahaan", "lembaga", "organisasi", "company", "organization",
                       "organisation", "unitkerja", "satuankerja", "asal", "namausaha", "usaha", "opd", "skpd",
                       "institution", "dinas", "kantor", "ikm", "umkm", "ukm", "toko", "merek", "brand", "pabrik")


def read_kind(text: str) -> ParticipantKind | None:
    """The kind a person reads in ``Pembeli (Buyer)``, ``Perbankan``, ``BUMN``, ``IKM Alas Kaki`` …, or None."""
    whole = normalise_header(text)
    if whole in KIND_WORDS:
        return KIND_WORDS[whole]
    for kind in ParticipantKind:
        if whole in (kind.value, normalise_header(label(kind))):
            return kind
    for word in re.split(r"[^0-9a-z]+", (text or "").lower()):
        if word in KIND_WORDS:
            return KIND_WORDS[word]
    return None


def section_fields(title: str) -> dict[str, str]:
    """What a section title such as ``PEMBELI`` or ``B. PERBANKAN / KUR`` says about the rows below it."""
    kind = read_kind(title)
    return {"kind": kind.value} if kind is not None else {}


def guess_participant_columns(headers: Sequence[str]) -> ColumnGuess:
    """The plain header guess, then the person-name / position / organisation layout read as a person would."""
    base = guess_columns(headers, IMPORT_FIELDS)
    mapping, guesses = dict(base.mapping), dict(base.guesses)
    normalised = [normalise_header(text) for text in headers]
    persons = [index for index, text in enumerate(normalised) if text in _PERSON_HEADERS]
    used = set(mapping.values())
    organisations = [index for index, text in enumerate(normalised)
                     if any(word in text for word in _ORGANISATION_WORDS) and index not in persons
                     and (index not in used or mapping.get("business_name") == index)]
    name_column = mapping.get("business_name")
    if name_column in persons and organisations:
        organisation = organisations[0]
        for key, column in list(mapping.items()):
            if column == organisation and key != "business_name":
                del mapping[key]
        mapping["business_name"] = organisation
        guesses["business_name"] = _("kolom \"{person}\" berisi nama orang, kolom \"{org}\" nama usaha/instansinya: "
                                     "\"{org}\" dibaca sebagai Nama Usaha").format(
            org=headers[organisation], person=headers[name_column])
        if "contact_person" not in mapping:
            mapping["contact_person"] = name_column
            guesses["contact_person"] = _("kolom \"{person}\" berisi nama orang: dibaca sebagai Pemilik/kontak"
                                          ).format(person=headers[name_column])
    elif name_column in persons:
        guesses["business_name"] = _("kolom \"{person}\" bisa berisi nama orang atau nama usaha: dibaca sebagai "
                                     "Nama Usaha").format(person=headers[name_column])
    if "contact_person" not in mapping:
        spare = [index for index in persons if index not in mapping.values()]
        if spare:
            mapping["contact_person"] = spare[0]
            guesses["contact_person"] = _("kolom \"{person}\" berisi nama orang: dibaca sebagai Pemilik/kontak"
                                          ).format(person=headers[spare[0]])
    return ColumnGuess(mapping, guesses)
