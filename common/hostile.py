"""Input no view should ever see: NUL characters (PostgreSQL refuses them in text, so they
would end as a 500) and JSON nested deeper than any request of this app needs. One place
checks them: `HostileInputMiddleware` for paths, query strings and forms, and
`StrictJSONParser` for JSON bodies."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError, ValidationError
from rest_framework.parsers import JSONParser

NUL = "\x00"
# A framework copy, the deepest request body the API takes, is four levels deep.
MAX_JSON_DEPTH = 20
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def nul_message() -> str:
    return _("The NUL character (\\0) is not allowed here.")


def nul_field(request: HttpRequest) -> str | None:
    """The name of the first part of the request that holds a NUL character."""
    if NUL in request.path:
        return "path"
    parts = [(request.GET, "query")]
    if request.method == "POST" and request.content_type in FORM_TYPES:
        parts.append((request.POST, "form"))
    for data, part in parts:
        for name, values in data.lists():
            if NUL in name or any(NUL in value for value in values):
                return name.replace(NUL, "") or part
    return None


class HostileInputMiddleware:
    """Refuses a request with a NUL character anywhere but a JSON body, as a 400 that names
    the field: JSON for the API, a page otherwise."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        field = nul_field(request)
        if field is None:
            return self.get_response(request)
        if request.path.startswith("/api/"):
            return JsonResponse({field: [nul_message()]}, status=400)
        response = TemplateResponse(
            request, "400.html", {"field": field, "message": nul_message()}, status=400
        )
        return response.render()


def _hostile(data: Any, path: str, depth: int) -> tuple[str, str] | None:
    """(field, message) for the first NUL or the first place nested too deep."""
    if depth > MAX_JSON_DEPTH:
        return path or "non_field_errors", _("The JSON is nested too deeply.")
    if isinstance(data, str):
        return (path or "non_field_errors", nul_message()) if NUL in data else None
    if isinstance(data, dict):
        items: Any = data.items()
    elif isinstance(data, list):
        items = enumerate(data)
    else:
        return None
    for key, value in items:
        name = f"{path}.{key}" if path else str(key)
        if NUL in str(key):
            return name.replace(NUL, ""), nul_message()
        found = _hostile(value, name, depth + 1)
        if found:
            return found
    return None


class StrictJSONParser(JSONParser):
    """JSON as DRF parses it, refused with a 400 naming the field when it holds a NUL or is
    nested deeper than `MAX_JSON_DEPTH` (Python's parser itself gives up near 1,000 levels,
    with a RecursionError)."""

    def parse(
        self,
        stream: Any,
        media_type: str | None = None,
        parser_context: Any = None,
    ) -> Any:
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError as error:
            raise ParseError(_("The JSON is nested too deeply.")) from error
        found = _hostile(data, "", 0)
        if found:
            field, message = found
            raise ValidationError({field: [message]})
        return data
