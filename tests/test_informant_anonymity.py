"""Informants' names, roles and single answers are for the case's researchers only. A Pokja
viewer of the demo case, on every page and every API operation (exports included), sees the
panel in aggregate and nothing of one informant; the chapter quotes an informant only once a
researcher marked the answer quotable, by role."""

from __future__ import annotations

import io
import json

import pytest
from django.test import override_settings
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer

from assessments import services
from assessments.models import Case, Indicator, Rater, User
from demo.loader import load_demo
from reports.chapter import build_chapter
from tests.factories import UserFactory
from tests.test_page_titles import page_names, url_for

pytestmark = pytest.mark.django_db

NAMES = ["Ibu Sulastri Wening", "Pak Darmaji Kusno", "Mbak Retno Ayuning"]
ROLES = ["bendahara KSM Melati", "ketua RT 09 Bugis", "kader posyandu Seruni"]
WORDS = ["jembatan kayu lapuk", "iuran sampah naik", "rapat di rumah lurah"]


@pytest.fixture
def world(client):
    with override_settings(DEBUG=True):
        load_demo(create_logins=True)
    case = Case.objects.filter(outputs__isnull=False).distinct().get()
    services.case_update(case=case, status=Case.Status.PUBLISHED)
    indicators = list(Indicator.objects.filter(framework=case.framework).order_by("pk")[:3])
    informants = []
    for name, role, words in zip(NAMES, ROLES, WORDS, strict=True):
        informant = services.rater_create(
            case=case, name=name, kind=Rater.Kind.INFORMANT, role=role
        )
        informants.append(informant)
        for indicator in indicators:
            services.rating_upsert(
                case=case, rater=informant, indicator=indicator, value=2, evidence=words
            )
    case.refresh_from_db()
    world = {
        "pk": case.pk,
        "code": case.framework.variables.order_by("order").first().code,
        "rating_pk": case.ratings.filter(rater=informants[0]).first().pk,
        "output_pk": case.outputs.first().pk,
        "conclusion_pk": case.conclusions.first().pk,
        "framework_pk": case.framework_id,
        "job_pk": "00000000-0000-0000-0000-000000000000",
        "token": services.informant_link_issue(rater=informants[0]),
        "informant_ids": {i.pk for i in informants},
        "case": case,
    }
    return world


def text_of(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    kind = response.get("Content-Type", "")
    if kind.startswith("application/pdf"):
        from pypdf import PdfReader

        return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    if "wordprocessingml" in kind:
        import docx

        document = docx.Document(io.BytesIO(content))
        cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
        return " ".join([p.text for p in document.paragraphs] + cells)
    if "spreadsheetml" in kind:
        import openpyxl

        book = openpyxl.load_workbook(io.BytesIO(content))
        return " ".join(
            str(v) for ws in book for row in ws.iter_rows(values_only=True) for v in row
        )
    return content.decode("utf-8", errors="replace")


def leaks(text: str) -> list[str]:
    lowered = text.lower()
    return [secret for secret in (*NAMES, *ROLES, *WORDS) if secret.lower() in lowered]


def api_get_paths(case_pk: int) -> list[str]:
    document = json.loads(
        OpenApiJsonRenderer().render(SchemaGenerator().get_schema(request=None, public=True))
    )
    paths = []
    for path, operations in document["paths"].items():
        if "get" not in operations:
            continue
        for name in ("case_pk", "id"):
            path = path.replace("{" + name + "}", str(case_pk))
        paths.append(path.replace("{variable_code}", "FTF").replace("{code}", "FTF1"))
    return paths


def test_a_pokja_viewer_never_receives_a_name_a_role_or_an_answer_of_an_informant(client, world):
    pokja = User.objects.get(username="pokja")
    client.force_login(pokja)
    seen = 0
    # The questionnaire is the informant's own page, opened with their private link only.
    for name in set(page_names()) - {"informant"}:
        response = client.get(url_for(name, world))
        if response.status_code == 200 and not response.streaming:
            seen += 1
        assert not leaks(text_of(response)), (name, leaks(text_of(response)))
    api_seen = 0
    for path in api_get_paths(world["pk"]):
        response = client.get(path)
        if response.status_code == 200:
            api_seen += 1
        assert not leaks(text_of(response)), (path, leaks(text_of(response)))
    assert seen >= 10 and api_seen >= 25
    # No single answer either: no informant's rating, rater or rating value reaches the API.
    ratings = client.get(f"/api/v1/cases/{world['pk']}/ratings/?page_size=500").json()
    assert not {r["rater"] for r in ratings["results"]} & world["informant_ids"]
    raters = client.get(f"/api/v1/cases/{world['pk']}/raters/").json()
    assert not {r["id"] for r in raters["results"]} & world["informant_ids"]
    scores = client.get(f"/api/v1/cases/{world['pk']}/scores/").json()
    rated_by = {
        r["rater"] for v in scores["variables"] for i in v["indicators"] for r in i["ratings"]
    }
    assert not rated_by & world["informant_ids"]
    # The panel in aggregate, three informants answered: shown.
    assert scores["panel"]["members"] == 3 and scores["panel"]["shown"] is True
    # The informant's rating history is not there for a Pokja viewer.
    history = client.get(f"/cases/{world['pk']}/ratings/{world['rating_pk']}/history/")
    assert history.status_code == 404


def test_the_researchers_see_the_informants_and_choose_what_the_chapter_quotes(client, world):
    case = world["case"]
    client.force_login(case.owner)
    raters_page = client.get(f"/cases/{case.pk}/raters/").content.decode()
    assert all(name in raters_page for name in NAMES)
    assert not leaks(" ".join(build_chapter(case, "id").method_note))
    chapter_text = str(build_chapter(case, "id").variables)
    assert not leaks(chapter_text), "nothing an informant wrote before it is marked"
    page = client.get(f"/cases/{case.pk}/informants/quotes/")
    assert page.status_code == 200 and WORDS[1] in page.content.decode()
    # FTF2 carries the variable's verdict, so the chapter quotes its evidence.
    answer = case.ratings.get(rater__name=NAMES[1], indicator__code="FTF2")
    response = client.post(f"/cases/{case.pk}/informants/quotes/", {"quotable": [answer.pk]})
    assert response.status_code == 302
    answer.refresh_from_db()
    assert answer.quotable
    chapter_text = str(build_chapter(case, "id").variables)
    assert WORDS[1] in chapter_text and f"informan, {ROLES[1]}" in chapter_text
    assert NAMES[1] not in chapter_text
    # An id that is not an informant's written answer is refused, and nothing changes.
    coder_rating = case.ratings.exclude(rater__kind=Rater.Kind.INFORMANT).first()
    refused = client.post(
        f"/cases/{case.pk}/informants/quotes/", {"quotable": [answer.pk, coder_rating.pk]}
    )
    assert refused.status_code == 200
    answer.refresh_from_db()
    assert answer.quotable
    # Another researcher (not of this case) cannot open the page.
    client.force_login(UserFactory.create(username="peneliti-luar"))
    assert client.get(f"/cases/{case.pk}/informants/quotes/").status_code in (403, 404)
