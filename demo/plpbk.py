"""Demo data of the PLPBK partnership study of Kabupaten Kendal and Kota Pekalongan
(Kelurahan Kebondalem and Kelurahan Podosugih): partnership forms, processes, aims,
supporting factors, constraints, sustainability efforts and recommendations.

The paper reports most findings for its six locations together: each case here carries the
shared ones and only the partnerships and Forum CSR status the paper names for that place.
"""

from __future__ import annotations

PLPBK_SOURCE = "Studi kemitraan PLPBK Kabupaten Kendal dan Kota Pekalongan"
PLPBK_CITATION = "Studi kemitraan PLPBK Kendal–Pekalongan"

# The paper's findings for all six locations together (bagian 4, Kesimpulan 1–4), paraphrased:
# each PLPBK case's overall conclusion.
PLPBK_CONCLUSION = (
    "Semua program PLPBK di Kota Pekalongan dan Kabupaten Kendal dimitrakan, dengan BKM dan "
    "masyarakat sebagai perencana, pemerintah sebagai pendamping dan swasta sebagai rekan "
    "bermitra. Bentuk kemitraan terbagi empat: bantuan fisik, bantuan uang, bantuan non fisik "
    "berupa program, dan bantuan non fisik yang bersifat insidental (event). Prosesnya terbagi "
    "dua: pengajuan proposal kepada SKPD terkait, yang lebih pasti karena sudah ada channeling, "
    "dan pengajuan proposal kepada swasta, yang tidak pasti. Kemitraan antara pemerintah dan "
    "masyarakat cenderung berlanjut karena pemerintah ikut dari awal perencanaan, sedangkan "
    "kemitraan dengan swasta tidak terus terjadi dan hanya memanfaatkan event tertentu "
    f"({PLPBK_CITATION}, bagian 4)."
)

PLPBK_ROLES_SOURCE = f"{PLPBK_CITATION}, bagian 4, Kesimpulan 1"

PLPBK_CASES = [
    {
        "title": "Kemitraan keberlanjutan PLPBK di Kelurahan Kebondalem, Kendal",
        "program": "plpbk",
        "place": "33.24.15.1006",
        "year_start": 2008,
        "year_end": 2016,
        "status": "published",
        "method": "kualitatif",
        "summary": "RTH Kalireyeng terus bermitra, meskipun hanya saat event tertentu "
        f"({PLPBK_CITATION}, bagian 3).",
        # key: (name, kind, sector, actor type code, role)
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
        # (form, description, partners, process, status, continued, source)
        "partnerships": [
            (
                "event",
                "Kemitraan dengan pihak swasta maupun pemerintah melalui event-event tertentu "
                "di RTH Kalireyeng",
                ["sponsor", "pemkab", "bkm"],
                "",
                "berjalan",
                True,
                f"{PLPBK_CITATION}, bagian 3, Analisis Upaya Keberlanjutan Kemitraan dan "
                "Lessons Learn",
            ),
        ],
        "extra_factors": [
            (
                "upaya",
                "BKM aktif mempromosikan program dan menjalin kemitraan dengan pemerintah dan "
                "swasta",
                "“Sampai saat ini kemitraan di Kelurahan Kebondalem terus berjalan walaupun "
                "hanya saat event — event tertentu karena memang BKM nya aktif dalam "
                "mempromosikan.”",
                f"{PLPBK_CITATION}, bagian 3, Lessons Learn",
            ),
            (
                "kendala",
                "Forum CSR Kabupaten Kendal belum berjalan karena lambatnya keaktifan forum",
                "“Di Kabupaten Kendal memang forum CSR tersebut belum berjalan karena lambatnya "
                "keaktifan forum sendiri.”",
                f"{PLPBK_CITATION}, bagian 3, pelaksanaan CSR",
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
        "method": "kualitatif",
        "summary": "Binatur River Walk: bantuan fisik, termasuk warga yang merelakan lahannya "
        f"({PLPBK_CITATION}, bagian 3).",
        "actors": {
            "bkm": ("BKM Kelurahan Podosugih", "institution", "masyarakat", "bkm-lkm", "perencana"),
            "pemkot": ("SKPD Kota Pekalongan", "institution", "pemerintah", "skpd", "pendamping"),
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
                "Binatur River Walk: sebagian warga merelakan lahannya untuk digunakan dalam "
                "program",
                ["warga", "bkm"],
                "",
                "selesai",
                False,
                f"{PLPBK_CITATION}, bagian 3, Analisis Bentuk-Bentuk Kemitraan",
            ),
        ],
        "extra_factors": [
            (
                "kendala",
                "Forum CSR Kota Pekalongan tidak lagi terlaksana karena SK-nya sudah tidak berlaku",
                "“Seperti di Kota Pekalongan forum CSR tidak lagi terlaksana karena SK sudah "
                "tidak berlaku lagi.”",
                f"{PLPBK_CITATION}, bagian 3, pelaksanaan CSR",
            ),
        ],
    },
]

# (kind, text, evidence, source): found for all six locations together.
PLPBK_SHARED_FACTORS = [
    (
        "tujuan",
        "Meningkatkan kesejahteraan masyarakat",
        "",
        f"{PLPBK_CITATION}, bagian 4, Kesimpulan 2",
    ),
    ("tujuan", "Menjawab permasalahan pendanaan", "", f"{PLPBK_CITATION}, bagian 4, Kesimpulan 2"),
    (
        "tujuan",
        "Menumbuhkan kepedulian terhadap kegiatan lingkungan",
        "",
        f"{PLPBK_CITATION}, bagian 4, Kesimpulan 2",
    ),
    ("tujuan", "Agar berkelanjutan dan efektif", "", f"{PLPBK_CITATION}, bagian 4, Kesimpulan 2"),
    (
        "penunjang",
        "Komunikasi dan koordinasi dalam kemitraan",
        "“Untuk mencapai satu suara koordinasi dan komunikasi harus berjalan baik.”",
        f"{PLPBK_CITATION}, bagian 3, Analisis Faktor Penunjang dan Kendala",
    ),
    (
        "penunjang",
        "Kepercayaan dalam kemitraan",
        "“Kemitraan dapat berjalan baik jika ada kepercayaan antar stakeholder.”",
        f"{PLPBK_CITATION}, bagian 3, Analisis Faktor Penunjang dan Kendala",
    ),
    (
        "penunjang",
        "Tim pemasaran yang mengerti konsep",
        "“Pemasaran yang mengerti konsep dapat membuat pemasaran program menjadi menarik.”",
        f"{PLPBK_CITATION}, bagian 3, Analisis Faktor Penunjang dan Kendala",
    ),
    (
        "kendala",
        "Badan pengelola yang belum efektif",
        "",
        f"{PLPBK_CITATION}, bagian 4, Kesimpulan 3",
    ),
    (
        "kendala",
        "Kesulitan dana pendonor",
        "“Minimnya anggaran-anggaran untuk memberi bantuan khususnya bagi bantuan dana dari "
        "pemerintah.”",
        f"{PLPBK_CITATION}, bagian 3, Analisis Faktor Penunjang dan Kendala",
    ),
    (
        "kendala",
        "Tidak banyak lembaga yang memberi respon",
        "",
        f"{PLPBK_CITATION}, bagian 4, Kesimpulan 3",
    ),
    (
        "upaya",
        "Aktif memasarkan program",
        "“Dengan aktif memasarkan program, rekan bermitra menjadi tau dan dapat ikut bermitra.”",
        f"{PLPBK_CITATION}, bagian 3, Analisis Upaya Keberlanjutan Kemitraan",
    ),
    (
        "upaya",
        "Memperkuat kelembagaan BKM dan tim pengelola",
        "",
        f"{PLPBK_CITATION}, bagian 4, Kesimpulan 4",
    ),
    ("upaya", "Konsistensi kesepakatan bersama", "", f"{PLPBK_CITATION}, bagian 4, Kesimpulan 4"),
]

_REKOMENDASI = f"{PLPBK_CITATION}, bagian 4, Rekomendasi"

# (text, addressed to, source): the paper's recommendations for the six locations.
PLPBK_RECOMMENDATIONS = [
    (
        "Pemerintah daerah perlu terlibat aktif tidak hanya sampai pembangunan, tetapi juga "
        "dalam perawatan program untuk keberlanjutannya.",
        "Pemerintah daerah",
        f"{_REKOMENDASI} untuk Pemerintah Daerah 1",
    ),
    (
        "Pemerintah meninjau ulang SK terkait forum CSR agar forum CSR dapat aktif kembali.",
        "Pemerintah daerah",
        f"{_REKOMENDASI} untuk Pemerintah Daerah 2",
    ),
    (
        "Membangun komunikasi dan koordinasi antara pemerintah dan swasta, salah satunya dalam "
        "pengawasan forum CSR yang sudah dibentuk.",
        "Pemerintah daerah",
        f"{_REKOMENDASI} untuk Pemerintah Daerah 3",
    ),
    (
        "Keterlibatan swasta yang hanya berupa bantuan insidental untuk memenuhi persyaratan CSR "
        "dan pengajuan proposal yang tidak pasti perlu diperbaiki.",
        "Swasta",
        f"{_REKOMENDASI} untuk Swasta 1",
    ),
    (
        "Swasta sebaiknya lebih terbuka memberi informasi untuk kepentingan studi.",
        "Swasta",
        f"{_REKOMENDASI} untuk Swasta 2",
    ),
    (
        "Swasta sebaiknya memiliki program kemitraan yang berkelanjutan, bukan hanya sekali "
        "memberi bantuan.",
        "Swasta",
        f"{_REKOMENDASI} untuk Swasta 3",
    ),
    (
        "Tim pengelola dan pemasaran diikutsertakan sejak awal perencanaan, dan keefektifan "
        "kinerja badan pengelola ditingkatkan.",
        "Masyarakat",
        f"{_REKOMENDASI} untuk Masyarakat 1",
    ),
    (
        "Konsistensi terhadap kesepakatan bersama yang telah dibuat perlu ditingkatkan.",
        "Masyarakat",
        f"{_REKOMENDASI} untuk Masyarakat 2",
    ),
    (
        "Masyarakat lebih aktif merawat dan menjaga apa yang sudah dibangun bersama.",
        "Masyarakat",
        f"{_REKOMENDASI} untuk Masyarakat 3",
    ),
    (
        "Keaktifan tim pemasaran dalam mempromosikan program ditingkatkan agar kemitraan dengan "
        "pihak luar dapat dijalin.",
        "Masyarakat",
        f"{_REKOMENDASI} untuk Masyarakat, paragraf penutup",
    ),
]
