"""Programs, the default scale and the Ansell & Gash frameworks shipped with Kolaborasi."""

from __future__ import annotations

from typing import Any

from .installing import GetModel

PROGRAMS: list[dict[str, Any]] = [
    {
        "code": "kotaku",
        "name": "KOTAKU (Kota Tanpa Kumuh)",
        "ministry": "Kementerian PUPR, Direktorat Jenderal Cipta Karya",
        "start_year": 2016,
        "description": (
            "Program nasional penanganan permukiman kumuh perkotaan, penerus PNPM Mandiri "
            "Perkotaan/P2KP. Lokasi kumuh ditetapkan dengan SK Kumuh kepala daerah; indikator "
            "kekumuhan: bangunan gedung, jalan lingkungan, air minum, drainase, air limbah, "
            "persampahan, proteksi kebakaran."
        ),
    },
    {
        "code": "plpbk",
        "name": "PLPBK (Penataan Lingkungan Permukiman Berbasis Komunitas)",
        "ministry": "Kementerian PU, PNPM Mandiri Perkotaan",
        "start_year": 2008,
        "description": (
            "Penataan lingkungan permukiman berbasis komunitas. Siklus: persiapan, perencanaan "
            "dan pemasaran sosial, pelaksanaan pembangunan, keberlanjutan."
        ),
    },
    {
        "code": "penanggulangan-kemiskinan",
        "name": "Penanggulangan Kemiskinan Daerah",
        "ministry": "Pemerintah daerah (TKPKD)",
        "start_year": None,
        "description": (
            "Penanggulangan kemiskinan daerah yang dikoordinasikan Tim Koordinasi "
            "Penanggulangan Kemiskinan Daerah (TKPKD)."
        ),
    },
]

DEFAULT_SCALE_CODE = "kolaborasi-4"
DEFAULT_SCALE: dict[str, Any] = {
    "code": DEFAULT_SCALE_CODE,
    "name": "Skala empat tingkat (Belum terlaksana – Optimal)",
    "levels": [
        (
            1,
            "belum_terlaksana",
            "Belum terlaksana",
            "Not yet implemented",
            "Praktik yang dimaksud indikator belum ditemukan dalam wawancara, dokumen maupun "
            "observasi.",
            "The practice the indicator describes was not found in interviews, documents or "
            "observation.",
        ),
        (
            2,
            "kurang_baik",
            "Terlaksana namun kurang baik",
            "Implemented, but poorly",
            "Praktik ada, tetapi jarang, tidak merata antarpemangku kepentingan, atau tidak "
            "berdampak.",
            "The practice exists but is rare, uneven across stakeholders, or without effect.",
        ),
        (
            3,
            "baik_belum_optimal",
            "Baik namun belum optimal",
            "Good, but not yet optimal",
            "Praktik berjalan baik dan diakui para pihak, namun masih ada kendala atau pihak "
            "yang belum terlibat.",
            "The practice works and the parties recognise it, but constraints remain or some "
            "parties are not yet involved.",
        ),
        (
            4,
            "optimal",
            "Optimal",
            "Optimal",
            "Praktik berjalan rutin, melibatkan semua pihak, dan didukung bukti yang kuat.",
            "The practice is routine, involves every party and is backed by strong evidence.",
        ),
    ],
}

ANSELL_GASH_CITATION = (
    "Ansell, C., & Gash, A. (2008). Collaborative Governance in Theory and Practice. "
    "Journal of Public Administration Research and Theory, 18(4), 543–571. "
    "https://doi.org/10.1093/jopart/mum032"
)

# (code, name_id, name_en, description, [(code, name_id, name_en, description), ...])
PROCESS_VARIABLES = [
    (
        "FTF",
        "Dialog tatap muka",
        "Face-to-face dialogue",
        "Pertemuan langsung para pemangku kepentingan untuk berkomunikasi dan bernegosiasi.",
        [
            (
                "FTF1",
                "Komunikasi rutin",
                "Routine communication",
                "Forum atau pertemuan berlangsung secara teratur.",
            ),
            (
                "FTF2",
                "Kualitas komunikasi",
                "Quality of communication",
                "Komunikasi jelas, dua arah, dan tanpa salah paham yang menghambat.",
            ),
            (
                "FTF3",
                "Negosiasi dengan itikad baik",
                "Good-faith negotiation",
                "Perbedaan kepentingan dirundingkan secara terbuka untuk mencapai kesepakatan.",
            ),
        ],
    ),
    (
        "TB",
        "Membangun kepercayaan",
        "Trust building",
        "Proses jangka panjang saling percaya antara aktor kolaborasi.",
        [
            (
                "TB1",
                "Saling menerima",
                "Mutual acceptance",
                "Para pihak menerima keberadaan dan peran satu sama lain.",
            ),
            (
                "TB2",
                "Tanggung jawab atas tugas",
                "Responsibility for tasks",
                "Setiap pihak menjalankan tugas yang disepakati.",
            ),
            (
                "TB3",
                "Keterbukaan informasi",
                "Openness of information",
                "Data dan informasi dibagikan antarpihak.",
            ),
        ],
    ),
    (
        "CP",
        "Komitmen pada proses",
        "Commitment to the process",
        "Motivasi dan kesediaan para pihak untuk terus terlibat dalam kolaborasi.",
        [
            (
                "CP1",
                "Rasa memiliki proses",
                "Ownership of the process",
                "Para pihak merasa proses kolaborasi adalah milik bersama.",
            ),
            (
                "CP2",
                "Pengakuan saling ketergantungan",
                "Mutual recognition of interdependence",
                "Para pihak mengakui bahwa tujuan tidak tercapai sendirian.",
            ),
            (
                "CP3",
                "Keterbukaan terhadap keuntungan bersama",
                "Openness to mutual gains",
                "Para pihak terbuka terhadap hasil yang menguntungkan semua.",
            ),
        ],
    ),
    (
        "SU",
        "Pemahaman bersama",
        "Shared understanding",
        "Kesamaan visi, misi, definisi masalah dan nilai di antara para pihak.",
        [
            ("SU1", "Misi bersama", "Shared mission", "Visi dan misi yang sama dirumuskan."),
            (
                "SU2",
                "Definisi masalah bersama",
                "Common problem definition",
                "Para pihak sepakat tentang masalah yang dihadapi.",
            ),
            (
                "SU3",
                "Nilai-nilai bersama",
                "Shared values",
                "Para pihak berpegang pada nilai yang sama.",
            ),
        ],
    ),
    (
        "IO",
        "Dampak sementara",
        "Intermediate outcomes",
        "Hasil nyata jangka pendek dari kolaborasi.",
        [
            (
                "IO1",
                "Hasil capaian sementara (small wins)",
                "Small wins",
                "Keluaran nyata jangka pendek yang dirasakan masyarakat.",
            ),
            (
                "IO2",
                "Rencana strategis bersama",
                "Joint strategic plan",
                "Dokumen rencana yang disusun bersama.",
            ),
            (
                "IO3",
                "Temuan fakta bersama",
                "Joint fact-finding",
                "Data dan fakta dikumpulkan atau dipetakan bersama.",
            ),
        ],
    ),
]

# The rest of the model, for the "full" framework. Codes: SC (starting conditions), ID
# (institutional design), FL (facilitative leadership); documented in README.
CONTEXT_VARIABLES = [
    (
        "SC",
        "Kondisi awal",
        "Starting conditions",
        "Kondisi sebelum kolaborasi yang mendorong atau menghambatnya.",
        [
            (
                "SC1",
                "Ketimpangan kekuasaan, sumber daya dan pengetahuan",
                "Power, resource and knowledge asymmetries",
                "Seberapa setara kemampuan para pihak untuk ikut serta.",
            ),
            (
                "SC2",
                "Insentif dan hambatan partisipasi",
                "Incentives for and constraints on participation",
                "Alasan para pihak ikut atau tidak ikut berkolaborasi.",
            ),
            (
                "SC3",
                "Riwayat kerja sama atau konflik",
                "Prehistory of cooperation or conflict",
                "Pengalaman kerja sama atau konflik sebelumnya.",
            ),
        ],
    ),
    (
        "ID",
        "Desain kelembagaan",
        "Institutional design",
        "Aturan dasar dan tata kelola forum kolaborasi.",
        [
            (
                "ID1",
                "Inklusivitas partisipasi",
                "Participatory inclusiveness",
                "Semua pemangku kepentingan yang relevan dilibatkan.",
            ),
            (
                "ID2",
                "Eksklusivitas forum",
                "Forum exclusiveness",
                "Forum kolaborasi menjadi satu-satunya arena keputusan.",
            ),
            (
                "ID3",
                "Aturan dasar yang jelas",
                "Clear ground rules",
                "Aturan main forum jelas dan disepakati.",
            ),
            (
                "ID4",
                "Transparansi proses",
                "Process transparency",
                "Proses dan keputusan forum terbuka.",
            ),
        ],
    ),
    (
        "FL",
        "Kepemimpinan fasilitatif",
        "Facilitative leadership",
        "Kepemimpinan yang mempertemukan para pihak dan menjaga proses.",
        [
            (
                "FL1",
                "Menetapkan dan menjaga aturan main",
                "Setting and maintaining ground rules",
                "Pemimpin menetapkan dan menegakkan aturan forum.",
            ),
            (
                "FL2",
                "Memfasilitasi dialog dan membangun kepercayaan",
                "Facilitating dialogue and building trust",
                "Pemimpin menjembatani komunikasi antarpihak.",
            ),
            (
                "FL3",
                "Memberdayakan pemangku kepentingan",
                "Empowering stakeholders",
                "Pemimpin memperkuat pihak yang lemah agar setara.",
            ),
        ],
    ),
]

FRAMEWORKS = [
    {
        "code": "ansell-gash-2008",
        "name": "Ansell & Gash (2008) — proses kolaborasi",
        "version": "2008",
        "variables": PROCESS_VARIABLES,
    },
    {
        "code": "ansell-gash-2008-full",
        "name": "Ansell & Gash (2008) — model lengkap",
        "version": "2008",
        "variables": CONTEXT_VARIABLES + PROCESS_VARIABLES,
    },
]


def install_programs(get_model: GetModel) -> None:
    Program = get_model("assessments", "Program")
    for program in PROGRAMS:
        Program.objects.update_or_create(
            code=program["code"], defaults={k: v for k, v in program.items() if k != "code"}
        )


def install_default_scale(get_model: GetModel) -> Any:
    Scale = get_model("assessments", "Scale")
    ScaleLevel = get_model("assessments", "ScaleLevel")
    scale, _ = Scale.objects.update_or_create(
        code=DEFAULT_SCALE["code"], defaults={"name": DEFAULT_SCALE["name"]}
    )
    for value, code, label_id, label_en, descriptor_id, descriptor_en in DEFAULT_SCALE["levels"]:
        ScaleLevel.objects.update_or_create(
            scale=scale,
            value=value,
            defaults={
                "code": code,
                "label_id": label_id,
                "label_en": label_en,
                "descriptor_id": descriptor_id,
                "descriptor_en": descriptor_en,
            },
        )
    return scale


def install_frameworks(get_model: GetModel) -> None:
    Framework = get_model("assessments", "Framework")
    Variable = get_model("assessments", "Variable")
    Indicator = get_model("assessments", "Indicator")
    scale = install_default_scale(get_model)
    for definition in FRAMEWORKS:
        framework, _ = Framework.objects.update_or_create(
            code=definition["code"],
            defaults={
                "name": definition["name"],
                "citation": ANSELL_GASH_CITATION,
                "version": definition["version"],
                "scale": scale,
                "owner": None,
            },
        )
        for v_order, (v_code, v_id, v_en, v_desc, indicators) in enumerate(
            definition["variables"], start=1
        ):
            variable, _ = Variable.objects.update_or_create(
                framework=framework,
                code=v_code,
                defaults={
                    "name_id": v_id,
                    "name_en": v_en,
                    "description": v_desc,
                    "order": v_order,
                },
            )
            for i_order, (i_code, i_id, i_en, i_desc) in enumerate(indicators, start=1):
                Indicator.objects.update_or_create(
                    framework=framework,
                    code=i_code,
                    defaults={
                        "variable": variable,
                        "name_id": i_id,
                        "name_en": i_en,
                        "description": i_desc,
                        "order": i_order,
                    },
                )


def install_reference_data(get_model: GetModel) -> None:
    install_programs(get_model)
    install_frameworks(get_model)
