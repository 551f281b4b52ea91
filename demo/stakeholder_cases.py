"""Stakeholder demo data derived from three papers.

- Irawan, Alfitri & Saptawan (2019), "Jaringan Aktor Dalam Pemberdayaan Masyarakat Pada Program
  KOTAKU di Kelurahan Pasar II Kota Prabumulih": its tables 1 and 2 (individual and
  institutional ties), the actors of its legends, and its three constraints.
- The PLPBK partnership study of Kendal and Pekalongan: in `demo.plpbk`.
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
    "method": "deskriptif kualitatif",
    "method_note": "Wawancara dengan informan pelaku program (pemerintah, swasta, pelaksana "
    "program, masyarakat), pengamatan dan dokumentasi; analisis reduksi data, penyajian data dan "
    "kesimpulan (Irawan dkk., 2019, Metode Penelitian).",
    "summary": "Relasi individu antaraktor bersifat simetris dengan ikatan kuat dan ada juga "
    "ikatan lemah; relasi antarinstitusi bersifat asimetris dengan ikatan aktor yang dominan "
    "berupa relasi kerja (Irawan dkk., 2019, abstrak).",
}

PRABUMULIH_CITATION = "Irawan dkk., 2019"

# The authors' conclusion (KESIMPULAN), paraphrased; it is the case's overall conclusion.
PRABUMULIH_CONCLUSION = (
    "Jaringan antaraktor pada implementasi program pemberdayaan KOTAKU bersifat simetris: relasi "
    "interpersonal antaraktor sangat dominan karena dibentuk melalui program pemberdayaan. "
    "Ikatan yang lemah terjadi karena para aktor hanya saling mengenal sebagai entitas sosial di "
    "masyarakat, berupa relasi kekerabatan. Relasi antaraktor dalam institusi bersifat asimetris, "
    "dengan aktor yang saling mendominasi dalam relasi antarlembaga berupa ikatan kerja. "
    "Fasilitator dominan dalam menyelesaikan siklus Program KOTAKU, meskipun harus bekerja keras "
    "mengintervensi tahapan yang seharusnya dilakukan oleh masyarakat (Irawan dkk., 2019, "
    "Kesimpulan)."
)

# (text, addressed to, source)
PRABUMULIH_RECOMMENDATIONS = [
    (
        "Jaringan kerja yang lemah perlu diperkuat inisiator dan kompetensinya oleh fasilitator "
        "sebagai pihak yang menjembatani relasi antaraktor, baik individual maupun "
        "institusional, agar hasilnya maksimal.",
        "Fasilitator Program KOTAKU",
        "Irawan dkk., 2019, Kesimpulan",
    ),
]

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
        "termin ke II sebesar 30 %.”",
        "Irawan dkk., 2019, Kesimpulan; pembahasan kendala 1",
    ),
    (
        "kendala",
        "Input kompetensi fasilitator pemberdayaan yang beragam",
        "Fasilitator bidang pemberdayaan hanya wajib lulus DIII semua jurusan.",
        "Irawan dkk., 2019, Kesimpulan; pembahasan kendala 2",
    ),
    (
        "kendala",
        "Kepentingan ego sektoral masing-masing aktor pemberdayaan",
        "“Apabila semua pihak tidak mampu melakukan kemitraan maka akan menghambat.”",
        "Irawan dkk., 2019, Kesimpulan; pembahasan kendala 3",
    ),
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
