"""BAB V of every demo case, read as an examiner reads it: the findings of its paper, no
invented Saran, numbered tables and figures, foreign terms in italics, one citation style."""

from __future__ import annotations

import io
import re

import pdfplumber
import pytest
from django.test import override_settings
from docx import Document

from assessments import services as assessment_services
from assessments.models import Case, Rating, Recommendation
from demo.loader import load_demo
from reports.prose import runs, sentence
from reports.services import case_report
from stakeholders.models import Factor, Participation, Partnership
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db

# ".." (not an ellipsis), ". .", ",,", ";;", "((", "))": "dkk., 2019" is one citation, not two.
DOUBLED = re.compile(r"(?<!\.)\.\.(?!\.)|\.\s\.|,\s*,|;\s*;|\(\s*\(|\)\s*\)")


@pytest.fixture
def demo():
    with override_settings(DEBUG=True):
        load_demo(create_logins=True)
    return {
        "tanjungpinang": Case.objects.get(title__contains="Kampung Bugis"),
        "prabumulih": Case.objects.get(title__contains="Pasar II"),
        "kebondalem": Case.objects.get(title__contains="Kebondalem"),
        "podosugih": Case.objects.get(title__contains="Podosugih"),
    }


def read_pdf(case: Case, **options) -> tuple[str, list[str], list[dict]]:
    """The PDF's text on one line, its pages' texts, and its characters with their fonts."""
    content = case_report(case=case, kind="pdf", **options).content
    with pdfplumber.open(io.BytesIO(content)) as pdf:
        # A chart's labels are drawn twice (a white halo under the text): read them once.
        read = [page.dedupe_chars() for page in pdf.pages]
        pages = [page.extract_text() or "" for page in read]
        chars = [c for page in read for c in page.chars]
    text = " ".join(" ".join(pages).replace("\u00a0", " ").split())
    return text, pages, chars


def read_docx(case: Case, **options):
    document = Document(io.BytesIO(case_report(case=case, kind="docx", **options).content))
    text = " ".join(p.text for p in document.paragraphs)
    return document, " ".join(text.split())


def italic_in_pdf(chars: list[dict], word: str) -> bool:
    """Whether `word` occurs in the PDF set in an italic font, all its letters."""
    line = "".join(c["text"] for c in chars)
    for match in re.finditer(re.escape(word), line):
        letters = chars[match.start() : match.end()]
        if all("Italic" in c["fontname"] for c in letters):
            return True
    return False


def test_seed_003_its_network_findings_and_constraints_reach_the_chapter(demo):
    case = demo["prabumulih"]
    text, _pages, _chars = read_pdf(case)
    document, docx_text = read_docx(case)
    for body in (text, docx_text):
        assert "Pada tingkat individu, 10 relasi menghubungkan 7 aktor (Gambar 5.1)" in body
        assert "seluruh relasi bersifat simetris" in body
        assert "3 ikatan lemah" in body and "2 berupa relasi kekerabatan" in body
        assert "Pada tingkat institusi, 5 relasi menghubungkan 5 aktor (Gambar 5.2)" in body
        assert "2 relasi asimetris" in body
        assert "Satker PKP Kota Prabumulih mendominasi LKM Kelurahan Pasar II" in body
        assert "paling banyak menjembatani aktor lain" in body
        assert "saling mendominasi dalam relasi antarlembaga berupa ikatan kerja" in body
        assert "Fasilitator dominan" in body
        for constraint in (
            "keterlambatan pencairan anggaran Bantuan Dana Investasi (BDI)",
            "input kompetensi fasilitator pemberdayaan yang beragam",
            "kepentingan ego sektoral masing-masing aktor pemberdayaan",
        ):
            assert constraint in body
        # Its one recommendation, from its conclusion, and no other.
        assert "Saran untuk Fasilitator Program KOTAKU" in body
        assert "jaringan kerja yang lemah perlu diperkuat" in body.lower()
    assert "Gambar 5.1 Sosiogram relasi antarindividu" in text
    assert "Gambar 5.2 Sosiogram relasi antarinstitusi" in text
    assert "belum dinilai" not in text.split("LAMPIRAN")[0]  # no empty variable boilerplate
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert captions == [
        "Gambar 5.1 Sosiogram relasi antarindividu",
        "Gambar 5.2 Sosiogram relasi antarinstitusi",
    ]
    assert len(document.inline_shapes) == 2  # both sociograms, drawn from the same SVG


def test_seed_004_forms_factors_forum_csr_and_its_recommendations(demo):
    texts = {}
    for key in ("kebondalem", "podosugih"):
        text, _pages, _chars = read_pdf(demo[key])
        _document, docx_text = read_docx(demo[key])
        texts[key] = (text, docx_text)
        for body in (text, docx_text):
            for form in (
                "bantuan fisik",
                "bantuan uang",
                "bantuan non fisik berupa program",
                "bersifat insidental (event)",
            ):
                assert form in body
            assert "pengajuan proposal kepada SKPD terkait" in body
            assert "Faktor penunjangnya adalah komunikasi dan koordinasi dalam kemitraan" in body
            assert "kepercayaan dalam kemitraan dan tim pemasaran yang mengerti konsep" in body
            assert "badan pengelola yang belum efektif, kesulitan dana pendonor" in body
            assert "Upaya keberlanjutan yang telah ditempuh adalah aktif memasarkan program" in body
            assert "Tujuan kemitraan adalah meningkatkan kesejahteraan masyarakat" in body
            for whom in ("Pemerintah daerah", "Swasta", "Masyarakat"):
                assert f"Saran untuk {whom}" in body
            assert "meninjau ulang SK terkait forum CSR" in body
    kebondalem, podosugih = texts["kebondalem"][0], texts["podosugih"][0]
    assert "forum CSR Kabupaten Kendal belum berjalan" in kebondalem
    assert "forum CSR Kota Pekalongan tidak lagi terlaksana" in podosugih
    assert "Kemitraan ini berlanjut setelah program" in kebondalem  # RTH Kalireyeng
    assert "Kemitraan ini tidak tercatat berlanjut setelah program" in podosugih
    assert "Tabel 5.1 Kemitraan pemerintah, swasta dan masyarakat" in kebondalem
    assert "(Tabel 5.1)" in kebondalem


def test_seed_001_cites_the_paper_and_invents_no_saran(demo):
    case = demo["tanjungpinang"]
    text, pages, chars = read_pdf(case)
    _document, docx_text = read_docx(case)
    for body in (text, docx_text):
        assert (
            "Bab ini menyimpulkan hasil penelitian tentang Program KOTAKU (Kota Tanpa Kumuh) di "
            "Kelurahan Kampung Bugis, Kecamatan Tanjung Pinang Kota, Kota Tanjung Pinang pada "
            "tahun 2018, yang dilakukan dengan metode deskriptif kualitatif." in body
        )
        assert "(Ismail dkk., 2019, bagian III.2)" in body
        assert "wawancara" not in body.split("LAMPIRAN")[0]  # the authors' text is no interview
        assert "Baginda Raja Ismail" not in body
        assert "Peneliti belum menuliskan saran untuk kasus ini." in body
        assert "Luas kawasan kumuh Kampung Bugis berkurang dari 18,92 Ha" in body
        # One sentence per verdict, without its label in brackets after it.
        assert "Dengan demikian, dialog tatap muka sudah berjalan dengan baik, namun belum" in body
        assert "(Baik namun belum optimal)" not in body.split("LAMPIRAN")[0]
        assert "Median tingkat" not in body.split("LAMPIRAN")[0]
        assert "2 dari 5 variabel sudah berjalan secara optimal" in body
    assert "skornya digambarkan pada Gambar 5.1" in text
    assert "Gambar 5.1 Skor variabel proses kolaborasi" in text
    assert "(Tabel 5.1)" in text and "Tabel 5.1 Keluaran program" in text
    # LAMPIRAN starts a page of its own, after 5.2.
    appendix = next(n for n, page in enumerate(pages) if page.startswith("LAMPIRAN"))
    assert all("LAMPIRAN" not in page for page in pages[:appendix])
    assert text.index("5.2 Saran") < text.index("LAMPIRAN")
    assert italic_in_pdf(chars, "miscommunication")
    assert italic_in_pdf(chars, "Face-to-face dialogue")
    assert not italic_in_pdf(chars, "Dialog tatap muka")


def test_the_docx_sets_the_listed_foreign_terms_in_italic_runs(demo):
    document, _text = read_docx(demo["tanjungpinang"])
    italic = {r.text for p in document.paragraphs for r in p.runs if r.italic}
    assert {"miscommunication", "stakeholder", "small wins", "Face-to-face dialogue"} <= italic
    upright = " ".join(r.text for p in document.paragraphs for r in p.runs if not r.italic)
    assert "miscommunication" not in upright
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert captions == ["Gambar 5.1 Skor variabel proses kolaborasi", "Tabel 5.1 Keluaran program"]
    assert len(document.inline_shapes) == 1  # the radar chart


@pytest.mark.parametrize("key", ["tanjungpinang", "prabumulih", "kebondalem", "podosugih"])
def test_no_doubled_punctuation_in_any_demo_chapter(demo, key):
    for language in ("id", "en"):
        text, _pages, _chars = read_pdf(demo[key], language=language)
        _document, docx_text = read_docx(demo[key], language=language)
        for body in (text, docx_text):
            assert not DOUBLED.findall(body), DOUBLED.findall(body)


def test_the_english_chapter_has_the_same_structure(demo):
    text, _pages, _chars = read_pdf(demo["prabumulih"], language="en")
    for heading in ("CHAPTER V", "CONCLUSIONS AND RECOMMENDATIONS", "5.1 Conclusions"):
        assert heading in text
    assert "5.2 Recommendations" in text and "APPENDIX" in text
    assert "Figure 5.2 Sociogram of the ties between institutions" in text
    assert "BAB V" not in text
    document, docx_text = read_docx(demo["prabumulih"], language="en")
    assert "BAB V" not in docx_text and "Figure 5.1 Sociogram" in docx_text
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:3] == ["CHAPTER V", "CONCLUSIONS AND RECOMMENDATIONS", "5.1 Conclusions"]


def test_the_appendix_is_optional(demo, client):
    case = demo["tanjungpinang"]
    text, _pages, _chars = read_pdf(case, appendix=False)
    assert "LAMPIRAN" not in text and "Lampiran 1" not in text
    _document, docx_text = read_docx(case, appendix=False)
    assert "LAMPIRAN" not in docx_text
    client.force_login(case.owner)
    response = client.get(f"/api/v1/cases/{case.pk}/report.pdf", {"lampiran": "false"})
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_a_case_with_nothing_recorded_says_so_and_invents_nothing(researcher):
    case = CaseFactory(owner=researcher)
    text, _pages, _chars = read_pdf(case)
    assert "Kasus ini belum memuat penilaian, jaringan aktor, kemitraan maupun keluaran" in text
    assert "Peneliti belum menuliskan saran untuk kasus ini." in text
    assert "belum dinilai" not in text and not DOUBLED.findall(text)
    assert "LAMPIRAN" not in text  # nothing to append


def test_saran_group_by_whom_they_address_with_further_research(researcher):
    case = CaseFactory(owner=researcher, further_research="Meneliti peran swasta lebih dalam")
    for text, whom in (("Aktifkan forum CSR", "Pemerintah daerah"), ("Rawat RTH", "Masyarakat")):
        assessment_services.recommendation_create(case=case, text=text, addressed_to=whom)
    text, _pages, _chars = read_pdf(case)
    assert "Saran untuk Pemerintah daerah 1. Aktifkan forum CSR." in text
    assert "Saran untuk Masyarakat 1. Rawat RTH." in text
    assert "Saran untuk penelitian selanjutnya Meneliti peran swasta lebih dalam." in text


def test_every_demo_row_names_its_source_in_the_paper(demo):
    cases = list(demo.values())
    assert not Rating.objects.filter(case__in=cases, source_detail="").exists()
    for model in (Recommendation, Participation, Partnership, Factor):
        rows = model.objects.filter(case__in=cases)
        assert rows.exists() and not rows.filter(source="").exists(), model.__name__


def test_prose_rules():
    assert sentence("kalimat.") == "Kalimat." and sentence("kalimat") == "Kalimat."
    assert sentence(" dua  spasi ;") == "Dua spasi."
    assert runs("Adanya miscommunication.", "id") == [
        ("Adanya ", False),
        ("miscommunication", True),
        (".", False),
    ]
    assert runs("stakeholders-nya", "id") == [("stakeholders-nya", False)]  # whole words only
    with override_settings(REPORT_FOREIGN_TERMS={"id": ["focus group discussion"]}):
        assert ("focus group discussion", True) in runs("lewat focus group discussion", "id")


def test_the_chapter_reads_a_fixed_number_of_queries_whatever_the_case_holds(
    researcher, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from reports.chapter import build_chapter
    from stakeholders import services as stakeholder_services
    from stakeholders.models import Actor

    case = CaseFactory(owner=researcher)

    def add(n: int) -> None:
        actors = [
            Actor.objects.create(name=f"Aktor {n}-{i}", kind="institution", sector="masyarakat")
            for i in range(3)
        ]
        stakeholder_services.tie_create(
            case=case,
            source=actors[0],
            target=actors[1],
            form="kerja",
            direction="asimetris",
            dominant=actors[0],
            strength="lemah",
        )
        stakeholder_services.partnership_create(
            case=case, partners=actors, form="fisik", description=f"Bantuan {n}"
        )
        stakeholder_services.factor_create(case=case, kind="kendala", text=f"Kendala {n}")
        assessment_services.recommendation_create(case=case, text=f"Saran {n}", addressed_to="A")

    add(0)
    with CaptureQueriesContext(connection) as few:
        build_chapter(case, "id")
    for n in range(1, 12):
        add(n)
    with django_assert_max_num_queries(len(few.captured_queries)):
        chapter = build_chapter(case, "id")
    assert "Kasus ini mencatat 12 kemitraan" in " ".join(b.text for b in chapter.conclusions)
