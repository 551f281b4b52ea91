"""Every indicator of a variable saved at once: one transaction, all or none."""

from __future__ import annotations

import pytest

from assessments.models import Rating
from tests.factories import CaseFactory, RaterFactory

pytestmark = pytest.mark.django_db


def posted(rater, values: dict[str, object], versions: dict[str, int] | None = None) -> dict:
    data: dict[str, object] = {"rater": rater.pk}
    for code, value in values.items():
        data[f"{code}-value"] = value
        data[f"{code}-evidence"] = f"Bukti {code}"
        data[f"{code}-version"] = (versions or {}).get(code, 0)
    return data


def test_all_indicators_save_in_one_go_or_none_does(client, researcher):
    case = CaseFactory(owner=researcher)
    rater = RaterFactory(case=case, name="Peneliti A")
    client.force_login(researcher)
    url = f"/cases/{case.pk}/rate/FTF/all/"
    refused = client.post(url, posted(rater, {"FTF1": 3, "FTF2": 9, "FTF3": 2}))
    assert refused.status_code == 400 and not Rating.objects.exists()
    done = client.post(url, posted(rater, {"FTF1": 3, "FTF2": 2, "FTF3": 2}))
    assert done.status_code == 302
    assert sorted(Rating.objects.values_list("indicator__code", "value", "version")) == [
        ("FTF1", 3, 1),
        ("FTF2", 2, 1),
        ("FTF3", 2, 1),
    ]
    assert case.variable_results.get(code="FTF").level == 2
    # A page loaded before these saves (versions 0) replaces nothing.
    stale = client.post(url, posted(rater, {"FTF1": 1, "FTF2": 1, "FTF3": 1}), follow=True)
    assert "tidak ada yang disimpan" in stale.content.decode()
    assert set(Rating.objects.values_list("value", flat=True)) == {2, 3}
