"""A Kemendagri place code in, the place out: the one field for forms and for the API, so
every page and endpoint turns a code into a place through `selectors.place_get`."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import serializers

from . import selectors
from .models import Place


class PlaceCodeFormField(forms.CharField):
    """A Kemendagri code in, the place out; the one place search of every form sets it."""

    default_error_messages = {"unknown": gettext_lazy("Choose a place from the list.")}

    def clean(self, value: Any) -> Place | None:
        code = super().clean(value)
        if not code:
            return None
        place = selectors.place_get(code)
        if place is None:
            raise ValidationError(self.error_messages["unknown"], code="unknown")
        return place


class PlaceCodeField(serializers.CharField):
    """A Kemendagri code in ("13.75" or "1375"); the place out."""

    def to_internal_value(self, data: Any) -> Place:  # type: ignore[override]
        text = super().to_internal_value(data)
        if len(text) > 20:
            raise serializers.ValidationError("A Kemendagri code has at most 13 characters.")
        place = selectors.place_get(text)
        if place is None:
            raise serializers.ValidationError(
                _("%(code)s is not a Kemendagri region code.") % {"code": text}
            )
        return place

    def to_representation(self, value: Any) -> str:
        return value.code if isinstance(value, Place) else str(value)
