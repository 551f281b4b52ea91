"""REST clients generate their code from the schema: a client generated with
openapi-python-client obtains a token and reads a case's scores against the running app."""

from __future__ import annotations

import importlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from assessments import services
from assessments.models import Indicator
from tests.factories import CaseFactory, RaterFactory, UserFactory

GENERATOR = Path(sys.executable).with_name("openapi-python-client")


@pytest.mark.django_db(transaction=True)
def test_a_generated_client_signs_in_and_reads_scores(reference_data, live_server, tmp_path):
    if not GENERATOR.exists() and shutil.which("openapi-python-client") is None:
        pytest.skip("openapi-python-client is not installed (pip install -e '.[dev]')")
    owner = UserFactory(username="klien-terbit")
    owner.set_password("rahasia-klien-1")
    owner.save()
    case = CaseFactory(owner=owner)
    rater = RaterFactory(case=case)
    for indicator in Indicator.objects.filter(framework=case.framework, code__startswith="FTF"):
        services.rating_upsert(case=case, rater=rater, indicator=indicator, value=3)
    viewer = Client()
    viewer.force_login(owner)
    schema = tmp_path / "schema.json"
    schema.write_text(json.dumps(viewer.get("/api/schema/?format=json").json()))
    subprocess.run(
        [
            str(GENERATOR if GENERATOR.exists() else "openapi-python-client"),
            "generate",
            "--path",
            str(schema),
            "--meta",
            "none",
            "--output-path",
            str(tmp_path / "kolaborasi_client"),
        ],
        check=True,
        capture_output=True,
        cwd=tmp_path,
    )
    sys.path.insert(0, str(tmp_path))
    try:
        generated = importlib.import_module("kolaborasi_client")
        token_api = importlib.import_module("kolaborasi_client.api.auth.auth_token_create")
        scores_api = importlib.import_module("kolaborasi_client.api.cases.cases_scores_retrieve")
        models = importlib.import_module("kolaborasi_client.models")
        anonymous = generated.Client(base_url=live_server.url)
        token = token_api.sync(
            client=anonymous,
            body=models.AuthTokenRequest(username="klien-terbit", password="rahasia-klien-1"),
        )
        assert token is not None and token.token
        signed_in = generated.AuthenticatedClient(
            base_url=live_server.url, token=token.token, prefix="Token"
        )
        scores = scores_api.sync(case_pk=case.pk, client=signed_in)
        assert scores is not None and scores.case == case.pk
        ftf = next(v for v in scores.variables if v.code == "FTF")
        assert ftf.verdict == "baik_belum_optimal" and ftf.score == 3.0
    finally:
        sys.path.remove(str(tmp_path))
        for name in [m for m in sys.modules if m.startswith("kolaborasi_client")]:
            del sys.modules[name]
