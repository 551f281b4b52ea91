"""Ties from an edge list, as Kumu and Gephi export one: previewed, then saved all or nothing
through the same rules as the tie form."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook
from rest_framework.test import APIClient

from common.errors import ApplicationError
from stakeholders import services
from stakeholders.models import Actor, Participation, Tie
from stakeholders.tie_import import ties_import, ties_plan
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(researcher):
    case = CaseFactory(owner=researcher)
    for name, label in (("Satker PKP Kota Prabumulih", "MF"), ("LKM Kelurahan Pasar II", "MH")):
        actor = services.actor_create(
            name=name, kind="institution", sector="pemerintah", short_label=label
        )
        services.participation_set(case=case, actor=actor, role="pendamping")
    return case


def workbook(edges: list[list[str]], actors: list[list[str]]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Relasi"
    for row in edges:
        sheet.append(row)
    extra = book.create_sheet("Aktor")
    for row in actors:
        extra.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def snapshot(case) -> tuple:
    ties = sorted(
        Tie.objects.filter(case=case).values_list(
            "source__name", "target__name", "form", "direction", "strength", "dominant__name"
        )
    )
    return ties, Actor.objects.count(), Participation.objects.filter(case=case).count()


def test_an_edge_list_with_new_actors_saves_and_imports_again_as_unchanged(case):
    content = workbook(
        [
            ["From", "To", "Form", "Direction", "Strength", "Stage"],
            ["MF", "MH", "kekerabatan", "asimetris", "lemah", "pelaksanaan"],
            ["MH", "Bank Sampah Induk", "kerja", "simetris", "lemah", ""],
        ],
        [["Name", "Kind", "Sector"], ["Bank Sampah Induk", "lembaga", "swasta"]],
    )
    plan = ties_import(case=case, content=content, filename="jaringan.xlsx", user=case.owner)
    assert plan.summary == {"new": 2, "changed": 0, "unchanged": 0}
    asymmetric = Tie.objects.get(case=case, direction="asimetris")
    # An asymmetric tie without a dominant actor is led by its From actor, as Kumu draws it.
    assert asymmetric.dominant.short_label == "MF" and asymmetric.stage == "pelaksanaan"
    bank = Actor.objects.get(name="Bank Sampah Induk")
    assert (bank.kind, bank.sector) == ("institution", "swasta")
    assert Participation.objects.filter(case=case, actor=bank).exists()
    before = snapshot(case)
    again = ties_import(case=case, content=content, filename="jaringan.xlsx", user=case.owner)
    assert again.summary == {"new": 0, "changed": 0, "unchanged": 2}
    assert snapshot(case) == before


def test_kumu_columns_and_a_changed_strength(case):
    first = b"From,To,Type,Direction,Strength\nMF,MH,work,mutual,weak\n"
    ties_import(case=case, content=first, filename="kumu.csv", user=None)
    second = b"From,To,Type,Direction,Strength\nMF,MH,work,mutual,strong\n"
    plan = ties_plan(case=case, content=second, filename="kumu.csv")
    assert plan.summary == {"new": 0, "changed": 1, "unchanged": 0}
    ties_import(case=case, content=second, filename="kumu.csv", user=None)
    assert list(Tie.objects.filter(case=case).values_list("strength", flat=True)) == ["kuat"]


def test_every_bad_row_is_listed_and_nothing_changes(case):
    ties_import(
        case=case,
        content=b"From,To,Form,Direction,Strength\nMF,MH,kerja,simetris,kuat\n",
        filename="a.csv",
        user=None,
    )
    person = services.actor_create(name="Ketua KSM", kind="individual", sector="masyarakat")
    services.participation_set(case=case, actor=person, role="pelaksana")
    before = snapshot(case)
    content = (
        b"From,To,Form,Direction,Strength\n"
        b"MF,Orang Asing,kerja,simetris,kuat\n"
        b"MF,MH,darah,simetris,kuat\n"
        b"MF,MH,kerja,miring,kuat\n"
        b"MF,MH,kerja,simetris,sedang\n"
        b"MF,Ketua KSM,kerja,simetris,kuat\n"
        b"MH,MF,kerja,simetris,kuat\n"
        b"MH,MF,kerja,simetris,lemah\n"
        b"MF,MF,kerja,simetris,kuat\n"
    )
    with pytest.raises(ApplicationError) as refused:
        ties_import(case=case, content=content, filename="salah.csv", user=None)
    errors = refused.value.detail["file"]
    messages = [(e["row"], e["column"], e["message"]) for e in errors]
    assert messages == [
        (2, "Ke", messages[0][2]),
        (3, "Bentuk", "Tulis kekerabatan atau kerja."),
        (4, "Arah", messages[2][2]),
        (5, "Ikatan", "Tulis kuat atau lemah."),
        (6, "Ke", messages[4][2]),
        (8, "Ke", "Relasi yang sama juga ada di baris 7."),
        (9, "Ke", "Relasi memerlukan dua aktor yang berbeda."),
    ]
    assert "Orang Asing" in messages[0][2] and "simetris" in messages[2][2]
    assert "individu" in messages[4][2].lower() or "perorangan" in messages[4][2].lower()
    assert snapshot(case) == before


def test_the_api_and_the_page(client, case):
    api = APIClient()
    api.force_authenticate(case.owner)
    file = io.BytesIO(b"From,To,Form,Direction,Strength\nMF,MH,kerja,simetris,kuat\n")
    file.name = "a.csv"
    url = f"/api/v1/cases/{case.pk}/ties/import/"
    preview = api.post(url + "?dry_run=true", {"file": file}, format="multipart")
    assert preview.status_code == 200, preview.json()
    assert preview.json()["rows"][0]["cells"][0] == "MF — MH"
    assert not Tie.objects.filter(case=case).exists()
    client.force_login(case.owner)
    page = f"/cases/{case.pk}/ties/import/"
    file.seek(0)
    shown = client.post(page, {"action": "preview", "file": file})
    assert shown.status_code == 200 and "1 baru, 0 berubah, 0 tetap." in shown.content.decode()
    done = client.post(page, {"action": "confirm", "digest": shown.context["digest"]})
    assert done.status_code == 302 and Tie.objects.filter(case=case).count() == 1


def test_the_two_actor_fields_are_labelled_apart(client, case):
    client.force_login(case.owner)
    page = client.get(f"/cases/{case.pk}/stakeholders/").content.decode()
    assert ">Individu atau lembaga<" in page and ">Jenis aktor<" in page
