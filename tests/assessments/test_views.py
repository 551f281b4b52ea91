from __future__ import annotations

import pytest
from django.urls import reverse

from assessments.models import Case, User
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
