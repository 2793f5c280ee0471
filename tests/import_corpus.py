"""The import corpus: participant lists shaped the way Indonesian government offices make them.

Each case is the sheet as an office would type it, and for every row below the header what a
person expects: a participant with its values, a row skipped as "not a person" (and why), or
an error. ``tools/make_import_corpus.py`` writes the files into ``tests/data/corpus/`` (openpyxl,
then LibreOffice for .xls/.ods); ``tests/test_import_corpus.py`` checks the import against this.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parent / "data" / "corpus"
H = ["No", "Nama Usaha", "Nama Pemilik", "No. HP/WA", "Alamat", "Kecamatan", "Produk", "Kapasitas/bulan", "Jenis"]
KOP = ["PEMERINTAH KOTA MOJOKERTO", "DINAS PERINDUSTRIAN DAN PERDAGANGAN",
       "Jl. Pahlawan No. 9 Telp. (0321) 321386 Mojokerto"]


@dataclass(frozen=True)
class Row:
    """A row under the header and its expected outcome."""

    values: list[Any]
    status: str = "ok"  # ok, warning, error, skipped
    says: tuple[str, ...] = ()  # words the row's message must contain
    expect: dict[str, Any] = field(default_factory=dict)  # the stored participant's fields
    action: str = ""  # create, update, unchanged (checked when given)


def ok(values: list[Any], *says: str, action: str = "", **expect: Any) -> Row:
    return Row(values, "ok", says, expect, action)


def warn(values: list[Any], *says: str, action: str = "", **expect: Any) -> Row:
    return Row(values, "warning", says, expect, action)


def skip(values: list[Any], what: str) -> Row:
    return Row(values, "skipped", ("dilewati: " + what,))


def error(values: list[Any], *says: str) -> Row:
    return Row(values, "error", says)


@dataclass(frozen=True)
class Sheet:
    name: str
    rows: list[Any]  # plain lists: titles and headers; Row: rows with an expected outcome
    merges: tuple[str, ...] = ()


@dataclass(frozen=True)
class Case:
    file: str
    sheets: list[Sheet]
    refused: str = ""  # the file is refused with a message containing this
    before: str = ""  # a case imported first (the earlier version of the list)
    total_after: int | None = None  # participants in the event after the import
    sheet_note: str = ""  # words of the note saying which sheet was taken
    guessed: tuple[str, ...] = ()  # field captions the column mapping only guessed
    csv_encoding: str = "cp1252"
    csv_delimiter: str = ";"

    @property
    def path(self) -> Path:
        return CORPUS / self.file

    @property
    def source_ext(self) -> str:
        return "csv" if self.file.endswith(".csv") else "xlsx"


def numbered(sheet: Sheet) -> list[tuple[int, Row]]:
    return [(number, row) for number, row in enumerate(sheet.rows, start=1) if isinstance(row, Row)]


SIGNATURE = [
    skip([None, None, None, None, None, "Mojokerto, 6 Maret 2020"], "tanda tangan"),
    skip([None, None, None, None, None, "KEPALA DINAS PERINDUSTRIAN DAN PERDAGANGAN"], "tanda tangan"),
    skip([None, None, None, None, None, "KOTA MOJOKERTO"], "tanda tangan"),
    skip([None, None, None, None, None, "Drs. H. SUGENG RAHARJO, M.Si"], "tanda tangan"),
    skip([None, None, None, None, None, "Pembina Tk. I"], "tanda tangan"),
    skip([None, None, None, None, None, "NIP. 19650312 199003 1 005"], "tanda tangan"),
]


def _cases() -> list[Case]:
    cases: list[Case] = []
    add = cases.append

    add(Case("01_judul_gabung_dua_baris_jumlah.xlsx", [Sheet("Peserta", [
        ["DAFTAR PESERTA BUSINESS MATCHING IKM ALAS KAKI KOTA MOJOKERTO TAHUN 2020"],
        ["Gedung GMSC, 6 Maret 2020"],
        ["No", "Nama Usaha", "Nama Pemilik", "Kontak", None, "Kecamatan", "Produk", "Kapasitas/bulan", "Jenis"],
        [None, None, None, "No. HP/WA", "Alamat", None, None, None, None],
        skip(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)"], "baris nomor kolom"),
        ok([1, "CV. Sinar Jaya Sepatu", "Slamet Santoso", "0812-3456-7890", "Jl. Empunala 5", "Magersari",
            "Sepatu pria", "1.500", "IKM"], business_name="CV. Sinar Jaya Sepatu", phone="+6281234567890",
           monthly_capacity=1500, kecamatan="Magersari", code="IKM001"),
        ok([2, "UD Karya Mulia", "Sri Rahayu", "0813-2222-3333", "Jl. Majapahit 10", "Prajurit Kulon",
            "Sepatu wanita", 2000, "IKM"], business_name="UD Karya Mulia", code="IKM002"),
        ok([3, "Berkah Abadi Footwear", "Budi Prasetyo", "0857-4444-5555", "Jl. Pemuda 3", "Kranggan",
            "Sandal", 800, "IKM"], business_name="Berkah Abadi Footwear", code="IKM003"),
        skip([None, "JUMLAH", None, None, None, None, None, "=SUM(H6:H8)", None], "baris jumlah"),
        *SIGNATURE,
    ], merges=("A1:I1", "A2:I2", "D3:E3"))]))

    add(Case("02_nomor_kolom_polos_jumlah_angka.xlsx", [Sheet("Sheet1", [
        H,
        skip([1, 2, 3, 4, 5, 6, 7, 8, 9], "baris nomor kolom"),
        ok([1, "Rizky Shoes", "Rizky", "081233334444", "Jl. Bhayangkara 2", "Magersari", "Sepatu anak", 600, "IKM"],
           business_name="Rizky Shoes", code="IKM001", monthly_capacity=600),
        ok([2, "Mojo Leather", "Hadi", "081255556666", "Jl. Gajah Mada 7", "Kranggan", "Sepatu pria", 900, "IKM"],
           business_name="Mojo Leather", code="IKM002"),
        skip([None, "Jumlah", None, None, None, None, None, 1500, None], "baris jumlah"),
    ])]))

    add(Case("03_bagian_per_kecamatan.xlsx", [Sheet("IKM", [
        ["DATA IKM ALAS KAKI PER KECAMATAN"],
        ["No", "Nama IKM", "Pemilik", "No HP", "Alamat", "Produk", "Kapasitas"],
        skip(["KECAMATAN MAGERSARI"], "judul bagian"),
        ok([1, "Sumber Rejeki", "Sutrisno", "081211110001", "Jl. Raya Gunung Gedangan", "Sandal", "± 3000"],
           business_name="Sumber Rejeki", kecamatan="Magersari", monthly_capacity=3000),
        ok([2, "Putra Mandiri", "Agus", "081211110002", "Jl. Kenanga 4", "Sepatu pria", 1200],
           business_name="Putra Mandiri", kecamatan="Magersari"),
        skip(["KECAMATAN PRAJURIT KULON"], "judul bagian"),
        ok([3, "Dewi Collection", "Dewi", "081211110003", "Jl. Surodinawan 8", "Sepatu wanita", 700],
           business_name="Dewi Collection", kecamatan="Prajurit Kulon"),
        skip(["KEC. KRANGGAN"], "judul bagian"),
        ok([4, "Anugrah Sandal", "Rohman", "081211110004", "Jl. Kranggan 1", "Sandal", 500],
           business_name="Anugrah Sandal", kecamatan="Kranggan"),
        skip([None, "JUMLAH", None, None, None, None, "=SUM(G4:G11)"], "baris jumlah"),
    ], merges=("A1:G1", "A3:G3", "A6:G6", "A8:G8"))]))

    add(Case("04_bagian_kelurahan_berlabel.xlsx", [Sheet("Peserta", [
        ["No", "Nama Usaha", "Pemilik", "HP", "Kecamatan", "Kelurahan", "Kapasitas"],
        skip(["A.", "KELURAHAN GUNUNG GEDANGAN"], "judul bagian"),
        ok([1, "Gedangan Shoes", "Yusuf", "085600001111", "Magersari", None, 400],
           business_name="Gedangan Shoes", kelurahan="Gunung Gedangan", kecamatan="Magersari"),
        skip(["B.", "KELURAHAN MENTIKAN"], "judul bagian"),
        ok([1, "Mentikan Jaya", "Lilik", "085600002222", "Prajurit Kulon", "Mentikan", 350],
           business_name="Mentikan Jaya", kelurahan="Mentikan"),
        ok([2, "Sepatu Pak Man", "Paiman", "085600003333", "Prajurit Kulon", None, 300],
           business_name="Sepatu Pak Man", kelurahan="Mentikan"),
    ])]))

    add(Case("05_undangan_nama_jabatan_instansi.xlsx", [Sheet("Undangan", [
        ["DAFTAR UNDANGAN BUSINESS MATCHING"],
        ["No", "Nama", "Jabatan", "Instansi/Perusahaan", "No. HP"],
        skip(["I.", "PERBANKAN"], "judul bagian"),
        ok([1, "Bambang Wijaya", "Kepala Cabang", "Bank Jatim Cabang Mojokerto", "081330001111"],
           business_name="Bank Jatim Cabang Mojokerto", contact_person="Bambang Wijaya", kind="bank",
           notes="Jabatan: Kepala Cabang"),
        ok([2, "Ratna Sari", "Account Officer KUR", "BRI Unit Majapahit", "081330002222"],
           business_name="BRI Unit Majapahit", contact_person="Ratna Sari", kind="bank"),
        skip(["II.", "PEMBELI"], "judul bagian"),
        ok([3, "Hendra Gunawan", "Purchasing Manager", "PT Sepatu Bata Tbk", "081330003333"],
           business_name="PT Sepatu Bata Tbk", contact_person="Hendra Gunawan", kind="buyer"),
        skip(["III.", "INSTANSI PEMERINTAH"], "judul bagian"),
        ok([4, "Ir. Suharto", "Kepala Bidang Industri", "Disperindag Provinsi Jawa Timur", "081330004444"],
           business_name="Disperindag Provinsi Jawa Timur", kind="government"),
    ], merges=("A1:E1",))], guessed=("Nama Usaha", "Pemilik")))

    add(Case("06_undangan_jenis_kata_kantor.xlsx", [Sheet("Sheet1", [
        ["Nama", "Jabatan", "Perusahaan", "Jenis", "Telp"],
        ok(["Andi", "Manager", "Bank Mandiri KCP Mojokerto", "Perbankan", "082140001111"],
           business_name="Bank Mandiri KCP Mojokerto", kind="bank"),
        ok(["Sinta", "Staf CSR", "PT Petrokimia Gresik", "BUMN", "082140002222"],
           business_name="PT Petrokimia Gresik", kind="government"),
        ok(["Joko", "Kasi", "Dinas Koperasi dan UKM", "Dinas", "082140003333"],
           business_name="Dinas Koperasi dan UKM", kind="government"),
        ok(["Wati", "Pemilik", "Wati Sandal", "UMKM", "082140004444"], business_name="Wati Sandal", kind="ikm"),
        ok(["Rudi", "Ketua", "APRISINDO Jatim", "Asosiasi", "082140005555"], business_name="APRISINDO Jatim",
           kind="association"),
        ok(["Fajar", "Owner", "Toko Sepatu Fajar", "Pembeli (Buyer)", "082140006666"],
           business_name="Toko Sepatu Fajar", kind="buyer"),
        ok(["Lina", "Direktur", "CV Kulit Prima", "Pemasok bahan baku", "082140007777"],
           business_name="CV Kulit Prima", kind="supplier"),
        warn(["Dodi", "Wartawan", "Radar Mojokerto", "Media", "082140008888"], "Media", "Lainnya",
             business_name="Radar Mojokerto", kind="other"),
        ok(["Nur", "Direktur", "BPR Bank Daerah Mojokerto", "BPR", "082140009999"],
           business_name="BPR Bank Daerah Mojokerto", kind="bank"),
    ])], guessed=("Nama Usaha", "Pemilik")))

    add(Case("07_kapasitas_berantakan.xlsx", [Sheet("Peserta", [
        H,
        ok([1, "Kapasitas Kira", "A", "081200000001", None, None, None, "± 3000", "IKM"], monthly_capacity=3000,
           business_name="Kapasitas Kira"),
        warn([2, "Kapasitas Rentang", "B", "081200000002", None, None, None, "500 - 1000", "IKM"], "500",
             "terkecil", monthly_capacity=500, business_name="Kapasitas Rentang"),
        warn([3, "Kapasitas Sampai", "C", "081200000003", None, None, None, "500 s/d 1000", "IKM"], "terkecil",
             monthly_capacity=500, business_name="Kapasitas Sampai"),
        ok([4, "Kapasitas An", "D", "081200000004", None, None, None, "3000 an", "IKM"], monthly_capacity=3000,
           business_name="Kapasitas An"),
        warn([5, "Kapasitas Kodi", "E", "081200000005", None, None, None, "100 kodi/bln", "kodi", "2.000"],
             monthly_capacity=2000, business_name="Kapasitas Kodi"),
        ok([6, "Kapasitas Strip", "F", "081200000006", None, None, None, "-", "IKM"], monthly_capacity=None,
           business_name="Kapasitas Strip"),
        ok([7, "Kapasitas Kurang Lebih", "G", "081200000007", None, None, None, "kurang lebih 700", "IKM"],
           monthly_capacity=700, business_name="Kapasitas Kurang Lebih"),
        ok([8, "Kapasitas Pasang", "H", "081200000008", None, None, None, "1.500 psg/bln", "IKM"],
           monthly_capacity=1500, business_name="Kapasitas Pasang"),
        warn([9, "Kapasitas Tidak Tentu", "I", "081200000009", None, None, None, "tergantung pesanan", "IKM"],
             "tergantung pesanan", "baris tetap diimpor", monthly_capacity=None, business_name="Kapasitas Tidak Tentu"),
        warn([10, "Kapasitas Mingguan", "J", "081200000010", None, None, None, "250 pasang/minggu", "IKM"],
             "minggu", monthly_capacity=1000, business_name="Kapasitas Mingguan"),
        ok([11, "Kapasitas Ribuan", "K", "081200000011", None, None, None, "2 rb", "IKM"], monthly_capacity=2000,
           business_name="Kapasitas Ribuan"),
    ])]))

    add(Case("08_telepon_berantakan.xlsx", [Sheet("Peserta", [
        H,
        ok([1, "Telepon WA Depan", "A", "WA 0812-1111-2222", None, None, None, None, "IKM"], phone="+6281211112222",
           business_name="Telepon WA Depan"),
        ok([2, "Telepon WA Belakang", "B", "0812 3333 4444 (WA)", None, None, None, None, "IKM"],
           phone="+6281233334444", business_name="Telepon WA Belakang"),
        ok([3, "Telepon Petik", "C", "'081255556666", None, None, None, None, "IKM"], phone="+6281255556666",
           business_name="Telepon Petik"),
        ok([4, "Telepon Angka", "D", 81277778888, None, None, None, None, "IKM"], phone="+6281277778888",
           business_name="Telepon Angka"),
        ok([5, "Telepon Rumah Angka", "E", 321395123, None, None, None, None, "IKM"], phone="+62321395123",
           business_name="Telepon Rumah Angka"),
        ok([6, "Telepon Kantor Kurung", "F", "Telp. (0321) 321456", None, None, None, None, "IKM"],
           phone="+62321321456", business_name="Telepon Kantor Kurung"),
        warn([7, "Telepon Dua Nomor", "G", "0812-9999-0000 / 0856-1234-5678", None, None, None, None, "IKM"],
             "2 nomor", phone="+6281299990000", notes="No. HP lain: 0856-1234-5678", business_name="Telepon Dua Nomor"),
        ok([8, "Telepon Strip", "H", "-", None, None, None, None, "IKM"], phone="", business_name="Telepon Strip"),
        warn([9, "Telepon Salah", "I", "belum punya", None, None, None, None, "IKM"], "belum punya",
             phone="", business_name="Telepon Salah"),
        ok([10, "Telepon Plus", "J", "+62 857-0000-1111", None, None, None, None, "IKM"], phone="+6285700001111",
           business_name="Telepon Plus"),
        ok([11, "Telepon Surabaya", "K", 317312345, None, None, None, None, "IKM"], phone="+62317312345",
           business_name="Telepon Surabaya"),
    ])]))

    add(Case("09_telepon_notasi_ilmiah.csv", [Sheet("CSV", [
        ["No", "Nama Usaha", "Pemilik", "No HP", "Kecamatan"],
        warn([1, "Sepatu Ilmiah", "Anwar", "6,28128E+11", "Magersari"], "notasi ilmiah", phone="",
             business_name="Sepatu Ilmiah"),
        ok([2, "Sepatu Biasa", "Tono", "081234000111", "Magersari"], phone="+6281234000111",
           business_name="Sepatu Biasa"),
        warn([3, "Sandal Ilmiah", "Siti", "8,12346E+10", "Kranggan"], "notasi ilmiah", phone="",
             business_name="Sandal Ilmiah"),
    ])]))

    add(Case("10_windows1252_titik_koma.csv", [Sheet("CSV", [
        ["No", "Nama Usaha", "Nama Pemilik", "No. HP", "Alamat", "Kecamatan", "Kapasitas per bulan"],
        ok([1, "Sepatu Señorita", "José", "0812-3456-7000", "Jl. A; No. 5", "Magersari", "1.500"],
           business_name="Sepatu Señorita", contact_person="José", address="Jl. A; No. 5", monthly_capacity=1500),
        ok([2, "Café Sandal", "Renée", "0812-3456-7001", "Jl. B", "Kranggan", "± 800"],
           business_name="Café Sandal", monthly_capacity=800),
        skip(["", "JUMLAH", "", "", "", "", "2.300"], "baris jumlah"),
    ])]))

    add(Case("11_data_di_lembar_kedua.xlsx", [
        Sheet("Petunjuk", [["Petunjuk pengisian"], ["Isi data di lembar Data IKM."], ["Jangan ubah judul kolom."]]),
        Sheet("Data IKM", [
            H,
            ok([1, "Lembar Dua Satu", "A", "081300000001", None, "Magersari", None, 100, "IKM"],
               business_name="Lembar Dua Satu"),
            ok([2, "Lembar Dua Dua", "B", "081300000002", None, "Kranggan", None, 200, "IKM"],
               business_name="Lembar Dua Dua"),
        ]),
    ], sheet_note="Data IKM"))

    add(Case("12_tanpa_lembar_peserta.xlsx", [
        Sheet("Sampul", [["LAPORAN KEGIATAN"], ["Tahun 2020"]]),
        Sheet("Anggaran", [["Uraian", "Jumlah"], ["Konsumsi", 1500000]]),
    ], refused="Sampul, Anggaran"))

    add(Case("13_surat_bernama_xlsx.xlsx", [], refused="teks biasa"))

    add(Case("14_daftar_lama_excel97.xls", [Sheet("Sheet1", [
        ["DAFTAR PESERTA TEMU BISNIS"],
        H,
        skip(["KECAMATAN MAGERSARI"], "judul bagian"),
        ok([1, "Lama Satu", "Karyo", "081400000001", "Jl. A", None, "Sandal", 100, "IKM"], business_name="Lama Satu",
           kecamatan="Magersari"),
        ok([2, "Lama Dua", "Karyi", "081400000002", "Jl. B", "Kranggan", "Sandal", 200, "IKM"],
           business_name="Lama Dua", kecamatan="Kranggan"),
        skip([None, "JUMLAH", None, None, None, None, None, "=SUM(H4:H5)", None], "baris jumlah"),
    ], merges=("A1:I1", "A3:I3"))]))

    add(Case("15_libreoffice_ods_dua_baris.ods", [Sheet("Peserta", [
        ["REKAP PESERTA"],
        ["No", "Nama Usaha", "Pemilik", "Kontak", None, "Kecamatan", "Produk", "Kapasitas/bulan", "Jenis"],
        [None, None, None, "No. HP/WA", "Alamat", None, None, None, None],
        skip([1, 2, 3, 4, 5, 6, 7, 8, 9], "baris nomor kolom"),
        ok([1, "ODS Satu", "Lastri", "081500000001", "Jl. C", "Magersari", "Sepatu pria", "1.000", "IKM"],
           business_name="ODS Satu", monthly_capacity=1000),
        ok([2, "ODS Dua", "Yanto", "081500000002", "Jl. D", "Kranggan", "Sepatu anak", "3000 an", "IKM"],
           business_name="ODS Dua", monthly_capacity=3000),
        *SIGNATURE,
    ], merges=("A1:I1", "D2:E2"))]))

    add(Case("16_bagian_jenis_campuran.ods", [Sheet("Peserta", [
        ["No", "Nama", "Penanggung Jawab", "Telepon", "Alamat"],
        skip(["I. IKM ALAS KAKI"], "judul bagian"),
        ok([1, "Campur IKM", "Sugi", "081600000001", "Jl. E"], business_name="Campur IKM", kind="ikm",
           code="IKM001"),
        skip(["II. PEMBELI"], "judul bagian"),
        ok([1, "Campur Pembeli", "Mega", "081600000002", "Surabaya"], business_name="Campur Pembeli", kind="buyer",
           code="BYR001"),
        skip(["III. PEMASOK BAHAN BAKU"], "judul bagian"),
        ok([1, "Campur Pemasok", "Hasan", "081600000003", "Sidoarjo"], business_name="Campur Pemasok",
           kind="supplier", code="SUP001"),
        skip(["IV. PERBANKAN"], "judul bagian"),
        ok([1, "Campur Bank", "Indah", "081600000004", "Mojokerto"], business_name="Campur Bank", kind="bank",
           code="BNK001"),
    ])], guessed=("Nama Usaha",)))

    add(Case("17_judul_kolom_berulang_per_halaman.xlsx", [Sheet("Peserta", [
        H,
        ok([1, "Halaman Satu A", "A", "081700000001", None, None, None, None, "IKM"], business_name="Halaman Satu A"),
        ok([2, "Halaman Satu B", "B", "081700000002", None, None, None, None, "IKM"], business_name="Halaman Satu B"),
        skip(H, "judul kolom berulang"),
        skip([1, 2, 3, 4, 5, 6, 7, 8, 9], "baris nomor kolom"),
        ok([3, "Halaman Dua A", "C", "081700000003", None, None, None, None, "IKM"], business_name="Halaman Dua A"),
    ])]))

    add(Case("18_catatan_bawah_tabel.xlsx", [Sheet("Peserta", [
        H,
        ok([1, "Catatan Satu", "A", "081800000001", None, None, None, 100, "IKM"], business_name="Catatan Satu"),
        ok([2, "Catatan Dua", "B", "081800000002", None, None, None, 200, "IKM"], business_name="Catatan Dua"),
        skip(["Catatan:"], "catatan di bawah tabel"),
        skip(["1. Peserta wajib membawa contoh produk."], "catatan di bawah tabel"),
        skip(["2. Registrasi ulang pukul 07.30 WIB."], "catatan di bawah tabel"),
        skip(["*) coret yang tidak perlu"], "catatan di bawah tabel"),
    ])]))

    add(Case("19_subtotal_per_kecamatan.xlsx", [Sheet("Rekap", [
        ["No", "Nama Usaha", "Pemilik", "HP", "Kapasitas"],
        skip([None, "KECAMATAN MAGERSARI"], "judul bagian"),
        ok([1, "Sub Magersari", "A", "081900000001", 100], business_name="Sub Magersari", kecamatan="Magersari"),
        skip([None, "Sub Total", None, None, "=SUM(E3:E3)"], "baris jumlah"),
        skip([None, "KECAMATAN KRANGGAN"], "judul bagian"),
        ok([1, "Sub Kranggan", "B", "081900000002", 300], business_name="Sub Kranggan", kecamatan="Kranggan"),
        skip([None, "Sub Total", None, None, "=SUM(E6:E6)"], "baris jumlah"),
        skip([None, "TOTAL KESELURUHAN", None, None, "=E4+E7"], "baris jumlah"),
    ])]))

    add(Case("20_templat_bernomor_sebagian_isi.xlsx", [Sheet("Peserta", [
        H,
        ok([1, "Templat Satu", "A", "082000000001", None, None, None, None, "IKM"], business_name="Templat Satu"),
        ok([2, "Templat Dua", "B", "082000000002", None, None, None, None, "IKM"], business_name="Templat Dua"),
        skip([3], "baris tanpa isian"),
        skip([4], "baris tanpa isian"),
        skip([5], "baris tanpa isian"),
    ])]))

    v1 = [
        ["No", "Kode", "Nama Usaha", "Nama Pemilik", "No. HP/WA", "Kecamatan", "Kapasitas"],
        ok([1, None, "CV. Sinar Jaya Sepatu", "Slamet Santoso", None, "Magersari", 1500], business_name="CV. Sinar Jaya Sepatu"),
        ok([2, None, "UD Karya Mulia", "Sri Rahayu", "0813-2222-3333", "Prajurit Kulon", 800], business_name="UD Karya Mulia"),
        ok([3, None, "Berkah Abadi", "Budi", "0857-4444-5555", "Kranggan", 600], business_name="Berkah Abadi"),
        ok([4, None, "Mojo Leather", "Hadi", "0812-5555-6666", "Kranggan", 900], business_name="Mojo Leather"),
        ok([5, None, "Sepatu Lestari", "Siti", "0812-7777-8888", "Magersari", 300], business_name="Sepatu Lestari"),
        ok([6, None, "Sandal Makmur", "Rohman", "0812-1212-3434", "Magersari", 200], business_name="Sandal Makmur"),
    ]
    add(Case("21_pembaruan_v1.xlsx", [Sheet("Peserta", v1)]))
    add(Case("22_pembaruan_v2.xlsx", [Sheet("Peserta", [
        ["No", "Kode", "Nama Usaha", "Nama Pemilik", "No. HP/WA", "Kecamatan", "Kapasitas"],
        # phone added, legal form and case written differently: the same maker, updated
        ok([1, None, "SINAR JAYA SEPATU", "Slamet Santoso", "0812-3456-7890", "Magersari", 1500], action="update",
           business_name="SINAR JAYA SEPATU", phone="+6281234567890", code="IKM001"),
        # phone corrected, owner the same
        ok([2, None, "Karya Mulia", "Sri Rahayu", "0813-2222-9999", "Prajurit Kulon", 800], action="update",
           business_name="Karya Mulia", phone="+6281322229999", code="IKM002"),
        # nothing changed but spacing and punctuation
        ok([3, None, "Berkah  Abadi.", "Budi", "0857-4444-5555", "Kranggan", 600], action="update", code="IKM003"),
        # a typing slip in the name, same phone: likely the same, taken as it unless the admin says otherwise
        warn([4, None, "Mojo Lether", "Hadi", "0812-5555-6666", "Kranggan", 900], "Mungkin sama dengan IKM004",
             action="update", code="IKM004", business_name="Mojo Lether"),
        # same name, but another owner, phone and kecamatan: perhaps another shop; new unless confirmed
        warn([5, None, "Sepatu Lestari", "Bambang", "0819-0000-1111", "Prajurit Kulon", 300],
             "Mungkin sama dengan IKM005", action="create", code="IKM007", business_name="Sepatu Lestari"),
        # by code: the code wins whatever the name
        ok([6, "IKM006", "Sandal Makmur Abadi", "Rohman", "0812-1212-3434", "Magersari", 250], action="update",
           code="IKM006", business_name="Sandal Makmur Abadi", monthly_capacity=250),
        ok([7, None, "Pendatang Baru", "Yanti", "0812-0000-7777", "Kranggan", 100], action="create", code="IKM008"),
    ])], before="21_pembaruan_v1.xlsx", total_after=8))

    add(Case("23_judul_kolom_inggris.xlsx", [Sheet("Participants", [
        ["Business name", "Owner", "Phone", "District", "Type", "Monthly capacity"],
        ok(["Global Footwear Trading", "John", "+62 811 2233 4455", "Surabaya", "Buyer", None], kind="buyer",
           business_name="Global Footwear Trading"),
        ok(["Leather Supply Co", "Mary", "0811-5566-7788", "Sidoarjo", "Supplier", None], kind="supplier",
           business_name="Leather Supply Co"),
        ok(["Sole Maker", "Adi", "0811-9900-1122", "Magersari", "SME", "1,000"], kind="ikm", monthly_capacity=1000,
           business_name="Sole Maker"),
    ])]))

    add(Case("24_kop_surat_di_atas.xlsx", [Sheet("Lampiran", [
        [KOP[0]], [KOP[1]], [KOP[2]], [None],
        ["LAMPIRAN: DAFTAR IKM PESERTA BUSINESS MATCHING"],
        ["No", "Nama Usaha", "Pemilik", "No. Telp", "Alamat", "Kec."],
        ok([1, "Kop Satu", "Suwarno", "0321-321456", "Jl. Benteng Pancasila", "Magersari"],
           phone="+62321321456", business_name="Kop Satu"),
        ok([2, "Kop Dua", "Sumarni", "0812 4567 8901", "Jl. Taman Siswa", "Kranggan"], business_name="Kop Dua"),
        *SIGNATURE,
    ], merges=("A1:F1", "A2:F2", "A3:F3", "A5:F5"))]))

    add(Case("25_kolom_kosong_disisipkan.xlsx", [Sheet("Peserta", [
        [None, None, None, None],
        [None, "No", "Nama Usaha", None, "Pemilik", None, "HP", "Kecamatan"],
        ok([None, 1, "Sisip Satu", None, "Ani", None, "081250000001", "Magersari"], business_name="Sisip Satu",
           contact_person="Ani"),
        ok([None, 2, "Sisip Dua", None, "Ina", None, "081250000002", "Kranggan"], business_name="Sisip Dua"),
    ])]))

    add(Case("26_pemilik_sebelum_usaha_koma.csv", [Sheet("CSV", [
        ["Nama Pemilik", "Nama Usaha", "Telepon/WA", "Kecamatan", "Jenis Peserta"],
        ok(["Pak Darto", "Darto Shoes", "0812-6000-0001", "Magersari", "IKM"], contact_person="Pak Darto",
           business_name="Darto Shoes"),
        ok(["Bu Endang", "Endang Sandal", "0812-6000-0002", "Kranggan", "UKM"], business_name="Endang Sandal",
           kind="ikm"),
    ])], csv_encoding="utf-8-sig", csv_delimiter=","))

    add(Case("27_huruf_besar_hanya_nama.xlsx", [Sheet("Peserta", [
        ["NO", "NAMA USAHA", "PEMILIK", "NO HP", "KECAMATAN"],
        ok([1, "SINAR MAS SANDAL", None, None, None], business_name="SINAR MAS SANDAL"),
        ok([2, "UD BERKAH", "SUPARMI", "081270000002", "MAGERSARI"], business_name="UD BERKAH"),
        error([3, None, "PAIJO", "081270000003", "KRANGGAN"], "Nama usaha wajib"),
        ok([4, "TOTAL SPORT", None, 81270000004, None], business_name="TOTAL SPORT", phone="+6281270000004"),
        skip([None, "TOTAL", None, None, None], "baris jumlah"),
    ])]))

    add(Case("28_bagian_kecamatan_xls.xls", [Sheet("Data", [
        ["No", "Nama Usaha", "Pemilik", "No HP", "Alamat", "Kapasitas"],
        skip(["KECAMATAN PRAJURIT KULON"], "judul bagian"),
        warn([1, "XLS Prajurit", "A", "081280000001", "Jl. F", "100 kodi/bln"], "kodi", kecamatan="Prajurit Kulon",
             monthly_capacity=2000, business_name="XLS Prajurit"),
        skip(["KECAMATAN MAGERSARI"], "judul bagian"),
        ok([2, "XLS Magersari", "B", 81280000002, "Jl. G", "± 500"], kecamatan="Magersari", monthly_capacity=500,
           phone="+6281280000002", business_name="XLS Magersari"),
        skip([None, "JUMLAH", None, None, None, None], "baris jumlah"),
    ])]))
    add(Case("29_bagian_nama_kecamatan_saja.xlsx", [Sheet("Susulan", [
        ["No", "Nama Usaha", "Pemilik", "No HP", "Kapasitas"],
        skip(["MAGERSARI"], "judul bagian"),
        ok([1, "Susulan Magersari", "Eko", "082900000001", 150], business_name="Susulan Magersari",
           kecamatan="Magersari"),
        skip(["KRANGGAN"], "judul bagian"),
        ok([2, "Susulan Kranggan", "Nanik", "082900000002", 250], business_name="Susulan Kranggan",
           kecamatan="Kranggan"),
    ])], before="21_pembaruan_v1.xlsx", total_after=8))
    add(Case("30_judul_kelompok_identitas_pemilik.xlsx", [Sheet("REKAP IKM 2020", [
        ["REKAPITULASI DATA IKM ALAS KAKI"],
        ["KOTA MOJOKERTO TAHUN 2020"],
        [],
        ["NO", "IDENTITAS USAHA", None, "PEMILIK", None, "NIK", "L/P", "KAPASITAS PRODUKSI (PASANG/BULAN)", "KET"],
        [None, "NAMA IKM/UMKM", "ALAMAT", "NAMA", "NO. TELP/HP", None, None, None, None],
        warn([1, "CV. ANUGRAH JAYA", "JL. EMPU NALA 12", "H. MASRUR", "0812-3456-7890 / 0321-123456",
              3576012345670001, "L", "1.000 - 1.500", "aktif"], "terkecil", "2 nomor",
             business_name="CV. ANUGRAH JAYA", contact_person="H. MASRUR", phone="+6281234567890",
             monthly_capacity=1000, notes="aktif; No. HP lain: 0321-123456"),
        ok([2, "UD. SRI REJEKI", "JL. MAJAPAHIT 4", "HJ. SRI", 85733334444, 3576012345670002, "P",
            "kurang lebih 500 pasang", None], business_name="UD. SRI REJEKI", phone="+6285733334444",
           monthly_capacity=500),
        warn([3, "SEPATU BUDI", "MAGERSARI", "BUDI", "-", None, "L", "tidak tentu", "baru"], "tidak tentu",
             business_name="SEPATU BUDI", phone="", monthly_capacity=None),
        [],
        skip([None, "JUMLAH", None, None, None, None, None, "=SUM(H6:H8)", None], "baris jumlah"),
        [],
        skip([None, None, None, None, None, None, "Mojokerto, 10 Februari 2020"], "tanda tangan"),
        skip([None, None, None, None, None, None, "Kasi Industri"], "tanda tangan"),
        [],
        skip([None, None, None, None, None, None, "( BAMBANG S. )"], "tanda tangan"),
    ], merges=("A1:I1", "A2:I2", "B4:C4", "D4:E4"))], guessed=("Nama Usaha", "Pemilik")))
    add(Case("31_nama_hp_v1.csv", [Sheet("CSV", [
        ["No", "Nama Usaha", "No HP"],
        ok([1, "Sepatu Kencana", "0812-3100-0001"], business_name="Sepatu Kencana", code="IKM001"),
        ok([2, "Sandal Ceria", ""], business_name="Sandal Ceria", code="IKM002"),
        ok([3, "Tas dan Sepatu Arjuna", "0812-3100-0003"], business_name="Tas dan Sepatu Arjuna", code="IKM003"),
    ])]))
    add(Case("32_nama_hp_v2.csv", [Sheet("CSV", [
        ["No", "Nama Usaha", "No HP"],
        # the phone corrected in a list with nothing else to compare: the same maker, said so
        warn([1, "Sepatu Kencana", "0812-3100-9999"], "Mungkin sama dengan IKM001", "dianggap sama",
             action="update", code="IKM001", phone="+6281231009999"),
        # a phone added
        ok([2, "SANDAL CERIA", "0812-3100-0002"], action="update", code="IKM002", phone="+6281231000002"),
        ok([3, "Tas & Sepatu Arjuna", "0812-3100-0003"], action="update", code="IKM003"),
    ])], before="31_nama_hp_v1.csv", total_after=3))
    return cases


CASES: list[Case] = _cases()
LETTER = ("Kepada Yth.\r\nBapak/Ibu Pimpinan IKM Alas Kaki\r\ndi Mojokerto\r\n\r\nDengan hormat,\r\n"
          "Sehubungan dengan akan dilaksanakannya kegiatan Business Matching, kami mengundang Bapak/Ibu untuk hadir "
          "pada hari Jumat, 6 Maret 2020, pukul 08.00 WIB, bertempat di GMSC.\r\n\r\nDemikian, atas perhatiannya "
          "kami ucapkan terima kasih.\r\n\r\nKepala Dinas\r\n")
