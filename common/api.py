"""What every API endpoint shares: pagination, the error mapping, CSV."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import ProtectedError
from django.utils.translation import gettext as _
from rest_framework import exceptions, renderers
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler as drf_exception_handler
from rest_framework.views import set_rollback

from .errors import NotPermitted
from .problems import error_problem
from .saving import EditConflict
from .spreadsheets import csv_bytes


class Pagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500


class KnownCount:
    """A queryset to paginate whose number of rows is known some cheaper way than COUNT(*)."""

    ordered = True

    def __init__(self, rows: Any, count: int) -> None:
        self.rows, self.total = rows, count

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, index: Any) -> Any:
        return self.rows[index]


def exception_handler(exc: Exception, context: Mapping[str, Any]) -> Response | None:
    """Domain errors (ApplicationError and every Django ValidationError) are 400s with field
    messages, refusals 403s; deleting something still in use is a 400 that says so."""
    if isinstance(exc, EditConflict):
        return conflict_response(exc, getattr(context.get("view"), "get_serializer", None))
    if isinstance(exc, NotPermitted):
        exc = exceptions.PermissionDenied(" ".join(exc.messages))
    elif isinstance(exc, DjangoValidationError):
        detail = getattr(exc, "detail", None)
        exc = exceptions.ValidationError(detail=detail or as_serializer_error(exc))
    elif isinstance(exc, ProtectedError):
        exc = exceptions.ValidationError(
            {"non_field_errors": ["This object is still in use and cannot be deleted."]}
        )
    response = drf_exception_handler(exc, dict(context))
    if response is None:
        # Anything else is a bug or a database away: JSON all the same, with the id that finds
        # it in the log.
        request = context.get("request")
        problem, status, headers = error_problem(getattr(request, "_request", request), exc)
        set_rollback()
        return Response(
            problem, status=status, headers=headers, content_type="application/problem+json"
        )
    return response


def conflict_response(
    conflict: EditConflict, serializer: Callable[..., Any] | None, status: int = 409
) -> Response:
    """409 (or 412 for a stale If-Match) with what is there now, in the view's own shape, so
    the client can merge and send again with the current version."""
    data: dict[str, Any] = {"detail": " ".join(conflict.messages)}
    if conflict.index is not None:
        data["index"] = conflict.index
    if conflict.current is not None and serializer is not None:
        data["current"] = serializer(conflict.current).data
    set_rollback()
    return Response(data, status=status)


class CSVRenderer(renderers.BaseRenderer):
    """Flat rows (a list of dicts) as CSV for spreadsheets and pandas."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: Mapping[str, Any] | None = None,
    ) -> bytes:
        if isinstance(data, dict) and "results" in data:
            data = data["results"]
        if isinstance(data, dict):
            data = [data]
        rows = list(data or [])
        view = (renderer_context or {}).get("view")
        # The view names its columns, so even an empty result is a CSV with its header row.
        columns = list(getattr(view, "csv_columns", None) or (rows[0].keys() if rows else []))
        return csv_bytes(columns, ([row.get(name) for name in columns] for row in rows))


def query_choice(request: Any, name: str, choices: Sequence[str], default: str) -> str:
    """A query parameter that must be one of a few words; anything else is a 400 naming them."""
    value = str(request.query_params.get(name, default))
    if value not in choices:
        named = ", ".join(choice for choice in choices if choice)
        message = _("Choose one of: %(choices)s.") % {"choices": named}
        raise exceptions.ValidationError({name: [message]})
    return value


def query_flag(request: Any, name: str, *, default: bool) -> bool:
    """A true/false query parameter (also 1/0); anything else is a 400."""
    value = request.query_params.get(name, "true" if default else "false").lower()
    if value not in ("true", "false", "1", "0"):
        raise exceptions.ValidationError({name: [_("Choose true or false.")]})
    return value in ("true", "1")
