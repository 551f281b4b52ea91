"""A query parameter outside its few words is a 400 that names them, in Indonesian."""

from __future__ import annotations

import pytest

from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("network/?level=desa", {"level": ["Pilih salah satu: individual, institution."]}),
        ("network/?stage=nanti", {"stage": ["Pilih salah satu: persiapan, perencanaan, "
                                            "pelaksanaan, keberlanjutan."]}),
        ("report.pdf?lang=fr", {"lang": ["Pilih salah satu: id, en."]}),
        ("report.pdf?lampiran=ya", {"lampiran": ["Pilih true atau false."]}),
        ("ratings/template.xlsx?lang=jv", {"lang": ["Pilih salah satu: id, en."]}),
    ],
)  # fmt: skip
def test_a_query_word_outside_the_choices_is_a_400_naming_them(api, path, expected):
    case = CaseFactory()
    api.force_authenticate(case.owner)
    answer = api.get(f"/api/v1/cases/{case.pk}/{path}")
    assert answer.status_code == 400
    assert answer.json() == expected
