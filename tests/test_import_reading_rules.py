"""The small rules under the import: counts and phones as people write them, rows that are not people,
columns as a person reads them, and which participant an updated row is."""

from __future__ import annotations

import pytest

from desktop.models.numbers import read_count
from desktop.models.people.participants import ParticipantData, ParticipantRow
from desktop.models.people.phone import ScientificPhone, restore_lost_zero, split_phone_cell
from desktop.models.spreadsheet.participant_fields import guess_participant_columns, read_kind
from desktop.models.spreadsheet.participant_matching import Matcher, name_key, person_key
from desktop.models.spreadsheet.reader import SheetRow, SheetTable
from desktop.models.spreadsheet.row_kinds import SkipKind, classify_rows


@pytest.mark.parametrize(
    ("typed", "value", "said"),
    [
        ("± 3000", 3000, None), ("+/- 3.000", 3000, None), ("3000 an", 3000, None), ("3000-an", 3000, None),
        ("kurang lebih 700", 700, None), ("sekitar seribu", 1000, None), ("1.500 psg/bln", 1500, None),
        ("2 rb", 2000, None), ("1,000", 1000, None), (1250, 1250, None), (1250.0, 1250, None),
        ("-", None, None), ("", None, None), ("tidak ada", None, None),
        ("500 - 1000", 500, "terkecil"), ("500 s/d 1000", 500, "terkecil"), ("1000 sampai 500", 500, "terkecil"),
        ("100 kodi/bln", 2000, "kodi"), ("5 lusin", 60, "lusin"), ("250 pasang/minggu", 1000, "minggu"),
        ("tergantung pesanan", None, "tidak terbaca"), ("-5", None, "tidak terbaca"), (2.5, None, "tidak terbaca"),
    ],
)
def test_counts_read_as_a_person_reads_them(typed: object, value: int | None, said: str | None) -> None:
    got, warning = read_count(typed, "Kapasitas")
    assert got == value
    if said is None:
        assert warning is None
    else:
        assert warning is not None and said in warning and "Kapasitas" in warning


@pytest.mark.parametrize(
    ("cell", "numbers"),
    [
        ("WA 0812-1111-2222", ["+6281211112222"]), ("0812 3333 4444 (WA)", ["+6281233334444"]),
        ("'081255556666", ["+6281255556666"]), ("Telp. (0321) 321456", ["+62321321456"]),
        ("HP: 0812-1111-2222 / WA: 0856-1234-5678", ["+6281211112222", "+6285612345678"]),
        ("0812-1111-2222 atau 0812-1111-2222", ["+6281211112222"]), ("+62 857-0000-1111", ["+6285700001111"]),
    ],
)
def test_phone_cells(cell: str, numbers: list[str]) -> None:
    assert split_phone_cell(cell)[0] == numbers


def test_phone_cell_oddities() -> None:
    assert split_phone_cell("belum punya") == ([], ["belum punya"])
    with pytest.raises(ScientificPhone):
        split_phone_cell("6,28128E+11")
    assert restore_lost_zero("81234567890") == "081234567890"
    assert restore_lost_zero("321395123") == "0321395123"  # Mojokerto landline that lost its 0
    assert restore_lost_zero("217654321") == "217654321"  # not an East Java area code: left alone


def _table(headers: list[str], rows: list[list[object]]) -> SheetTable:
    return SheetTable("x.xlsx", "Peserta", 1, tuple(headers),
                      tuple(SheetRow(number, tuple(values)) for number, values in enumerate(rows, start=2)))


def test_row_kinds_and_a_section_carried_down() -> None:
    headers = ["No", "Nama Usaha", "HP", "Kapasitas"]
    table = _table(headers, [
        [1, 2, 3, 4],
        ["KECAMATAN MAGERSARI", None, None, None],
        [1, "Sinar", "0812", 100],
        [None, "TOTAL", None, 100],
        [None, None, None, 100],
        ["Mojokerto, 6 Maret 2020", None, None, None],
        [None, "Drs. Sugeng", None, None],
    ])
    mapping = {"business_name": 1, "phone": 2, "monthly_capacity": 3}
    readings = classify_rows(table, mapping, name_keys=("business_name",), number_keys=("monthly_capacity",))
    assert [reading.skip for reading in readings] == [
        SkipKind.NUMBERING, SkipKind.SECTION, None, SkipKind.TOTALS, SkipKind.TOTALS, SkipKind.SIGNATURE,
        SkipKind.SIGNATURE]
    assert readings[2].carried == {"kecamatan": "Magersari"}


def test_a_lone_name_is_a_maker_but_a_shouted_kind_is_a_section() -> None:
    table = _table(["No", "Nama Usaha", "HP"], [[None, "Sinar Jaya", None], [None, "PEMBELI", None],
                                               [None, "SINAR JAYA", None]])
    from desktop.models.spreadsheet.participant_fields import section_fields

    readings = classify_rows(table, {"business_name": 1, "phone": 2}, name_keys=("business_name",),
                             section_reader=section_fields)
    assert [reading.skip for reading in readings] == [None, SkipKind.SECTION, None]
    assert readings[2].carried == {"kind": "buyer"}


def test_name_position_organisation_layout_and_kinds() -> None:
    guess = guess_participant_columns(["No", "Nama", "Jabatan", "Instansi", "No HP"])
    assert guess.mapping["business_name"] == 3 and guess.mapping["contact_person"] == 1
    assert guess.mapping["position"] == 2 and {"business_name", "contact_person"} <= set(guess.guesses)
    plain = guess_participant_columns(["Nama Usaha", "Pemilik", "No. HP/WA"])
    assert plain.guesses == {}
    assert [read_kind(word) for word in ("Perbankan", "BUMN", "Dinas", "UMKM", "Pembeli (Buyer)", "Media")] == [
        "bank", "government", "government", "ikm", "buyer", None]


def _existing(pid: int, code: str, name: str, phone: str = "", contact: str = "", kecamatan: str = "") -> ParticipantRow:
    return ParticipantRow(id=pid, code=code, kind="ikm", business_name=name, contact_person=contact, phone=phone,
                          address="", kecamatan=kecamatan, kelurahan="", category_codes=(), category_names=(),
                          monthly_capacity=None, delegation_size=1, problems=(), kur_interest=False,
                          max_meetings=None, is_walk_in=False, notes="", version=1)


def test_matching_certain_likely_and_none() -> None:
    matcher = Matcher([
        _existing(1, "IKM001", "CV. Sinar Jaya", "+6281234567890", "Slamet", "Magersari"),
        _existing(2, "IKM002", "Mojo Leather", "+6281255556666", "Hadi", "Kranggan"),
    ])
    assert matcher.find(ParticipantData(business_name="SINAR JAYA", contact_person="Bpk. Slamet")).target_id == 1
    corrected = ParticipantData(business_name="Sinar Jaya", phone="+6281299990000", contact_person="Slamet")
    assert matcher.find(corrected).target_id == 1
    typo = matcher.find(ParticipantData(business_name="Mojo Lether", phone="+6281255556666"))
    assert typo.target_id is None and typo.likely_id == 2 and typo.same_by_default
    other_shop = matcher.find(ParticipantData(business_name="Sinar Jaya", phone="+6281300000000",
                                              contact_person="Bambang", kecamatan="Kranggan"))
    assert other_shop.target_id is None and other_shop.likely_id == 1 and not other_shop.same_by_default
    phone_corrected = matcher.find(ParticipantData(business_name="Mojo Leather", phone="+6281299998888"))
    assert phone_corrected.likely_id == 2 and phone_corrected.same_by_default  # a list with only name and phone
    assert matcher.find(ParticipantData(business_name="Berkah Abadi")) == type(typo)()
    assert name_key("Toko  Sinar-Jaya.") == "sinar jaya" and person_key("Bpk. H. Slamet") == "slamet"


def test_numbering_with_an_empty_cell_under_a_merged_header() -> None:
    table = _table(["No", "Nama Usaha", "Kontak", "", "Kapasitas"], [[1, 2, 3, None, 5], [1, "Sinar", "Budi", "0812", 9]])
    readings = classify_rows(table, {"business_name": 1, "contact_person": 2, "monthly_capacity": 4},
                             name_keys=("business_name",), number_keys=("monthly_capacity",))
    assert [reading.skip for reading in readings] == [SkipKind.NUMBERING, None]
