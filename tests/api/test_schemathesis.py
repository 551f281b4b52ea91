"""Schemathesis over every operation of the OpenAPI schema: no server error, every documented
response matches the schema, every operation reaches a 2xx as its owner, and sequences of calls
linked through their responses run as three identities."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

import pytest
import schemathesis
from django.core import signals
from django.core.cache import cache
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, given, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from assessments.models import User
from tests.factories import UserFactory

from .steering import Owned, owned_objects, steered, steering_reset

pytestmark = pytest.mark.django_db
CHECKS = [not_a_server_error, response_schema_conformance]


@pytest.fixture
def owned(db) -> Owned:
    return owned_objects()


@pytest.fixture
def api_schema(owned):
    steering_reset()
    document = SchemaGenerator().get_schema(request=None, public=True)
    loaded = schemathesis.openapi.from_dict(json.loads(OpenApiJsonRenderer().render(document)))
    loaded.app = get_wsgi_application()
    loaded.hook(steered(owned))
    # As Django's test client does: a finished request must not close the connection that
    # holds the test's transaction (PostgreSQL would lose it mid-test).
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield loaded
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def identity(who: str, owned: Owned) -> User:
    if who == "owner":
        return User.objects.get(username=owned.username)
    if who == "pokja":
        return UserFactory.create(username="pokja-fuzz", role=User.Role.POKJA)
    return UserFactory.create(username="peneliti-lain-fuzz")


def token_of(user: User) -> str:
    return Token.objects.get_or_create(user=user)[0].key


def successes_documented(operation: Any) -> bool:
    return any(str(code).startswith("2") for code in operation.definition.raw["responses"])


def fuzz(operation: Any, token: str, seen: set[int]) -> None:
    """Generated requests to one operation: no server error, answers that keep to the schema."""

    @given(case=operation.as_strategy())
    @settings(
        max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None
    )
    def call(case):
        cache.clear()  # the token endpoint's throttle is tested on its own
        response = case.call(headers={"Authorization": f"Token {token}"})
        seen.add(response.status_code)
        case.validate_response(response, checks=CHECKS)

    call()


def test_every_operation_reaches_a_2xx_as_its_owner_and_none_errors(api_schema, owned):
    token = token_of(identity("owner", owned))
    statuses: dict[str, set[int]] = defaultdict(set)
    operations = [result.ok() for result in api_schema.get_all_operations()]
    for operation in operations:
        fuzz(operation, token, statuses[operation.label])
    assert len(operations) >= 70
    never = {
        operation.label: sorted(statuses[operation.label])
        for operation in operations
        if successes_documented(operation)
        and not any(200 <= status < 300 for status in statuses[operation.label])
    }
    assert not never, f"operations that never answered 2xx: {never}"


@pytest.mark.parametrize("who", ["owner", "other", "pokja"])
def test_linked_sequences_of_calls_keep_to_the_schema_as_each_identity(api_schema, owned, who):
    """Stateful: the ids one response returns feed the next call (links inferred from the
    schema: a created case's id into its raters, ratings, ties, …), as the owner, another
    researcher and a Pokja viewer."""
    token = token_of(identity(who, owned))
    calls: list[int] = []

    class Machine(api_schema.as_state_machine()):
        def setup(self):
            # Each sequence starts from the same rows: the calls a sequence can make depend on
            # what earlier ones created, and Hypothesis needs that to be the same on a replay.
            self.savepoint = transaction.atomic()
            self.savepoint.__enter__()
            cache.clear()
            steering_reset()

        def teardown(self):
            transaction.set_rollback(True)
            self.savepoint.__exit__(None, None, None)

        def get_call_kwargs(self, case):
            return {"headers": {"Authorization": f"Token {token}"}}

        def validate_response(self, response, case, **kwargs):
            calls.append(response.status_code)
            case.validate_response(response, checks=CHECKS)

    Machine.run(
        settings=settings(
            max_examples=12,
            stateful_step_count=6,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
        )
    )
    assert len(calls) >= 24 and any(200 <= status < 300 for status in calls)


@pytest.mark.parametrize("who", ["owner", "other", "pokja"])
def test_every_operation_refuses_nul_and_deep_nesting_without_a_server_error(
    api_schema, owned, who
):
    """The hostile set, sent to every operation as three identities: a NUL in the query is a
    400 before anything else; a NUL in a JSON body or JSON nested 1,000 deep is a 400 where the
    body is read, and never a server error anywhere."""
    from django.test import Client

    client = Client()
    client.force_login(identity(who, owned))
    deep = "[" * 1000 + "]" * 1000
    seen = 0
    for result in api_schema.get_all_operations():
        operation = result.ok()
        path = operation.path
        for name in ("case_pk", "id", "pk"):
            path = path.replace("{" + name + "}", str(owned.ids["case"]))
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
