"""No lost update through any door: a stale version (in the body, or as If-Match) is refused
with the current value, and concurrent first saves never end in a 500."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections
from rest_framework.test import APIClient

from assessments.models import Conclusion, Rating
from tests.factories import CaseFactory, RaterFactory, UserFactory

from .conftest import as_user


@pytest.fixture
def rated(db):
    owner = UserFactory(username="pemilik-versi")
    case = CaseFactory(owner=owner)
    rater = RaterFactory(case=case, name="Peneliti A")
    return owner, case, rater


def save(client, case, rater, value, **extra):
    return client.post(
        f"/api/v1/cases/{case.pk}/ratings/",
        [{"indicator": "FTF1", "rater": rater.pk, "value": value, **extra}],
        format="json",
    )


def at_once(user, send, times: int = 8) -> list[int]:
    """`send(client, n)` from `times` threads released together, each signed in as `user` on a
    connection of its own: the status codes they got."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite writes one transaction at a time")
    statuses: list[int] = []
    start = threading.Barrier(times)

    def one(n: int) -> None:
        try:
            client = as_user(APIClient(), user)
            start.wait()
            statuses.append(send(client, n).status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=one, args=(n,)) for n in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def test_a_stale_rating_version_is_refused_with_the_current_rating(rated):
    owner, case, rater = rated
    first, second = as_user(APIClient(), owner), as_user(APIClient(), owner)
    assert save(first, case, rater, 2, version=0).status_code == 200
    [loaded] = first.get(f"/api/v1/cases/{case.pk}/ratings/").json()["results"]
    assert loaded["version"] == 1
    assert save(second, case, rater, 3, version=1).status_code == 200
    stale = save(first, case, rater, 4, version=loaded["version"])
    assert stale.status_code == 409
    body = stale.json()
    assert body["index"] == 0 and body["current"]["value"] == 3 and body["current"]["version"] == 2
    assert Rating.objects.get().value == 3
    # A new rating claimed as "there was none" when there is one is stale too.
    assert save(second, case, rater, 1, version=0).status_code == 409


def test_a_conclusion_carries_an_etag_and_if_match_is_honoured(rated):
    owner, case, _ = rated
    client = as_user(APIClient(), owner)
    url = f"/api/v1/cases/{case.pk}/conclusions/FTF/"
    created = client.put(url, {"narrative": "Pertama"}, format="json")
    assert created.status_code == 200 and created["ETag"] == '"1"'
    assert client.get(url)["ETag"] == '"1"'
    changed = client.put(url, {"narrative": "Kedua"}, format="json", headers={"If-Match": '"1"'})
    assert changed.status_code == 200 and changed["ETag"] == '"2"'
    stale = client.put(url, {"narrative": "Ketiga"}, format="json", headers={"If-Match": '"1"'})
    assert stale.status_code == 412 and stale.json()["current"]["narrative"] == "Kedua"
    by_body = client.put(url, {"narrative": "Ketiga", "version": 1}, format="json")
    assert by_body.status_code == 409 and by_body.json()["current"]["version"] == 2
    bad = client.put(url, {"narrative": "x"}, format="json", headers={"If-Match": "abc"})
    assert bad.status_code == 400
    assert Conclusion.objects.get().narrative == "Kedua"


def test_the_browser_form_requires_its_version(client, rated):
    owner, case, rater = rated
    client.force_login(owner)
    response = client.post(
        f"/cases/{case.pk}/rate/FTF/FTF1/",
        {"FTF1-value": "2", "FTF1-evidence": "", "rater": str(rater.pk)},
    )
    assert not Rating.objects.exists()
    assert "versi" in response.content.decode().lower()


@pytest.mark.django_db(transaction=True)
def test_concurrent_first_saves_of_one_rating_never_fail_with_a_500(reference_data):
    owner = UserFactory(username="pemilik-serentak")
    case = CaseFactory(owner=owner)
    rater = RaterFactory(case=case, name="Peneliti A")
    statuses = at_once(owner, lambda client, n: save(client, case, rater, n % 4 + 1, version=0))
    assert statuses.count(200) == 1 and set(statuses) <= {200, 409}, statuses
    assert Rating.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_recommendations_added_at_once_get_distinct_numbers(reference_data):
    owner = UserFactory(username="pemilik-saran")
    case = CaseFactory(owner=owner)
    url = f"/api/v1/cases/{case.pk}/recommendations/"
    statuses = at_once(
        owner, lambda client, n: client.post(url, {"text": f"Saran {n}"}, format="json")
    )
    assert statuses == [201] * 8
    orders = list(case.recommendations.values_list("order", flat=True))
    assert sorted(orders) == list(range(1, 9))


def test_a_long_list_is_saved_in_bulk_with_its_history(rated, django_assert_max_num_queries):
    owner, case, first = rated
    raters = [first] + [RaterFactory(case=case, name=f"Penilai {n}") for n in range(6)]
    codes = list(case.framework.indicators.values_list("code", flat=True))
    client = as_user(APIClient(), owner)
    body = [{"indicator": code, "rater": r.pk, "value": 2} for r in raters for code in codes]
    with django_assert_max_num_queries(60):
        assert save_list(client, case, body).status_code == 200
    with django_assert_max_num_queries(60):
        changed = save_list(client, case, [{**item, "value": 3} for item in body])
    assert changed.json()["saved"] == len(body) == 105
    assert Rating.objects.filter(case=case, value=3, version=2).count() == 105
    assert Rating.history.filter(case_id=case.pk).count() == 210


def save_list(client, case, body):
    return client.post(f"/api/v1/cases/{case.pk}/ratings/", body, format="json")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("code", ["FTF", "overall"])
def test_concurrent_first_saves_of_one_conclusion_never_fail_with_a_500(reference_data, code):
    owner = UserFactory(username=f"pemilik-simpulan-{code}")
    case = CaseFactory(owner=owner)
    url = f"/api/v1/cases/{case.pk}/conclusions/{code}/"
    statuses = at_once(
        owner,
        lambda client, n: client.put(
            url, {"narrative": f"Simpulan {n}", "version": 0}, format="json"
        ),
    )
    assert statuses.count(200) == 1 and set(statuses) <= {200, 409}, statuses
    assert Conclusion.objects.filter(case=case).count() == 1
