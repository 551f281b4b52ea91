"""Demo case derived from Ismail, Putri & Winarti (2019), "Collaborative Governance dalam
Penanganan Permukiman Kumuh di Kota Tanjungpinang" (Program Studi Ilmu Pemerintahan, UMRAH).

The quotes are short excerpts from the paper. The paper concludes in prose; the ratings below are
our reading of its findings on the four-level scale, entered by two researcher raters (the paper's
first author and a second coder) so that agreement can be shown. The verdicts are not stored
anywhere: they follow from these ratings through the scoring core.
"""

from __future__ import annotations

SOURCE = "Ismail, Putri & Winarti (2019)"

CASE = {
    "title": "Collaborative governance penanganan permukiman kumuh di Kelurahan Kampung Bugis",
    "program": "kotaku",
    "place": "21.72.03.1005",  # Kampung Bugis, Tanjung Pinang Kota, Kota Tanjung Pinang
    "rt_rw": "RW 001 (RT 001–003) dan RW 006 (RT 001–004)",
    "year_start": 2018,
    "year_end": 2018,
    "framework": "ansell-gash-2008",
    "status": "published",
    "method_note": (
        "Penelitian deskriptif kualitatif; data primer dari wawancara dengan Koordinator Kota "
        "KOTAKU, Dinas Perkim, Lurah Kampung Bugis, BKM dan KSM; data sekunder dari SK Walikota "
        "Tanjungpinang No. 337 Tahun 2014 dan data kegiatan KOTAKU 2018. Sumber: " + SOURCE + "."
    ),
    "summary": (
        "Kawasan kumuh Kampung Bugis ditetapkan seluas 18,92 Ha (SK Walikota No. 337/2014) dan "
        "tersisa 4,66 Ha pada 2018. Kolaborasi melibatkan Korkot KOTAKU, Dinas Perkim, "
        "pemerintah kelurahan, BKM dan KSM."
    ),
}

RATERS = [
    {
        "key": "author",
        "name": "Baginda Raja Ismail",
        "kind": "researcher",
        "role": "Peneliti utama",
        "institution": "FISIP Universitas Maritim Raja Ali Haji",
    },
    {
        "key": "second",
        "name": "Penilai kedua (pengodean ulang)",
        "kind": "researcher",
        "role": "Pengode kedua untuk uji kesepakatan",
        "institution": "Kolaborasi (data demo)",
    },
]

# indicator: (value by author, value by second coder, source type, source detail, quote)
RATINGS = {
    "FTF1": (
        3,
        3,
        "wawancara",
        "Bagian III.1",
        "Pertemuan yang dilakukan dalam forum ini dilakukan secara rutin dan insidental "
        "sesuai dengan kebijakan masing-masing forum.",
    ),
    "FTF2": (
        2,
        2,
        "wawancara",
        "Bagian I",
        "Adanya miscommunication diantara beberapa pihak membuat kegiatan mengalami sedikit "
        "hambatan.",
    ),
    "FTF3": (
        3,
        3,
        "wawancara",
        "Bagian III.1",
        "Dibutuhkan komunikasi yang baik untuk melakukan negosiasi dalam mencapai kesepakatan "
        "melalui dialog tatap muka secara langsung.",
    ),
    "TB1": (
        3,
        3,
        "wawancara",
        "Bagian III.2",
        "Dalam membangun sebuah kepercayaan dalam proses kolaborasi, tidak lah gampang perlu "
        "waktu yang cukup lama untuk memulai.",
    ),
    "TB2": (
        3,
        2,
        "wawancara",
        "Bagian III.2",
        "Jika pimpinan tidak mampu berperan sebagai pendistribusi komitmen ... akan berdampak "
        "pada bercerai-berai dan bergerak sendiri-sendiri.",
    ),
    "TB3": (
        3,
        3,
        "wawancara",
        "Bagian III.2",
        "Dapat dibuktikan dengan saling berbagi data antara aktor-aktor yang berkolaborasi.",
    ),
    "CP1": (
        3,
        3,
        "wawancara",
        "Bagian III.3",
        "Komitmen yang dibangun adalah bagaimana kampung bugis terbebas dari lingkungan yang "
        "kumuh.",
    ),
    "CP2": (
        3,
        3,
        "dokumen",
        "Bagian I",
        "Permasalahan permukiman kumuh tidak bisa ditangani oleh satu lembaga pemerintah saja "
        "atau pemerintah itu saja.",
    ),
    "CP3": (
        3,
        4,
        "wawancara",
        "Bagian III.3",
        "Kolaborasi ini dapat memberikan kehidupan yang layak dan sehat bagi lingkungan "
        "masyarakat di kampung bugis.",
    ),
    "SU1": (
        4,
        4,
        "wawancara",
        "Bagian III.4",
        "Memiliki sebuah visi yang sama, adapun visi tersebut kampung bugis terbebas dari "
        "lingkungan yang kumuh.",
    ),
    "SU2": (
        3,
        3,
        "wawancara",
        "Bagian III.4",
        "Para aktor kolaborasi saling berbagi pemahaman terlebih dahulu dengan cara berdiskusi "
        "tentang apa yang diketahui, serta permasalahan-permasalahan lingkungan kumuh.",
    ),
    "SU3": (
        3,
        3,
        "wawancara",
        "Bagian III.4",
        "Target tersebut yakni menolkan lingkungan kumuh di kampung bugis.",
    ),
    "IO1": (
        4,
        4,
        "dokumen",
        "SK Walikota No. 337/2014; data KOTAKU 2018",
        "Pada tahun 2014 ... kawasan kumuh dikampung bugis 18,92 Ha dan pada tahun 2018 "
        "permukiman kumuh kampung bugis menjadi 4,66 Ha.",
    ),
    "IO2": (
        3,
        3,
        "dokumen",
        "Bagian III.1",
        "Dokumen rencana aksi ini lebih dikenal dengan nama lain yakni rencana tindak / action "
        "plan.",
    ),
    "IO3": (
        3,
        2,
        "observasi",
        "Bagian III.1",
        "Para aktor membahas permasalahan-permasalahan lingkungan kumuh yang berada di kampong "
        "Bugis serta melakukan sebuah pemetaan lokasi kumuh.",
    ),
}

# Narratives paraphrase the paper's conclusion (bagian IV, a–e).
CONCLUSIONS = {
    "FTF": (
        "Dialog tatap muka sering dilakukan antara koordinator KOTAKU, Dinas Perkim, pemerintah "
        "Kelurahan Kampung Bugis, BKM dan KSM, baik rutin maupun insidental; namun "
        "miscommunication antarpihak masih menghambat kegiatan."
    ),
    "TB": (
        "Kepercayaan dibangun melalui dialog dan saling berbagi data antarpemangku kepentingan; "
        "kesadaran pimpinan tiap lembaga menentukan apakah kepercayaan itu terjaga."
    ),
    "CP": (
        "Setiap pemangku kepentingan memiliki motivasi yang sama, yaitu Kampung Bugis bebas dari "
        "lingkungan kumuh, dan menuangkannya dalam kesepakatan bersama."
    ),
    "SU": (
        "Para aktor memiliki tujuan dan visi yang sama: Kampung Bugis terbebas dari lingkungan "
        "kumuh atau nol kumuh."
    ),
    "IO": (
        "Kolaborasi menghasilkan keluaran nyata: jalan beton, pelantar, perbaikan rumah tidak "
        "layak huni, dan luas kumuh turun dari 18,92 Ha (2014) menjadi 4,66 Ha (2018)."
    ),
    None: (
        "Proses kolaborasi dalam penanganan permukiman kumuh di Kampung Bugis telah berjalan "
        "melalui kelima tahap model Ansell dan Gash; komunikasi antarpihak menjadi titik yang "
        "paling perlu diperbaiki."
    ),
}

# The paper states the constraint (miscommunication) and the role of leadership; these
# recommendations follow from those findings.
RECOMMENDATIONS = [
    (
        "FTF",
        "Menetapkan jadwal forum koordinasi bulanan dan notulen bersama agar informasi kegiatan "
        "tersampaikan sama kepada semua pihak dan miscommunication berkurang.",
        "Korkot KOTAKU Kota Tanjungpinang; Dinas Perkim Kota Tanjungpinang; BKM Kampung Bugis",
    ),
    (
        "TB",
        "Pimpinan setiap lembaga menunjuk penghubung tetap dan membuka data kegiatan secara "
        "berkala untuk menjaga kepercayaan antaraktor.",
        "Dinas Perkim Kota Tanjungpinang; Lurah Kampung Bugis",
    ),
    (
        "IO",
        "Menyusun rencana penanganan sisa kawasan kumuh 4,66 Ha bersama BKM dan KSM, termasuk "
        "pemeliharaan jalan beton dan pelantar yang telah dibangun.",
        "Bappeda Kota Tanjungpinang; BKM dan KSM Kampung Bugis",
    ),
]
