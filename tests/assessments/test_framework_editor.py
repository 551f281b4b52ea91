from __future__ import annotations

import pytest
from django.urls import reverse

from assessments.models import Case, Framework
from tests.factories import CaseFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def copy(client, researcher):
    client.force_login(researcher)
    shipped = Framework.objects.get(code="ansell-gash-2008")
    response = client.post(reverse("frameworks"), {"framework": shipped.pk, "name": "Salinan"})
    framework = Framework.objects.get(owner=researcher)
    assert response["Location"] == reverse("framework-edit", args=[framework.pk])
    return framework


def edit(client, framework, **data):
    return client.post(reverse("framework-edit", args=[framework.pk]), data)


def test_copy_then_add_rename_reorder_and_remove(client, copy):
    edit(
        client,
        copy,
        action="add_variable",
        **{
            "new-variable-code": "KOM",
            "new-variable-name_id": "Komunikasi",
            "new-variable-name_en": "Communication",
        },
    )
    edit(
        client,
        copy,
        action="add_indicator",
        variable="KOM",
        **{
            "new-indicator-code": "KOM1",
            "new-indicator-name_id": "Koordinasi",
            "new-indicator-name_en": "",
            "new-indicator-weight": "2",
        },
    )
    edit(
        client,
        copy,
        action="rename_variable",
        variable="FTF",
        name_id="Dialog langsung",
        name_en="Direct dialogue",
    )
    edit(client, copy, action="variable_up", variable="TB")
    edit(client, copy, action="delete_indicator", indicator="IO3")
    edit(client, copy, action="indicator_down", indicator="FTF1")
    assert list(copy.variables.order_by("order").values_list("code", flat=True)) == [
        "TB",
        "FTF",
        "CP",
        "SU",
        "IO",
        "KOM",
    ]
    ftf = copy.variables.get(code="FTF")
    assert ftf.name_id == "Dialog langsung"
    assert list(ftf.indicators.order_by("order").values_list("code", flat=True)) == [
        "FTF2",
        "FTF1",
        "FTF3",
    ]
    assert copy.indicators.get(code="KOM1").weight == 2
    assert not copy.indicators.filter(code="IO3").exists()
    shipped = Framework.objects.get(code="ansell-gash-2008")
    assert shipped.indicators.count() == 15
    assert shipped.variables.get(code="FTF").name_id == "Dialog tatap muka"


def test_a_duplicate_code_is_an_error_next_to_the_field(client, copy):
    response = edit(
        client,
        copy,
        action="add_variable",
        **{
            "new-variable-code": "FTF",
            "new-variable-name_id": "Yang diketik",
            "new-variable-name_en": "",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200 and "errorlist" in body
    assert 'value="Yang diketik"' in body
    assert copy.variables.count() == 5


def test_a_shipped_framework_is_read_only_and_says_why(client, researcher):
    client.force_login(researcher)
    shipped = Framework.objects.get(code="ansell-gash-2008")
    body = client.get(reverse("framework-edit", args=[shipped.pk])).content.decode()
    assert "salin lalu ubah salinannya" in body
    edit(client, shipped, action="rename_variable", variable="FTF", name_id="x")
    assert shipped.variables.get(code="FTF").name_id == "Dialog tatap muka"


def test_a_framework_used_by_a_published_case_is_locked_with_the_reason(client, copy, researcher):
    CaseFactory(owner=researcher, framework=copy, status=Case.Status.PUBLISHED)
    body = client.get(reverse("framework-edit", args=[copy.pk])).content.decode()
    assert "sudah terbit" in body
    edit(client, copy, action="delete_indicator", indicator="FTF1")
    assert copy.indicators.filter(code="FTF1").exists()


def test_someone_elses_copy_is_not_found(client, copy):
    client.force_login(UserFactory(username="lain"))
    assert client.get(reverse("framework-edit", args=[copy.pk])).status_code == 404
