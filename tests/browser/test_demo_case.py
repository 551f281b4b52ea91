from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import sign_in

pytestmark = pytest.mark.browser


def test_researcher_signs_in_and_reads_the_demo_verdicts(page):
    sign_in(page)
    expect(page.get_by_role("heading", name="Kasus saya")).to_be_visible()
    row = page.get_by_role("row", name="Kampung Bugis")
    expect(row.locator("[data-verdict]")).to_have_text("Baik namun belum optimal")

    row.get_by_role("link").click()
    expect(page.locator("#variable-FTF [data-verdict]")).to_have_text("Baik namun belum optimal")
    expect(page.locator("#variable-SU [data-verdict]")).to_have_text("Optimal")
    expect(page.locator("#variable-FTF")).to_contain_text(
        "Rata-rata 2,67 dari 3 indikator berada pada kelas 2,50–3,25"
    )


def test_switching_to_english_translates_the_page(page):
    sign_in(page)
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", name="My cases")).to_be_visible()
    expect(page.locator("[data-verdict]").first).to_have_text("Good, but not yet optimal")


def test_case_page_fits_a_360_px_phone(phone):
    sign_in(phone)
    phone.get_by_role("link", name="Kampung Bugis").click()
    expect(phone.locator("#variable-IO [data-verdict]")).to_be_visible()
    overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_a_wrong_password_is_refused_plainly(page):
    sign_in(page, password="salah")
    expect(page.get_by_role("button", name="Masuk")).to_be_visible()
    expect(page.locator(".errorlist, .nonfield")).to_contain_text("nama pengguna")


def test_an_english_browser_still_gets_indonesian_until_it_switches(browser, live_server, demo):
    context = browser.new_context(base_url=live_server.url, locale="en-US")
    page = context.new_page()
    try:
        sign_in(page)
        expect(page.get_by_role("heading", name="Kasus saya")).to_be_visible()
    finally:
        context.close()
