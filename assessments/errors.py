from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError


class ApplicationError(ValidationError):
    """The one domain error: a rule of Kolaborasi refused the input.

    A ValidationError subclass, so forms show it next to the field and the API maps it to 400
    with field messages. `detail` carries a structured body the field form cannot express,
    such as errors keyed by item index in a list of ratings.
    """

    def __init__(self, message: Any, *args: Any, detail: Any = None, **kwargs: Any) -> None:
        super().__init__(message, *args, **kwargs)
        self.detail = detail
