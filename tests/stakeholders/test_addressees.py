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
