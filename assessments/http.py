"""The request of a page behind `login_required`, typed: its user is a signed-in `User`, and
django-htmx has told whether htmx sent it. Every app's views annotate with it."""

from __future__ import annotations

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

from .models import User


class AuthedRequest(HttpRequest):
    user: User
    htmx: HtmxDetails
