from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from assessments.models import Recommendation
from common.forms import limit_queryset
from common.sources import source_form_field

from . import selectors
from .models import (
    Actor,
    Factor,
    Level,
    Participation,
    Partnership,
    ProgramOutput,
    Sector,
    SlumArea,
    Stage,
    Tie,
)


class ParticipantForm(forms.Form):
    """Adds an actor to the case: an existing one, or a new one described here."""

    actor = forms.ModelChoiceField(
        label=_("Existing actor"), queryset=Actor.objects.none(), required=False
    )
    name = forms.CharField(label=_("or a new actor: name"), max_length=200, required=False)
    short_label = forms.CharField(label=_("Short label"), max_length=20, required=False)
    kind = forms.ChoiceField(
        label=_("Individual or institution"), choices=Level.choices, required=False
    )
    sector = forms.ChoiceField(label=_("Sector"), choices=Sector.choices, required=False)
    type = forms.ModelChoiceField(
        label=_("Actor type"), queryset=selectors.actor_type_list(), required=False
    )
    institution = forms.ModelChoiceField(
        label=_("Belongs to (a person's institution)"),
        queryset=Actor.objects.none(),
        required=False,
    )
    role = forms.ChoiceField(label=_("Role"), choices=Participation.Role.choices)
    stages = forms.MultipleChoiceField(
        label=_("Program stages"),
        choices=Stage.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    source = source_form_field()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_queryset(self, "actor", selectors.actors_all())
        limit_queryset(self, "institution", selectors.institutions())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("actor") and not data.get("name"):
            self.add_error("name", _("Choose an actor or name a new one."))
        if not data.get("actor") and data.get("name"):
            for field in ("kind", "sector"):
                if not data.get(field):
                    self.add_error(field, _("A new actor needs this."))
        if (
            not data.get("actor")
            and data.get("institution")
            and data.get("kind") != Level.INDIVIDUAL
        ):
            self.add_error("institution", _("Only a person belongs to an institution."))
        return data


class TieForm(forms.ModelForm):
    class Meta:
        model = Tie
        fields = list(Tie.ENTRY_FIELDS)
        widgets = {"evidence": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, actors, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("source", "target", "dominant"):
            limit_queryset(self, name, actors)

    def _post_clean(self) -> None:
        # The service checks the tie rules and says which field is wrong.
        pass


class PartnershipForm(forms.ModelForm):
    class Meta:
        model = Partnership
        fields = list(Partnership.ENTRY_FIELDS)
        widgets = {
            "description": forms.Textarea(attrs={"rows": 2}),
            "partners": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, actors, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_queryset(self, "partners", actors)


class FactorForm(forms.ModelForm):
    class Meta:
        model = Factor
        fields = ["kind", "text", "evidence", "source"]
        widgets = {"evidence": forms.Textarea(attrs={"rows": 2})}


class OutputForm(forms.ModelForm):
    class Meta:
        model = ProgramOutput
        fields = list(ProgramOutput.ENTRY_FIELDS)


class SlumAreaForm(forms.ModelForm):
    class Meta:
        model = SlumArea
        fields = list(SlumArea.ENTRY_FIELDS)


class AddresseeForm(forms.Form):
    """Whom one of the case's recommendations addresses, among the case's actors."""

    recommendation = forms.ModelChoiceField(
        label=_("Recommendation"), queryset=Recommendation.objects.none()
    )
    actors = forms.ModelMultipleChoiceField(
        label=_("Addressed to"),
        queryset=Actor.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, case: Any, actors: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_queryset(self, "recommendation", case.recommendations.all())
        limit_queryset(self, "actors", actors)
