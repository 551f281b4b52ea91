"""Demo case derived from Ismail, Putri & Winarti (2019), "Collaborative Governance dalam
Penanganan Permukiman Kumuh di Kota Tanjungpinang" (Program Studi Ilmu Pemerintahan, UMRAH).

The paper reports its findings per stage of the Ansell & Gash process in prose (bagian III)
and concludes on each stage (bagian IV a–e); it gives no scores and no recommendations. The
ratings below are one demo coder's reading of those findings on the four-level scale, each
next to the passage it rests on (section in `source_detail`); the verdicts follow from them
through the scoring core. Every quote is the authors' own text, attributed to the paper.
The paper writes no Saran, so the demo has none.
"""

from __future__ import annotations

SOURCE = "Ismail, Putri & Winarti (2019)"
CITATION = "Ismail dkk., 2019"

CASE = {
    "title": "Collaborative governance penanganan permukiman kumuh di Kelurahan Kampung Bugis",
    "program": "kotaku",
    "place": "21.72.03.1005",  # Kampung Bugis, Tanjung Pinang Kota, Kota Tanjung Pinang
    "rt_rw": "RW 001 (RT 001–003) dan RW 006 (RT 001–004)",
    "year_start": 2018,
    "year_end": 2018,
    "framework": "ansell-gash-2008",
    "status": "published",
    "method": "deskriptif kualitatif",
    "method_note": (
        "Penelitian deskriptif kualitatif; data primer dan sekunder dari studi kepustakaan dan "
        "studi lapangan (observasi, wawancara mendalam, dokumentasi); analisis data model Miles "
        "dan Huberman: reduksi data, penyajian data, penarikan kesimpulan (Ismail dkk., 2019, "
        "bagian II)."
    ),
    "summary": (
        "Kawasan kumuh Kampung Bugis ditetapkan seluas 18,92 Ha (SK Walikota No. 337/2014) dan "
        "tersisa 4,66 Ha pada 2018. Kolaborasi melibatkan koordinator Program KOTAKU, Dinas "
        "Perkim, pemerintah kelurahan, BKM dan KSM (Ismail dkk., 2019, bagian I dan IV)."
    ),
}

RATERS = [
    {
        "key": "coder",
        "name": "Pengode demo",
        "kind": "researcher",
        "role": "Membaca temuan Ismail dkk. (2019) pada skala empat tingkat",
        "institution": "",
    },
]

# indicator: (level, section of the paper, the authors' words the level rests on)
RATINGS = {
    "FTF1": (
        3,
        "bagian III.1",
        "Pertemuan yang dilakukan dalam forum ini dilakukan secara rutin dan insidental "
        "sesuai dengan kebijakan masing-masing forum.",
    ),
    "FTF2": (
        2,
        "bagian I",
        "Adanya miscommunication diantara beberapa pihak membuat kegiatan mengalami sedikit "
        "hambatan.",
    ),
    "FTF3": (
        3,
        "bagian III.1",
        "Bentuk komunikasi negosiasi yang terjadi antara aktor kolaborasi yaitu dengan melakukan "
        "intraksi secara tatap muka atau dialog tatap muka.",
    ),
    "TB1": (
        3,
        "bagian III.2",
        "Dalam membangun sebuah kepercayaan dalam proses kolaborasi, tidak lah gampang perlu "
        "waktu yang cukup lama untuk memulai.",
    ),
    "TB2": (
        3,
        "bagian III.2",
        "Jika pimpinan tidak mampu berperan sebagai pendistribusi komitmen ... akan berdampak "
        "pada bercerai-berai dan bergerak sendiri-sendiri.",
    ),
    "TB3": (
        3,
        "bagian III.2",
        "Dapat dibuktikan dengan saling berbagi data antara aktor-aktor yang berkolaborasi.",
    ),
    "CP1": (
        3,
        "bagian III.3",
        "Komitmen yang dibangun adalah bagaimana kampung bugis terbebas dari lingkungan yang "
        "kumuh.",
    ),
    "CP2": (
        3,
        "bagian I",
        "Permasalahan permukiman kumuh tidak bisa ditangani oleh satu lembaga pemerintah saja "
        "atau pemerintah itu saja.",
    ),
    "CP3": (
        3,
        "bagian III.3",
        "Kolaborasi ini dapat memberikan kehidupan yang layak dan sehat bagi lingkungan "
        "masyarakat di kampung bugis.",
    ),
    "SU1": (
        4,
        "bagian III.4",
        "Memiliki sebuah visi yang sama, adapun visi tersebut kampung bugis terbebas dari "
        "lingkungan yang kumuh.",
    ),
    "SU2": (
        3,
        "bagian III.4",
        "Para aktor kolaborasi saling berbagi pemahaman terlebih dahulu dengan cara berdiskusi "
        "tentang apa yang diketahui, serta permasalahan-permasalahan lingkungan kumuh.",
    ),
    "SU3": (
        3,
        "bagian III.4",
        "Target tersebut yakni menolkan lingkungan kumuh di kampung bugis.",
    ),
    "IO1": (
        4,
        "bagian I",
        "Pada tahun 2014 ... kawasan kumuh dikampung bugis 18,92 Ha dan pada tahun 2018 "
        "permukiman kumuh kampung bugis menjadi 4,66 Ha.",
    ),
    "IO2": (
        3,
        "bagian III.1",
        "Dokumen rencana aksi ini lebih dikenal dengan nama lain yakni rencana tindak / action "
        "plan.",
    ),
    "IO3": (
        3,
        "bagian III.1",
        "Para aktor membahas permasalahan-permasalahan lingkungan kumuh yang berada di kampong "
        "Bugis serta melakukan sebuah pemetaan lokasi kumuh.",
    ),
}

# Narratives paraphrase the paper's conclusion, bagian IV a–e (None: its opening paragraph).
CONCLUSIONS = {
    "FTF": (
        "Dialog tatap muka sering dilakukan dengan pihak-pihak yang terlibat, mulai dari "
        "koordinator Program KOTAKU, Dinas Perkim, pemerintah Kelurahan Kampung Bugis, BKM dan "
        "KSM (Ismail dkk., 2019, bagian IV a). Namun miscommunication di antara beberapa pihak "
        "membuat kegiatan mengalami sedikit hambatan (bagian I)."
    ),
    "TB": (
        "Selain dengan dialog tatap muka, kepercayaan dibangun dengan saling berbagi pemahaman "
        "dan data antar-stakeholder; kesadaran pimpinan masing-masing lembaga akan pentingnya "
        "kolaborasi juga diperlukan (Ismail dkk., 2019, bagian IV b)."
    ),
    "CP": (
        "Setiap stakeholder memiliki motivasi yang sama, yaitu Kampung Bugis menjadi lingkungan "
        "yang bebas dari kumuh (Ismail dkk., 2019, bagian IV c); komitmen itu dibuktikan dengan "
        "nota kesepakatan antaraktor (bagian III.3)."
    ),
    "SU": (
        "Para aktor memiliki tujuan dan visi yang sama, yaitu Kampung Bugis terbebas dari "
        "lingkungan kumuh atau nol kumuh (Ismail dkk., 2019, bagian IV d)."
    ),
    "IO": (
        "Kolaborasi menghasilkan keluaran yang nyata, seperti pembangunan pelantar, pengecatan "
        "rumah dan pembangunan rumah, yang memberikan kemanfaatan panjang bagi masyarakat "
        "Kampung Bugis (Ismail dkk., 2019, bagian IV e)."
    ),
    None: (
        "Permasalahan lingkungan kumuh ditangani dengan menginisiasi proses kolaborasi melalui "
        "Program KOTAKU, dan kolaborasi itu melewati tahap-tahap proses kolaborasi (Ismail dkk., "
        "2019, bagian IV)."
    ),
}

# The paper writes no recommendation (it ends with bagian IV, Kesimpulan).
RECOMMENDATIONS: list[tuple[str, str, str, str]] = []

# The actors the paper names (bagian III.1, III.5 and IV a), their part as it describes it.
# key: (name, kind, sector, actor type code, role, note, source)
ACTORS = {
    "korkot": (
        "Koordinator Kota KOTAKU Tanjungpinang",
        "institution",
        "pemerintah",
        "korkot",
        "pelaksana",
        "Membangun jalan beton di RT002 dan RT003 RW006 pada 2018.",
        "Ismail dkk., 2019, bagian III.1, Tabel 2",
    ),
    "perkim": (
        "Dinas Perkim Kota Tanjungpinang",
        "institution",
        "pemerintah",
        "dinas",
        "pelaksana",
        "Memperbaiki rumah tidak layak huni di RW006 dan RW002.",
        "Ismail dkk., 2019, bagian III.5, Tabel 3",
    ),
    "kelurahan": (
        "Pemerintah Kelurahan Kampung Bugis",
        "institution",
        "pemerintah",
        "lurah",
        "lainnya",
        "Mendukung kegiatan Program KOTAKU dan bergotong royong bersama masyarakat membersihkan "
        "lingkungan.",
        "Ismail dkk., 2019, bagian III.5",
    ),
    "bkm": (
        "BKM Kelurahan Kampung Bugis",
        "institution",
        "masyarakat",
        "bkm-lkm",
        "pelaksana",
        "Pelaksana program sebagai koordinator di Kampung Bugis.",
        "Ismail dkk., 2019, bagian III.5",
    ),
    "ksm": (
        "KSM Kampung Bugis",
        "institution",
        "masyarakat",
        "ksm",
        "pelaksana",
        "Melaksanakan program yang dibuat oleh KOTAKU.",
        "Ismail dkk., 2019, bagian III.5",
    ),
    "warga": (
        "Masyarakat Kampung Bugis",
        "institution",
        "masyarakat",
        "warga",
        "penerima_manfaat",
        "Bergotong royong membersihkan lingkungan kumuh bersama pemerintah kelurahan.",
        "Ismail dkk., 2019, bagian III.5",
    ),
}
