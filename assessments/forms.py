"""Browser forms. They check types and shapes; the services decide what is allowed."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import selectors
from .models import Case, Framework, Place, Program, Rater, Rating, ScaleLevel, Variable


def apply_service_error(form: forms.Form, error: ValidationError) -> None:
    """Shows a service's error next to the field it names, or above the form."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


class CaseForm(forms.ModelForm):
    place = forms.CharField(
        label=_("Place"),
        help_text=_("Type to search the Kemendagri list, e.g. 'kampung bugis'."),
        widget=forms.HiddenInput,
    )
    collaborators = forms.CharField(
        label=_("Co-researchers"),
        required=False,
        help_text=_("Usernames, separated by commas."),
    )

    class Meta:
        model = Case
        fields = [
            "title",
            "program",
            "place",
            "rt_rw",
            "year_start",
            "year_end",
            "framework",
            "status",
            "method_note",
            "summary",
        ]
        widgets = {
            "method_note": forms.Textarea(attrs={"rows": 3}),
            "summary": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["program"].queryset = Program.objects.order_by("name")
        self.fields["framework"].queryset = selectors.framework_list(user=user)
        self.fields["framework"].required = False
        self.fields["framework"].help_text = _("Empty: Ansell & Gash (2008).")
        if self.instance.pk:
            self.initial["place"] = self.instance.place_id
            self.initial["collaborators"] = ", ".join(
                self.instance.collaborators.values_list("username", flat=True)
            )
        self.place_label = ""
        code = self.data.get(self.add_prefix("place")) or self.initial.get("place")
        if code:
            place = Place.objects.filter(code=code).first()
            self.place_label = place.path if place else code

    def clean_place(self) -> Place:
        code = self.cleaned_data["place"].strip()
        place = Place.objects.filter(code=code).first()
        if place is None:
            raise ValidationError(_("Choose a place from the list."))
        return place

    def clean_collaborators(self) -> list[str]:
        raw = self.cleaned_data.get("collaborators", "")
        return [name.strip() for name in raw.replace(";", ",").split(",") if name.strip()]


class RaterForm(forms.ModelForm):
    class Meta:
        model = Rater
        fields = ["name", "kind", "role", "institution"]


def level_choices(levels: list[ScaleLevel]) -> list[tuple[str, str]]:
    return [(str(level.value), f"{level.value} · {level.label}") for level in levels]


class RatingForm(forms.Form):
    value = forms.TypedChoiceField(
        label=_("Level"),
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    evidence = forms.CharField(
        label=_("Evidence"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    source_type = forms.ChoiceField(
        label=_("Source type"),
        required=False,
        choices=[("", "—"), *Rating.SourceType.choices],
    )
    source_detail = forms.CharField(label=_("Source detail"), required=False, max_length=300)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(self, *args: Any, levels: list[ScaleLevel], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["value"].choices = [("", _("Not assessed")), *level_choices(levels)]
        self.descriptors = {str(level.value): level.to_spec().descriptor for level in levels}


class ConclusionForm(forms.Form):
    narrative = forms.CharField(
        label=_("Narrative"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    override_level = forms.TypedChoiceField(
        label=_("Override the verdict"), coerce=int, empty_value=None, required=False
    )
    override_reason = forms.CharField(
        label=_("Reason for the override"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(self, *args: Any, levels: list[ScaleLevel], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["override_level"].choices = [
            ("", _("No override: keep the computed verdict")),
            *level_choices(levels),
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("override_level") is not None and not data.get("override_reason", "").strip():
            self.add_error("override_reason", _("An override needs a written reason."))
        return data


class RecommendationForm(forms.Form):
    text = forms.CharField(label=_("Recommendation"), widget=forms.Textarea(attrs={"rows": 2}))
    variable = forms.ModelChoiceField(
        label=_("Variable"), queryset=Variable.objects.none(), required=False, to_field_name="code"
    )
    addressed_to = forms.CharField(label=_("Addressed to"), required=False, max_length=300)

    def __init__(self, *args: Any, framework: Framework, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["variable"].queryset = framework.variables.order_by("order")


class FrameworkCopyForm(forms.Form):
    name = forms.CharField(label=_("Name of the copy"), max_length=200)


class VariableForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=20)
    name_id = forms.CharField(label=_("Name (Indonesian)"), max_length=200)
    name_en = forms.CharField(label=_("Name (English)"), max_length=200, required=False)


class IndicatorForm(VariableForm):
    weight = forms.DecimalField(
        label=_("Weight"), min_value=Decimal("0.01"), max_digits=6, decimal_places=2, initial=1
    )
