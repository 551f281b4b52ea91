from __future__ import annotations

import pytest
from django.contrib import admin
from django.test import override_settings
from django.urls import reverse

from assessments import services
from assessments.models import Case, Framework, Variable
from demo.loader import load_demo
from tests.factories import CaseFactory

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


# Variables and indicators follow the framework editor's rules in the admin too ----------------


def _change_url(obj):
    return reverse(f"admin:assessments_{obj._meta.model_name}_change", args=[obj.pk])


def _variable_form(variable, **changes):
    """The variable's admin form as posted, with its indicators inline and `changes` applied."""
    indicators = list(variable.indicators.order_by("order"))
    data = {
        "order": variable.order,
        "code": variable.code,
        "name_id": variable.name_id,
        "name_en": variable.name_en,
        "description": variable.description,
        "indicators-TOTAL_FORMS": len(indicators),
        "indicators-INITIAL_FORMS": len(indicators),
        "indicators-MIN_NUM_FORMS": 0,
        "indicators-MAX_NUM_FORMS": 1000,
    }
    for index, indicator in enumerate(indicators):
        data.update(
            {
                f"indicators-{index}-id": indicator.pk,
                f"indicators-{index}-variable": variable.pk,
                f"indicators-{index}-order": indicator.order,
                f"indicators-{index}-code": indicator.code,
                f"indicators-{index}-name_id": indicator.name_id,
                f"indicators-{index}-name_en": indicator.name_en,
                f"indicators-{index}-weight": indicator.weight,
            }
        )
    data.update(changes)
    return data


def test_admin_cannot_change_a_shipped_frameworks_variables(admin_client):
    variable = Variable.objects.get(framework__code="ansell-gash-2008", code="FTF")
    response = admin_client.post(_change_url(variable), _variable_form(variable, name_id="x"))
    assert response.status_code == 403
    variable.refresh_from_db()
    assert variable.name_id == "Dialog tatap muka"


def test_admin_edits_a_copy_through_the_framework_services(admin_client, admin_user):
    shipped = Framework.objects.get(code="ansell-gash-2008")
    copy = services.framework_copy(framework=shipped, owner=admin_user)
    variable = copy.variables.get(code="FTF")
    response = admin_client.post(
        _change_url(variable), _variable_form(variable, name_id="Dialog langsung")
    )
    assert response.status_code == 302
    variable.refresh_from_db()
    assert variable.name_id == "Dialog langsung"
    assert shipped.variables.get(code="FTF").name_id == "Dialog tatap muka"


def test_admin_refuses_a_duplicate_indicator_code_on_the_form(admin_client, admin_user):
    copy = services.framework_copy(
        framework=Framework.objects.get(code="ansell-gash-2008"), owner=admin_user
    )
    variable = copy.variables.get(code="FTF")
    response = admin_client.post(
        reverse("admin:assessments_indicator_add"),
        {"variable": variable.pk, "order": 9, "code": "TB1", "name_id": "Salinan", "weight": 1},
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors
    assert not variable.indicators.filter(code="TB1").exists()


def test_admin_cannot_add_to_a_framework_a_published_case_uses(admin_client, admin_user):
    copy = services.framework_copy(
        framework=Framework.objects.get(code="ansell-gash-2008"), owner=admin_user
    )
    CaseFactory(owner=admin_user, framework=copy, status=Case.Status.PUBLISHED)
    response = admin_client.post(
        reverse("admin:assessments_variable_add"),
        {
            "framework": copy.pk,
            "order": 9,
            "code": "KOM",
            "name_id": "Komunikasi",
            "indicators-TOTAL_FORMS": 0,
            "indicators-INITIAL_FORMS": 0,
            "indicators-MIN_NUM_FORMS": 0,
            "indicators-MAX_NUM_FORMS": 1000,
        },
    )
    assert response.status_code == 200
    assert "sudah terbit" in str(response.context["adminform"].form.errors)
    assert not copy.variables.filter(code="KOM").exists()


def test_admin_adds_renames_and_removes_indicators_inline(admin_client, admin_user):
    copy = services.framework_copy(
        framework=Framework.objects.get(code="ansell-gash-2008"), owner=admin_user
    )
    variable = copy.variables.get(code="FTF")
    data = _variable_form(variable, **{"indicators-0-name_id": "Komunikasi harian"})
    data["indicators-2-DELETE"] = "on"
    data.update(
        {
            "indicators-TOTAL_FORMS": 4,
            "indicators-3-variable": variable.pk,
            "indicators-3-order": 4,
            "indicators-3-code": "FTF4",
            "indicators-3-name_id": "Forum warga",
            "indicators-3-name_en": "",
            "indicators-3-weight": "1",
        }
    )
    response = admin_client.post(_change_url(variable), data)
    assert response.status_code == 302
    assert list(variable.indicators.order_by("order").values_list("code", "name_id")) == [
        ("FTF1", "Komunikasi harian"),
        ("FTF2", "Kualitas komunikasi"),
        ("FTF4", "Forum warga"),
    ]


def test_deleting_ratings_in_the_admin_keeps_stored_results_true(staff):
    case = Case.objects.filter(ratings__isnull=False).distinct().first()
    ratings = list(
        case.ratings.filter(indicator__variable__code="FTF").values_list("pk", flat=True)
    )
    response = staff.post(
        reverse("admin:assessments_rating_changelist"),
        {"action": "delete_selected", "_selected_action": ratings, "post": "yes"},
    )
    assert response.status_code == 302
    assert not case.ratings.filter(indicator__variable__code="FTF").exists()
    assert case.variable_results.get(code="FTF").level is None
    assert services.cases_results_differences(cases=Case.objects.filter(pk=case.pk)) == []
