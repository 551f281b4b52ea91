from __future__ import annotations

import pytest

from assessments.models import Rating
from tests.api.conftest import as_user

pytestmark = pytest.mark.django_db


def url(case):
    return f"/api/v1/cases/{case.pk}/ratings/"


def test_post_one_rating_then_replace_it(api, people, draft):
    rater = draft.raters.get()
    client = as_user(api, people["owner"])
    first = client.post(
        url(draft),
        {
            "indicator": "FTF1",
            "rater": rater.pk,
            "value": 2,
            "evidence": "“Rapat tiap bulan.”",
            "source": "wawancara",
            "source_detail": "Lurah, 3 Mei 2018",
        },
        format="json",
    )
    assert first.status_code == 200, first.content
    saved = first.json()
    assert saved["saved"] == 1
    assert saved["ratings"][0]["indicator"] == "FTF1"
    assert saved["ratings"][0]["source"] == "wawancara"
    second = client.post(
        url(draft), {"indicator": "FTF1", "rater": rater.pk, "value": None}, format="json"
    )
    assert second.status_code == 200, second.content
    assert Rating.objects.get().value is None


def test_a_list_is_all_or_nothing_with_errors_by_index(api, people, draft):
    rater = draft.raters.get()
    response = as_user(api, people["owner"]).post(
        url(draft),
        [
            {"indicator": "FTF1", "rater": rater.pk, "value": 2},
            {"indicator": "FTF2", "rater": rater.pk, "value": 9},
            {"indicator": "ZZ9", "rater": rater.pk, "value": 1},
            {"indicator": "FTF3", "rater": 99999, "value": 1},
        ],
        format="json",
    )
    assert response.status_code == 400, response.content
    errors = response.json()
    assert set(errors) == {"1", "2", "3"}
    assert "value" in errors["1"] and "indicator" in errors["2"] and "rater" in errors["3"]
    assert not Rating.objects.exists()


def test_type_errors_in_a_list_are_keyed_by_index(api, people, draft):
    rater = draft.raters.get()
    response = as_user(api, people["owner"]).post(
        url(draft),
        [
            {"indicator": "FTF1", "rater": rater.pk, "value": 2},
            {"indicator": "FTF2", "rater": "x", "value": "tinggi"},
        ],
        format="json",
    )
    assert response.status_code == 400
    assert set(response.json()) == {"1"}
    assert not Rating.objects.exists()


def test_a_list_of_ratings_is_saved_and_scored(api, people, draft):
    rater = draft.raters.get()
    client = as_user(api, people["owner"])
    response = client.post(
        url(draft),
        [
            {"indicator": code, "rater": rater.pk, "value": value}
            for code, value in (("FTF1", 2), ("FTF2", 2), ("FTF3", 3))
        ],
        format="json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["saved"] == 3
    listing = client.get(url(draft)).json()
    assert listing["count"] == 3
    scores = client.get(f"/api/v1/cases/{draft.pk}/scores/").json()
    ftf = scores["variables"][0]
    assert ftf["verdict"] == "kurang_baik"
    assert ftf["score"] == pytest.approx(2.3333)
    assert ftf["explanation"].startswith("Rata-rata 2,33 dari 3 indikator")
