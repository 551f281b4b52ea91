from __future__ import annotations

import pytest
from django.urls import reverse

from assessments.models import Case, CaseResult, Program, User
from tests.factories import CaseFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_anonymous_is_sent_to_sign_in(client, case):
    response = client.get(reverse("case-detail", args=[case.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_draft_case_of_someone_else_is_not_found(client, case):
    client.force_login(UserFactory(username="lain"))
    assert client.get(reverse("case-detail", args=[case.pk])).status_code == 404


def test_published_case_is_open_to_every_signed_in_user(client, researcher):
    case = CaseFactory(owner=researcher, status=Case.Status.PUBLISHED)
    client.force_login(UserFactory(username="pokja", role=User.Role.POKJA))
    response = client.get(reverse("case-detail", args=[case.pk]))
    assert response.status_code == 200
    assert "Belum dinilai" in response.content.decode()


def test_home_lists_cases_in_a_fixed_number_of_queries(
    client, researcher, django_assert_max_num_queries
):
    client.force_login(researcher)
    CaseFactory(owner=researcher)
    with django_assert_max_num_queries(12) as small:
        client.get(reverse("home"))
    for _ in range(8):
        CaseFactory(owner=researcher)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(reverse("home"))
    assert response.content.decode().count("data-verdict") == 9


def test_case_page_in_english_after_switching(client, case, researcher):
    client.force_login(researcher)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    response = client.get(reverse("case-detail", args=[case.pk]))
    assert "Not assessed" in response.content.decode()


def test_browser_accept_language_does_not_switch_pages(client, case, researcher):
    client.force_login(researcher)
    response = client.get(reverse("home"), headers={"accept-language": "en-US,en;q=0.9"})
    assert "Kasus saya" in response.content.decode()


def test_place_search_fragment(client, researcher):
    client.force_login(researcher)
    response = client.get(reverse("place-search"), {"q": "kampung bugis"})
    assert 'data-code="21.72.03.1005"' in response.content.decode()


def test_home_pages_and_filters_in_the_database(client, researcher, django_assert_max_num_queries):
    client.force_login(researcher)
    for n in range(30):
        CaseFactory(owner=researcher, title=f"Kasus {n:02d}", year_end=2018 + n % 3)
    CaseFactory(owner=researcher, title="Kendal", program=Program.objects.get(code="plpbk"))
    with django_assert_max_num_queries(14):
        first = client.get(reverse("home")).content.decode()
    assert first.count("data-verdict") == 25
    assert "Halaman 1 dari 2 (31 kasus)" in first
    second = client.get(reverse("home"), {"page": 2}).content.decode()
    assert second.count("data-verdict") == 6
    plpbk = client.get(reverse("home"), {"program": "plpbk"}).content.decode()
    assert plpbk.count("data-verdict") == 1 and "Kendal" in plpbk
    by_title = client.get(reverse("home"), {"q": "kasus 1", "page": 1}).content.decode()
    assert by_title.count("data-verdict") == 10
    nothing = client.get(reverse("home"), {"year": "1990"}).content.decode()
    assert "Tidak ada kasus yang cocok" in nothing


def test_home_shows_the_stored_overall_verdict(client, researcher):
    case = CaseFactory(owner=researcher)
    CaseResult.objects.filter(case=case).update(level=3)
    client.force_login(researcher)
    page = client.get(reverse("home")).content.decode()
    assert 'data-verdict="baik_belum_optimal"' in page
