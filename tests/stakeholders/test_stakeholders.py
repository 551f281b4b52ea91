from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from assessments.models import Case, User
from common.templatetags.kolaborasi import id_number, rupiah
from stakeholders import services
from stakeholders.models import Actor, Partnership, ProgramOutput, Tie
from tests.factories import CaseFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def actors(db):
    return {
        "lurah": services.actor_create(name="Lurah", kind="institution", sector="pemerintah"),
        "lkm": services.actor_create(name="LKM", kind="institution", sector="masyarakat"),
        "warga": services.actor_create(name="Pak RT", kind="individual", sector="masyarakat"),
    }


def test_a_tie_from_an_actor_to_itself_is_refused(case, actors):
    with pytest.raises(ValidationError) as error:
        services.tie_create(
            case=case,
            source=actors["lurah"],
            target=actors["lurah"],
            form="kerja",
            direction="simetris",
            strength="kuat",
        )
    assert "target" in error.value.message_dict
    assert not Tie.objects.exists()


def test_a_dominant_actor_that_is_not_one_of_the_two_is_refused(case, actors):
    third = services.actor_create(name="Satker", kind="institution", sector="pemerintah")
    with pytest.raises(ValidationError) as error:
        services.tie_create(
            case=case,
            source=actors["lurah"],
            target=actors["lkm"],
            form="kerja",
            direction="asimetris",
            strength="lemah",
            dominant=third,
        )
    assert "dominant" in error.value.message_dict
    assert not Tie.objects.exists()


def test_asymmetric_needs_a_dominant_and_symmetric_has_none(case, actors):
    for direction, dominant in (("asimetris", None), ("simetris", actors["lurah"])):
        with pytest.raises(ValidationError):
            services.tie_create(
                case=case,
                source=actors["lurah"],
                target=actors["lkm"],
                form="kerja",
                direction=direction,
                strength="lemah",
                dominant=dominant,
            )
    assert not Tie.objects.exists()


def test_the_database_refuses_what_the_service_refuses(case, actors):
    for fields in (
        {"target": actors["lurah"]},
        {"direction": "asimetris", "dominant": None},
        {"direction": "asimetris", "dominant": actors["warga"]},
    ):
        values = {
            "case": case,
            "level": "institution",
            "source": actors["lurah"],
            "target": actors["lkm"],
            "form": "kerja",
            "direction": "simetris",
            "strength": "kuat",
            **fields,
        }
        with pytest.raises(IntegrityError), transaction.atomic():
            Tie.objects.create(**values)


def test_individual_and_institutional_actors_are_not_tied(case, actors):
    with pytest.raises(ValidationError) as error:
        services.tie_create(
            case=case,
            source=actors["lurah"],
            target=actors["warga"],
            form="kerja",
            direction="simetris",
            strength="kuat",
        )
    assert "target" in error.value.message_dict


def test_a_tie_adds_both_actors_to_the_case(case, actors):
    tie = services.tie_create(
        case=case,
        source=actors["lurah"],
        target=actors["lkm"],
        form="kerja",
        direction="asimetris",
        strength="lemah",
        dominant=actors["lurah"],
        stage="persiapan",
    )
    assert tie.level == "institution"
    assert case.participations.count() == 2


def test_negative_amounts_are_refused(case, actors):
    with pytest.raises(ValidationError) as error:
        services.partnership_create(
            case=case,
            partners=[actors["lkm"]],
            form="uang",
            description="CSR",
            value_rupiah=Decimal("-1"),
        )
    assert "value_rupiah" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.output_create(case=case, activity="Jalan beton", amount_rupiah=Decimal("-5"))
    assert "amount_rupiah" in error.value.message_dict
    assert not Partnership.objects.exists() and not ProgramOutput.objects.exists()


def test_unknown_stage_is_refused(case, actors):
    with pytest.raises(ValidationError) as error:
        services.participation_set(
            case=case, actor=actors["lkm"], role="pelaksana", stages=["panen"]
        )
    assert "stages" in error.value.message_dict


def test_a_person_belongs_to_an_institution_only(actors):
    with pytest.raises(ValidationError):
        services.actor_create(
            name="X", kind="institution", sector="pemerintah", institution=actors["lkm"]
        )
    with pytest.raises(ValidationError):
        services.actor_create(
            name="Y", kind="individual", sector="masyarakat", institution=actors["warga"]
        )


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("19762620000"), "Rp\u00a019.762.620.000,00"),
        (Decimal("0"), "Rp\u00a00,00"),
        (None, "—"),
    ],
)
def test_rupiah_is_shown_the_indonesian_way(value, text):
    assert rupiah(value) == text


def test_hectares_the_indonesian_way():
    assert id_number(Decimal("18.92")) == "18,92"
    assert id_number(Decimal("2002.38")) == "2.002,38"


# API ------------------------------------------------------------------------------------------


def test_api_network_and_exports(client, researcher, actors):
    case = CaseFactory(owner=researcher)
    services.tie_create(
        case=case,
        source=actors["lurah"],
        target=actors["lkm"],
        form="kerja",
        direction="asimetris",
        strength="lemah",
        dominant=actors["lurah"],
    )
    client.force_login(researcher)
    body = client.get(f"/api/v1/cases/{case.pk}/network/", {"level": "institution"}).json()
    assert body["summary"]["density"] == 1.0 and body["summary"]["components"] == 1
    assert {n["name"] for n in body["nodes"]} == {"Lurah", "LKM"}
    lurah = next(n for n in body["nodes"] if n["name"] == "Lurah")
    assert lurah["dominates"] == [actors["lkm"].pk]
    assert body["edges"][0]["dominant"] == actors["lurah"].pk
    assert client.get(f"/api/v1/cases/{case.pk}/network/", {"level": "x"}).status_code == 400
    gexf = client.get(f"/api/v1/cases/{case.pk}/network.gexf")
    assert gexf.status_code == 200 and b"<gexf" in gexf.content
    graphml = client.get(f"/api/v1/cases/{case.pk}/network.graphml")
    assert b"<graphml" in graphml.content
    csv_text = client.get(f"/api/v1/cases/{case.pk}/network.csv").content.decode()
    assert csv_text.splitlines()[0].startswith("source,target")


def test_api_bad_tie_is_a_400_and_nothing_is_saved(client, researcher, actors):
    case = CaseFactory(owner=researcher)
    client.force_login(researcher)
    response = client.post(
        f"/api/v1/cases/{case.pk}/ties/",
        {
            "source": actors["lurah"].pk,
            "target": actors["lurah"].pk,
            "form": "kerja",
            "direction": "simetris",
            "strength": "kuat",
        },
        content_type="application/json",
    )
    assert response.status_code == 400 and "target" in response.json()
    negative = client.post(
        f"/api/v1/cases/{case.pk}/outputs/",
        {"activity": "Jalan", "amount_rupiah": "-1"},
        content_type="application/json",
    )
    assert negative.status_code == 400 and "amount_rupiah" in negative.json()
    assert not Tie.objects.exists() and not ProgramOutput.objects.exists()


def test_api_stakeholder_endpoints_follow_the_case_rules(client, actors):
    owner = UserFactory(username="pemilik")
    draft = CaseFactory(owner=owner)
    published = CaseFactory(owner=owner, status=Case.Status.PUBLISHED)
    client.force_login(UserFactory(username="pokja", role=User.Role.POKJA))
    assert client.get(f"/api/v1/cases/{draft.pk}/network/").status_code == 404
    assert client.get(f"/api/v1/cases/{draft.pk}/ties/").status_code == 404
    assert client.get(f"/api/v1/cases/{published.pk}/network/").status_code == 200
    posted = client.post(
        f"/api/v1/cases/{published.pk}/factors/",
        {"kind": "kendala", "text": "x"},
        content_type="application/json",
    )
    assert posted.status_code == 403
    client.force_login(UserFactory(username="lain"))
    assert (
        client.post(
            f"/api/v1/cases/{published.pk}/factors/",
            {"kind": "kendala", "text": "x"},
            content_type="application/json",
        ).status_code
        == 403
    )
    client.force_login(owner)
    assert (
        client.post(
            f"/api/v1/cases/{published.pk}/factors/",
            {"kind": "kendala", "text": "x"},
            content_type="application/json",
        ).status_code
        == 201
    )


def test_api_actors_only_change_for_who_added_them(client, researcher):
    client.force_login(researcher)
    created = client.post(
        "/api/v1/actors/",
        {
            "name": "Bappeda Kota",
            "kind": "institution",
            "sector": "pemerintah",
            "type": "bappeda",
            "place": "21.72",
        },
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    actor_id = created.json()["id"]
    assert created.json()["place"] == "21.72"
    client.force_login(UserFactory(username="lain"))
    assert (
        client.patch(
            f"/api/v1/actors/{actor_id}/", {"name": "x"}, content_type="application/json"
        ).status_code
        == 403
    )
    assert Actor.objects.get(pk=actor_id).name == "Bappeda Kota"


# Pages ----------------------------------------------------------------------------------------


def test_stakeholders_page_and_adding_a_tie_with_an_error(
    client, researcher, actors, django_assert_max_num_queries
):
    case = CaseFactory(owner=researcher)
    for actor in (actors["lurah"], actors["lkm"]):
        services.participation_set(case=case, actor=actor, role="pelaksana")
    client.force_login(researcher)
    url = reverse("case-stakeholders", args=[case.pk])
    bad = client.post(
        url,
        {
            "form": "tie",
            "tie-source": actors["lurah"].pk,
            "tie-target": actors["lurah"].pk,
            "tie-form": "kerja",
            "tie-direction": "simetris",
            "tie-strength": "kuat",
            "tie-evidence": "catatan yang diketik",
        },
    )
    assert bad.status_code == 200
    assert "catatan yang diketik" in bad.content.decode() and not Tie.objects.exists()
    good = client.post(
        url,
        {
            "form": "tie",
            "tie-source": actors["lurah"].pk,
            "tie-target": actors["lkm"].pk,
            "tie-form": "kerja",
            "tie-direction": "asimetris",
            "tie-dominant": actors["lurah"].pk,
            "tie-strength": "lemah",
        },
    )
    assert good.status_code == 302 and Tie.objects.count() == 1
    with django_assert_max_num_queries(40):
        page = client.get(url)
    assert "<svg" in page.content.decode() and "marker-end" in page.content.decode()
