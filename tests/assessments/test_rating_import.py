"""Ratings from a spreadsheet: the case's template round-trips, a filled template saves all its
ratings at once, and every kind of bad file leaves the database exactly as it was."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.test import override_settings
from openpyxl import load_workbook
from rest_framework.test import APIClient

from assessments import selectors
from assessments.models import Case, CaseResult, Rating, User
from assessments.rating_sheet import ratings_template
from assessments.services.rating_import import ratings_import, ratings_plan
from common.errors import ApplicationError
from demo.loader import load_demo
from tests.factories import CaseFactory, RaterFactory, UserFactory

pytestmark = pytest.mark.django_db

LEVELS = {"FTF": 3, "TB": 2, "CP": 4, "SU": 3, "IO": 1}


def state(case: Case) -> tuple:
    """Everything an import could touch: the ratings, their history, the stored scores."""
    ratings = sorted(
        Rating.objects.filter(case=case).values_list(
            "indicator__code", "rater__name", "value", "evidence", "version"
        )
    )
    history = Rating.history.filter(case_id=case.pk).count()
    result = CaseResult.objects.filter(case=case).values_list("level", "score").first()
    return ratings, history, result


def filled_template(case: Case, fill) -> bytes:
    """The case's template with `fill(row_values) -> {column letter: value}` applied."""
    book = load_workbook(io.BytesIO(ratings_template(case)))
    sheet = book["Penilaian"]
    for row in sheet.iter_rows(min_row=2):
        values = {cell.column_letter: cell.value for cell in row}
        for letter, value in fill(values).items():
            sheet[f"{letter}{row[0].row}"] = value
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def three_raters(researcher):
    case = CaseFactory(owner=researcher)
    for name in ("Peneliti A", "Peneliti B", "Peneliti C"):
        RaterFactory(case=case, name=name)
    return case


def errors_of(case: Case, content: bytes, name: str = "penilaian.xlsx") -> list[dict]:
    before = state(case)
    with pytest.raises(ApplicationError) as refused:
        ratings_import(case=case, content=content, filename=name, user=case.owner)
    assert state(case) == before, "a refused file changes nothing"
    return refused.value.detail["file"]


def test_the_template_has_instructions_a_row_per_indicator_and_rater_and_a_drop_down(
    three_raters,
):
    book = load_workbook(io.BytesIO(ratings_template(three_raters)))
    assert book.sheetnames == ["Petunjuk", "Penilaian", "Skala"]
    sheet = book["Penilaian"]
    header = [c.value for c in sheet[1]]
    assert header[:5] == ["Kode indikator", "Indikator", "Variabel", "Penilai", "Tingkat"]
    assert sheet.max_row == 1 + 15 * 3
    validations = [str(v.sqref) for v in sheet.data_validations.dataValidation]
    assert any(v.startswith("E2:") for v in validations)
    assert [c.value for c in book["Skala"]["A"]][1:] == [
        "1 – Belum terlaksana",
        "2 – Terlaksana namun kurang baik",
        "3 – Baik namun belum optimal",
        "4 – Optimal",
    ]


def test_a_filled_template_of_three_raters_saves_every_rating_and_the_verdicts(three_raters):
    case = three_raters
    content = filled_template(
        case,
        lambda row: {"E": f"{LEVELS[row['A'].rstrip('0123456789')]} – dipilih", "H": "hlm. 3"},
    )
    plan = ratings_import(case=case, content=content, filename="isi.xlsx", user=case.owner)
    assert plan.summary == {"new": 45, "changed": 0, "unchanged": 0}
    score = selectors.case_score_get(case)
    assert {v.spec.code: v.level.value for v in score.variables} == LEVELS
    assert Rating.history.filter(case_id=case.pk).count() == 45
    again = state(case)
    plan = ratings_import(case=case, content=content, filename="isi.xlsx", user=case.owner)
    assert plan.summary == {"new": 0, "changed": 0, "unchanged": 45}
    assert state(case) == again  # the same file twice changes nothing


def test_the_demo_case_round_trips_through_its_own_template():
    with override_settings(DEBUG=True):
        load_demo(create_logins=False)
    case = Case.objects.get(title__contains="Kampung Bugis")
    before = state(case)
    plan = ratings_plan(case=case, content=ratings_template(case), filename="t.xlsx")
    assert plan.summary == {"new": 0, "changed": 0, "unchanged": 15}
    ratings_import(case=case, content=ratings_template(case), filename="t.xlsx", user=None)
    assert state(case) == before


def test_one_changed_level_is_previewed_then_saved_through_the_service(three_raters):
    case = three_raters
    first = filled_template(case, lambda row: {"E": 3})
    ratings_import(case=case, content=first, filename="a.xlsx", user=case.owner)
    second = filled_template(
        case, lambda row: {"E": 1} if (row["A"], row["D"]) == ("FTF1", "Peneliti B") else {}
    )
    plan = ratings_plan(case=case, content=second, filename="b.xlsx")
    changed = [r for r in plan.rows if r.status == "changed"]
    assert [(r.indicator, r.rater, r.before["value"], r.after["value"]) for r in changed] == [
        ("FTF1", "Peneliti B", 3, 1)
    ]
    ratings_import(case=case, content=second, filename="b.xlsx", user=case.owner)
    rating = Rating.objects.get(case=case, indicator__code="FTF1", rater__name="Peneliti B")
    assert (rating.value, rating.version) == (1, 2)
    assert rating.history.count() == 2


def test_every_bad_row_is_listed_by_sheet_row_and_column_in_indonesian(three_raters):
    case = three_raters

    def fill(row):
        cells = {"E": 3}
        if row["A"] == "FTF1" and row["D"] == "Peneliti A":
            cells = {"A": "XX9"}
        elif row["A"] == "FTF2" and row["D"] == "Peneliti A":
            cells = {"D": "Orang Lain", "E": 3}
        elif row["A"] == "FTF3" and row["D"] == "Peneliti A":
            cells = {"E": 7}
        elif row["A"] == "TB1" and row["D"] == "Peneliti A":
            cells = {"E": "tinggi"}
        elif row["A"] == "TB2" and row["D"] == "Peneliti A":
            cells = {"E": "=1+2"}  # a formula is read as its text, never computed
        elif row["A"] == "TB3" and row["D"] == "Peneliti A":
            cells = {"E": 3, "I": "kemarin"}
        elif row["A"] == "CP1" and row["D"] == "Peneliti A":
            cells = {"E": 3, "G": "telepati"}
        elif row["A"] == "CP2" and row["D"] == "Peneliti A":
            cells = {"A": "CP1", "D": "Peneliti B", "E": 3}  # CP1 × B twice
        return cells

    errors = errors_of(case, filled_template(case, fill))
    found = {(e["column"], e["message"]) for e in errors}
    assert all(e["sheet"] == "Penilaian" and e["row"] > 1 for e in errors)
    assert ("Kode indikator", "Indikator XX9 tidak ada dalam kerangka kasus ini.") in found
    assert ("Penilai", "Tidak ada penilai bernama Orang Lain dalam kasus ini.") in found
    assert ("Tingkat", "Tingkat 7 di luar skala (1, 2, 3, 4).") in found
    assert ("Tingkat", "tinggi bukan tingkat.") in found
    assert ("Tingkat", "=1+2 bukan tingkat.") in found
    assert ("Tanggal", "Tulis tanggal sebagai YYYY-MM-DD atau DD/MM/YYYY.") in found
    assert ("Jenis sumber", "Jenis sumber telepati tidak dikenal.") in found
    assert any(m.startswith("Indikator dan penilai yang sama") for _c, m in found)
    assert len(errors) == 8


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "name", "words"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "rahasia.xlsx", "terenkripsi"),
        (_zip({"xl/workbook.xml": b"<x/>", "xl/vbaProject.bin": b"x"}), "makro.xlsm", "makro"),
        (_zip({"xl/workbook.xml": b"<x/>", "bom.xml": b"0" * 40_000_000}), "bom.xlsx", "bom"),
        (_zip({"README": b"bukan buku kerja"}), "arsip.xlsx", "arsip zip"),
        (b"", "kosong.csv", "kosong"),
        ("Kode indikator,Penilai,Tingkat\nFTF1,Peneliti A,3\n".encode("utf-16"), "a.csv", "UTF-8"),
        (b"Kode indikator,Tingkat\nFTF1,3\n", "tanpa-penilai.csv", "Kolom ini tidak ada"),
    ],
)
def test_hostile_and_broken_files_are_refused_with_a_clear_message(
    three_raters, content, name, words
):
    errors = errors_of(three_raters, content, name)
    assert words.lower() in " ".join(e["message"] for e in errors).lower()


@override_settings(IMPORT_MAX_BYTES=1024)
def test_a_file_over_the_size_cap_is_refused(three_raters):
    errors = errors_of(three_raters, filled_template(three_raters, lambda row: {"E": 3}))
    assert "lebih besar dari 1 kB" in errors[0]["message"]


def test_a_csv_with_semicolons_and_labels_imports_and_formulas_stay_text(three_raters):
    content = (
        "Kode indikator;Penilai;Tingkat;Bukti;Jenis sumber;Tanggal\n"
        'FTF1;Peneliti A;3 – Baik namun belum optimal;=HYPERLINK("http://x");wawancara;'
        "2024-03-12\n"
        "FTF2;peneliti b;2;Rapat rutin;dokumen;12/03/2024\n"
    ).encode()
    plan = ratings_import(case=three_raters, content=content, filename="a.csv", user=None)
    assert plan.summary["new"] == 2
    rating = Rating.objects.get(case=three_raters, indicator__code="FTF1")
    assert rating.evidence == '=HYPERLINK("http://x")' and rating.source_type == "wawancara"
    assert Rating.objects.get(case=three_raters, indicator__code="FTF2").date.day == 12


def test_the_api_previews_saves_and_lists_errors(three_raters):
    case = three_raters
    api = APIClient()
    api.force_authenticate(case.owner)
    url = f"/api/v1/cases/{case.pk}/ratings/import/"
    content = filled_template(case, lambda row: {"E": 2})

    def upload(data: bytes, **query):
        file = io.BytesIO(data)
        file.name = "isi.xlsx"
        suffix = "?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else ""
        return api.post(url + suffix, {"file": file}, format="multipart")

    preview = upload(content, dry_run="true")
    assert preview.status_code == 200, preview.json()
    assert preview.json()["summary"] == {"new": 45, "changed": 0, "unchanged": 0}
    assert preview.json()["saved"] is False and not Rating.objects.filter(case=case).exists()
    saved = upload(content)
    assert saved.status_code == 200 and saved.json()["saved"] is True
    assert Rating.objects.filter(case=case).count() == 45
    bad = upload(filled_template(case, lambda row: {"E": 9}))
    assert bad.status_code == 400
    first = bad.json()["file"][0]
    assert (first["sheet"], first["row"], first["column"]) == ("Penilaian", 2, "Tingkat")
    template = api.get(f"/api/v1/cases/{case.pk}/ratings/template.xlsx")
    assert template.status_code == 200
    assert load_workbook(io.BytesIO(template.content)).sheetnames[1] == "Penilaian"
    stranger = APIClient()
    stranger.force_authenticate(UserFactory(username="orang-lain"))
    assert stranger.post(url, {}, format="multipart").status_code == 404
    pokja = APIClient()
    pokja.force_authenticate(UserFactory(username="pokja", role=User.Role.POKJA))
    assert pokja.post(url, {}, format="multipart").status_code in (403, 404)


def test_the_page_uploads_previews_and_confirms(client, three_raters):
    case = three_raters
    client.force_login(case.owner)
    url = f"/cases/{case.pk}/ratings/import/"
    assert client.get(url).status_code == 200
    file = io.BytesIO(filled_template(case, lambda row: {"E": 4}))
    file.name = "isi.xlsx"
    preview = client.post(url, {"action": "preview", "file": file})
    page = preview.content.decode()
    assert preview.status_code == 200 and "45 baru, 0 berubah, 0 tetap." in page
    assert not Rating.objects.filter(case=case).exists()  # nothing before the confirmation
    digest = preview.context["digest"]
    done = client.post(url, {"action": "confirm", "digest": digest})
    assert done.status_code == 302 and Rating.objects.filter(case=case).count() == 45
    expired = client.post(url, {"action": "confirm", "digest": digest})
    assert expired.status_code == 302 and Rating.objects.filter(case=case).count() == 45
    bad = io.BytesIO(filled_template(case, lambda row: {"E": "tinggi"}))
    bad.name = "salah.xlsx"
    refused = client.post(url, {"action": "preview", "file": bad})
    assert refused.status_code == 400 and "tinggi bukan tingkat." in refused.content.decode()
    other = UserFactory(username="lain")
    client.force_login(other)
    assert client.get(url).status_code == 404


def test_workbooks_are_parsed_through_defusedxml():
    from openpyxl.xml import DEFUSEDXML

    assert DEFUSEDXML  # openpyxl refuses entity expansion (billion laughs) with it installed
