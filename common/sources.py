"""Where a recorded finding comes from ("hlm. 7", "bagian III.1"): one field, the same on every
model and form that has one, so the chapter and the demo can always trace a row to its paper."""

from __future__ import annotations

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

SOURCE_MAX_LENGTH = 300
SOURCE_HELP = _("Where it comes from: page or section")


def source_field() -> models.CharField[str, str]:
    return models.CharField(
        _("source"), max_length=SOURCE_MAX_LENGTH, blank=True, help_text=SOURCE_HELP
    )


def source_form_field() -> forms.CharField:
    return forms.CharField(
        label=_("Source"), required=False, max_length=SOURCE_MAX_LENGTH, help_text=SOURCE_HELP
    )
