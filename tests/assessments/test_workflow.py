"""The researcher's workflow through the pages (server side; the browser journeys are in
tests/browser)."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments import services
from assessments.models import Case, Conclusion, Indicator, Program, Rater, Rating, User
from tests.factories import CaseFactory, RaterFactory, UserFactory

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}


@pytest.fixture
def signed_in(client, researcher):
    client.force_login(researcher)
    return client


def rating_post(code: str, value, *, version: int = 0, evidence: str = "", rater=None):
    data = {
        f"{code}-value": "" if value is None else str(value),
        f"{code}-evidence": evidence,
        f"{code}-source_type": "wawancara",
        f"{code}-source_detail": "Lurah",
        f"{code}-version": str(version),
    }
    if rater:
        data["rater"] = str(rater.pk)
    return data


def test_new_case_form_creates_a_case(signed_in, researcher):
    UserFactory(username="rekan")
    response = signed_in.post(
        reverse("case-create"),
        {
            "title": "PLPBK Kendal",
            "program": Program.objects.get(code="plpbk").pk,
            "place": "33.24",
            "year_start": 2012,
            "year_end": 2014,
            "status": "draft",
            "collaborators": "rekan",
            "rt_rw": "",
            "method_note": "",
            "summary": "",
        },
    )
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "case-detail", args=[case.pk]
    )
    assert case.framework.code == "ansell-gash-2008"
    assert [u.username for u in case.collaborators.all()] == ["rekan"]


def test_bad_case_input_shows_errors_next_to_fields_and_keeps_the_rest(signed_in):
    response = signed_in.post(
        reverse("case-create"),
        {
            "title": "Judul yang diketik",
            "program": "",
            "place": "",
            "year_start": 2014,
            "year_end": 2012,
            "status": "draft",
            "collaborators": "tidak-ada",
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert {"program", "place"} <= set(form.errors)
    assert 'value="Judul yang diketik"' in response.content.decode()
    assert not Case.objects.exists()
    unknown = signed_in.post(
        reverse("case-create"),
        {
            "title": "x",
            "program": Program.objects.first().pk,
            "place": "13.75",
            "year_start": 2014,
            "year_end": 2012,
            "status": "draft",
            "collaborators": "tidak-ada",
        },
    )
    assert "year_end" in unknown.context["form"].errors
    assert not Case.objects.exists()


def test_rating_one_indicator_with_htmx_returns_the_row_and_the_new_verdict(signed_in, case):
    url = reverse("rate-indicator", args=[case.pk, "FTF", "FTF1"])
    response = signed_in.post(url, rating_post("FTF1", 2, evidence="“Rapat jarang.”"), headers=HTMX)
    body = response.content.decode()
    assert response.status_code == 200
    assert 'id="indicator-FTF1"' in body and 'hx-swap-oob="true"' in body
    assert "Terlaksana namun kurang baik" in body
    rating = Rating.objects.get()
    assert (rating.value, rating.evidence, rating.rater.user) == (2, "“Rapat jarang.”", case.owner)


def test_a_value_outside_the_scale_is_an_error_next_to_the_field(signed_in, case):
    url = reverse("rate-indicator", args=[case.pk, "FTF", "FTF1"])
    response = signed_in.post(url, rating_post("FTF1", 7, evidence="tetap di sini"), headers=HTMX)
    body = response.content.decode()
    assert "errorlist" in body and "tetap di sini" in body
    assert not Rating.objects.exists()


def test_a_stale_save_is_told_about_the_newer_value_and_overwrites_nothing(signed_in, case):
    url = reverse("rate-indicator", args=[case.pk, "FTF", "FTF1"])
    signed_in.post(url, rating_post("FTF1", 2), headers=HTMX)  # version 1 now exists
    rater = Rater.objects.get()
    # A colleague loaded the page when there was no rating (version 0) and saves 4.
    response = signed_in.post(url, rating_post("FTF1", 4, version=0, rater=rater), headers=HTMX)
    body = response.content.decode()
    assert "conflict" in body
    assert Rating.objects.get().value == 2
    # Saving again, knowingly, replaces it.
    version = Rating.objects.get().version
    signed_in.post(url, rating_post("FTF1", 4, version=version, rater=rater), headers=HTMX)
    assert Rating.objects.get().value == 4


def test_without_javascript_a_save_redirects_back_to_the_indicator(signed_in, case):
    url = reverse("rate-indicator", args=[case.pk, "TB", "TB1"])
    response = signed_in.post(url, rating_post("TB1", 3))
    assert response.status_code == 302 and response["Location"].endswith("#indicator-TB1")


def test_rate_page_costs_a_fixed_number_of_queries(signed_in, case, django_assert_max_num_queries):
    url = reverse("rate-variable", args=[case.pk, "FTF"])
    with django_assert_max_num_queries(30) as first:
        signed_in.get(url)
    for n in range(5):
        rater = RaterFactory(case=case)
        for indicator in Indicator.objects.filter(framework=case.framework):
            services.rating_upsert(case=case, rater=rater, indicator=indicator, value=1 + n % 4)
    with django_assert_max_num_queries(len(first.captured_queries)):
        signed_in.get(url)


def test_override_without_a_reason_keeps_what_was_typed(signed_in, case):
    response = signed_in.post(
        reverse("case-conclusions", args=[case.pk]),
        {
            "target": "TB",
            "TB-override_level": "3",
            "TB-override_reason": "",
            "TB-narrative": "Narasi yang panjang",
            "TB-version": "0",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Narasi yang panjang" in body and "errorlist" in body
    assert not Conclusion.objects.exists()


def test_override_with_reason_is_saved_and_history_can_restore(signed_in, case):
    url = reverse("case-conclusions", args=[case.pk])
    signed_in.post(
        url,
        {
            "target": "TB",
            "TB-override_level": "3",
            "TB-override_reason": "Notulen rapat",
            "TB-narrative": "a",
            "TB-version": "0",
        },
    )
    signed_in.post(
        url,
        {
            "target": "TB",
            "TB-override_level": "",
            "TB-override_reason": "",
            "TB-narrative": "b",
            "TB-version": "1",
        },
    )
    conclusion = Conclusion.objects.get()
    assert (conclusion.narrative, conclusion.override_level) == ("b", None)
    history_url = reverse("conclusion-history", args=[case.pk, conclusion.pk])
    page = signed_in.get(history_url)
    assert page.status_code == 200
    first = conclusion.history.order_by("history_date").first()
    signed_in.post(history_url, {"history_id": first.history_id})
    conclusion.refresh_from_db()
    assert (conclusion.narrative, conclusion.override_level) == ("a", 3)
    assert conclusion.history.count() == 3


def test_rating_history_shows_who_and_restores(signed_in, case, researcher):
    url = reverse("rate-indicator", args=[case.pk, "FTF", "FTF1"])
    signed_in.post(url, rating_post("FTF1", 2), headers=HTMX)
    signed_in.post(url, rating_post("FTF1", 4, version=1), headers=HTMX)
    rating = Rating.objects.get()
    history_url = reverse("rating-history", args=[case.pk, rating.pk])
    assert researcher.username in signed_in.get(history_url).content.decode()
    oldest = rating.history.order_by("history_date").first()
    signed_in.post(history_url, {"history_id": oldest.history_id})
    rating.refresh_from_db()
    assert rating.value == 2


def test_informant_link_round_trip(client, signed_in, case):
    informant = RaterFactory(case=case, name="Ketua BKM", kind=Rater.Kind.INFORMANT)
    signed_in.post(reverse("informant-link", args=[case.pk, informant.pk]), {"action": "issue"})
    informant.refresh_from_db()
    token = services.informant_link_token(informant)
    raters_page = signed_in.get(reverse("case-raters", args=[case.pk])).content.decode()
    assert reverse("informant", args=[token]) in raters_page
    signed_in.logout()
    page = client.get(reverse("informant", args=[token]))
    assert page.status_code == 200 and "Ketua BKM" in page.content.decode()
    answers = {"FTF1-value": "3", "FTF1-evidence": "Rapat tiap bulan", "TB2-value": "2"}
    assert client.post(reverse("informant", args=[token]), answers).status_code == 200
    assert {(r.indicator.code, r.value) for r in informant.ratings.all()} == {
        ("FTF1", 3),
        ("TB2", 2),
    }
    tampered = client.get(reverse("informant", args=[token[:-2] + "xx"]))
    assert tampered.status_code == 404 and "rusak" in tampered.content.decode()


def test_a_revoked_link_says_so(client, signed_in, case):
    informant = RaterFactory(case=case, kind=Rater.Kind.INFORMANT)
    token = services.informant_link_issue(rater=informant)
    signed_in.post(reverse("informant-link", args=[case.pk, informant.pk]), {"action": "revoke"})
    response = client.get(reverse("informant", args=[token]))
    assert response.status_code == 410
    assert "ditarik" in response.content.decode()


def test_case_page_counts_informants_who_answered(signed_in, case):
    answered = RaterFactory(case=case, kind=Rater.Kind.INFORMANT)
    RaterFactory(case=case, kind=Rater.Kind.INFORMANT)
    services.rating_upsert(
        case=case,
        rater=answered,
        indicator=Indicator.objects.get(framework=case.framework, code="FTF1"),
        value=3,
    )
    body = signed_in.get(reverse("case-detail", args=[case.pk])).content.decode()
    assert "1 dari 2 menjawab" in body


@pytest.mark.parametrize(
    ("name", "args"),
    [("case-edit", []), ("case-raters", []), ("rate-variable", ["FTF"]), ("case-conclusions", [])],
)
def test_pages_hide_drafts_of_others_and_refuse_writes_to_readers(client, name, args):
    owner = UserFactory(username="pemilik")
    draft = CaseFactory(owner=owner)
    published = CaseFactory(owner=owner, status=Case.Status.PUBLISHED)
    client.force_login(UserFactory(username="pokja", role=User.Role.POKJA))
    assert client.get(reverse(name, args=[draft.pk, *args])).status_code == 404
    status = client.get(reverse(name, args=[published.pk, *args])).status_code
    assert status == (200 if name in ("case-raters", "case-conclusions") else 403)
    if name == "case-conclusions":
        posted = client.post(reverse(name, args=[published.pk]), {"target": "overall"})
        assert posted.status_code == 403


def test_password_change_page(signed_in):
    assert signed_in.get(reverse("password_change")).status_code == 200


def test_an_informant_link_expires_and_can_be_renewed(client, signed_in, case, settings):
    settings.INFORMANT_LINK_DAYS = 60
    informant = RaterFactory(case=case, name="Ketua RW", kind=Rater.Kind.INFORMANT)
    token = services.informant_link_issue(rater=informant)
    url = reverse("informant", args=[token])
    assert client.get(url).status_code == 200
    Rater.objects.filter(pk=informant.pk).update(
        access_issued=timezone.now() - datetime.timedelta(days=61)
    )
    expired = client.get(url)
    assert expired.status_code == 410 and "kedaluwarsa" in expired.content.decode()
    raters_page = signed_in.get(reverse("case-raters", args=[case.pk])).content.decode()
    assert "Kedaluwarsa pada" in raters_page
    signed_in.post(reverse("informant-link", args=[case.pk, informant.pk]), {"action": "renew"})
    # The same link works again.
    assert client.get(url).status_code == 200
