"""An overall verdict needs the framework's coverage (every variable by default); short of it,
every reader says "Belum dapat disimpulkan (1 dari 5 variabel dinilai)": the case page, the
home list, the API and the chapter."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from assessments import services
from assessments.models import CaseResult, Framework, Indicator
from reports.chapter import build_chapter
from tests.factories import CaseFactory, RaterFactory

SHORT = "Belum dapat disimpulkan (1 dari 5 variabel dinilai)"


@pytest.fixture
def one_variable_rated(case, raters):
    for indicator in Indicator.objects.filter(framework=case.framework, variable__code="FTF"):
        services.rating_upsert(case=case, rater=raters[0], indicator=indicator, value=3)
    return case


def test_every_reader_says_the_overall_cannot_be_concluded_yet(
    client, researcher, one_variable_rated
):
    case = one_variable_rated
    stored = CaseResult.objects.get(case=case)
    assert (stored.level, stored.variables_rated, stored.variables_total) == (None, 1, 5)
    client.force_login(researcher)
    assert SHORT in client.get(f"/cases/{case.pk}/").content.decode()
    assert SHORT in client.get("/").content.decode()
    api = APIClient()
    api.force_authenticate(researcher)
    overall = api.get(f"/api/v1/cases/{case.pk}/scores/").json()["overall"]
    assert overall["verdict_label"] == SHORT and overall["level"] is None
    assert (overall["variables_rated"], overall["variables_total"]) == (1, 5)
    assert (overall["variables_needed"], overall["concludable"]) == (5, False)
    chapter = build_chapter(case, "id")
    assert "Kesimpulan keseluruhan belum dapat ditarik" in chapter.overall
    assert "1 dari 5 variabel" in chapter.overall


def test_a_framework_that_needs_one_variable_concludes_and_its_cases_are_rescored(researcher):
    copy = services.framework_copy(
        framework=Framework.objects.get(code="ansell-gash-2008"), owner=researcher
    )
    case = CaseFactory.create(owner=researcher, framework=copy)
    rater = RaterFactory.create(case=case)
    for indicator in Indicator.objects.filter(framework=copy, variable__code="FTF"):
        services.rating_upsert(case=case, rater=rater, indicator=indicator, value=3)
    assert CaseResult.objects.get(case=case).level is None
    services.framework_update(framework=copy, user=researcher, min_variables_rated=1)
    stored = CaseResult.objects.get(case=case)
    assert (stored.level, stored.computed_level) == (3, 3)
    api = APIClient()
    api.force_authenticate(researcher)
    body = api.get(f"/api/v1/cases/{case.pk}/scores/").json()
    assert body["overall"]["concludable"] is True
    assert body["method"]["variables_needed"] == 1


def test_a_minimum_of_zero_is_refused(researcher):
    from django.core.exceptions import ValidationError

    copy = services.framework_copy(
        framework=Framework.objects.get(code="ansell-gash-2008"), owner=researcher
    )
    with pytest.raises(ValidationError) as refused:
        services.framework_update(framework=copy, user=researcher, min_variables_rated=0)
    assert "min_variables_rated" in refused.value.message_dict
