"""Evidence is attributed to a person's name, never to a login: an account without a full
name is asked for one at its first save in a case, and the history names who saved."""

from __future__ import annotations

import pytest
from django.urls import reverse

from assessments import services
from assessments.models import Indicator, Rater, Rating, User
from tests.assessments.test_workflow import HTMX, rating_post
from tests.factories import CaseFactory, RaterFactory, UserFactory

pytestmark = pytest.mark.django_db
ASKED = "Tuliskan dulu nama Anda: bukti dikaitkan dengan nama itu, bukan dengan login."


@pytest.fixture
def nameless(db):
    return UserFactory(username="ayu", first_name="", last_name="")


@pytest.fixture
def case(nameless):
    return CaseFactory(owner=nameless)


@pytest.fixture
def signed_in(client, nameless):
    client.force_login(nameless)
    return client


def test_the_page_asks_a_nameless_account_for_its_name(signed_in, case):
    body = signed_in.get(reverse("rate-variable", args=[case.pk, "FTF"])).content.decode()
    assert 'name="rater_name"' in body and "Nama Anda sebagai penilai" in body
    assert 'hx-include="#rater-name"' in body  # each row's save sends the name along


def test_a_first_save_without_a_name_saves_nothing_and_asks_for_it(signed_in, case):
    url = reverse("rate-indicator", args=[case.pk, "FTF", "FTF1"])
    row = signed_in.post(url, rating_post("FTF1", 3, evidence="Rapat rutin"), headers=HTMX)
    assert row.status_code == 200 and ASKED in row.content.decode()
    assert "Rapat rutin" in row.content.decode()  # what was typed stays
    page = signed_in.post(url, rating_post("FTF1", 3))
    assert page.status_code == 422 and 'id="rater-name-error"' in page.content.decode()
    assert not Rater.objects.exists() and not Rating.objects.exists()


def test_the_name_given_at_the_first_save_is_the_rater_and_the_account_keeps_it(
    signed_in, case, nameless
):
    url = reverse("rate-indicator", args=[case.pk, "FTF", "FTF1"])
    data = {**rating_post("FTF1", 3, evidence="Rapat rutin"), "rater_name": "  Ayu   Lestari "}
    assert signed_in.post(url, data, headers=HTMX).status_code == 200
    rating = Rating.objects.get()
    assert (rating.rater.name, rating.rater.user, rating.value) == ("Ayu Lestari", nameless, 3)
    nameless.refresh_from_db()
    assert nameless.get_full_name() == "Ayu Lestari"
    # The next case knows the name: nothing is asked there.
    other = CaseFactory(owner=nameless)
    body = signed_in.get(reverse("rate-variable", args=[other.pk, "FTF"])).content.decode()
    assert 'name="rater_name"' not in body


def test_naming_oneself_before_rating(signed_in, case):
    url = reverse("rater-self-create", args=[case.pk, "FTF"])
    refused = signed_in.post(url, {"rater_name": "   "})
    assert refused.status_code == 400 and ASKED in refused.content.decode()
    named = signed_in.post(url, {"rater_name": "Ayu Lestari"})
    rater = Rater.objects.get()
    assert rater.name == "Ayu Lestari" and rater.kind == Rater.Kind.RESEARCHER
    assert named.url == f"{reverse('rate-variable', args=[case.pk, 'FTF'])}?rater={rater.pk}"


def test_a_name_another_rater_of_the_case_has_is_refused(signed_in, case):
    RaterFactory(case=case, name="Ayu Lestari")  # e.g. a coder from an imported sheet
    url = reverse("rater-self-create", args=[case.pk, "FTF"])
    refused = signed_in.post(url, {"rater_name": "Ayu Lestari"})
    assert refused.status_code == 400
    assert "sudah memiliki penilai bernama Ayu Lestari" in refused.content.decode()
    assert Rater.objects.count() == 1


def test_an_account_with_a_full_name_rates_under_it_without_being_asked(client):
    named = UserFactory(username="budi", first_name="Budi", last_name="Santoso")
    case = CaseFactory(owner=named)
    client.force_login(named)
    body = client.get(reverse("rate-variable", args=[case.pk, "FTF"])).content.decode()
    assert 'name="rater_name"' not in body
    url = reverse("rate-indicator", args=[case.pk, "FTF", "FTF1"])
    client.post(url, rating_post("FTF1", 2), headers=HTMX)
    assert Rating.objects.get().rater.name == "Budi Santoso"


def test_saving_every_indicator_at_once_asks_for_the_name_too(signed_in, case):
    url = reverse("rate-variable-all", args=[case.pk, "FTF"])
    codes = Indicator.objects.filter(variable__code="FTF", framework=case.framework)
    data = {}
    for code in codes.values_list("code", flat=True):
        data.update(rating_post(code, 3))
    refused = signed_in.post(url, data)
    assert refused.status_code == 400 and ASKED in refused.content.decode()
    assert not Rating.objects.exists() and not Rater.objects.exists()
    saved = signed_in.post(url, {**data, "rater_name": "Ayu Lestari"})
    assert saved.status_code == 302
    assert set(Rating.objects.values_list("rater__name", flat=True)) == {"Ayu Lestari"}
    assert Rating.objects.count() == codes.count()


def test_the_history_names_who_saved_not_their_login(client, case, nameless):
    colleague = UserFactory(username="rkn-07", first_name="Rini", last_name="Kartika")
    case.collaborators.add(colleague)
    rater = services.rater_for_user(case=case, user=nameless, name="Ayu Lestari")
    indicator = Indicator.objects.get(framework=case.framework, code="FTF1")
    rating = services.rating_upsert(
        case=case, rater=rater, indicator=indicator, value=2, user=nameless
    )
    services.rating_upsert(
        case=case,
        rater=rater,
        indicator=indicator,
        value=3,
        user=colleague,
        expected_version=rating.version,
    )
    client.force_login(colleague)
    body = client.get(reverse("rating-history", args=[case.pk, rating.pk])).content.decode()
    assert "<td>Ayu Lestari</td>" in body and "<td>Rini Kartika</td>" in body
    assert "<td>ayu</td>" not in body and "<td>rkn-07</td>" not in body


def test_an_informants_answers_are_theirs_in_the_history(client, case, nameless):
    informant = RaterFactory(case=case, name="Ketua BKM", kind=Rater.Kind.INFORMANT)
    indicator = Indicator.objects.get(framework=case.framework, code="FTF1")
    rating = services.rating_upsert(case=case, rater=informant, indicator=indicator, value=4)
    client.force_login(nameless)
    body = client.get(reverse("rating-history", args=[case.pk, rating.pk])).content.decode()
    assert "<td>Ketua BKM (informan)</td>" in body


def test_a_pokja_account_is_not_asked_to_rate(client, case):
    pokja = UserFactory(username="pokja", role=User.Role.POKJA, first_name="")
    client.force_login(pokja)
    assert client.get(reverse("rate-variable", args=[case.pk, "FTF"])).status_code in (403, 404)
