"""What BAB V needs from a case, writable where the rest of the case is: the research method,
the suggestions for further research, and the source of each recommendation, actor,
partnership and factor."""

from __future__ import annotations

import pytest

from stakeholders.models import Actor, Factor, Participation

pytestmark = pytest.mark.django_db


def test_the_api_stores_the_chapter_fields_and_every_source(api, people, draft):
    api.force_authenticate(people["owner"])
    base = f"/api/v1/cases/{draft.pk}"
    response = api.patch(
        f"{base}/",
        {"method": "deskriptif kualitatif", "further_research": "Meneliti peran swasta."},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["method"] == "deskriptif kualitatif"
    created = api.post(
        f"{base}/recommendations/",
        {"text": "Aktifkan forum CSR.", "addressed_to": "Pemerintah daerah", "source": "hlm. 7"},
        format="json",
    )
    assert created.status_code == 201 and created.json()["source"] == "hlm. 7"
    factor = api.post(
        f"{base}/factors/",
        {"kind": "tujuan", "text": "Menjawab permasalahan pendanaan", "source": "bagian 4"},
        format="json",
    )
    assert factor.status_code == 201, factor.json()
    assert Factor.objects.get(pk=factor.json()["id"]).source == "bagian 4"
    actor = Actor.objects.create(name="BKM Contoh", kind="institution", sector="masyarakat")
    joined = api.post(
        f"{base}/participations/",
        {"actor": actor.pk, "role": "perencana", "source": "Kesimpulan 1"},
        format="json",
    )
    assert joined.status_code == 201, joined.json()
    assert Participation.objects.get(case=draft, actor=actor).source == "Kesimpulan 1"
    too_long = api.post(
        f"{base}/recommendations/", {"text": "x", "source": "s" * 301}, format="json"
    )
    assert too_long.status_code == 400 and "source" in too_long.json()


def test_the_stakeholders_page_stores_a_participant_note_and_sources(client, people, draft):
    client.force_login(people["owner"])
    url = f"/cases/{draft.pk}/stakeholders/"
    response = client.post(
        url,
        {
            "form": "participant",
            "participant-name": "KSM Contoh",
            "participant-kind": "institution",
            "participant-sector": "masyarakat",
            "participant-role": "pelaksana",
            "participant-note": "Melaksanakan program.",
            "participant-source": "bagian III.5",
        },
    )
    assert response.status_code == 302
    joined = Participation.objects.get(case=draft, actor__name="KSM Contoh")
    assert (joined.note, joined.source) == ("Melaksanakan program.", "bagian III.5")
    response = client.post(
        url,
        {
            "form": "factor",
            "factor-kind": "tujuan",
            "factor-text": "Agar berkelanjutan dan efektif",
            "factor-source": "s" * 301,
        },
    )
    assert response.status_code == 200 and not draft.factors.exists()  # a form error, kept
    assert "factor-source" in response.content.decode()


def test_a_new_person_joins_with_the_institution_they_belong_to(client, people, draft):
    lkm = Actor.objects.create(name="LKM Pasar II", kind="institution", sector="masyarakat")
    client.force_login(people["owner"])
    url = f"/cases/{draft.pk}/stakeholders/"
    base = {
        "form": "participant",
        "participant-name": "Koordinator LKM",
        "participant-sector": "masyarakat",
        "participant-role": "pelaksana",
        "participant-institution": lkm.pk,
    }
    refused = client.post(url, {**base, "participant-kind": "institution"})
    assert refused.status_code == 200 and not Actor.objects.filter(name="Koordinator LKM")
    assert "Hanya individu yang dapat menjadi bagian dari lembaga." in refused.content.decode()
    assert client.post(url, {**base, "participant-kind": "individual"}).status_code == 302
    assert Actor.objects.get(name="Koordinator LKM").institution == lkm
