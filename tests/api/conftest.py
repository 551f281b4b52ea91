from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from assessments.models import Case, User
from tests.factories import CaseFactory, RaterFactory, UserFactory


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def people(db):
    return {
        "owner": UserFactory(username="pemilik"),
        "collaborator": UserFactory(username="mitra"),
        "other": UserFactory(username="lain"),
        "pokja": UserFactory(username="pokja", role=User.Role.POKJA),
        "admin": UserFactory(username="admin", role=User.Role.ADMIN),
    }


@pytest.fixture
def draft(people):
    case = CaseFactory(owner=people["owner"], title="Draf Kampung Bugis")
    case.collaborators.add(people["collaborator"])
    RaterFactory(case=case, name="Peneliti A")
    return case


@pytest.fixture
def published(people):
    case = CaseFactory(owner=people["owner"], title="Terbit", status=Case.Status.PUBLISHED)
    RaterFactory(case=case, name="Peneliti A")
    return case


def as_user(api, user):
    if user is not None:
        api.force_authenticate(user)
    return api
