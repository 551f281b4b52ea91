"""The chapter as PDF and DOCX, and the spreadsheets: read back as a person would."""

from __future__ import annotations

import csv
import io

import pdfplumber
import pytest
from django.test import override_settings
from docx import Document
from openpyxl import load_workbook

from assessments import services as assessment_services
from assessments.models import Case, Indicator, User
from common.spreadsheets import safe_cell
from demo.loader import load_demo
from reports.services import case_report
from tests.factories import CaseFactory, RaterFactory, UserFactory

pytestmark = pytest.mark.django_db

VERDICT_LABELS = {"Baik namun belum optimal", "Optimal"}
A4 = (595.28, 841.89)
CM = 72 / 2.54


@pytest.fixture
def demo_case():
    with override_settings(DEBUG=True):
        load_demo(create_logins=True)
    return Case.objects.get(title__contains="Kampung Bugis")


def pdf_text(content: bytes) -> tuple[str, list]:
    with pdfplumber.open(io.BytesIO(content)) as pdf:
        pages = list(pdf.pages)
        text = "\n".join(page.extract_text() or "" for page in pages)
        sizes = [(float(p.width), float(p.height)) for p in pages]
        words = [(p.page_number, p.extract_words()) for p in pages]
    return " ".join(text.replace("\u00a0", " ").split()), [sizes, words]


def test_pdf_has_the_chapter_the_verdicts_and_the_recommendations(demo_case):
    report = case_report(case=demo_case, kind="pdf")
    assert report.content_type == "application/pdf"
    text, _ = pdf_text(report.content)
    for heading in ("BAB V", "KESIMPULAN DAN SARAN", "5.1 Kesimpulan", "5.2 Saran", "LAMPIRAN"):
        assert heading in text
    for label in VERDICT_LABELS:
        assert label in text  # in the appendix's table of scores
    assert "sudah berjalan dengan baik, namun belum optimal" in text
    assert "Face-to-face dialogue" in text  # the English term beside the Indonesian name
    assert "Peneliti belum menuliskan saran untuk kasus ini" in text  # the paper has none
    assert "Rp 19.762.620.000,00" in text
    assert "(Ismail dkk., 2019, bagian III.1)" in text  # quotes cite the paper, author–year


def test_pdf_is_a4_with_the_thesis_margins_and_page_numbers(demo_case):
    _, (sizes, words) = pdf_text(case_report(case=demo_case, kind="pdf").content)
    assert all(
        w == pytest.approx(A4[0], abs=1) and h == pytest.approx(A4[1], abs=1) for w, h in sizes
    )
    assert len(sizes) >= 3
    body = [w for _, page_words in words for w in page_words if w["top"] < A4[1] - 3 * CM]
    left = min(w["x0"] for w in body)
    right = max(w["x1"] for w in body)
    top = min(w["top"] for w in body)
    assert left == pytest.approx(4 * CM, abs=2)  # 4 cm left margin
    assert right <= A4[0] - 3 * CM + 2.5  # 3 cm right margin (justified lines end on it)
    assert top >= 4 * CM - 2  # 4 cm top margin
    for number, page_words in words:  # the page number sits in the bottom margin
        footer = [w["text"] for w in page_words if w["top"] > A4[1] - 3 * CM]
        assert str(number) in footer


def test_the_chapter_in_english(demo_case):
    text, _ = pdf_text(case_report(case=demo_case, kind="pdf", language="en").content)
    assert "CONCLUSIONS AND RECOMMENDATIONS" in text
    assert "Good, but not yet optimal" in text
    assert "has run well, but not yet optimally" in text


def test_a_case_without_narratives_is_composed_from_ratings_never_empty(researcher):
    case = CaseFactory(owner=researcher)
    rater = RaterFactory(case=case, name="Peneliti A")
    for code, value in (("FTF1", 1), ("FTF2", 1), ("FTF3", 2)):
        assessment_services.rating_upsert(
            case=case,
            rater=rater,
            indicator=Indicator.objects.get(framework=case.framework, code=code),
            value=value,
            evidence=f"Catatan {code}",
            source_type="dokumen",
        )
    text, _ = pdf_text(case_report(case=case, kind="pdf").content)
    assert "Dengan demikian, dialog tatap muka belum terlaksana." in text
    assert "“Catatan FTF1” (dokumen)" in text
    assert "Yang belum dinilai: membangun kepercayaan" in text  # TB has no ratings
    assert "5.2 Saran Peneliti belum menuliskan saran untuk kasus ini." in text
    assert "Memperkuat" not in text  # no recommendation is invented


def test_user_text_is_escaped_not_rendered(researcher):
    case = CaseFactory(owner=researcher, title='<img src="http://example.com/x.png"> Judul')
    assessment_services.recommendation_create(
        case=case, text='<img src="http://example.com/y.png"> Saran'
    )
    text, _ = pdf_text(case_report(case=case, kind="pdf").content)
    assert '<img src="http://example.com/y.png"> Saran' in text  # shown as text, never fetched


def test_rendering_never_reaches_the_network():
    from reports.pdf import static_file_for, static_only_fetcher

    fetcher = static_only_fetcher()
    for url in (
        "http://example.com/x.png",
        "https://cdn.example.org/a.css",
        "file:///etc/passwd",
        "data:text/plain,x",
    ):
        assert static_file_for(url) is None
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    assert static_file_for("static/css/kolaborasi.css") is not None


def test_docx_has_real_headings_and_numbered_paragraphs(demo_case):
    report = case_report(case=demo_case, kind="docx")
    document = Document(io.BytesIO(report.content))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:4] == ["BAB V", "KESIMPULAN DAN SARAN", "5.1 Kesimpulan", "5.2 Saran"]
    assert headings[4] == "LAMPIRAN"
    numbered = [p for p in document.paragraphs if p.style.name == "List Number"]
    assert len(numbered) == 5  # five variables; the paper writes no recommendation
    text = "\n".join(p.text for p in document.paragraphs)
    cells = " ".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    for label in VERDICT_LABELS:
        assert label in cells
    assert "Peneliti belum menuliskan saran untuk kasus ini." in text
    italic = [r.text for p in numbered for r in p.runs if r.italic]
    assert "Face-to-face dialogue" in italic
    section = document.sections[0]
    assert round(section.left_margin.cm, 1) == 4.0 and round(section.right_margin.cm, 1) == 3.0


def test_each_group_of_saran_restarts_at_one_in_word(researcher):
    case = CaseFactory(owner=researcher)
    for whom in ("Pemerintah daerah", "Pemerintah daerah", "Swasta"):
        assessment_services.recommendation_create(
            case=case, text=f"Saran {whom}", addressed_to=whom
        )
    document = Document(io.BytesIO(case_report(case=case, kind="docx").content))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 3"]
    assert headings[:2] == ["Saran untuk Pemerintah daerah", "Saran untuk Swasta"]
    numbered = [p for p in document.paragraphs if p.style.name == "List Number"]
    ids = [p._p.pPr.numPr.numId.val for p in numbered]
    assert ids[0] == ids[1] != ids[2]  # one numbering per group, each starting at 1
    assert ids[0] != numbered[0].style.element.pPr.numPr.numId.val


@pytest.mark.parametrize("value", ["=SUM(A1:A9)", "+62 812", "-1+1", "@cmd", "\t=1"])
def test_formula_like_cells_are_escaped(value):
    assert safe_cell(value).startswith("'")
    assert safe_cell("Biasa") == "Biasa" and safe_cell(3) == 3


def test_spreadsheets_carry_scores_and_ratings_with_evidence(demo_case):
    rating = demo_case.ratings.first()
    rating.evidence = '=HYPERLINK("http://x","klik")'
    rating.save()
    workbook = load_workbook(io.BytesIO(case_report(case=demo_case, kind="xlsx").content))
    assert workbook.sheetnames == ["Skor", "Penilaian"]
    scores = list(workbook["Skor"].values)
    assert scores[0][:4] == ("Variabel", "Nama variabel", "Skor", "Simpulan")
    assert {row[3] for row in scores[1:]} >= VERDICT_LABELS
    ratings = list(workbook["Penilaian"].values)
    assert len(ratings) == 16  # a header and 15 indicators rated by the demo's one coder
    assert '\'=HYPERLINK("http://x","klik")' in [row[6] for row in ratings]
    content = case_report(case=demo_case, kind="csv").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    assert rows[0][-1] == "Simpulan variabel" and len(rows) == 16
    assert all(not cell.startswith("=") for row in rows for cell in row)


def test_report_endpoints_follow_the_case_rules(client, demo_case):
    owner = demo_case.owner
    draft = CaseFactory(owner=owner)
    client.force_login(UserFactory(username="pokja", role=User.Role.POKJA))
    assert client.get(f"/api/v1/cases/{draft.pk}/report.pdf").status_code == 404
    response = client.get(f"/api/v1/cases/{demo_case.pk}/report.docx", {"lang": "en"})
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('-en.docx"')
    assert client.get(f"/api/v1/cases/{demo_case.pk}/export.csv", {"lang": "xx"}).status_code == 400
    refused = client.get(f"/api/v1/cases/{demo_case.pk}/report.pdf", {"lampiran": "maybe"})
    assert refused.status_code == 400 and "lampiran" in refused.json()
    client.logout()
    assert client.get(f"/api/v1/cases/{demo_case.pk}/report.pdf").status_code == 401


def test_control_characters_in_user_text_do_not_break_word_or_excel(researcher):
    case = CaseFactory(owner=researcher, title="Judul\x01 dengan\x0b kontrol")
    assessment_services.recommendation_create(case=case, text="Saran\x01 dengan\x0b kontrol")
    for kind in ("docx", "xlsx", "pdf", "csv"):
        assert case_report(case=case, kind=kind).content
    document = Document(io.BytesIO(case_report(case=case, kind="docx").content))
    assert "Saran dengan kontrol." in "\n".join(p.text for p in document.paragraphs)
