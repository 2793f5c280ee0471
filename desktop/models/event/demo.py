"""The demo event: Business Matching 2020, Hall GMSC, Jumat 6 Maret 2020.

Deterministic (seeded): the same seed gives the same event, participant for
participant. Every business and person is invented; only the public institutions
the news article names (Disperindag, Aprisindo, Bea dan Cukai) appear by name.
Everything is created through the domain services the desk itself uses.
"""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy.orm import Session

from desktop.models.event import event_setup
from desktop.models.schedule import meeting_requests
from desktop.models.people import participants
from desktop.models.access.actor import Actor
from desktop.models.people.categories import seed_categories
from desktop.models.enums import OperatorRole, ParticipantKind, Problem, RequestSource, SessionWish
from desktop.models.orm import Operator

DEMO_SEED = 2020
EVENT_DATE = dt.date(2020, 3, 6)
IKM_COUNT = 70
TABLE_COUNT = 15

_FIRST = [
    "Slamet", "Sri", "Budi", "Siti", "Agus", "Endang", "Heru", "Wahyuni", "Joko", "Sumarni",
    "Bambang", "Lilik", "Eko", "Yuli", "Hadi", "Nur", "Teguh", "Rina", "Supriyadi", "Dwi",
    "Mochamad", "Kusnul", "Imam", "Ninik", "Sugeng", "Tutik", "Rudi", "Anik", "Wawan", "Umi",
]
_LAST = [
    "Santoso", "Wahyudi", "Rahayu", "Prasetyo", "Hidayat", "Lestari", "Susanto", "Kurniawan",
    "Handayani", "Setiawan", "Purnomo", "Mulyani", "Hartono", "Utomo", "Sulistyo", "Ma'ruf",
    "Fauzi", "Wulandari", "Saputra", "Nugroho",
]
_BRAND_A = [
    "Sinar", "Karya", "Mitra", "Cahaya", "Berkah", "Jaya", "Putra", "Surya", "Rejeki", "Mandiri",
    "Tunas", "Bintang", "Sumber", "Makmur", "Lancar", "Abadi", "Sentosa", "Barokah", "Majapahit", "Wilwatikta",
]
_BRAND_B = [
    "Abadi", "Jaya", "Mulia", "Sejati", "Lestari", "Utama", "Sakti", "Indah", "Perkasa", "Sejahtera",
    "Makmur", "Kencana", "Mas", "Permata", "Agung",
]
_KIND_WORD = ["Sepatu", "Shoes", "Footwear", "Sandal", "Alas Kaki", "Collection", ""]
_PREFIX = ["CV.", "UD.", "", "", "UD.", "CV."]
_KELURAHAN = {
    "Prajurit Kulon": ["Prajurit Kulon", "Blooto", "Mentikan", "Pulorejo", "Surodinawan", "Kauman"],
    "Magersari": ["Magersari", "Gedongan", "Gunung Gedangan", "Kedundung", "Balongsari", "Wates"],
    "Kranggan": ["Kranggan", "Meri", "Jagalan", "Sentanan", "Purwotengah", "Miji"],
}
_STREETS = [
    "Jl. Empunala", "Jl. Majapahit", "Jl. Gajah Mada", "Jl. Brawijaya", "Jl. Surodinawan", "Jl. Kyai Haji Hasyim Asyari",
    "Jl. Raya Ijen", "Jl. Benteng Pancasila", "Jl. Pemuda", "Jl. Semeru", "Jl. Cinde", "Jl. Kedungsari",
]
_FOOTWEAR = ["sepatu_wanita", "sepatu_pria", "sepatu_anak", "sepatu_olahraga", "sandal", "sandal_jepit"]

# (name, contact, categories wanted, requests wanted)
_BUYERS = [
    ("PT Toserba Nusantara Raya", "Ibu Melinda Kartika", ["sepatu_wanita", "sepatu_anak", "sandal"], 17),
    ("CV Grosir Alas Kaki Sidoarjo Makmur", "Bpk. Hendra Gunawan", ["sepatu_pria", "sandal", "sandal_jepit"], 14),
    ("Toko Sepatu Sinar Terang Surabaya", "Ibu Lina Wijaya", ["sepatu_wanita", "sepatu_pria"], 13),
    ("PT Citra Persada Ekspor", "Bpk. Arief Rahman", ["sepatu_pria", "sepatu_wanita", "tas_kulit"], 12),
    ("CV Pasar Raya Alas Kaki Malang", "Bpk. Yusuf Effendi", ["sandal", "sepatu_anak", "sandal_jepit"], 12),
    ("Koperasi Pegawai Seragam Jatim", "Ibu Retno Palupi", ["sepatu_pria", "sepatu_olahraga"], 10),
    ("Toko Daring Langkah Kita", "Sdr. Dimas Aditya", ["sepatu_olahraga", "sepatu_wanita", "sandal"], 12),
]
_SUPPLIERS = [
    ("UD Penyamakan Kulit Sapi Magetan Jaya", "Bpk. Sarjono", ["kulit_sapi"]),
    ("CV Sol Karet Mandiri Sidoarjo", "Bpk. Darmaji", ["sol"]),
    ("Toko Aksesoris Sepatu Berkah Abadi", "Ibu Khusnul Khotimah", ["aksesoris"]),
    ("CV Lem & Bahan Kimia \"Rekat\" Sentosa", "Bpk. Gunadi", ["aksesoris", "sol"]),
]
_BANKS = [
    ("Bank Mitra Usaha Rakyat (KUR)", "Ibu Diah Ayu, Account Officer KUR"),
    ("Bank Karya Sejahtera Syariah (KUR)", "Bpk. Fadli Hasan"),
    ("Bank Daerah Surya Madani (KUR)", "Ibu Yanti Oktaviani"),
]
_OTHERS = [
    (ParticipantKind.ASSOCIATION, "Asosiasi Persepatuan Indonesia (Aprisindo)", "Bpk. Sekretaris Aprisindo Jatim"),
    (ParticipantKind.GOVERNMENT, "Kantor Bea dan Cukai", "Bpk. Petugas Layanan Informasi"),
    (ParticipantKind.GOVERNMENT, "Disperindag Kota Mojokerto", "Panitia Business Matching"),
]


def _phone(rng: random.Random) -> str:
    return f"08{rng.choice('1235')}{rng.randint(1, 9)}-{rng.randint(1000, 9999)}-{rng.randint(100, 9999):04d}"


def _ikm_name(rng: random.Random, used: set[str]) -> str:
    while True:
        parts = [rng.choice(_PREFIX), rng.choice(_BRAND_A), rng.choice(_BRAND_B), rng.choice(_KIND_WORD)]
        name = " ".join(part for part in parts if part)
        if name not in used:
            used.add(name)
            return name


def _capacity(rng: random.Random, large: bool) -> int:
    if large:
        return rng.choice(range(2500, 5001, 250))
    return rng.choice(range(200, 1501, 50))


def create_demo_event(session: Session, seed: int = DEMO_SEED) -> None:
    """Fill an empty event database with the demo event."""
    rng = random.Random(seed)
    actor = Actor(name="Admin Disperindag", role=OperatorRole.ADMIN.value)
    seed_categories(session)
    event_setup.save_event(
        session,
        event_setup.EventSettings(
            name="Business Matching 2020",
            venue="Hall Graha Mojokerto Service City (GMSC)",
            city="Kota Mojokerto",
            event_date=EVENT_DATE,
            organiser="Dinas Perindustrian dan Perdagangan Kota Mojokerto",
            official_name="Drs. Hartono Wibisono, M.Si.",
            official_title="Kepala Dinas Perindustrian dan Perdagangan Kota Mojokerto",
            slot_minutes=20,
        ),
        actor,
    )
    plan = event_setup.SlotPlan(
        start=dt.time(9, 0),
        end=dt.time(15, 0),
        minutes=20,
        breaks=[event_setup.Break(dt.time(12, 0), dt.time(13, 0))],
    )
    event_setup.replace_slots(session, event_setup.generate_slots(plan), actor)
    tables = event_setup.set_table_count(session, TABLE_COUNT, actor)
    for name, role in (("Admin Disperindag", OperatorRole.ADMIN), ("Sari", OperatorRole.DESK), ("Budi", OperatorRole.DESK)):
        session.add(Operator(name=name, role=role.value))

    used: set[str] = set()
    large = set(rng.sample(range(IKM_COUNT), 16))
    ikm: list[participants.ParticipantRow] = []
    for index in range(IKM_COUNT):
        kecamatan = rng.choice(list(_KELURAHAN))
        categories = rng.sample(_FOOTWEAR, rng.choice([1, 1, 2, 2, 3]))
        if rng.random() < 0.12:
            categories.append("tas_kulit")
        problems = [p.value for p in (Problem.CAPITAL, Problem.MARKETING, Problem.MANAGEMENT, Problem.RAW_MATERIAL) if rng.random() < 0.3]
        owner = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
        ikm.append(
            participants.create_participant(
                session,
                participants.ParticipantData(
                    business_name=_ikm_name(rng, used),
                    kind=ParticipantKind.IKM.value,
                    contact_person=owner,
                    phone=_phone(rng),
                    address=f"{rng.choice(_STREETS)} No. {rng.randint(1, 160)}",
                    kecamatan=kecamatan,
                    kelurahan=rng.choice(_KELURAHAN[kecamatan]),
                    category_codes=categories,
                    monthly_capacity=_capacity(rng, index in large),
                    delegation_size=rng.choice([1, 1, 2, 2, 3]),
                    problems=problems,
                    kur_interest=Problem.CAPITAL.value in problems or rng.random() < 0.15,
                ),
                actor,
            )
        )

    hosts: list[tuple[participants.ParticipantRow, list[str], int]] = []
    for name, contact, wanted, count in _BUYERS:
        row = participants.create_participant(
            session,
            participants.ParticipantData(
                business_name=name, kind=ParticipantKind.BUYER.value, contact_person=contact,
                phone=_phone(rng), category_codes=wanted, delegation_size=2,
            ),
            actor,
        )
        hosts.append((row, wanted, count))
    for name, contact, sells in _SUPPLIERS:
        row = participants.create_participant(
            session,
            participants.ParticipantData(
                business_name=name, kind=ParticipantKind.SUPPLIER.value, contact_person=contact,
                phone=_phone(rng), address="Kabupaten Magetan" if "Magetan" in name else "", category_codes=sells,
            ),
            actor,
        )
        hosts.append((row, sells, 10))
    banks = [
        participants.create_participant(
            session,
            participants.ParticipantData(
                business_name=name, kind=ParticipantKind.BANK.value, contact_person=contact, phone=_phone(rng)
            ),
            actor,
        )
        for name, contact in _BANKS
    ]
    others = [
        participants.create_participant(
            session,
            participants.ParticipantData(business_name=name, kind=kind.value, contact_person=contact),
            actor,
        )
        for kind, name, contact in _OTHERS
    ]
    table_hosts = [row for row, _wanted, _count in hosts] + banks + [others[0]]
    for table, host in zip(tables, table_hosts, strict=False):
        event_setup.assign_host(session, table.id, host.id, actor)

    _demo_requests(session, rng, ikm, hosts, banks, others[0], actor)


def _demo_requests(
    session: Session,
    rng: random.Random,
    ikm: list[participants.ParticipantRow],
    hosts: list[tuple[participants.ParticipantRow, list[str], int]],
    banks: list[participants.ParticipantRow],
    association: participants.ParticipantRow,
    actor: Actor,
) -> None:
    """Requests from category overlaps: buyers ↔ makers, suppliers ↔ makers, banks ↔ makers in need."""
    made: set[tuple[int, int]] = set()
    met: set[int] = set()

    def request(a: int, b: int, priority: int, wish: str, source: str) -> None:
        pair = (min(a, b), max(a, b))
        if pair in made:
            return
        made.add(pair)
        met.add(b)
        meeting_requests.create_request(session, a, b, actor, priority=priority, session_wish=wish, source=source)

    for host, wanted, count in hosts:
        is_buyer = host.kind == ParticipantKind.BUYER.value
        if is_buyer:
            matching = [m for m in ikm if set(m.category_codes) & set(wanted)]
            matching.sort(key=lambda m: -(m.monthly_capacity or 0))
        else:
            matching = [m for m in ikm if Problem.RAW_MATERIAL.value in m.problems] + rng.sample(ikm, len(ikm))
        chosen: list[participants.ParticipantRow] = []
        for maker in matching:
            if len(chosen) >= count:
                break
            if maker not in chosen:
                chosen.append(maker)
        for rank, maker in enumerate(chosen):
            priority = 3 if is_buyer and rank < 2 else (2 if rank < count // 3 else 1)
            wish = rng.choice([SessionWish.ANY.value] * 6 + [SessionWish.MORNING.value, SessionWish.AFTERNOON.value])
            source = rng.choice([RequestSource.BUYER.value, RequestSource.IKM.value, RequestSource.MUTUAL.value]) if is_buyer else RequestSource.SUGGESTED.value
            request(host.id, maker.id, priority, wish, source)
    needing = [m for m in ikm if Problem.CAPITAL.value in m.problems or m.kur_interest]
    for index, maker in enumerate(needing):
        request(banks[index % len(banks)].id, maker.id, 2, SessionWish.ANY.value, RequestSource.SUGGESTED.value)
    # Every maker meets somebody: the ones no buyer asked for go to Aprisindo or a bank.
    for index, maker in enumerate(m for m in ikm if m.id not in met):
        host = association if index % 3 else banks[index % len(banks)]
        request(host.id, maker.id, 1, SessionWish.ANY.value, RequestSource.SUGGESTED.value)
