"""The researcher's own rule: set on their framework copy in the browser and through the API,
with a preview of how their cases' verdicts would change before anything is saved."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from assessments import selectors, services
from assessments.models import Case, Framework, Indicator, VariableResult
from tests.factories import CaseFactory, RaterFactory

from .test_robustness import store_one_and_two_then_threes


@pytest.fixture
def copy_with_a_case(researcher):
    """FTF at 1,50 (level 1 by interval class, 2 by % of the ideal); the rest at 3."""
    copy = services.framework_copy(
        framework=Framework.objects.get(code="ansell-gash-2008"), owner=researcher
    )
    case = CaseFactory.create(owner=researcher, framework=copy, title="Kampung Bugis")
    store_one_and_two_then_threes(
        case, [RaterFactory.create(case=case, name=f"Pengode {n}") for n in (1, 2)]
    )
    return copy, case


def ftf_level(case: Case) -> int | None:
    return VariableResult.objects.get(case=case, code="FTF").level


def test_the_preview_lists_what_changes_and_saves_nothing(researcher, copy_with_a_case):
    copy, case = copy_with_a_case
    preview = selectors.framework_rule_preview(
        framework=copy, user=researcher, rule={"banding": "percentage"}
    )
    assert preview.cases == 1
    assert [(c.code, c.before.value, c.after.value) for c in preview.changes] == [("FTF", 1, 2)]
    # The lowest level overall: 1 now, 2 with percentages.
    lowest = selectors.framework_rule_preview(
        framework=copy, user=researcher, rule={"banding": "percentage", "overall_method": "minimum"}
    )
    assert [(c.code, c.after.value) for c in lowest.changes] == [("FTF", 2), ("", 2)]
    assert ftf_level(case) == 1 and Framework.objects.get(pk=copy.pk).banding == "interval"
    # A case stored before results were kept is scored now, with the same preview.
    from assessments.models import CaseResult

    VariableResult.objects.filter(case=case).delete()
    CaseResult.objects.filter(case=case).delete()
    again = selectors.framework_rule_preview(
        framework=copy, user=researcher, rule={"banding": "percentage", "overall_method": "minimum"}
    )
    assert [(c.code, c.before.value, c.after.value) for c in again.changes] == [
        ("FTF", 1, 2),
        ("", 3, 2),  # the median of (1, 3, 3, 3, 3) now; the lowest, 2, with percentages
    ]


def test_the_browser_form_previews_then_saves_and_rescores(client, researcher, copy_with_a_case):
    copy, case = copy_with_a_case
    client.force_login(researcher)
    form = {
        "rule-indicator_aggregation": "median",
        "rule-banding": "percentage",
        "rule-band_thresholds": "",
        "rule-overall_method": "median",
        "rule-min_variables_rated": "",
        "rule-panel_weight": "1",
    }
    preview = client.post(f"/frameworks/{copy.pk}/", {**form, "action": "rule_preview"})
    text = preview.content.decode()
    assert 'id="rule-preview"' in text and "Kampung Bugis" in text
    assert "Belum terlaksana" in text and "Terlaksana namun kurang baik" in text
    assert ftf_level(case) == 1
    saved = client.post(f"/frameworks/{copy.pk}/", {**form, "action": "rule_save"})
    assert saved.status_code == 302
    assert ftf_level(case) == 2
    bad = client.post(
        f"/frameworks/{copy.pk}/",
        {
            **form,
            "rule-banding": "explicit",
            "rule-band_thresholds": "2,5; x",
            "action": "rule_save",
        },
    )
    assert "x bukan angka" in bad.content.decode()
    assert Framework.objects.get(pk=copy.pk).banding == "percentage"


def test_the_api_reads_previews_and_sets_the_rule(researcher, copy_with_a_case):
    copy, case = copy_with_a_case
    api = APIClient()
    api.force_authenticate(researcher)
    url = f"/api/v1/frameworks/{copy.pk}/rule/"
    assert api.get(url).json()["banding"] == "interval"
    preview = api.post(f"{url}preview/", {"banding": "percentage"}, format="json").json()
    assert preview["cases"] == 1
    assert preview["changes"] == [
        {
            "case": case.pk,
            "case_title": "Kampung Bugis",
            "variable": "FTF",
            "before": 1,
            "after": 2,
            "before_label": "Belum terlaksana",
            "after_label": "Terlaksana namun kurang baik",
        }
    ]
    assert ftf_level(case) == 1
    wrong = api.put(url, {"banding": "explicit", "band_thresholds": [3, 2, 1]}, format="json")
    assert wrong.status_code == 400 and "band_thresholds" in wrong.json()
    assert api.put(url, {"banding": "percentage"}, format="json").status_code == 200
    assert ftf_level(case) == 2 and api.get(url).json()["banding"] == "percentage"


def test_a_rule_that_a_published_case_or_a_shipped_framework_uses_is_refused(
    researcher, copy_with_a_case
):
    copy, case = copy_with_a_case
    api = APIClient()
    api.force_authenticate(researcher)
    shipped = Framework.objects.get(code="ansell-gash-2008")
    refused = api.put(f"/api/v1/frameworks/{shipped.pk}/rule/", {"banding": "percentage"})
    assert refused.status_code in (400, 403)
    services.case_update(case=case, status=Case.Status.PUBLISHED)
    refused = api.put(
        f"/api/v1/frameworks/{copy.pk}/rule/", {"banding": "percentage"}, format="json"
    )
    assert refused.status_code in (400, 403)
    assert api.post(f"/api/v1/frameworks/{copy.pk}/rule/preview/", {}).status_code in (400, 403)
    assert Framework.objects.get(pk=copy.pk).banding == "interval" and ftf_level(case) == 1


def test_indicator_weights_are_previewed_and_set_through_the_api(researcher, copy_with_a_case):
    """FTF3 rated 4 by both coders: FTF is (1,50 + 1,50 + 4) / 3 = 2,33, level 2; with FTF3
    weighted 3 it is (1,50 + 1,50 + 12) / 5 = 3,00, level 3."""
    copy, case = copy_with_a_case
    ftf3 = Indicator.objects.get(framework=copy, code="FTF3")
    for rater in case.raters.all():
        services.rating_upsert(case=case, rater=rater, indicator=ftf3, value=4)
    assert ftf_level(case) == 2
    api = APIClient()
    api.force_authenticate(researcher)
    url = f"/api/v1/frameworks/{copy.pk}/rule/"
    preview = api.post(f"{url}preview/", {"indicator_weights": {"FTF3": 3}}, format="json")
    assert [(c["variable"], c["before"], c["after"]) for c in preview.json()["changes"]] == [
        ("FTF", 2, 3)
    ]
    assert ftf_level(case) == 2
    unknown = api.put(url, {"indicator_weights": {"XX9": 2}}, format="json")
    assert unknown.status_code == 400 and "XX9" in str(unknown.json())
    saved = api.put(url, {"indicator_weights": {"FTF3": "3"}}, format="json")
    assert saved.status_code == 200 and saved.json()["indicator_weights"]["FTF3"] == 3.0
    assert ftf_level(case) == 3
