"""Input typed into a rating row and not saved is not lost silently: leaving for another
variable asks first; after saving, it does not."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from assessments.models import Case
from tests.browser.conftest import sign_in

pytestmark = pytest.mark.browser


def test_switching_variables_with_an_unsaved_row_asks_first(page):
    case = Case.objects.get(title__contains="Kampung Bugis")
    sign_in(page)
    page.goto(f"/cases/{case.pk}/rate/FTF/")
    row = page.locator("#indicator-FTF1")
    row.locator("textarea").first.fill("Catatan yang belum disimpan")
    asked = []

    def answer(dialog):
        asked.append(dialog.type)
        dialog.dismiss()  # stay on the page

    page.on("dialog", answer)
    page.locator("nav.tabs").get_by_role("link", name="TB").click()
    page.wait_for_timeout(500)
    assert asked == ["beforeunload"]
    expect(page).to_have_url(re.compile(rf"/cases/{case.pk}/rate/FTF/"))
    row.get_by_role("button", name="Simpan FTF1").click()
    expect(page.locator("#indicator-FTF1 .saved")).to_be_visible()
    page.locator("nav.tabs").get_by_role("link", name="TB").click()
    expect(page).to_have_url(re.compile(rf"/cases/{case.pk}/rate/TB/"))
    assert asked == ["beforeunload"]  # saved: nothing to ask


def test_one_button_saves_every_indicator_of_the_variable(page):
    case = Case.objects.get(title__contains="Pasar II")  # nothing rated yet
    sign_in(page)
    page.goto(f"/cases/{case.pk}/rate/TB/")
    for code, level in (("TB1", "4"), ("TB2", "3"), ("TB3", "4")):
        page.locator(f"#indicator-{code} input[type=radio][value='{level}']").check()
    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.accept()))
    page.get_by_label("Nama Anda sebagai penilai").fill("Peneliti Demo")
    page.get_by_role("button", name="Simpan semua indikator TB").click()
    expect(page.get_by_text("Semua 3 indikator disimpan.")).to_be_visible()
    assert asked == []  # saving all is no unsaved input to warn about
    assert sorted(case.ratings.values_list("indicator__code", "value")) == [
        ("TB1", 4),
        ("TB2", 3),
        ("TB3", 4),
    ]
    assert set(case.ratings.values_list("rater__name", flat=True)) == {"Peneliti Demo"}


def test_a_first_save_without_a_name_asks_for_it_and_keeps_the_input(page):
    case = Case.objects.get(title__contains="Pasar II")  # the demo login has no rater here
    sign_in(page)
    page.goto(f"/cases/{case.pk}/rate/TB/")
    row = page.locator("#indicator-TB1")
    row.locator("input[type=radio][value='3']").check()
    row.get_by_label("Bukti", exact=True).fill("Catatan rapat")
    row.get_by_role("button", name="Simpan TB1").click()
    expect(row.get_by_text("Tuliskan dulu nama Anda")).to_be_visible()
    expect(row.get_by_label("Bukti", exact=True)).to_have_value("Catatan rapat")
    assert not case.ratings.exists() and not case.raters.filter(user__username="demo").exists()
    page.get_by_label("Nama Anda sebagai penilai").fill("Peneliti Demo")
    row.get_by_role("button", name="Simpan TB1").click()
    expect(row.locator(".saved")).to_be_visible()
    rating = case.ratings.get()
    assert (rating.rater.name, rating.value) == ("Peneliti Demo", 3)
    assert rating.evidence == "Catatan rapat"
