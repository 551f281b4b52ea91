"""Password guessing is slowed on both doors (the sign-in page and the token endpoint), counted
in the database for every worker, and a forged X-Forwarded-For does not reset the count."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(settings):
    settings.AXES_FAILURE_LIMIT = 3
    user = UserFactory(username="korban")
    user.set_password("benar-sekali-123")
    user.save()
    return user


def sign_in(client, password, **headers):
    return client.post(
        reverse("login"), {"username": "korban", "password": password}, headers=headers
    )


def test_the_sign_in_page_locks_a_guesser_out(client, person):
    for n in range(3):
        # A new forged address each time changes nothing: the connection's address counts.
        sign_in(client, f"salah-{n}", **{"X-Forwarded-For": f"10.0.0.{n}"})
    locked = sign_in(client, "benar-sekali-123")
    assert locked.status_code == 429
    assert "Terlalu banyak" in locked.content.decode()


def test_the_token_endpoint_locks_a_guesser_out_too(person):
    api = APIClient()
    statuses = [
        api.post(
            "/api/v1/auth/token/",
            {"username": "korban", "password": f"salah-{n}"},
            format="json",
            HTTP_X_FORWARDED_FOR=f"10.1.0.{n}",
        ).status_code
        for n in range(3)
    ]
    # Refused, then locked out at the third wrong password.
    assert statuses == [400, 400, 429]
    locked = api.post(
        "/api/v1/auth/token/",
        {"username": "korban", "password": "benar-sekali-123"},
        format="json",
    )
    assert locked.status_code == 429 and "detail" in locked.json()


def test_a_right_password_before_the_limit_resets_the_count(client, person):
    sign_in(client, "salah-1")
    sign_in(client, "salah-2")
    assert sign_in(client, "benar-sekali-123").status_code == 302
    client.logout()
    sign_in(client, "salah-3")
    assert sign_in(client, "benar-sekali-123").status_code == 302
