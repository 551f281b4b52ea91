"""Recommendations name the actors they address: on the stakeholders page, in BAB V's groups,
and through an actor merge."""

from __future__ import annotations

import pytest

from assessments import services as assessment_services
from reports.chapter import build_chapter
from stakeholders import services
from stakeholders.merging import actor_merge
from stakeholders.models import Actor, Addressee
from tests.factories import CaseFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(researcher):
    case = CaseFactory(owner=researcher)
    for name in ("Bappeda Kota Tanjungpinang", "BKM Kampung Bugis"):
        actor = services.actor_create(name=name, kind="institution", sector="pemerintah")
        services.participation_set(case=case, actor=actor, role="pendamping")
    return case


def test_the_page_names_the_addressees_and_the_chapter_groups_by_them(client, case):
    first = assessment_services.recommendation_create(case=case, text="Susun rencana aksi")
    assessment_services.recommendation_create(case=case, text="Rawat jalan", addressed_to="Warga")
    bappeda = Actor.objects.get(name__startswith="Bappeda")
    stranger = services.actor_create(name="Orang luar", kind="institution", sector="swasta")
    client.force_login(case.owner)
    url = f"/cases/{case.pk}/stakeholders/"
    refused = client.post(
        url,
        {
            "form": "addressees",
            "addressees-recommendation": first.pk,
            "addressees-actors": [stranger.pk],
        },
    )
    assert refused.status_code == 200 and not Addressee.objects.exists()
    saved = client.post(
        url,
        {
            "form": "addressees",
            "addressees-recommendation": first.pk,
            "addressees-actors": [bappeda.pk],
        },
    )
    assert saved.status_code == 302
    assert (
        "Susun rencana aksi — <strong>Bappeda Kota Tanjungpinang</strong>"
        in client.get(url).content.decode()
    )
    groups = build_chapter(case, "id").recommendation_groups
    assert [(g.heading, g.items) for g in groups] == [
        ("Saran untuk Bappeda Kota Tanjungpinang", ["Susun rencana aksi."]),
        ("Saran untuk Warga", ["Rawat jalan."]),
    ]


def test_a_merge_keeps_whom_a_recommendation_addresses(case):
    admin = UserFactory(username="admin", role="admin")
    recommendation = assessment_services.recommendation_create(case=case, text="Perkuat BKM")
    bkm = Actor.objects.get(name="BKM Kampung Bugis")
    twin = services.actor_create(name="BKM Kp. Bugis", kind="institution", sector="masyarakat")
    services.participation_set(case=case, actor=twin, role="pelaksana")
    services.addressees_set(recommendation=recommendation, actors=[bkm, twin])
    actor_merge(keep=bkm, merge=twin, user=admin)
    assert list(recommendation.addressees.values_list("actor__name", flat=True)) == [
        "BKM Kampung Bugis"
    ]


def _addressees_url(case, recommendation):
    return f"/api/v1/cases/{case.pk}/recommendations/{recommendation.pk}/addressees/"


def test_the_api_sets_and_reads_whom_a_recommendation_addresses(
    case, django_assert_max_num_queries
):
    from rest_framework.test import APIClient

    recommendation = assessment_services.recommendation_create(case=case, text="Susun rencana")
    bappeda = Actor.objects.get(name__startswith="Bappeda")
    bkm = Actor.objects.get(name__startswith="BKM")
    api = APIClient()
    api.force_authenticate(case.owner)
    url = _addressees_url(case, recommendation)
    assert api.get(url).json() == {
        "recommendation": recommendation.pk,
        "actors": [],
        "actor_names": [],
    }
    saved = api.put(url, {"actors": [bkm.pk, bappeda.pk, bkm.pk]}, format="json")
    assert saved.status_code == 200, saved.content
    # By name, in the database's collation; each id beside its name, each actor once.
    named = dict(zip(saved.json()["actors"], saved.json()["actor_names"], strict=True))
    assert named == {bkm.pk: "BKM Kampung Bugis", bappeda.pk: "Bappeda Kota Tanjungpinang"}
    with django_assert_max_num_queries(8):
        assert api.get(url).json() == saved.json()
    (group,) = build_chapter(case, "id").recommendation_groups
    assert "Bappeda Kota Tanjungpinang" in group.heading and "BKM Kampung Bugis" in group.heading
    cleared = api.put(url, {"actors": []}, format="json")
    assert cleared.json()["actors"] == [] and not Addressee.objects.exists()


def test_the_api_refuses_an_actor_outside_the_case_and_changes_nothing(case):
    from rest_framework.test import APIClient

    recommendation = assessment_services.recommendation_create(case=case, text="Susun rencana")
    bkm = Actor.objects.get(name="BKM Kampung Bugis")
    services.addressees_set(recommendation=recommendation, actors=[bkm])
    stranger = services.actor_create(name="Orang luar", kind="institution", sector="swasta")
    api = APIClient()
    api.force_authenticate(case.owner)
    url = _addressees_url(case, recommendation)
    refused = api.put(url, {"actors": [stranger.pk]}, format="json")
    assert refused.status_code == 400
    assert refused.json() == {"actors": ["Bukan aktor kasus ini: Orang luar."]}
    missing = api.put(url, {"actors": [999999]}, format="json")
    assert missing.status_code == 400 and "actors" in missing.json()
    shapeless = api.put(url, {"actors": "BKM"}, format="json")
    assert shapeless.status_code == 400 and "actors" in shapeless.json()
    assert list(recommendation.addressees.values_list("actor", flat=True)) == [bkm.pk]


def test_only_who_may_edit_the_case_sets_addressees(case, db):
    from rest_framework.test import APIClient

    from assessments.models import Case

    recommendation = assessment_services.recommendation_create(case=case, text="Susun rencana")
    other_case = CaseFactory(owner=case.owner)
    url = _addressees_url(case, recommendation)
    api = APIClient()
    api.force_authenticate(UserFactory(username="orang-lain"))
    assert api.get(url).status_code == 404  # a draft of someone else's
    assert api.put(url, {"actors": []}, format="json").status_code == 404
    case.status = Case.Status.PUBLISHED
    case.save(update_fields=["status"])
    assert api.get(url).status_code == 200  # published: anyone signed in reads it
    assert api.put(url, {"actors": []}, format="json").status_code == 403
    owner = APIClient()
    owner.force_authenticate(case.owner)
    elsewhere = _addressees_url(other_case, recommendation)
    assert owner.get(elsewhere).status_code == 404  # not a recommendation of that case
