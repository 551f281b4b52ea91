"""Informants answer as one panel: its median answer is one voice beside each coder's (weight
set per framework), the coders' agreement leaves the panel out, and the panel's own spread is
shown in aggregate only, from three answers on."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

from rest_framework.test import APIClient

from assessments import services
from assessments.models import Indicator, Rater, Rating
from assessments.scoring import RatingInput, score_case

from .test_scoring import FIVE_VARIABLES


def answers(coders: dict[str, list[int]], panel: dict[str, list[int]]) -> list[RatingInput]:
    given = [
        RatingInput(code, f"coder-{n}", value)
        for code, values in coders.items()
        for n, value in enumerate(values)
    ]
    given += [
        RatingInput(code, f"informant-{n}", value, panel=True)
        for code, values in panel.items()
        for n, value in enumerate(values)
    ]
    return given


def test_the_panel_is_one_voice_beside_each_coder():
    """Coders 2 and 2, informants 4, 4, 4: voices (2, 2, 4), median 2 and mean 8/3. Counted
    as five raters it would have been median 4."""
    given = answers({"FTF1": [2, 2]}, {"FTF1": [4, 4, 4]})
    indicator = score_case(FIVE_VARIABLES, given).variable("FTF").indicators[0]
    assert indicator.score == 2
    mean = replace(FIVE_VARIABLES, indicator_aggregation="mean")
    assert score_case(mean, given).variable("FTF").indicators[0].score == Fraction(8, 3)
    # Weighted as two coders: (2, 2, 4, 4), median 3; weight 0: the coders alone.
    twice = score_case(replace(FIVE_VARIABLES, panel_weight=2), given)
    assert twice.variable("FTF").indicators[0].score == 3
    silent = score_case(replace(FIVE_VARIABLES, panel_weight=0), given)
    assert silent.variable("FTF").indicators[0].score == 2
    # Robustness scores with the same voices.
    assert score_case(FIVE_VARIABLES, given).variable("FTF").robustness.levels()[
        "median/interval"
    ] == (2)


def test_the_coders_agreement_leaves_the_panel_out():
    coders = {f"{v}{n}": [1 + n % 3, 1 + n % 3] for v in ("FTF", "TB") for n in (1, 2, 3)}
    coders["FTF1"] = [1, 2]
    alone = score_case(FIVE_VARIABLES, answers(coders, {}))
    with_panel = score_case(FIVE_VARIABLES, answers(coders, {code: [4, 1, 3] for code in coders}))
    assert alone.agreement.alpha is not None
    assert with_panel.agreement == alone.agreement
    assert with_panel.variable("FTF").agreement == alone.variable("FTF").agreement


def test_the_panels_spread_is_its_own():
    """Informants 1, 2, 4 on FTF2: median 2, quartiles 1,5 and 3 (inclusive): IQR 1,5."""
    given = answers({"FTF1": [3]}, {"FTF1": [4, 4, 4], "FTF2": [1, 2, 4]})
    panel = score_case(FIVE_VARIABLES, given).panel
    assert panel.members == 3
    by_code = {i.code: i for i in panel.indicators}
    assert (by_code["FTF1"].median, by_code["FTF1"].iqr) == (4, 0)
    assert (by_code["FTF2"].median, by_code["FTF2"].q1, by_code["FTF2"].q3) == (
        2,
        Fraction(3, 2),
        3,
    )
    assert by_code["FTF2"].iqr == Fraction(3, 2)
    assert panel.agreement.raters == 3
    assert score_case(FIVE_VARIABLES, answers({"FTF1": [3]}, {})).panel is None


def test_the_api_shows_the_panel_in_aggregate_from_three_answers(case, raters, researcher):
    indicator = Indicator.objects.get(framework=case.framework, code="FTF1")
    services.rating_upsert(case=case, rater=raters[0], indicator=indicator, value=2)
    informants = [
        Rater.objects.create(case=case, kind=Rater.Kind.INFORMANT, name=f"Warga {n}", role="BKM")
        for n in range(3)
    ]
    api = APIClient()
    api.force_authenticate(researcher)
    url = f"/api/v1/cases/{case.pk}/scores/"
    for informant, value in zip(informants[:2], (4, 4), strict=True):
        services.rating_upsert(case=case, rater=informant, indicator=indicator, value=value)
    panel = api.get(url).json()["panel"]
    assert (panel["members"], panel["shown"], panel["indicators"], panel["agreement"]) == (
        2,
        False,
        [],
        None,
    )
    assert panel["message"] == "Jawaban terlalu sedikit untuk ditampilkan (2 dari minimal 3)."
    services.rating_upsert(case=case, rater=informants[2], indicator=indicator, value=1)
    body = api.get(url).json()
    assert body["panel"]["shown"] is True
    assert body["panel"]["indicators"] == [
        {"code": "FTF1", "answers": 3, "median": 4.0, "iqr": 1.5}
    ]
    # Coders 2, panel median 4: voices (2, 4), median 3.
    ftf = next(v for v in body["variables"] if v["code"] == "FTF")
    assert ftf["indicators"][0]["score"] == 3.0
    assert "Warga" not in str(body)


def test_an_informants_questionnaire_answer_is_a_questionnaire_source(client, case):
    informant = Rater.objects.create(case=case, kind=Rater.Kind.INFORMANT, name="Ketua RT")
    token = services.informant_link_issue(rater=informant)
    response = client.post(
        f"/q/{token}/", {"FTF1-value": "3", "FTF1-evidence": "Rapat tiap bulan."}
    )
    assert response.status_code == 200
    assert Rating.objects.get(rater=informant).source_type == "kuesioner"


def test_the_case_page_shows_the_panel_apart_and_only_from_three_answers(
    client, case, raters, researcher
):
    indicator = Indicator.objects.get(framework=case.framework, code="FTF2")
    services.rating_upsert(case=case, rater=raters[0], indicator=indicator, value=3)
    client.force_login(researcher)
    for n, value in enumerate((1, 2, 4)):
        informant = Rater.objects.create(
            case=case, kind=Rater.Kind.INFORMANT, name=f"Warga {n}", role="BKM"
        )
        services.rating_upsert(case=case, rater=informant, indicator=indicator, value=value)
        page = client.get(f"/cases/{case.pk}/").content.decode()
        section = page.split('id="panel-heading"')[1].split("</section>")[0]
        if n < 2:
            assert "Jawaban terlalu sedikit untuk ditampilkan" in section
            assert "<table" not in section
        else:
            assert "3 informan menjawab" in section
            assert '<th scope="row">FTF2</th><td>3</td><td>2,00</td><td>1,50</td>' in section
        assert "Warga" not in section


def test_the_spreadsheet_export_carries_the_panel_in_aggregate_only(
    client, case, raters, researcher
):
    import io

    import openpyxl

    indicator = Indicator.objects.get(framework=case.framework, code="FTF2")
    client.force_login(researcher)
    for n, value in enumerate((1, 2, 4)):
        informant = Rater.objects.create(
            case=case, kind=Rater.Kind.INFORMANT, name=f"Warga {n}", role="BKM"
        )
        services.rating_upsert(case=case, rater=informant, indicator=indicator, value=value)
        book = openpyxl.load_workbook(
            io.BytesIO(client.get(f"/api/v1/cases/{case.pk}/export.xlsx").content)
        )
        rows = list(book["Panel informan"].iter_rows(values_only=True))
        assert rows[0] == ("Indikator", "Jawaban", "Median", "Jangkauan antarkuartil")
        if n < 2:
            assert rows[1][0].startswith("Jawaban terlalu sedikit")
        else:
            assert rows[1:] == [("FTF2", 3, 2, 1.5)]
        assert not any("Warga" in str(v) for sheet in book for r in sheet.values for v in r)
