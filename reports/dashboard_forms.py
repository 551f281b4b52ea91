"""The dashboard's filters, in the URL so a view can be bookmarked and shared."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from assessments import selectors as assessment_selectors
from assessments.fields import PlaceCodeFormField
from assessments.models import User, Visitor
from common.forms import limit_queryset

from .dashboard import DEFAULT_FRAMEWORK, OVER_ROUND, OVER_YEAR, Scope


class DashboardForm(forms.Form):
    place = PlaceCodeFormField(label=_("Place"), required=False, widget=forms.HiddenInput)
    program = forms.ModelChoiceField(
        label=_("Program"),
        queryset=assessment_selectors.program_list(),
        required=False,
        to_field_name="code",
        empty_label=_("All programs"),
    )
    year_from = forms.IntegerField(label=_("From year"), required=False, min_value=1945)
    year_to = forms.IntegerField(label=_("To year"), required=False, max_value=2100)
    over = forms.ChoiceField(
        label=_("Over time by"),
        choices=[
            (OVER_YEAR, _("the year cases ended")),
            (OVER_ROUND, _("round, for places assessed more than once")),
        ],
        required=False,
    )
    framework = forms.ModelChoiceField(
        label=_("Framework"),
        queryset=assessment_selectors.framework_all(),
        required=False,
        empty_label=_("Ansell & Gash (2008), the default"),
    )

    def __init__(self, data: QueryDict, *, user: Visitor, **kwargs: Any) -> None:
        data = data.copy()
        places = list(user.places.all()) if isinstance(user, User) and user.is_pokja else []
        if "place" not in data and len(places) == 1:
            # A Pokja of one city starts at its city; "place=" (empty) asks for the nation.
            data["place"] = places[0].code
        super().__init__(data, **kwargs)
        # The filters as asked, with the default place: for links that keep them.
        self.params = data
        limit_queryset(self, "framework", assessment_selectors.framework_list(user=user))
        self.place_label = ""
        code = self.data.get("place")
        if code:
            place = assessment_selectors.place_get(str(code))
            self.place_label = place.path if place else str(code)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("year_from"), data.get("year_to")
        if start is not None and end is not None and start > end:
            raise ValidationError(_("The first year comes after the last."))
        return data

    def scope(self) -> Scope:
        """The scope of a valid form; the shipped Ansell & Gash framework unless one is chosen."""
        data = self.cleaned_data
        framework = data.get("framework") or assessment_selectors.framework_all().get(
            code=DEFAULT_FRAMEWORK
        )
        return Scope(
            framework=framework,
            place=data.get("place"),
            program=data.get("program"),
            year_from=data.get("year_from"),
            year_to=data.get("year_to"),
            over=data.get("over") or OVER_YEAR,
        )
