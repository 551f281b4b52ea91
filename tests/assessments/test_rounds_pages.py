"""Rounds on the case page, the rounds page and the API: who may do what, and bad input."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from assessments import services
from assessments.models import Case, Indicator, User
from tests.factories import CaseFactory, RaterFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def baseline(researcher):
    case = CaseFactory(
        owner=researcher,
        title="Kampung Bugis",
        year_start=2014,
        year_end=2014,
        status=Case.Status.PUBLISHED,
    )
    rater = RaterFactory(case=case, name="Peneliti A")
    for code, value in (("FTF1", 2), ("FTF2", 2), ("FTF3", 3)):
        indicator = Indicator.objects.get(framework=case.framework, code=code)
        services.rating_upsert(case=case, rater=rater, indicator=indicator, value=value)
    return case


def test_case_page_creates_the_next_round(client, baseline, researcher):
    client.force_login(researcher)
    page = client.get(reverse("case-detail", args=[baseline.pk])).content.decode()
    assert "Buat putaran berikutnya" in page
    assert 'name="year_start" value="2015"' in page

    response = client.post(
        reverse("case-rounds", args=[baseline.pk]),
        {"action": "next", "year_start": "2018", "year_end": "2018", "title": ""},
    )

    new = Case.objects.get(previous_round=baseline)
    assert response.status_code == 302 and response["Location"] == reverse(
        "case-detail", args=[new.pk]
    )
    page = client.get(response["Location"]).content.decode()
    assert "Yang berubah sejak putaran 2014" in page
    assert "belum dinilai pada kedua putaran" in page
    # Rounds are listed in order, this one marked.
    assert page.index("2014 · Kampung Bugis") < page.index('aria-current="page">2018')


def test_next_round_form_errors_are_shown_and_nothing_saved(client, baseline, researcher):
    client.force_login(researcher)
    response = client.post(
        reverse("case-rounds", args=[baseline.pk]),
        {"action": "next", "year_start": "2012", "year_end": "2013"},
    )
    assert response.status_code == 400
    assert "harus berakhir setelah 2014" in response.content.decode()
    response = client.post(
        reverse("case-rounds", args=[baseline.pk]),
        {"action": "next", "year_start": "2019", "year_end": "2018"},
    )
    assert response.status_code == 400
    assert not Case.objects.filter(previous_round=baseline).exists()
    assert (
        client.post(reverse("case-rounds", args=[baseline.pk]), {"action": "?"}).status_code == 400
    )


def test_rounds_page_links_an_existing_case(client, baseline, researcher):
    later = CaseFactory(owner=researcher, place=baseline.place, year_start=2018, year_end=2018)
    elsewhere = CaseFactory(
        owner=researcher,
        place=services.place_ensure(code="13.75.01.1001"),
        year_start=2010,
        year_end=2010,
    )
    client.force_login(researcher)
    page = client.get(reverse("case-rounds", args=[later.pk])).content.decode()
    assert f'value="{baseline.pk}"' in page and f'value="{elsewhere.pk}"' not in page

    refused = client.post(
        reverse("case-rounds", args=[later.pk]),
        {"action": "link", "previous_round": str(elsewhere.pk)},
    )
    assert refused.status_code == 400
    linked = client.post(
        reverse("case-rounds", args=[later.pk]),
        {"action": "link", "previous_round": str(baseline.pk)},
    )
    assert linked.status_code == 302
    assert Case.objects.get(pk=later.pk).previous_round_id == baseline.pk


def test_only_who_may_edit_manages_rounds(client, baseline):
    client.force_login(UserFactory(username="pokja", role=User.Role.POKJA))
    assert client.get(reverse("case-rounds", args=[baseline.pk])).status_code == 403
    page = client.get(reverse("case-detail", args=[baseline.pk])).content.decode()
    assert "Buat putaran berikutnya" not in page
    client.force_login(UserFactory(username="lain"))
    assert (
        client.post(
            reverse("case-rounds", args=[baseline.pk]),
            {"action": "next", "year_start": "2018", "year_end": "2018"},
        ).status_code
        == 403
    )
    assert not Case.objects.filter(previous_round=baseline).exists()


def test_compare_with_another_round_and_a_bad_one(client, baseline, researcher):
    second = services.round_next_create(
        user=researcher, case=baseline, year_start=2016, year_end=2016
    )
    third = services.round_next_create(user=researcher, case=second, year_start=2018, year_end=2018)
    client.force_login(researcher)
    page = client.get(reverse("case-detail", args=[third.pk]), {"with": baseline.pk})
    assert "Yang berubah sejak putaran 2014" in page.content.decode()
    page = client.get(reverse("case-detail", args=[third.pk]), {"with": "x"})
    assert page.status_code == 200
    body = page.content.decode()
    assert "Pilih putaran lain" in body and "Yang berubah sejak putaran 2016" in body


def test_case_page_queries_do_not_grow_with_rounds(
    client, baseline, researcher, django_assert_max_num_queries
):
    client.force_login(researcher)
    case = services.round_next_create(
        user=researcher, case=baseline, year_start=2016, year_end=2016
    )
    with django_assert_max_num_queries(60) as few:
        client.get(reverse("case-detail", args=[case.pk]))
    for year in (2018, 2020, 2022, 2024):
        case = services.round_next_create(
            user=researcher, case=case, year_start=year, year_end=year
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("case-detail", args=[case.pk]))


# The API


@pytest.fixture
def api(researcher):
    client = APIClient()
    client.force_authenticate(researcher)
    return client


def test_api_comparison_default_previous_round(api, baseline, researcher):
    new = services.round_next_create(user=researcher, case=baseline, year_start=2018, year_end=2018)
    rater = new.raters.get()
    indicator = Indicator.objects.get(framework=new.framework, code="FTF1")
    services.rating_upsert(case=new, rater=rater, indicator=indicator, value=4)

    body = api.get(f"/api/v1/cases/{new.pk}/comparison/").json()

    assert body["compared_with"] == baseline.pk
    assert [r["id"] for r in body["rounds"]] == [baseline.pk, new.pk]
    ftf = next(v for v in body["comparison"]["variables"] if v["code"] == "FTF")
    # 2, 2, 3 → 2,33 then; 4 (one indicator of three) now.
    assert ftf["then"]["score"] == pytest.approx(7 / 3) and ftf["now"]["score"] == 4
    assert (ftf["delta"], ftf["trend"], ftf["arrow"]) == (1.67, "up", "↑")
    assert ftf["notes"] == ["1 dari 3 indikator dinilai kini, 3 dari 3 pada 2014"]
    assert body["lines"]["FTF"] == [
        {"year": 2014, "score": pytest.approx(7 / 3)},
        {"year": 2018, "score": 4.0},
    ]
    lone = api.get(f"/api/v1/cases/{CaseFactory(owner=researcher).pk}/comparison/").json()
    assert lone["comparison"] is None and lone["compared_with"] is None
    bad = api.get(f"/api/v1/cases/{new.pk}/comparison/", {"with": new.pk})
    assert bad.status_code == 400 and "with" in bad.json()


def test_api_rounds_on_the_case_and_the_filter(api, baseline, researcher):
    new = services.round_next_create(user=researcher, case=baseline, year_start=2018, year_end=2018)
    assert api.get(f"/api/v1/cases/{baseline.pk}/").json()["next_round"] == new.pk
    body = api.get(f"/api/v1/cases/{new.pk}/").json()
    assert (body["previous_round"], body["next_round"], body["round_number"]) == (
        baseline.pk,
        None,
        2,
    )
    later = api.get("/api/v1/cases/", {"has_previous": "true"}).json()["results"]
    assert [c["id"] for c in later] == [new.pk]
    first = api.get("/api/v1/cases/", {"has_previous": "false"}).json()["results"]
    assert baseline.pk in [c["id"] for c in first] and new.pk not in [c["id"] for c in first]


def test_api_links_are_checked(api, baseline, researcher):
    later = CaseFactory(owner=researcher, place=baseline.place, year_start=2018, year_end=2018)
    url = f"/api/v1/cases/{later.pk}/"
    itself = api.patch(url, {"previous_round": later.pk}, format="json")
    assert itself.status_code == 400
    assert "dirinya sendiri" in " ".join(itself.json()["previous_round"])
    hidden = CaseFactory(
        owner=UserFactory(username="lain"), place=baseline.place, year_start=2010, year_end=2010
    )
    unseen = api.patch(url, {"previous_round": hidden.pk}, format="json")
    assert unseen.status_code == 400
    ok = api.patch(url, {"previous_round": baseline.pk}, format="json")
    assert ok.status_code == 200 and ok.json()["round_number"] == 2
    cycle = api.patch(f"/api/v1/cases/{baseline.pk}/", {"previous_round": later.pk}, format="json")
    assert cycle.status_code == 400 and "lingkaran" in str(cycle.json())
    unlinked = api.patch(url, {"previous_round": None}, format="json")
    assert unlinked.status_code == 200 and unlinked.json()["round_number"] == 1


def test_api_next_round(api, baseline):
    response = api.post(
        f"/api/v1/cases/{baseline.pk}/next-round/",
        {"year_start": 2018, "year_end": 2019},
        format="json",
    )
    assert response.status_code == 201
    assert response.json()["previous_round"] == baseline.pk
    assert response.json()["title"] == "Kampung Bugis (2018–2019)"
    again = api.post(
        f"/api/v1/cases/{baseline.pk}/next-round/",
        {"year_start": 2020, "year_end": 2020},
        format="json",
    )
    assert again.status_code == 400 and "sudah diikuti" in str(again.json())
    backwards = api.post(
        f"/api/v1/cases/{baseline.pk}/next-round/",
        {"year_start": 2020, "year_end": 2019},
        format="json",
    )
    assert backwards.status_code == 400 and "year_end" in backwards.json()


def test_dashboard_follows_rounds(api, client, baseline, researcher):
    new = services.round_next_create(user=researcher, case=baseline, year_start=2018, year_end=2018)
    indicator = Indicator.objects.get(framework=new.framework, code="FTF1")
    services.rating_upsert(case=new, rater=new.raters.get(), indicator=indicator, value=4)
    CaseFactory(owner=researcher, year_start=2016, year_end=2016)  # a lone case: no round

    body = api.get("/api/v1/dashboard/", {"place": "", "over": "round"}).json()

    assert body["over"] == "round"
    points = body["trend"]["FTF"]
    assert [p["year"] for p in points] == [1, 2]
    assert points[0]["median_score"] == pytest.approx(7 / 3) and points[1]["median_score"] == 4
    by_year = api.get("/api/v1/dashboard/", {"place": ""}).json()["trend"]["FTF"]
    assert [p["year"] for p in by_year] == [2014, 2016, 2018]
    assert api.get("/api/v1/dashboard/", {"over": "bulan"}).status_code == 400
    client.force_login(researcher)
    page = client.get("/dasbor/", {"place": "", "over": "round"}).content.decode()
    assert "Median skor variabel per putaran" in page and "Putaran 2" in page


def test_api_creates_a_case_as_a_later_round_or_nothing(api, baseline):
    body = {
        "title": "Kampung Bugis lagi",
        "program": "kotaku",
        "place": baseline.place_id,
        "year_start": 2019,
        "year_end": 2019,
        "previous_round": baseline.pk,
    }
    created = api.post("/api/v1/cases/", body, format="json")
    assert created.status_code == 201, created.content
    assert (created.json()["previous_round"], created.json()["round_number"]) == (baseline.pk, 2)
    again = api.post("/api/v1/cases/", {**body, "title": "Satu lagi"}, format="json")
    assert again.status_code == 400 and "sudah diikuti" in str(again.json())
    assert not Case.objects.filter(title="Satu lagi").exists()
