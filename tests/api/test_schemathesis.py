"""Schemathesis over every operation of the OpenAPI schema: no server error, and every
documented response matches the schema."""

from __future__ import annotations

import json
from typing import Any

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, given, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from assessments import services
from assessments.models import Indicator
from tests.factories import CaseFactory, RaterFactory, UserFactory

pytestmark = pytest.mark.django_db

OWNED: dict[str, Any] = {}


@pytest.fixture
def api_schema(db):
    owner = UserFactory(username="fuzzer")
    case = CaseFactory(owner=owner)
    rater = RaterFactory(case=case)
    for indicator in Indicator.objects.filter(framework=case.framework)[:6]:
        services.rating_upsert(case=case, rater=rater, indicator=indicator, value=3)
    OWNED.update(
        token=Token.objects.create(user=owner).key, case=case.pk, framework=case.framework_id
    )
    document = SchemaGenerator().get_schema(request=None, public=True)
    loaded = schemathesis.openapi.from_dict(json.loads(OpenApiJsonRenderer().render(document)))
    loaded.app = get_wsgi_application()
    loaded.hook(map_path_parameters)
    # As Django's test client does: a finished request must not close the connection that
    # holds the test's transaction (PostgreSQL would lose it mid-test).
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield loaded
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def map_path_parameters(ctx, path_parameters):
    # Half the time aim at objects that exist, so the fuzzer gets past the 404s.
    if path_parameters and OWNED:
        for name, key in (("case_pk", "case"), ("id", "case")):
            value = path_parameters.get(name)
            if isinstance(value, int) and value % 2 == 0:
                path_parameters[name] = OWNED[key]
    return path_parameters


def test_no_operation_errors_or_breaks_its_schema(api_schema):
    checked = []
    for result in api_schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(
            max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None
        )
        def call(case):
            response = case.call(headers={"Authorization": f"Token {OWNED['token']}"})
            case.validate_response(
                response, checks=[not_a_server_error, response_schema_conformance]
            )

        call()
        checked.append(operation.label)
    assert len(checked) >= 20, checked


@pytest.mark.parametrize("who", ["owner", "other", "pokja"])
def test_every_operation_refuses_nul_and_deep_nesting_without_a_server_error(api_schema, who):
    """The hostile set, sent to every operation as three identities: a NUL in the query is a
    400 before anything else; a NUL in a JSON body or JSON nested 1,000 deep is a 400 where the
    body is read, and never a server error anywhere."""
    from django.test import Client

    from assessments.models import User

    user = {
        "owner": lambda: Token.objects.get(key=OWNED["token"]).user,
        "other": lambda: UserFactory(username="peneliti-lain-fuzz"),
        "pokja": lambda: UserFactory(username="pokja-fuzz", role=User.Role.POKJA),
    }[who]()
    client = Client()
    client.force_login(user)
    deep = "[" * 1000 + "]" * 1000
    seen = 0
    for result in api_schema.get_all_operations():
        operation = result.ok()
        path = operation.path
        for name in ("case_pk", "id", "pk"):
            path = path.replace("{" + name + "}", str(OWNED["case"]))
        path = path.replace("{variable_code}", "FTF").replace("{code}", "FTF")
        method = operation.method.lower()
        call = getattr(client, method)
        nul = call(f"{path}?q=a%00b")
        assert nul.status_code == 400 and nul.json(), (who, method, path)
        if method in ("post", "put", "patch"):
            for body in (deep, json.dumps({"title": "a\u0000b", "name": "a\u0000b", "text": "x"})):
                response = call(path, body, content_type="application/json")
                assert response.status_code < 500, (who, method, path, response.status_code)
                assert response["Content-Type"].startswith("application/"), (who, method, path)
        seen += 1
    assert seen >= 40
