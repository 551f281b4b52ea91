"""The OpenAPI schema is what REST clients generate their code from: it must be valid, and
each operation must offer one clean request body."""

from __future__ import annotations

import pytest
import yaml
from openapi_spec_validator import validate

from tests.factories import UserFactory

from .conftest import as_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(api):
    client = as_user(api, UserFactory(username="pembaca-skema"))
    response = client.get("/api/schema/")
    assert response.status_code == 200
    return yaml.safe_load(response.content)


def test_the_schema_passes_the_openapi_validator(schema):
    validate(schema)


def test_the_token_endpoint_takes_json_only(schema):
    body = schema["paths"]["/api/v1/auth/token/"]["post"]["requestBody"]["content"]
    assert list(body) == ["application/json"]
