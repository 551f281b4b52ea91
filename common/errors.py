"""The one domain error type: every rule of Kolaborasi that refuses an input raises it."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError


class ApplicationError(ValidationError):
    """A rule of Kolaborasi refused the input.

    A ValidationError subclass, so forms show it next to the field and the API maps it to 400
    with field messages. `detail` carries a structured body the field form cannot express,
    such as errors keyed by item index in a list of ratings.
    """

    def __init__(self, message: Any, *args: Any, detail: Any = None, **kwargs: Any) -> None:
        super().__init__(message, *args, **kwargs)
        self.detail = detail


class NotPermitted(ApplicationError):
    """The user may see the object but not do this to it: 403 in the API, a message on pages."""
