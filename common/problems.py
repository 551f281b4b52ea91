"""Errors as a client can use them: every request gets an id (in the `X-Request-ID` header and
in the log), and the API answers every error in JSON, a server error included, as a problem
document (RFC 9457) that carries the id."""

from __future__ import annotations

import logging
import sys
import uuid
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views import defaults

logger = logging.getLogger("kolaborasi.errors")


def request_id(request: HttpRequest) -> str:
    return str(getattr(request, "request_id", "") or "")


class RequestIdMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.request_id = uuid.uuid4().hex  # type: ignore[attr-defined]
        response = self.get_response(request)
        response["X-Request-ID"] = request.request_id  # type: ignore[attr-defined]
        return response


# A database that is restarting or failing over is back within seconds: clients wait this long.
RETRY_AFTER_SECONDS = 5


def error_problem(
    request: HttpRequest | None, error: BaseException | None
) -> tuple[dict[str, Any], int, dict[str, str]]:
    """Logs an error that no handler answered with the request's id; the problem document,
    status and headers to answer with: 503 with Retry-After while the database cannot be
    reached (the request's transaction was rolled back), 500 for anything else."""
    identifier = request_id(request) if request is not None else ""
    path = request.get_full_path() if request is not None else "?"
    headers: dict[str, str] = {}
    if isinstance(error, OperationalError | InterfaceError):
        logger.warning("Database unavailable %s on %s: %s", identifier, path, error)
        status, title = 503, "Service unavailable"
        detail = (
            "The database cannot be reached just now. Try again in a few seconds; send the "
            "version you loaded, and a save that did go through is answered with 409."
        )
        headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    else:
        logger.error("Server error %s on %s", identifier, path, exc_info=error)
        status, title = 500, "Server error"
        detail = (
            "Something went wrong on our side; nothing was saved. Quote the request id when "
            "you report it."
        )
    problem = {
        "type": "about:blank",
        "title": title,
        "status": status,
        "detail": detail,
        "request_id": identifier,
    }
    return problem, status, headers


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """404: JSON under /api/, the page elsewhere."""
    if _is_api(request):
        return JsonResponse({"detail": "Not found."}, status=404)
    return defaults.page_not_found(request, exception)


def server_error(request: HttpRequest) -> HttpResponse:
    """500 outside a DRF view (a middleware, a page): JSON under /api/, the page elsewhere."""
    if _is_api(request):
        problem, status, headers = error_problem(request, sys.exc_info()[1])
        return JsonResponse(
            problem, status=status, headers=headers, content_type="application/problem+json"
        )
    return defaults.server_error(request)


def locked_out(
    request: HttpRequest, credentials: Any = None, *args: Any, **kwargs: Any
) -> HttpResponse:
    """What django-axes answers a locked-out sign-in: 429, JSON for the API, a page otherwise."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    message = _(
        "Too many wrong passwords for this user from this address. Try again in %(minutes)d "
        "minutes, or ask an administrator to unlock the account."
    ) % {"minutes": minutes}
    if _is_api(request):
        return JsonResponse({"detail": message}, status=429)
    return render(request, "registration/locked_out.html", {"message": message}, status=429)
