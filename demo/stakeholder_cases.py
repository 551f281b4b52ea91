"""Stakeholder demo data derived from three papers.

- Irawan, Alfitri & Saptawan (2019), "Jaringan Aktor Dalam Pemberdayaan Masyarakat Pada Program
  KOTAKU di Kelurahan Pasar II Kota Prabumulih": its tables 1 and 2 (individual and
  institutional ties), the actors of its legends, and its three constraints.
- The PLPBK partnership study of Kabupaten Kendal and Kota Pekalongan (Kelurahan Kebondalem and
  Kelurahan Podosugih): partnership forms, processes, supporting factors, constraints and
  sustainability efforts. The paper reports them for both locations together; each case here
  carries the ones it names for that place, plus the shared ones.
- Ismail, Putri & Winarti (2019), Kampung Bugis, Tanjungpinang: tables 2 and 3 (program outputs)
  and the slum area of 18,92 Ha in 2014 and 4,66 Ha in 2018.
"""

from __future__ import annotations

from decimal import Decimal

PRABUMULIH_SOURCE = "Irawan, Alfitri & Saptawan (2019)"

PRABUMULIH_CASE = {
    "title": "Jaringan aktor pemberdayaan masyarakat KOTAKU di Kelurahan Pasar II",
    "program": "kotaku",
    "place": "16.74.05.1002",  # Pasar Prabumulih II, Prabumulih Utara, Kota Prabumulih
    "year_start": 2017,
    "year_end": 2018,
    "status": "published",
    "method_note": "Deskriptif kualitatif; wawancara dengan pelaku program (pemerintah, swasta, "
    "pelaksana program, masyarakat). Sumber: " + PRABUMULIH_SOURCE + ".",
    "summary": "Relasi individu antaraktor bersifat simetris; relasi institusional bersifat "
    "asimetris: Satker PKP, Lurah, Askot dan fasilitator mendominasi LKM.",
}

# key: (name, short label, kind, sector, actor type code, role in the case)
PRABUMULIH_ACTORS = {
    # Institutions (legend of skema 1.2)
    "satker": (
        "Satker PKP Kota Prabumulih",
        "MF",
        "institution",
        "pemerintah",
        "satker",
        "pendamping",
    ),
    "askot": ("Askot CD Mandiri", "AW", "institution", "pemerintah", "askot", "pendamping"),
    "bank_sampah": (
        "Bank Sampah Induk Prabumulih",
        "DF",
        "institution",
        "swasta",
        "bank-sampah",
        "mitra",
    ),
    "fasilitator_inst": (
        "Tim Fasilitator KOTAKU (Senior Fasilitator)",
        "YS",
        "institution",
        "pemerintah",
        "fasilitator",
        "pendamping",
    ),
    "lkm_inst": (
        "LKM Kelurahan Pasar II",
        "MH",
        "institution",
        "masyarakat",
        "bkm-lkm",
        "pelaksana",
    ),
    "lurah_inst": (
        "Kelurahan Pasar II (Lurah)",
        "EM",
        "institution",
        "pemerintah",
        "lurah",
        "pengambil_keputusan",
    ),
    # Individuals (legend of the interpersonal sociogram)
    "nh_lkm": ("Koordinator LKM", "NH", "individual", "masyarakat", "bkm-lkm", "pelaksana"),
    "jm": (
        "Ketua RT 03 RW 01 (deliniasi)",
        "JM",
        "individual",
        "masyarakat",
        "ketua-rt-rw",
        "pelaksana",
    ),
    "fasilitator": (
        "Fasilitator kelurahan",
        "FK",
        "individual",
        "pemerintah",
        "fasilitator",
        "pendamping",
    ),
    "su": (
        "Warga non-deliniasi RT 03 RW 04",
        "SU",
        "individual",
        "masyarakat",
        "warga",
        "penerima_manfaat",
    ),
    "nh_warga": (
        "Warga deliniasi RT 02 RW 05",
        "NH (warga)",
        "individual",
        "masyarakat",
        "warga",
        "penerima_manfaat",
    ),
    "nd": ("Ketua KSM", "ND", "individual", "masyarakat", "ksm", "pelaksana"),
    "ep": ("KPP/Relawan", "EP", "individual", "masyarakat", "kpp", "pelaksana"),
}

ALL_STAGES = ["persiapan", "perencanaan", "pelaksanaan", "keberlanjutan"]

# (a, b, form, direction, dominant, strength, evidence)
PRABUMULIH_TIES = [
    # Tabel 1, individual ties (all symmetric)
    ("nh_lkm", "jm", "kekerabatan", "simetris", None, "kuat", "Tabel 1 no. 1"),
    ("nh_lkm", "fasilitator", "kerja", "simetris", None, "kuat", "Tabel 1 no. 2"),
    ("jm", "fasilitator", "kerja", "simetris", None, "lemah", "Tabel 1 no. 3"),
    ("su", "nh_lkm", "kekerabatan", "simetris", None, "lemah", "Tabel 1 no. 4"),
    ("su", "fasilitator", "kekerabatan", "simetris", None, "lemah", "Tabel 1 no. 4"),
    ("nh_warga", "jm", "kekerabatan", "simetris", None, "kuat", "Tabel 1 no. 5"),
    ("nh_warga", "nh_lkm", "kekerabatan", "simetris", None, "kuat", "Tabel 1 no. 5"),
    ("nh_warga", "nd", "kekerabatan", "simetris", None, "kuat", "Tabel 1 no. 5"),
    ("nh_warga", "ep", "kekerabatan", "simetris", None, "kuat", "Tabel 1 no. 5"),
    ("nh_warga", "fasilitator", "kekerabatan", "simetris", None, "kuat", "Tabel 1 no. 5"),
    # Tabel 2, institutional ties (vertical = asymmetric, horizontal = symmetric)
    (
        "lurah_inst",
        "lkm_inst",
        "kekerabatan",
        "asimetris",
        "lurah_inst",
        "lemah",
        "Tabel 2 no. 1: hubungan struktur sosial vertikal, lemah karena hanya saling mengenal",
    ),
    (
        "fasilitator_inst",
        "lurah_inst",
        "kerja",
        "simetris",
        None,
        "lemah",
        "Tabel 2 no. 2: horizontal; fasilitator berkoordinasi dengan lurah hanya pada agenda "
        "Program KOTAKU",
    ),
    ("lurah_inst", "satker", "kerja", "simetris", None, "lemah", "Tabel 2 no. 3: horizontal"),
    (
        "satker",
        "lkm_inst",
        "kekerabatan",
        "asimetris",
        "satker",
        "lemah",
        "Tabel 2 no. 4: vertikal; hubungan Satker dan LKM hanya ketika pencairan dana",
    ),
    (
        "lkm_inst",
        "bank_sampah",
        "kerja",
        "simetris",
        None,
        "lemah",
        "Tabel 2 no. 5: horizontal; bank sampah sebagai penyalur CSR perusahaan",
    ),
]

PRABUMULIH_FACTORS = [
    (
        "kendala",
        "Keterlambatan pencairan anggaran Bantuan Dana Investasi (BDI)",
        "“Proses pencairan sering terkendala ketika termin I sebesar 70 % dari total anggaran dan "
        "termin ke II sebesar 30 %.” (" + PRABUMULIH_SOURCE + ")",
    ),
    (
        "kendala",
        "Input kompetensi fasilitator pemberdayaan yang beragam",
        "Fasilitator pemberdayaan cukup lulusan DIII semua jurusan. (" + PRABUMULIH_SOURCE + ")",
    ),
    (
        "kendala",
        "Kepentingan ego sektoral masing-masing aktor pemberdayaan",
        "“Apabila semua pihak tidak mampu melakukan kemitraan maka akan menghambat.” ("
        + PRABUMULIH_SOURCE
        + ")",
    ),
]

PLPBK_SOURCE = "Studi kemitraan PLPBK Kabupaten Kendal dan Kota Pekalongan"

PLPBK_CASES = [
    {
        "title": "Kemitraan keberlanjutan PLPBK di Kelurahan Kebondalem, Kendal",
        "program": "plpbk",
        "place": "33.24.15.1006",
        "year_start": 2008,
        "year_end": 2016,
        "status": "published",
        "summary": "RTH Kalireyeng terus bermitra, meskipun hanya saat event tertentu.",
        "actors": {
            "bkm": (
                "BKM Kelurahan Kebondalem",
                "institution",
                "masyarakat",
                "bkm-lkm",
                "perencana",
            ),
            "pemkab": ("SKPD Kabupaten Kendal", "institution", "pemerintah", "skpd", "pendamping"),
            "sponsor": (
                "Perusahaan sponsor event",
                "institution",
                "swasta",
                "perusahaan-csr",
                "mitra",
            ),
        },
        "partnerships": [
            (
                "event",
                "Sponsor insidental saat event di RTH Kalireyeng, misalnya umbul-umbul",
                ["sponsor", "bkm"],
                "perusahaan",
                "berjalan",
                True,
            ),
            (
                "program",
                "Channeling program dan pelatihan melalui SKPD terkait",
                ["pemkab", "bkm"],
                "skpd",
                "berjalan",
                True,
            ),
        ],
        "extra_factors": [
            (
                "upaya",
                "Kemitraan RTH Kalireyeng berlanjut lewat event-event tertentu",
                "“Meskipun tidak setiap waktu hanya saat-saat event tertentu saja namun kawasan "
                "RTH kalireyeng ini terus mengalami keberlanjutan.”",
            ),
        ],
    },
    {
        "title": "Kemitraan keberlanjutan PLPBK di Kelurahan Podosugih, Pekalongan",
        "program": "plpbk",
        "place": "33.75.01.1003",
        "year_start": 2008,
        "year_end": 2016,
        "status": "published",
        "summary": "Binatur River Walk: bantuan fisik, termasuk warga yang merelakan lahannya.",
        "actors": {
            "bkm": ("BKM Kelurahan Podosugih", "institution", "masyarakat", "bkm-lkm", "perencana"),
            "pemkot": ("SKPD Kota Pekalongan", "institution", "pemerintah", "skpd", "pendamping"),
            "mandiri": ("Bank Mandiri", "institution", "swasta", "bank", "mitra"),
            "muamalat": ("Bank Muamalat", "institution", "swasta", "bank", "mitra"),
            "jamsostek": (
                "Jamsostek (BPJS Ketenagakerjaan)",
                "institution",
                "swasta",
                "perusahaan-csr",
                "mitra",
            ),
            "warga": (
                "Warga pemilik lahan Podosugih",
                "institution",
                "masyarakat",
                "warga",
                "penerima_manfaat",
            ),
        },
        "partnerships": [
            (
                "fisik",
                "Binatur River Walk: sarana-prasarana, termasuk lahan yang direlakan warga",
                ["warga", "pemkot", "bkm"],
                "skpd",
                "selesai",
                True,
            ),
            (
                "uang",
                "Dana CSR (PKBL) dari bank dan perusahaan",
                ["mandiri", "muamalat", "jamsostek", "bkm"],
                "perusahaan",
                "selesai",
                False,
            ),
        ],
        "extra_factors": [],
    },
]

PLPBK_SHARED_FACTORS = [
    (
        "penunjang",
        "Komunikasi dan koordinasi dalam kemitraan",
        "“Untuk mencapai satu suara koordinasi dan komunikasi harus berjalan baik.”",
    ),
    ("penunjang", "Kepercayaan dalam kemitraan", "Kepercayaan antarstakeholder."),
    (
        "penunjang",
        "Tim pemasaran yang mengerti konsep",
        "“Pemasaran yang mengerti konsep dapat membuat pemasaran…”",
    ),
    ("kendala", "Badan pengelola yang belum efektif", ""),
    (
        "kendala",
        "Kesulitan dana pendonor",
        "“Minimnya anggaran-anggaran untuk memberi bantuan khususnya bagi bantuan dana dari "
        "pemerintah.”",
    ),
    ("kendala", "Tidak banyak lembaga yang memberi respon", ""),
    (
        "upaya",
        "Aktif memasarkan program",
        "“Dengan aktif memasarkan program, rekan bermitra menjadi tau dan dapat ikut bermitra.”",
    ),
    ("upaya", "Memperkuat kelembagaan BKM dan tim pengelola", ""),
    ("upaya", "Konsistensi kesepakatan bersama", ""),
]

TANJUNGPINANG_OUTPUTS = [
    # Tabel 2 (Koordinator KOTAKU 2018) and Tabel 3 (Dinas Perkim 2018)
    (
        "RT002-RW006",
        "Jalan beton",
        Decimal("2002.38"),
        "m",
        "apbn",
        Decimal("19762620000.00"),
        "Tabel 2, Koordinator KOTAKU 2018",
    ),
    (
        "RT003-RW006",
        "Jalan beton",
        Decimal("760.0"),
        "m",
        "apbn",
        Decimal("3800000000.00"),
        "Tabel 2, Koordinator KOTAKU 2018",
    ),
    (
        "RT004-RW006",
        "Rehab/perbaikan rumah tidak layak huni (Aladin)",
        Decimal("21"),
        "unit",
        "apbd",
        Decimal("346500000.00"),
        "Tabel 3, Dinas Perkim 2018",
    ),
    (
        "RT003-RW006",
        "Rehab/perbaikan rumah tidak layak huni (Aladin)",
        Decimal("17"),
        "unit",
        "apbd",
        Decimal("280500000.00"),
        "Tabel 3, Dinas Perkim 2018",
    ),
    (
        "RT003-RW006",
        "Rehab/perbaikan rumah tidak layak huni",
        Decimal("15"),
        "unit",
        "apbd",
        Decimal("247500000.00"),
        "Tabel 3, Dinas Perkim 2018",
    ),
    (
        "RT003-RW006",
        "Rehab/perbaikan rumah tidak layak huni",
        Decimal("14"),
        "unit",
        "apbd",
        Decimal("231000000.00"),
        "Tabel 3, Dinas Perkim 2018",
    ),
    (
        "RT002-RW002",
        "Rehab/perbaikan rumah tidak layak huni",
        Decimal("12"),
        "unit",
        "apbd",
        Decimal("198000000.00"),
        "Tabel 3, Dinas Perkim 2018",
    ),
]

TANJUNGPINANG_SLUM_AREA = {
    "location": "Kampung Bugis",
    "area_before_ha": Decimal("18.92"),
    "year_before": 2014,
    "area_after_ha": Decimal("4.66"),
    "year_after": 2018,
    "decree": "Keputusan Walikota Tanjungpinang No. 337 Tahun 2014",
}
