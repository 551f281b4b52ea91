from __future__ import annotations

from django.core.exceptions import ValidationError


class ApplicationError(ValidationError):
    """The one domain error: a rule of Kolaborasi refused the input.

    A ValidationError subclass, so forms show it next to the field and the API maps it to 400
    with field messages.
    """
