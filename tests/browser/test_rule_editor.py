"""A researcher changes the rule of their own framework copy in the browser: the preview
shows which verdicts of their cases would change, and after saving the case page shows the
new verdict."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from assessments import services
from assessments.models import Framework, Program, User
from tests.assessments.test_robustness import store_one_and_two_then_threes
from tests.browser.conftest import sign_in

pytestmark = pytest.mark.browser


def test_preview_a_rule_then_save_it_and_see_the_verdict_change(page):
    owner = User.objects.get(username="demo")
    copy = services.framework_copy(
        framework=Framework.objects.get(code="ansell-gash-2008"), owner=owner
    )
    case = services.case_create(
        owner=owner,
        title="Uji aturan Kampung Bugis",
        program=Program.objects.get(code="kotaku"),
        place=services.place_ensure(code="21.72"),
        year_start=2018,
        year_end=2018,
        framework=copy,
    )
    store_one_and_two_then_threes(
        case, [services.rater_create(case=case, name=f"Pengode {n}") for n in (1, 2)]
    )

    sign_in(page)
    page.goto(f"/frameworks/{copy.pk}/")
    rule = page.locator("#rule")
    rule.get_by_role("combobox", name="Pengelasan").select_option("percentage")
    rule.get_by_role("button", name="Pratinjau").click()
    preview = page.locator("#rule-preview")
    expect(preview).to_contain_text("Uji aturan Kampung Bugis")
    row = preview.locator("tbody tr")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Dialog tatap muka")
    expect(row).to_contain_text("Belum terlaksana")
    expect(row).to_contain_text("Terlaksana namun kurang baik")

    # Nothing is saved by a preview: the case still shows the old verdict.
    page.goto(f"/cases/{case.pk}/")
    expect(page.locator("#variable-FTF")).to_contain_text("Belum terlaksana")

    page.goto(f"/frameworks/{copy.pk}/")
    page.locator("#rule").get_by_role("combobox", name="Pengelasan").select_option("percentage")
    page.locator("#rule").get_by_role("button", name="Simpan aturan").click()
    expect(page.get_by_text("Aturan disimpan; kasus-kasusnya dinilai ulang.")).to_be_visible()
    page.goto(f"/cases/{case.pk}/")
    expect(page.locator("#variable-FTF")).to_contain_text("Terlaksana namun kurang baik")
    expect(page.locator("#variable-FTF")).to_contain_text("bergantung pada aturan")
