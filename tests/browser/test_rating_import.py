"""A researcher downloads the ratings template, fills it in for three raters, uploads it,
sees the preview, confirms, and sees the verdicts on the case page."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from assessments import services
from assessments.models import Case, Rater
from tests.browser.conftest import sign_in

pytestmark = pytest.mark.browser

LEVELS = {"FTF": 1, "TB": 2, "CP": 4, "SU": 4, "IO": 4}


def test_upload_a_template_of_three_raters_preview_then_see_the_verdicts(page, tmp_path):
    case = Case.objects.get(title__contains="Pasar II")  # no ratings yet
    for name in ("Peneliti A", "Peneliti B", "Peneliti C"):
        services.rater_create(case=case, name=name, kind=Rater.Kind.RESEARCHER)
    sign_in(page)
    page.goto(f"/cases/{case.pk}/")
    page.get_by_role("link", name="Impor penilaian").first.click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Unduh templat (XLSX)").click()
    book = load_workbook(io.BytesIO(download.value.path().read_bytes()))
    sheet = book["Penilaian"]
    for row in sheet.iter_rows(min_row=2):
        code = row[0].value.rstrip("0123456789")
        row[4].value = f"{LEVELS[code]} – isi"
        row[5].value = f"Catatan {row[0].value}"
    filled = tmp_path / "penilaian-pasar-ii.xlsx"
    book.save(filled)

    page.get_by_label("Templat yang sudah diisi (XLSX atau CSV)").set_input_files(str(filled))
    page.get_by_role("button", name="Tampilkan pratinjau").click()
    expect(page.locator("#import-summary")).to_have_text("45 baru, 0 berubah, 0 tetap.")
    expect(page.locator("#import-preview tr[data-status='new']")).to_have_count(45)
    assert not case.ratings.exists()  # nothing before the confirmation

    page.get_by_role("button", name="Simpan penilaian ini").click()
    expect(page.get_by_text("Diimpor: 45 baru, 0 berubah, 0 tetap.")).to_be_visible()
    assert case.ratings.count() == 45
    verdicts = page.locator("#variable-FTF")
    expect(verdicts).to_contain_text("Belum terlaksana")
    expect(page.locator("#variable-CP")).to_contain_text("Optimal")
