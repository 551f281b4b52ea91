from __future__ import annotations

import pytest
from django.contrib import admin
from django.test import override_settings
from django.urls import reverse

from demo.loader import load_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(admin_client):
    with override_settings(DEBUG=True):
        load_demo(create_logins=True)
    return admin_client


@pytest.mark.parametrize(
    "model",
    [m for m in admin.site._registry if m._meta.app_label == "assessments"],
    ids=lambda m: m.__name__,
)
def test_every_model_has_a_working_admin_list_and_search(staff, model):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    assert staff.get(url).status_code == 200
    assert staff.get(url, {"q": "bugis"}).status_code == 200
    first = model._default_manager.first()
    if first is not None:
        change = reverse(
            f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[first.pk]
        )
        assert staff.get(change).status_code == 200
