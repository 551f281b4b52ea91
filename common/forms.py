"""What the browser forms of every app share."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError


def apply_service_error(form: forms.Form, error: ValidationError) -> None:
    """Shows a service's error next to the field it names, or above the form."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)
