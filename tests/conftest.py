from __future__ import annotations

import pytest
from django.utils import translation

from tests.factories import CaseFactory, RaterFactory, UserFactory


@pytest.fixture(autouse=True)
def _indonesian_by_default():
    with translation.override("id"):
        yield


@pytest.fixture
def researcher(db):
    return UserFactory(username="peneliti")


@pytest.fixture
def case(db, researcher):
    return CaseFactory(owner=researcher)


@pytest.fixture
def raters(case):
    return [RaterFactory(case=case, name="Peneliti A"), RaterFactory(case=case, name="Peneliti B")]


@pytest.fixture
def reference_data(transactional_db):
    """Programs, the scale and the shipped frameworks again: a transactional test starts from
    the flush of the one before, which took the migrations' reference rows with it."""
    from django.apps import apps

    from assessments.reference.frameworks import install_reference_data

    install_reference_data(apps.get_model)
