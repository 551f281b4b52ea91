"""A Pokja viewer's journey: sign in, land on the dashboard, drill down to a case."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import sign_in

pytestmark = pytest.mark.browser


def drill(page, code: str) -> None:
    page.locator(f'table.heatmap a[href$="place={code}"]').click()
    expect(page.locator(".scope")).to_be_visible()
    assert page.url.endswith(f"place={code}")


def no_horizontal_scroll(page) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


@pytest.mark.parametrize("device", ["page", "phone"])
def test_pokja_lands_on_the_dashboard_and_drills_down_to_a_case(request, device):
    page = request.getfixturevalue(device)
    sign_in(page, "pokja", "pokja")
    expect(page.get_by_role("heading", name="Dasbor", exact=True)).to_be_visible()
    heatmap = page.locator("table.heatmap")
    expect(heatmap).to_contain_text("Kepulauan Riau")
    expect(heatmap).to_contain_text("Jawa Tengah")
    expect(page.locator("svg.chart").first).to_have_attribute("role", "img")
    no_horizontal_scroll(page)

    drill(page, "21")  # province → its cities
    expect(page.locator("table.heatmap")).to_contain_text("Kota Tanjung Pinang")
    expect(page.locator("table.heatmap")).not_to_contain_text("Jawa Tengah")
    drill(page, "21.72")  # city → its kecamatan
    drill(page, "21.72.03")  # kecamatan → its kelurahan
    no_horizontal_scroll(page)

    page.locator("table.heatmap a", has_text="Kampung Bugis").click()
    row = page.get_by_role("row", name="Kampung Bugis")
    expect(row.locator("[data-verdict]")).to_have_text("Baik namun belum optimal")
    row.get_by_role("link").click()
    expect(page.locator("#variable-FTF [data-verdict]")).to_have_text("Baik namun belum optimal")
    no_horizontal_scroll(page)


def test_dashboard_filters_swap_the_figures_and_keep_them_in_the_url(page):
    sign_in(page, "pokja", "pokja")
    page.get_by_label("Program").select_option(
        label="PLPBK (Penataan Lingkungan Permukiman Berbasis Komunitas)"
    )
    page.get_by_role("button", name="Tampilkan").click()
    expect(page.locator(".scope")).to_contain_text("PLPBK")
    assert "program=plpbk" in page.url
    expect(page.locator("table.heatmap")).to_contain_text("Jawa Tengah")
    expect(page.locator("table.heatmap")).not_to_contain_text("Kepulauan Riau")
