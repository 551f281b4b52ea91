"""Every endpoint against every role: anonymous, owner, collaborator, other researcher, Pokja
viewer, admin; on a draft case and on a published one."""

from __future__ import annotations

import pytest

from assessments.models import Case, Framework, Recommendation
from tests.api.conftest import as_user

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "owner", "collaborator", "other", "pokja", "admin"]


def case_requests(case: Case) -> list[tuple[str, str, str, object]]:
    """(kind, method, url, body); kind is read, write or delete."""
    rater = case.raters.earliest("pk")
    recommendation = Recommendation.objects.create(case=case, text="Saran", order=1)
    base = f"/api/v1/cases/{case.pk}"
    return [
        ("read", "get", f"{base}/", None),
        ("read", "get", f"{base}/raters/", None),
        ("read", "get", f"{base}/ratings/", None),
        ("read", "get", f"{base}/scores/", None),
        ("read", "get", f"{base}/recommendations/", None),
        ("read", "get", f"{base}/recommendations/{recommendation.pk}/", None),
        ("write", "patch", f"{base}/", {"summary": "baru"}),
        ("write", "post", f"{base}/raters/", {"name": "Informan 1", "kind": "informant"}),
        ("write", "post", f"{base}/ratings/", {"indicator": "FTF1", "rater": rater.pk, "value": 3}),
        ("write", "put", f"{base}/conclusions/FTF/", {"narrative": "n"}),
        ("write", "put", f"{base}/conclusions/overall/", {"narrative": "n"}),
        ("write", "post", f"{base}/recommendations/", {"text": "Saran baru"}),
        ("write", "patch", f"{base}/recommendations/{recommendation.pk}/", {"text": "x"}),
        ("delete", "delete", f"{base}/recommendations/{recommendation.pk}/", None),
        ("delete", "delete", f"{base}/", None),
    ]


EXPECTED = {
    # role: {(status of case, kind): status code}
    "anonymous": {
        k: 401
        for k in [(s, kind) for s in ("draft", "published") for kind in ("read", "write", "delete")]
    },
    "owner": {
        ("draft", "read"): 200,
        ("draft", "write"): 2,
        ("draft", "delete"): 204,
        ("published", "read"): 200,
        ("published", "write"): 2,
        ("published", "delete"): 204,
    },
    "collaborator": {("draft", "read"): 200, ("draft", "write"): 2, ("draft", "delete"): 2},
    "other": {
        ("draft", "read"): 404,
        ("draft", "write"): 404,
        ("draft", "delete"): 404,
        ("published", "read"): 200,
        ("published", "write"): 403,
        ("published", "delete"): 403,
    },
    "pokja": {
        ("draft", "read"): 404,
        ("draft", "write"): 403,
        ("draft", "delete"): 403,
        ("published", "read"): 200,
        ("published", "write"): 403,
        ("published", "delete"): 403,
    },
    "admin": {
        ("draft", "read"): 200,
        ("draft", "write"): 2,
        ("draft", "delete"): 204,
        ("published", "read"): 200,
        ("published", "write"): 2,
        ("published", "delete"): 204,
    },
}


def expected_status(role: str, status: str, kind: str, url: str) -> int:
    if role == "collaborator" and kind == "delete":
        # A co-researcher may remove a recommendation but not the whole case.
        return 403 if url.endswith(f"/cases/{url.split('/')[4]}/") else 204
    if role == "collaborator" and status == "published":
        return {"read": 200, "write": 2, "delete": 204}[kind]
    return EXPECTED[role][(status, kind)]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case_status", ["draft", "published"])
def test_case_endpoints_follow_the_browser_rules(api, people, draft, role, case_status):
    if case_status == "published":
        draft.status = Case.Status.PUBLISHED
        draft.save()
    client = as_user(api, people.get(role))
    for kind, method, url, body in case_requests(draft):
        response = getattr(client, method)(url, body, format="json")
        expected = expected_status(role, case_status, kind, url)
        if expected == 2:
            assert 200 <= response.status_code < 300, (method, url, response.content)
        else:
            assert response.status_code == expected, (method, url, response.content)


@pytest.mark.parametrize(
    ("role", "visible"),
    [
        ("owner", {"Draf Kampung Bugis", "Terbit"}),
        ("collaborator", {"Draf Kampung Bugis", "Terbit"}),
        ("other", {"Terbit"}),
        ("pokja", {"Terbit"}),
        ("admin", {"Draf Kampung Bugis", "Terbit"}),
    ],
)
def test_lists_never_leak_a_case_the_user_may_not_open(
    api, people, draft, published, role, visible
):
    client = as_user(api, people[role])
    cases = client.get("/api/v1/cases/").json()["results"]
    assert {c["title"] for c in cases} == visible
    rows = client.get("/api/v1/scores/").json()["results"]
    assert {r["case_title"] for r in rows} == visible
    csv_text = client.get("/api/v1/scores/", {"format": "csv"}).content.decode()
    assert ("Draf Kampung Bugis" in csv_text) == ("Draf Kampung Bugis" in visible)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/cases/",
        "/api/v1/scores/",
        "/api/v1/programs/",
        "/api/v1/places/?q=bugis",
        "/api/v1/frameworks/",
    ],
)
def test_anonymous_gets_401_everywhere(api, url):
    response = api.get(url)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Token")


@pytest.mark.parametrize(
    ("role", "code"), [("owner", 201), ("other", 201), ("pokja", 403), ("admin", 201)]
)
def test_creating_cases_and_copying_frameworks_by_role(api, people, role, code):
    client = as_user(api, people[role])
    created = client.post(
        "/api/v1/cases/",
        {
            "title": "Baru",
            "program": "plpbk",
            "place": "33.24",
            "year_start": 2012,
            "year_end": 2014,
        },
        format="json",
    )
    assert created.status_code == code, created.content
    framework = Framework.objects.get(code="ansell-gash-2008")
    copied = client.post(f"/api/v1/frameworks/{framework.pk}/copy/", {}, format="json")
    assert copied.status_code == code, copied.content


def test_a_pokja_viewer_scoped_to_a_city_sees_only_its_cases(api, people, published):
    from assessments import services

    pokja = people["pokja"]
    pokja.places.add(services.place_ensure(code="13.75"))  # Bukittinggi, not Tanjungpinang
    client = as_user(api, pokja)
    assert client.get("/api/v1/cases/").json()["count"] == 0
    assert client.get(f"/api/v1/cases/{published.pk}/scores/").status_code == 404
    pokja.places.add(services.place_ensure(code="21"))  # Kepulauan Riau
    assert client.get("/api/v1/cases/").json()["count"] == 1


def test_only_the_owner_adds_variables_to_a_framework_copy(api, people):
    framework = Framework.objects.get(code="ansell-gash-2008")
    owner = as_user(api, people["owner"])
    copy = owner.post(f"/api/v1/frameworks/{framework.pk}/copy/", {}, format="json").json()
    body = {
        "code": "KOM",
        "name": "Komunikasi antarinstansi",
        "indicators": [{"code": "KOM1", "name": "Koordinasi", "weight": 2}],
    }
    other = as_user(api.__class__(), people["other"])
    assert (
        other.post(f"/api/v1/frameworks/{copy['id']}/variables/", body, format="json").status_code
        == 404
    )  # someone else's copy is not listed
    added = owner.post(f"/api/v1/frameworks/{copy['id']}/variables/", body, format="json")
    assert added.status_code == 201, added.content
    assert added.json()["indicators"][0]["weight"] == 2
    shipped = owner.post(f"/api/v1/frameworks/{framework.pk}/variables/", body, format="json")
    assert shipped.status_code == 403
