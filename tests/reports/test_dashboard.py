"""The Pokja dashboard: aggregates of the stored results, never beyond what the user may open."""

from __future__ import annotations

import io

import openpyxl
import pdfplumber
import pytest
from django.urls import reverse

from assessments import services
from assessments.models import Case, Indicator, User
from reports.dashboard import Counts
from tests.factories import CaseFactory, RaterFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("by_level", "median"),
    [
        ({}, None),
        ({None: 3}, None),
        ({2: 1}, 2),
        ({1: 1, 2: 1, 3: 2}, 2),  # 1, 2, 3, 3: the lower middle
        ({1: 1, 3: 2, None: 5}, 3),  # not assessed is left out
        ({4: 2, 1: 1}, 4),
    ],
)
def test_the_median_level_comes_from_the_counts(by_level, median):
    assert Counts(by_level).median == median


@pytest.mark.parametrize(
    ("scores", "median"),
    [
        ({}, None),
        ({2.5: 1}, 2.5),
        ({1.0: 1, 3.0: 1}, 2.0),  # even: the mean of the two middle ones
        ({1.0: 2, 2.0: 1, 4.0: 1}, 1.5),
        ({1.0: 1, 2.0: 3, 4.0: 1}, 2.0),
    ],
)
def test_the_median_score_comes_from_the_counts_per_score(scores, median):
    assert Counts(scores=scores).median_score == median


def rated(case: Case, value: int) -> Case:
    """Every indicator of the case rated `value` by one rater."""
    rater = RaterFactory.create(case=case)
    for indicator in Indicator.objects.filter(framework=case.framework):
        services.rating_upsert(case=case, rater=rater, indicator=indicator, value=value)
    return case


@pytest.fixture
def places():
    """Two kelurahan in Kota Tanjungpinang (two kecamatan) and one in Kota Bukittinggi."""
    return {
        "bugis": services.place_ensure(code="21.72.03.1005"),
        "tanjung": services.place_ensure(code="21.72.01.1001"),
        "bukittinggi": services.place_ensure(code="13.75.01.1001"),
    }


@pytest.fixture
def world(researcher, places):
    published = Case.Status.PUBLISHED
    return {
        "bugis_low": rated(
            CaseFactory(owner=researcher, place=places["bugis"], status=published), 1
        ),
        "bugis_high": rated(
            CaseFactory(owner=researcher, place=places["bugis"], status=published), 4
        ),
        "tanjung": rated(
            CaseFactory(owner=researcher, place=places["tanjung"], status=published), 3
        ),
        "elsewhere": rated(
            CaseFactory(owner=researcher, place=places["bukittinggi"], status=published), 2
        ),
        "draft": rated(CaseFactory(owner=researcher, place=places["bugis"]), 1),
    }


@pytest.fixture
def pokja_tanjungpinang(places):
    pokja = UserFactory(username="pokja-tpi", role=User.Role.POKJA)
    pokja.places.set([services.place_ensure(code="21.72")])
    return pokja


def test_a_pokja_viewer_counts_only_published_cases_in_their_city(
    client, world, pokja_tanjungpinang
):
    client.force_login(pokja_tanjungpinang)
    board = client.get("/api/v1/dashboard/").json()
    # Their one place is their starting scope; its rows are its kecamatan.
    assert board["place"] == "21.72"
    assert board["cases"] == 3
    assert {row["place"] for row in board["heatmap"]} == {"21.72.01", "21.72.03"}
    national = client.get("/api/v1/dashboard/", {"place": ""}).json()
    assert national["cases"] == 3
    assert [row["place"] for row in national["heatmap"]] == ["21"]
    other_city = client.get("/api/v1/dashboard/", {"place": "13.75"}).json()
    assert other_city["cases"] == 0 and other_city["heatmap"] == []


def test_heatmap_cells_hold_the_level_counts_and_their_median(client, world, researcher):
    client.force_login(researcher)
    board = client.get("/api/v1/dashboard/", {"place": "21.72.03"}).json()
    # The researcher also sees their own draft: three cases in Kampung Bugis.
    assert board["cases"] == 3
    [bugis] = board["heatmap"]
    assert bugis["place"] == "21.72.03.1005" and bugis["cases"] == 3
    ftf = bugis["cells"][0]
    assert ftf["levels"] == {"1": 2, "4": 1} and ftf["median_level"] == 1
    assert board["distribution"][0]["levels"] == {"1": 2, "4": 1}
    assert board["weakest_indicators"][0]["mean_score"] == pytest.approx(2.0)
    assert board["agreement"]["not_computable"] == 3 and board["complete"] == 3


def test_the_page_drills_from_city_to_kecamatan_to_the_case_list(client, world, researcher):
    client.force_login(researcher)
    city = client.get(reverse("dashboard"), {"place": "21.72"}).content.decode()
    assert "?place=21.72.03" in city and "Bukittinggi" not in city
    kecamatan = client.get(reverse("dashboard"), {"place": "21.72.03"}).content.decode()
    assert f"{reverse('home')}?place=21.72.03.1005" in kecamatan
    listed = client.get(reverse("home"), {"place": "21.72.03.1005"}).content.decode()
    assert listed.count("data-verdict") == 3


def test_a_case_sited_at_the_city_itself_is_a_row_apart_in_the_city_view(client, world, researcher):
    city = services.place_ensure(code="21.72")
    rated(CaseFactory(owner=researcher, place=city, status=Case.Status.PUBLISHED), 2)
    client.force_login(researcher)
    board = client.get("/api/v1/dashboard/", {"place": "21.72"}).json()
    rows = {row["place"]: row for row in board["heatmap"]}
    assert set(rows) == {"21.72", "21.72.01", "21.72.03"}
    assert rows["21.72"]["whole"] and rows["21.72"]["cases"] == 1
    assert not rows["21.72.03"]["whole"]
    page = client.get(reverse("dashboard"), {"place": "21.72"}).content.decode()
    # Not a link back to the city's own view.
    assert 'href="?place=21.72"' not in page and "seluruh wilayah" in page
    national = client.get("/api/v1/dashboard/", {"place": ""}).json()
    assert [(r["place"], r["whole"]) for r in national["heatmap"]] == [
        ("13", False),
        ("21", False),
    ]


def test_a_weak_indicator_opens_its_cases_weakest_first_with_their_evidence(
    client, world, pokja_tanjungpinang, django_assert_max_num_queries
):
    case = world["bugis_low"]
    indicator = Indicator.objects.get(framework=case.framework, code="FTF1")
    rater = case.raters.get()
    services.rating_upsert(
        case=case,
        rater=rater,
        indicator=indicator,
        value=1,
        evidence="Warga jarang diajak rapat",
        source_type="wawancara",
        source_detail="Ketua BKM",
    )
    client.force_login(pokja_tanjungpinang)
    board = client.get(reverse("dashboard")).content.decode()
    assert f"{reverse('dashboard-indicator', args=['FTF1'])}?place=21.72" in board
    with django_assert_max_num_queries(12):
        page = client.get(reverse("dashboard-indicator", args=["FTF1"]), {"place": "21.72"})
    text = page.content.decode()
    # The three published cases of Tanjungpinang, the weakest first; never the draft nor
    # Bukittinggi.
    order = [text.index(f'id="case-{world[k].pk}"') for k in ("bugis_low", "tanjung", "bugis_high")]
    assert order == sorted(order)
    assert f'id="case-{world["draft"].pk}"' not in text
    assert f'id="case-{world["elsewhere"].pk}"' not in text
    assert "Warga jarang diajak rapat" in text and "Ketua BKM" in text
    assert client.get(reverse("dashboard-indicator", args=["NOPE"])).status_code == 404
    bad = client.get(reverse("dashboard-indicator", args=["FTF1"]), {"year_from": "x"})
    assert bad.status_code == 400


def test_dashboard_queries_do_not_grow_with_the_cases(
    client, researcher, places, django_assert_max_num_queries
):
    client.force_login(researcher)
    rated(CaseFactory(owner=researcher, place=places["bugis"]), 2)
    with django_assert_max_num_queries(30) as few:
        client.get(reverse("dashboard"))
    with django_assert_max_num_queries(len(few.captured_queries)) as few_api:
        client.get("/api/v1/dashboard/")
    for code in ("bugis", "tanjung", "bukittinggi"):
        for value in (1, 3):
            rated(CaseFactory(owner=researcher, place=places[code], year_end=2019), value)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(reverse("dashboard")).status_code == 200
    with django_assert_max_num_queries(len(few_api.captured_queries)):
        assert client.get("/api/v1/dashboard/").json()["cases"] == 7


def test_signing_in_leads_a_pokja_viewer_to_the_dashboard(client, pokja_tanjungpinang):
    client.force_login(pokja_tanjungpinang)
    assert client.get(reverse("landing"))["Location"] == reverse("dashboard")
    client.force_login(UserFactory(username="peneliti-lain"))
    assert client.get(reverse("landing"))["Location"] == reverse("home")


def test_bad_filters_are_refused_with_a_message(client, researcher):
    client.force_login(researcher)
    page = client.get(reverse("dashboard"), {"year_from": "2020", "year_to": "2016"})
    assert page.status_code == 400
    assert "Tahun awal" in page.content.decode()
    api = client.get("/api/v1/dashboard/", {"place": "99.99"})
    assert api.status_code == 400 and "place" in api.json()
    assert client.get("/api/v1/dashboard/", {"year_from": "x"}).status_code == 400


def test_the_summary_pdf_is_one_landscape_page_with_the_figures(client, world, researcher):
    client.force_login(researcher)
    response = client.get(reverse("dashboard-pdf"), {"place": "21.72"})
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="ringkasan-pokja-21.72-' in response["Content-Disposition"]
    pdf = pdfplumber.open(io.BytesIO(response.content))
    first = pdf.pages[0]
    assert first.width > first.height  # A4 landscape
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assert "Ringkasan Pokja" in text and "Kota Tanjung Pinang" in text
    assert "Tanjung Pinang Kota" in text  # a heatmap row: the kecamatan of Kampung Bugis
    assert "Indikator terlemah" in text and len(pdf.pages) <= 2


def test_the_summary_xlsx_holds_the_same_numbers(client, world, researcher):
    client.force_login(researcher)
    response = client.get(reverse("dashboard-xlsx"), {"place": "21.72.03"})
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames[:3] == [
        "Cakupan",
        "Penilaian menurut wilayah",
        "Penilaian per variabel",
    ]
    heatmap = list(workbook["Penilaian menurut wilayah"].values)
    assert heatmap[1][:3] == ("Kampung Bugis", "21.72.03.1005", 3)
    assert heatmap[1][3] == "1 Belum terlaksana (n=3)"
    distribution = list(workbook["Penilaian per variabel"].values)
    assert distribution[1][:5] == ("Dialog tatap muka", 2, 0, 0, 1)


def test_a_download_with_a_bad_filter_is_refused(client, researcher):
    client.force_login(researcher)
    assert client.get(reverse("dashboard-pdf"), {"year_from": "x"}).status_code == 400


def test_tallies_and_stored_results_give_the_same_figures(client, world, researcher, monkeypatch):
    """The nation and a province are counted from the tallies (plus the researcher's own
    draft from the stored results); forced to the stored results, every figure is the same."""
    published = Case.Status.PUBLISHED
    rated(
        CaseFactory(
            owner=researcher, place=world["tanjung"].place, status=published, year_end=2019
        ),
        2,
    )
    client.force_login(researcher)
    scopes = [{"place": ""}, {"place": "21"}, {"place": "", "year_from": "2019"}]
    tallied = [client.get("/api/v1/dashboard/", scope).json() for scope in scopes]
    monkeypatch.setattr("assessments.selectors.sees_every_published_case", lambda user: False)
    stored = [client.get("/api/v1/dashboard/", scope).json() for scope in scopes]
    assert tallied == stored
    national = tallied[0]
    assert national["cases"] == 6  # five published and the researcher's draft
    trend = national["trend"]["FTF"]
    assert [point["year"] for point in trend] == sorted({p["year"] for p in trend})
    assert all("median_score" in point for point in trend)


def test_the_trend_plots_the_median_score_per_year(client, world, researcher):
    client.force_login(researcher)
    board = client.get("/api/v1/dashboard/", {"place": "21.72.03"}).json()
    [point] = board["trend"]["FTF"]
    # Kampung Bugis: scores 1 (published), 4 (published) and 1 (draft).
    assert point["median_score"] == pytest.approx(1.0)
    assert point["mean_score"] == pytest.approx(2.0)
