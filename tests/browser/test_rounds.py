"""The next round of a place, rated in the browser, and the change on the case page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from assessments.models import Case
from tests.browser.conftest import sign_in

pytestmark = pytest.mark.browser


def test_next_round_then_rate_one_variable_then_see_the_change(page):
    baseline = Case.objects.get(title__contains="Kampung Bugis", previous_round__isnull=True)
    sign_in(page)
    page.goto(f"/cases/{baseline.pk}/")
    form = page.locator("form.next-round")
    expect(form.get_by_label("Dari tahun")).to_have_value("2019")
    form.get_by_label("Dari tahun").fill("2022")
    form.get_by_label("Sampai tahun").fill("2022")
    form.get_by_role("button", name="Buat putaran berikutnya").click()

    expect(page.get_by_role("heading", name=f"{baseline.title} (2022)")).to_be_visible()
    new = Case.objects.get(previous_round=baseline)
    assert new.round_number == 2 and not new.ratings.exists()
    rounds = page.locator("#rounds")
    expect(rounds.get_by_role("link", name=f"2018 · {baseline.title}")).to_be_visible()
    before = baseline.variable_results.get(code="FTF")

    page.get_by_role("link", name="Dialog tatap muka").first.click()
    for code in ("FTF1", "FTF2", "FTF3"):
        row = page.locator(f"#indicator-{code}")
        row.locator("input[type=radio][value='1']").check()
        row.get_by_role("button", name=f"Simpan {code}").click()
        expect(page.locator(f"#indicator-{code} .saved")).to_be_visible()

    page.get_by_role("link", name="Ringkasan").first.click()
    change = page.locator("#change-FTF")
    expect(change).to_have_attribute("data-trend", "down")
    expect(change).to_contain_text("turun")
    expect(change).to_contain_text(f"dari {before.score:.2f}".replace(".", ","))
    expect(change).to_contain_text("menjadi 1,00")
    expect(page.locator("#round-lines svg, .round-lines svg")).to_be_visible()
