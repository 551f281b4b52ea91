"""BAB V with an earlier round: the change in 5.1 and both rounds in the appendix, PDF and
DOCX alike; only a round the reader may open is compared with."""

from __future__ import annotations

import io

import pytest
from docx import Document

from assessments import services
from assessments.models import Case, Indicator
from reports.chapter import build_chapter
from reports.services import case_report
from tests.factories import CaseFactory, RaterFactory, UserFactory
from tests.reports.test_reports import pdf_text

pytestmark = pytest.mark.django_db


def rate(case: Case, rater, code: str, value: int) -> None:
    indicator = Indicator.objects.get(framework=case.framework, code=code)
    services.rating_upsert(case=case, rater=rater, indicator=indicator, value=value)


@pytest.fixture
def two_rounds(researcher):
    first = CaseFactory(owner=researcher, title="Kampung Bugis", year_start=2016, year_end=2016)
    rater = RaterFactory(case=first, name="Peneliti A")
    for code in ("FTF1", "FTF2", "FTF3"):
        rate(first, rater, code, 2)
    second = services.round_next_create(user=researcher, case=first, year_start=2018, year_end=2018)
    for code in ("FTF1", "FTF2", "FTF3"):
        rate(second, second.raters.get(), code, 3)
    return first, second


def test_chapter_says_what_changed_since_the_previous_round(two_rounds):
    _first, second = two_rounds
    chapter = build_chapter(second, "id")
    assert chapter.rounds_paragraph.startswith(
        "Dibandingkan putaran 2016 (Kampung Bugis, Tabel 5.1), dialog tatap muka naik dari 2,00 ("
    )
    assert "menjadi 3,00 (" in chapter.rounds_paragraph
    text, _ = pdf_text(case_report(case=second, kind="pdf").content)
    assert "Dibandingkan putaran 2016 (Kampung Bugis, Tabel 5.1), dialog tatap muka naik" in text
    assert "Tabel 5.1 Putaran 2016 dibandingkan dengan putaran 2018" in text
    document = Document(io.BytesIO(case_report(case=second, kind="docx").content))
    paragraphs = "\n".join(p.text for p in document.paragraphs)
    assert (
        "Dibandingkan putaran 2016 (Kampung Bugis, Tabel 5.1), dialog tatap muka naik" in paragraphs
    )
    assert "Tabel 5.1 Putaran 2016 dibandingkan dengan putaran 2018" in paragraphs
    cells = [[c.text for c in row.cells] for t in document.tables for row in t.rows]
    assert ["Variabel", "2016", "2018", "Perubahan"] in cells
    ftf = next(row for row in cells if row[0].startswith("FTF "))
    assert ftf[1].startswith("2,00") and ftf[2].startswith("3,00") and ftf[3] == "↑ naik"


def test_a_first_round_has_no_such_paragraph(two_rounds):
    first, _second = two_rounds
    chapter = build_chapter(first, "id")
    assert chapter.rounds_paragraph == "" and chapter.comparison is None


def test_the_reader_decides_which_earlier_round_is_compared(two_rounds):
    _first, second = two_rounds
    Case.objects.filter(pk=second.pk).update(status=Case.Status.PUBLISHED)
    stranger = UserFactory(username="lain")
    # The first round is the owner's draft: a stranger's chapter compares with nothing.
    assert build_chapter(second, "id", reader=stranger).rounds_paragraph == ""
    assert build_chapter(second, "id").rounds_paragraph
