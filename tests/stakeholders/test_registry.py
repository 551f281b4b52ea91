"""The actor registry: find actors shared across cases; an administrator merges two that are
one, and every case keeps its ties, partnerships and members."""

from __future__ import annotations

import pytest

from assessments.models import User
from common.errors import ApplicationError, NotPermitted
from stakeholders import services
from stakeholders.merging import actor_merge
from stakeholders.models import Actor, Participation, Tie
from tests.factories import CaseFactory, UserFactory

pytestmark = pytest.mark.django_db


def institution(name: str) -> Actor:
    return services.actor_create(name=name, kind="institution", sector="masyarakat")


@pytest.fixture
def admin():
    return UserFactory(username="admin", role=User.Role.ADMIN)


def test_merging_moves_cases_ties_partnerships_and_members(researcher, admin):
    first, second = CaseFactory(owner=researcher), CaseFactory(owner=researcher)
    keep, merge, lurah = (
        institution("BKM Kampung Bugis"),
        institution("BKM Kp. Bugis"),
        institution("Lurah"),
    )
    member = services.actor_create(
        name="Ketua BKM", kind="individual", sector="masyarakat", institution=merge
    )
    services.participation_set(case=first, actor=keep, role="pelaksana")
    services.tie_create(
        case=first, source=merge, target=lurah, form="kerja", direction="asimetris",
        dominant=merge, strength="kuat",
    )  # fmt: skip
    services.tie_create(
        case=first, source=keep, target=merge, form="kerja", direction="simetris", strength="kuat"
    )
    services.tie_create(
        case=second, source=lurah, target=merge, form="kekerabatan", direction="simetris",
        strength="lemah",
    )  # fmt: skip
    partnership = services.partnership_create(
        case=second, partners=[merge, lurah], form="fisik", description="Pelantar"
    )
    actor_merge(keep=keep, merge=merge, user=admin)
    assert not Actor.objects.filter(pk=merge.pk).exists()
    assert set(Participation.objects.filter(actor=keep).values_list("case_id", flat=True)) == {
        first.pk,
        second.pk,
    }
    ties = sorted(
        Tie.objects.values_list("case_id", "source__name", "target__name", "dominant__name")
    )
    assert ties == [
        (first.pk, "BKM Kampung Bugis", "Lurah", "BKM Kampung Bugis"),
        (second.pk, "Lurah", "BKM Kampung Bugis", None),
    ]  # the tie of the two with each other is gone: it would join an actor to itself
    assert set(partnership.partners.values_list("name", flat=True)) == {
        "BKM Kampung Bugis",
        "Lurah",
    }
    member.refresh_from_db()
    assert member.institution == keep


def test_only_an_administrator_merges_and_only_alike_actors(researcher, admin):
    keep, merge = institution("A"), institution("B")
    person = services.actor_create(name="C", kind="individual", sector="masyarakat")
    with pytest.raises(NotPermitted):
        actor_merge(keep=keep, merge=merge, user=researcher)
    with pytest.raises(ApplicationError):
        actor_merge(keep=keep, merge=person, user=admin)
    with pytest.raises(ApplicationError):
        actor_merge(keep=keep, merge=keep, user=admin)
    assert Actor.objects.count() == 3


def test_the_registry_page(client, researcher, admin):
    institution("Bank Sampah Induk")
    client.force_login(researcher)
    page = client.get("/actors/", {"q": "sampah"})
    assert page.status_code == 200 and "Bank Sampah Induk" in page.content.decode()
    assert 'id="actor-merge"' not in page.content.decode()
    assert client.post("/actors/", {}).status_code == 403
    client.force_login(UserFactory(username="pokja", role=User.Role.POKJA))
    assert client.get("/actors/").status_code == 403
    client.force_login(admin)
    keep, merge = institution("Satu"), institution("Satu lagi")
    done = client.post("/actors/", {"keep": keep.pk, "merge": merge.pk})
    assert done.status_code == 302 and not Actor.objects.filter(pk=merge.pk).exists()
    same = client.post("/actors/", {"keep": keep.pk, "merge": keep.pk})
    assert same.status_code == 400 and "Pilih dua aktor yang berbeda." in same.content.decode()
