"""Slum area before and after, and program outputs edited and removed, in the browser forms."""

from __future__ import annotations

from decimal import Decimal

import pytest

from stakeholders import services
from stakeholders.models import ProgramOutput, SlumArea
from tests.factories import CaseFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(researcher):
    return CaseFactory(owner=researcher)


def test_a_slum_area_is_added_and_a_wrong_year_is_said_next_to_its_field(client, case):
    client.force_login(case.owner)
    url = f"/cases/{case.pk}/stakeholders/"
    wrong = client.post(
        url,
        {
            "form": "slum_area",
            "slum_area-location": "Kampung Bugis",
            "slum_area-area_before_ha": "18.92",
            "slum_area-year_before": "2014",
            "slum_area-area_after_ha": "4.66",
            "slum_area-year_after": "2012",
        },
    )
    assert wrong.status_code == 200 and not SlumArea.objects.exists()
    assert "Tahun sesudah tidak boleh sebelum tahun" in wrong.content.decode()
    done = client.post(
        url,
        {
            "form": "slum_area",
            "slum_area-location": "Kampung Bugis",
            "slum_area-area_before_ha": "18.92",
            "slum_area-year_before": "2014",
            "slum_area-area_after_ha": "4.66",
            "slum_area-year_after": "2018",
        },
    )
    assert done.status_code == 302
    area = SlumArea.objects.get(case=case)
    assert (area.area_before_ha, area.area_after_ha) == (Decimal("18.92"), Decimal("4.66"))
    removed = client.post(f"/cases/{case.pk}/slum-area/{area.pk}/delete/")
    assert removed.status_code == 302 and not SlumArea.objects.exists()


def test_an_output_is_edited_and_removed_by_its_case_researchers_only(client, case):
    output = services.output_create(case=case, activity="Jalan beton", volume=Decimal("760"))
    edit = f"/cases/{case.pk}/outputs/{output.pk}/edit/"
    client.force_login(UserFactory(username="orang-lain"))
    assert client.get(edit).status_code == 404
    assert client.post(f"/cases/{case.pk}/output/{output.pk}/delete/").status_code == 404
    client.force_login(case.owner)
    page = client.get(f"/cases/{case.pk}/stakeholders/").content.decode()
    assert edit in page
    saved = client.post(
        edit,
        {"output-activity": "Jalan beton", "output-volume": "2002.38", "output-unit": "m"},
    )
    assert saved.status_code == 302
    output.refresh_from_db()
    assert (output.volume, output.unit) == (Decimal("2002.38"), "m")
    refused = client.post(edit, {"output-activity": "", "output-volume": "-1"})
    assert refused.status_code == 400
    output.refresh_from_db()
    assert output.activity == "Jalan beton"  # nothing half-written
    client.post(f"/cases/{case.pk}/output/{output.pk}/delete/")
    assert not ProgramOutput.objects.exists()
    assert client.post(f"/cases/{case.pk}/partnership/1/delete/").status_code == 404
