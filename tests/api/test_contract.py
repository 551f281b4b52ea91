from __future__ import annotations

import csv
import io

import pytest
from django.core.cache import cache

from assessments import services
from assessments.models import Case, Framework, Indicator, User
from tests.api.conftest import as_user
from tests.factories import CaseFactory, RaterFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_token_is_exchanged_for_credentials_and_then_used(api, people):
    cache.clear()
    response = api.post(
        "/api/v1/auth/token/", {"username": "pemilik", "password": "rahasia-123"}, format="json"
    )
    assert response.status_code == 200
    token = response.json()["token"]
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert api.get("/api/v1/programs/").status_code == 200


def test_wrong_password_is_a_400_and_the_token_endpoint_is_throttled(api, people):
    cache.clear()
    codes = [
        api.post(
            "/api/v1/auth/token/", {"username": "pemilik", "password": "salah"}, format="json"
        ).status_code
        for _ in range(12)
    ]
    assert codes[0] == 400
    assert codes[-1] == 429
    cache.clear()


def test_programs_and_places(api, people):
    client = as_user(api, people["other"])
    programs = client.get("/api/v1/programs/").json()
    assert {"kotaku", "plpbk", "penanggulangan-kemiskinan"} <= {
        p["code"] for p in programs["results"]
    }
    places = client.get("/api/v1/places/", {"q": "bukittinggi", "level": "kota"}).json()
    assert [(p["code"], p["name"], p["level"]) for p in places["results"]] == [
        ("13.75", "Kota Bukittinggi", "kota")
    ]
    assert places["results"][0]["path"] == "Kota Bukittinggi, Sumatera Barat"
    bugis = client.get("/api/v1/places/", {"q": "kampung bugis", "level": "kelurahan"}).json()
    assert "21.72.03.1005" in {p["code"] for p in bugis["results"]}
    assert client.get("/api/v1/places/", {"level": "planet"}).status_code == 400


def test_framework_detail_and_code_filter(api, people):
    client = as_user(api, people["other"])
    listing = client.get("/api/v1/frameworks/", {"code": "ansell-gash-2008"}).json()
    assert listing["count"] == 1
    framework = client.get(f"/api/v1/frameworks/{listing['results'][0]['id']}/").json()
    assert [level["code"] for level in framework["scale"]["levels"]] == [
        "belum_terlaksana",
        "kurang_baik",
        "baik_belum_optimal",
        "optimal",
    ]
    assert framework["method"]["bands"][1] == {
        "level": 2,
        "lower": 1.75,
        "upper": 2.5,
        "unit": "score",
    }
    assert [v["code"] for v in framework["variables"]] == ["FTF", "TB", "CP", "SU", "IO"]
    assert framework["variables"][0]["indicators"][0] == {
        "code": "FTF1",
        "name": "Komunikasi rutin",
        "name_id": "Komunikasi rutin",
        "name_en": "Routine communication",
        "description": framework["variables"][0]["indicators"][0]["description"],
        "weight": 1.0,
        "order": 1,
    }


def test_accept_language_picks_the_language_of_labels(api, people, draft):
    client = as_user(api, people["owner"])
    english = client.get(f"/api/v1/cases/{draft.pk}/scores/", HTTP_ACCEPT_LANGUAGE="en").json()
    assert english["variables"][0]["name"] == "Face-to-face dialogue"
    assert english["variables"][0]["verdict_label"] == "Not assessed"
    indonesian = client.get(f"/api/v1/cases/{draft.pk}/scores/").json()
    assert indonesian["variables"][0]["name"] == "Dialog tatap muka"
    assert indonesian["variables"][0]["verdict_label"] == "Belum dinilai"
    assert indonesian["variables"][0]["score"] is None
    assert indonesian["variables"][0]["level"] is None


def test_case_filters(api, people):
    owner = people["owner"]
    bkt = CaseFactory(
        owner=owner,
        title="Bukittinggi 2019",
        place=services.place_ensure(code="13.75.01"),
        year_start=2019,
        year_end=2020,
    )
    tpi = CaseFactory(
        owner=owner,
        title="Tanjungpinang 2018",
        year_start=2018,
        year_end=2018,
        status=Case.Status.PUBLISHED,
    )
    client = as_user(api, owner)

    def ids(**params):
        return {c["id"] for c in client.get("/api/v1/cases/", params).json()["results"]}

    assert ids(place="13") == {bkt.pk}
    assert ids(place="21.72") == {tpi.pk}
    assert ids(year=2020) == {bkt.pk}
    assert ids(status="published") == {tpi.pk}
    assert ids(q="tanjung") == {tpi.pk}
    assert ids(program="plpbk") == set()
    ordered = client.get("/api/v1/cases/", {"ordering": "year_start"}).json()["results"]
    assert [c["id"] for c in ordered] == [tpi.pk, bkt.pk]


def test_page_size_is_capped_at_500(api, people, draft):
    response = as_user(api, people["owner"]).get("/api/v1/places/", {"page_size": 10_000})
    body = response.json()
    assert len(body["results"]) == 500
    assert body["count"] > 90_000 and body["next"]


def test_bad_case_input_is_a_400_with_field_messages(api, people):
    client = as_user(api, people["owner"])
    response = client.post(
        "/api/v1/cases/",
        {"title": "", "program": "nope", "place": "99.99", "year_start": 2020, "year_end": 2019},
        format="json",
    )
    assert response.status_code == 400
    assert {"title", "program", "place"} <= set(response.json())
    years = client.post(
        "/api/v1/cases/",
        {"title": "x", "program": "kotaku", "place": "13.75", "year_start": 2020, "year_end": 2019},
        format="json",
    )
    assert years.status_code == 400 and "year_end" in years.json()
    assert not Case.objects.exists()


def test_conclusions_and_recommendations(api, people, draft):
    client = as_user(api, people["owner"])
    base = f"/api/v1/cases/{draft.pk}"
    missing_reason = client.put(f"{base}/conclusions/TB/", {"override_level": 2}, format="json")
    assert missing_reason.status_code == 400 and "override_reason" in missing_reason.json()
    ok = client.put(
        f"{base}/conclusions/TB/",
        {"override_level": 2, "override_reason": "Tidak ada notulen."},
        format="json",
    )
    assert ok.status_code == 200 and ok.json()["variable"] == "TB"
    scores = client.get(f"{base}/scores/").json()
    tb = next(v for v in scores["variables"] if v["code"] == "TB")
    assert (tb["level"], tb["computed_level"], tb["override_reason"]) == (
        2,
        None,
        "Tidak ada notulen.",
    )
    assert client.put(f"{base}/conclusions/NOPE/", {}, format="json").status_code == 404
    created = client.post(
        f"{base}/recommendations/",
        {"text": "Forum bulanan", "variable": "FTF", "addressed_to": "Korkot"},
        format="json",
    )
    assert created.status_code == 201 and created.json()["variable"] == "FTF"
    bad = client.post(f"{base}/recommendations/", {"text": "x", "variable": "SC1"}, format="json")
    assert bad.status_code == 400 and "variable" in bad.json()


def rate_case(case: Case, raters: int) -> None:
    people = [RaterFactory.create(case=case) for _ in range(raters)]
    for indicator in Indicator.objects.filter(framework=case.framework):
        for n, rater in enumerate(people):
            services.rating_upsert(
                case=case, rater=rater, indicator=indicator, value=1 + (n + len(indicator.code)) % 4
            )


def test_scores_cost_a_fixed_number_of_queries(api, people, draft, django_assert_max_num_queries):
    client = as_user(api, people["owner"])
    rate_case(draft, 1)
    with django_assert_max_num_queries(20) as small:
        client.get(f"/api/v1/cases/{draft.pk}/scores/")
    full = CaseFactory(
        owner=people["owner"], framework=Framework.objects.get(code="ansell-gash-2008-full")
    )
    rate_case(full, 6)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(f"/api/v1/cases/{full.pk}/scores/")
    assert response.json()["agreement"]["raters"] == 6


def test_scores_list_costs_a_fixed_number_of_queries(api, people, django_assert_max_num_queries):
    owner = people["owner"]
    client = as_user(api, owner)
    rate_case(CaseFactory(owner=owner), 1)
    with django_assert_max_num_queries(20) as small:
        client.get("/api/v1/scores/")
    for _ in range(5):
        rate_case(CaseFactory(owner=owner, status=Case.Status.PUBLISHED), 3)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get("/api/v1/scores/", {"page_size": 500})
    assert response.json()["count"] == 30
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get("/api/v1/cases/")


def test_scores_csv_and_filters(api, people, draft):
    rate_case(draft, 2)
    client = as_user(api, people["owner"])
    response = client.get("/api/v1/scores/", {"format": "csv", "variable": "FTF"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [r["variable"] for r in rows] == ["FTF"]
    assert rows[0]["case_title"] == "Draf Kampung Bugis"
    verdict = rows[0]["verdict"]
    filtered = client.get("/api/v1/scores/", {"verdict": verdict}).json()["results"]
    assert filtered and all(r["verdict"] == verdict for r in filtered)


def test_scores_list_counts_its_rows_and_pages_through_them(api, people):
    owner = people["owner"]
    client = as_user(api, owner)
    for value in (1, 2, 3):
        rate_case(CaseFactory(owner=owner, status=Case.Status.PUBLISHED), value)
    first = client.get("/api/v1/scores/", {"page_size": 4}).json()
    assert first["count"] == 15  # three cases, five variables
    seen = []
    for page in range(1, 5):
        seen += client.get("/api/v1/scores/", {"page_size": 4, "page": page}).json()["results"]
    assert len(seen) == 15 and len({(r["case"], r["variable"]) for r in seen}) == 15
    by_verdict = client.get("/api/v1/scores/", {"variable": "FTF"}).json()
    assert by_verdict["count"] == 3 == len(by_verdict["results"])


def test_schema_and_docs_are_served_without_a_cdn(api, people):
    client = as_user(api, UserFactory(username="x", role=User.Role.RESEARCHER))
    assert client.get("/api/schema/").status_code == 200
    for url in ("/api/docs/", "/api/redoc/"):
        page = client.get(url).content.decode()
        assert "cdn" not in page.lower() and "unpkg" not in page.lower()
        assert "/static/drf_spectacular_sidecar/" in page


def test_scores_list_refuses_a_code_that_is_not_one(api, people):
    client = as_user(api, people["owner"])
    response = client.get("/api/v1/scores/", {"verdict": "kurang baik", "variable": "F T F"})
    assert response.status_code == 400
    assert set(response.json()) == {"verdict", "variable"}
    # A NUL is refused before any view, naming its field.
    nul = client.get("/api/v1/scores/", {"verdict": "kurang\x00baik"})
    assert nul.status_code == 400 and set(nul.json()) == {"verdict"}
