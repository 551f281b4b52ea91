from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from assessments import services
from assessments.models import Case, Conclusion, Rater, Rating
from tests.browser.conftest import sign_in

pytestmark = pytest.mark.browser


def test_from_a_new_case_to_its_written_conclusion(page):
    # Browser tests start from a flushed database: only the places they use are loaded.
    services.place_ensure(code="33.24")
    sign_in(page)
    page.get_by_role("link", name="Kasus baru").click()
    page.get_by_label("Judul").fill("PLPBK Kelurahan Bandengan")
    page.get_by_label("Program").select_option(
        label="PLPBK (Penataan Lingkungan Permukiman Berbasis Komunitas)"
    )
    page.get_by_role("searchbox", name="Wilayah").fill("kendal")
    page.get_by_role("button", name=re.compile(r"^Kabupaten Kendal, Jawa Tengah")).click()
    page.get_by_label("Dari tahun").fill("2012")
    page.get_by_label("Sampai tahun").fill("2014")
    page.get_by_role("button", name="Buat kasus").click()
    expect(page.get_by_role("heading", name="PLPBK Kelurahan Bandengan")).to_be_visible()

    page.get_by_role("link", name="Dialog tatap muka").click()
    # The demo login has no full name: the page asks for the name the evidence goes under.
    page.get_by_label("Nama Anda sebagai penilai").fill("Peneliti Demo")
    for code, level, quote in (
        ("FTF1", "2", "Rapat hanya saat pencairan dana."),
        ("FTF2", "2", "Informasi sering terlambat sampai ke KSM."),
        ("FTF3", "3", "Musyawarah warga memutuskan lokasi."),
    ):
        row = page.locator(f"#indicator-{code}")
        row.locator(f"input[type=radio][value='{level}']").check()
        row.get_by_label("Bukti", exact=True).fill(quote)
        row.get_by_label("Jenis sumber", exact=True).select_option("wawancara")
        row.get_by_role("button", name=f"Simpan {code}").click()
        expect(page.locator(f"#indicator-{code} .saved")).to_be_visible()
    panel = page.locator("#verdict-panel")
    expect(panel.locator("[data-verdict]")).to_have_text("Terlaksana namun kurang baik")
    expect(panel).to_contain_text("Rata-rata 2,33 dari 3 indikator")

    page.get_by_role("link", name="Simpulan").first.click()
    section = page.locator("#conclusion-FTF")
    section.get_by_label("Ganti simpulan").select_option("3")
    section.get_by_label("Narasi").fill("Dialog berjalan, tetapi informasi terlambat.")
    section.get_by_role("button", name="Simpan simpulan").click()
    # Without a reason the page says so next to the field and keeps the narrative.
    section = page.locator("#conclusion-FTF")
    expect(section.locator(".errorlist")).to_contain_text("alasan")
    expect(section.get_by_label("Narasi")).to_have_value(
        "Dialog berjalan, tetapi informasi terlambat."
    )
    section.get_by_label("Alasan penggantian").fill("Notulen BKM menunjukkan forum bulanan.")
    section.get_by_role("button", name="Simpan simpulan").click()
    section = page.locator("#conclusion-FTF")
    expect(section.locator("[data-verdict]").nth(1)).to_have_text("Baik namun belum optimal")
    conclusion = Conclusion.objects.get(
        case__title="PLPBK Kelurahan Bandengan", variable__code="FTF"
    )
    assert conclusion.override_level == 3
    assert conclusion.narrative == "Dialog berjalan, tetapi informasi terlambat."
    ratings = Rating.objects.filter(case__title="PLPBK Kelurahan Bandengan")
    assert ratings.count() == 3
    assert set(ratings.values_list("rater__name", flat=True)) == {"Peneliti Demo"}


def test_an_informant_rates_on_a_phone_through_a_private_link(phone):
    case = Case.objects.get(title__contains="Kampung Bugis")
    informant = services.rater_create(
        case=case,
        name="Ketua KSM",
        kind=Rater.Kind.INFORMANT,
        role="Ketua KSM",
        institution="KSM RW 006",
    )
    token = services.informant_link_issue(rater=informant)
    phone.goto(f"/q/{token}/")
    expect(phone.get_by_role("heading", name="Kuesioner")).to_be_visible()
    question = phone.locator("#q-FTF1")
    question.locator("input[type=radio][value='4']").check()
    question.get_by_label("Komentar Anda").fill("Rapat rutin tiap bulan di kantor lurah.")
    phone.locator("#q-TB3 input[type=radio][value='3']").check()
    phone.get_by_role("button", name="Kirim jawaban saya").click()
    expect(phone.get_by_role("status")).to_contain_text("jawaban Anda tersimpan")
    overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    assert {(r.indicator.code, r.value) for r in informant.ratings.all()} == {
        ("FTF1", 4),
        ("TB3", 3),
    }
    services.informant_link_revoke(rater=informant)
    phone.goto(f"/q/{token}/")
    expect(phone.get_by_role("heading", name="Tautan ini sudah ditarik")).to_be_visible()


def test_a_conflicting_edit_in_a_second_browser_is_warned(browser, live_server, page):
    sign_in(page)
    case = Case.objects.get(title__contains="Kampung Bugis")
    url = f"/cases/{case.pk}/rate/TB/"
    page.goto(url)
    other_context = browser.new_context(base_url=live_server.url, locale="id-ID")
    other = other_context.new_page()
    try:
        sign_in(other)
        other.goto(url)
        # Both loaded the same rating; the other person saves first.
        other.locator("#indicator-TB1 input[type=radio][value='1']").check()
        other.get_by_role("button", name="Simpan TB1").click()
        expect(other.locator("#indicator-TB1 .saved")).to_be_visible()

        page.locator("#indicator-TB1 input[type=radio][value='4']").check()
        page.get_by_role("button", name="Simpan TB1").click()
        warning = page.locator("#indicator-TB1 .conflict")
        expect(warning).to_contain_text("Disimpan oleh orang lain")
        expect(warning).to_contain_text("1")
        rater = case.raters.get(user__username="demo")
        assert Rating.objects.get(case=case, rater=rater, indicator__code="TB1").value == 1
        # Saving again, knowingly, replaces it.
        page.get_by_role("button", name="Simpan TB1").click()
        expect(page.locator("#indicator-TB1 .saved")).to_be_visible()
        assert Rating.objects.get(case=case, rater=rater, indicator__code="TB1").value == 4
    finally:
        other_context.close()
