"""Hostile input gets a 400 that names the field, on every door; errors under /api/ are JSON,
a server error included, with the request's id."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from tests.factories import CaseFactory, UserFactory

pytestmark = pytest.mark.django_db

CASE = {
    "title": "Kasus",
    "program": "kotaku",
    "place": "21.72.03.1005",
    "year_start": 2018,
    "year_end": 2018,
}


@pytest.fixture
def owner(client):
    user = UserFactory(username="pemilik-nul")
    client.force_login(user)
    return user


def post_json(client, url, body):
    return client.post(url, json.dumps(body), content_type="application/json")


def test_a_nul_in_a_json_body_is_a_400_naming_the_field(client, owner):
    response = post_json(client, "/api/v1/cases/", {**CASE, "place": "21.\u000072"})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert list(response.json()) == ["place"]
    case = CaseFactory(owner=owner)
    listed = post_json(
        client,
        f"/api/v1/cases/{case.pk}/ratings/",
        [{"indicator": "FTF1", "rater": 1, "value": 2, "evidence": "a\u0000b"}],
    )
    assert listed.status_code == 400 and list(listed.json()) == ["0.evidence"]


def test_a_nul_in_a_query_or_a_path_is_a_400_for_the_api_and_for_pages(client, owner):
    query = client.get("/api/v1/actors/", {"q": "a\x00b"})
    assert query.status_code == 400 and query.json() == {"q": [query.json()["q"][0]]}
    case = CaseFactory(owner=owner)
    path = client.put(
        f"/api/v1/cases/{case.pk}/conclusions/F%00TF/",
        json.dumps({"text": "x"}),
        content_type="application/json",
    )
    assert path.status_code == 400 and "path" in path.json()
    page = client.get(f"/cases/{case.pk}/rate/%00/")
    assert page.status_code == 400 and "NUL" in page.content.decode()


def test_a_nul_in_a_form_is_a_400_page(client, owner):
    response = client.post(reverse("case-create"), {**CASE, "title": "a\x00b"})
    assert response.status_code == 400
    assert "title" in response.content.decode()


@pytest.mark.parametrize("depth", [25, 1000, 100_000])
def test_json_nested_too_deep_is_a_400(client, owner, depth):
    body = "[" * depth + "]" * depth
    response = client.post("/api/v1/cases/", body, content_type="application/json")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")


def test_an_api_server_error_is_json_with_the_request_id(client, owner, monkeypatch, caplog):
    def broken(**kwargs):
        raise RuntimeError("kaput")

    monkeypatch.setattr("assessments.selectors.case_list", broken)
    response = client.get("/api/v1/scores/")
    assert response.status_code == 500
    problem = response.json()
    assert problem["status"] == 500 and problem["request_id"] == response["X-Request-ID"]
    assert problem["request_id"] in caplog.text and "kaput" in caplog.text


def test_an_unknown_api_path_is_a_json_404(client, owner):
    response = client.get("/api/v1/tidak-ada/")
    assert response.status_code == 404 and response.json() == {"detail": "Not found."}


FORMULA = '=HYPERLINK("http://x","klik")'


def test_every_csv_keeps_formula_like_text_as_text(client, owner):
    from assessments.models import Case
    from stakeholders import services as stakeholder_services

    case = CaseFactory(owner=owner, title=FORMULA, status=Case.Status.PUBLISHED)
    scores = client.get("/api/v1/scores/", {"format": "csv"}).content.decode()
    assert f"'{FORMULA}".replace('"', '""') in scores
    assert f",{FORMULA}".replace('"', '""') not in scores
    actors = [
        stakeholder_services.actor_create(name=name, kind="institution", sector="pemerintah")
        for name in (FORMULA, "Bappeda")
    ]
    stakeholder_services.tie_create(
        case=case,
        source=actors[0],
        target=actors[1],
        form="kerja",
        direction="simetris",
        strength="kuat",
    )
    network = client.get(f"/api/v1/cases/{case.pk}/network.csv").content.decode()
    assert "'=HYPERLINK" in network and ",=HYPERLINK" not in network


def test_a_rating_list_longer_than_the_limit_is_refused_before_it_is_read(client, owner, settings):
    settings.RATINGS_PER_REQUEST = 3
    case = CaseFactory(owner=owner)
    item = {"indicator": "FTF1", "rater": 1, "value": 2}
    response = post_json(client, f"/api/v1/cases/{case.pk}/ratings/", [item] * 4)
    assert response.status_code == 400
    assert "3" in response.json()["non_field_errors"][0]
    assert not case.ratings.exists()
