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
