"""Browser forms. They check types and shapes; the services decide what is allowed."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from common.forms import limit_queryset, set_choices
from common.sources import source_form_field

from . import scoring, selectors
from .fields import PlaceCodeFormField
from .models import Case, Framework, Indicator, Rater, Rating, ScaleLevel, User, Variable
from .services import CASE_EDITABLE_FIELDS


class CaseForm(forms.ModelForm):
    place = PlaceCodeFormField(
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
        fields = list(CASE_EDITABLE_FIELDS)
        widgets = {
            "method_note": forms.Textarea(attrs={"rows": 3}),
            "summary": forms.Textarea(attrs={"rows": 3}),
            "further_research": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_queryset(self, "program", selectors.program_list())
        limit_queryset(self, "framework", selectors.framework_list(user=user))
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
            place = selectors.place_get(str(code))
            self.place_label = place.path if place else code

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
    # The version the form was loaded at: always sent, so no save overwrites unseen changes.
    version = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=0,
        error_messages={"required": _("Reload the page: this form lost its version.")},
    )

    def __init__(self, *args: Any, levels: list[ScaleLevel], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_choices(self, "value", [("", scoring.level_label(None)), *level_choices(levels)])
        self.descriptors = {str(level.value): level.to_spec().descriptor for level in levels}


class InformantAnswerForm(RatingForm):
    """An informant's own answer on their questionnaire: nobody else writes as this rater, so
    it carries no version."""

    version = None  # type: ignore[assignment]


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
    # The version the form was loaded at: always sent, so no save overwrites unseen changes.
    version = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=0,
        error_messages={"required": _("Reload the page: this form lost its version.")},
    )

    def __init__(self, *args: Any, levels: list[ScaleLevel], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_choices(
            self,
            "override_level",
            [("", str(_("No override: keep the computed verdict"))), *level_choices(levels)],
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("override_level") is not None and not data.get("override_reason", "").strip():
            self.add_error("override_reason", _("An override needs a written reason."))
        return data


class RecommendationForm(forms.Form):
    text = forms.CharField(label=_("Recommendation"), widget=forms.Textarea(attrs={"rows": 2}))
    variable = forms.ModelChoiceField(
        label=_("Variable"), queryset=Variable.objects.none(), required=False, to_field_name="code"
    )
    addressed_to = forms.CharField(label=_("Addressed to"), required=False, max_length=300)
    source = source_form_field()

    def __init__(self, *args: Any, framework: Framework, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_queryset(self, "variable", selectors.framework_variables(framework))


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


class FrameworkActionForm(forms.Form):
    """Which edit a button on the framework page asks for, and on which variable or indicator."""

    ACTIONS = [
        "add_variable",
        "add_indicator",
        "rename_variable",
        "delete_variable",
        "variable_up",
        "variable_down",
        "rename_indicator",
        "delete_indicator",
        "indicator_up",
        "indicator_down",
    ]
    action = forms.ChoiceField(choices=[(a, a) for a in ACTIONS])
    variable = forms.CharField(required=False)
    indicator = forms.CharField(required=False)

    def __init__(self, *args: Any, framework: Framework, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.framework = framework

    def clean_variable(self) -> Variable | None:
        code = self.cleaned_data["variable"]
        return selectors.framework_variable(self.framework, code) if code else None

    def clean_indicator(self) -> Indicator | None:
        code = self.cleaned_data["indicator"]
        return selectors.framework_indicator(self.framework, code) if code else None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        action = data.get("action", "")
        if action in ("add_indicator", "rename_variable", "delete_variable") or action.startswith(
            "variable_"
        ):
            if data.get("variable") is None:
                raise ValidationError(_("No such variable in this framework."))
        elif action not in ("", "add_variable") and data.get("indicator") is None:
            raise ValidationError(_("No such indicator in this framework."))
        return data


class RenameForm(forms.Form):
    name_id = forms.CharField(label=_("Name (Indonesian)"), max_length=200)
    name_en = forms.CharField(label=_("Name (English)"), max_length=200, required=False)


class IndicatorEditForm(RenameForm):
    # The page shows the weight the Indonesian way ("1,50"); both separators are accepted.
    weight = forms.CharField(label=_("Weight"), required=False)

    def clean_weight(self) -> Decimal | None:
        text = self.cleaned_data["weight"].strip().replace(",", ".")
        if not text:
            return None
        try:
            weight = Decimal(text)
        except ArithmeticError:
            raise ValidationError(_("Enter a number, e.g. 1 or 1,5.")) from None
        if not weight.is_finite() or weight < Decimal("0.01"):
            raise ValidationError(_("The weight must be at least 0,01."))
        return weight


class InformantQuotesForm(forms.Form):
    """The informant answers a researcher marks quotable in the chapter."""

    quotable = forms.TypedMultipleChoiceField(coerce=int, required=False)

    def __init__(self, *args: Any, answers: Sequence[Any] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_choices(self, "quotable", [(str(answer.pk), str(answer.pk)) for answer in answers])


class FrameworkRuleForm(forms.Form):
    """A framework's rule as the researcher sets it; cut points the Indonesian way
    ("1,75; 2,50; 3,25")."""

    indicator_aggregation = forms.ChoiceField(
        label=_("Indicator score"), choices=Framework.IndicatorAggregation.choices
    )
    banding = forms.ChoiceField(label=_("Banding"), choices=Framework.Banding.choices)
    band_thresholds = forms.CharField(
        label=_("Cut points (explicit banding only)"),
        required=False,
        help_text=_("One ascending cut point between each two levels, e.g. 1,75; 2,50; 3,25."),
    )
    overall_method = forms.ChoiceField(
        label=_("Overall verdict"), choices=Framework.OverallMethod.choices
    )
    min_variables_rated = forms.IntegerField(
        label=_("Variables needed for an overall verdict"),
        required=False,
        min_value=1,
        help_text=_("Empty: every variable."),
    )
    panel_weight = forms.IntegerField(
        label=_("Weight of the informant panel"),
        min_value=0,
        max_value=10,
        help_text=_("How many coders the informants' median answer counts as."),
    )

    @classmethod
    def initial_for(cls, framework: Framework) -> dict[str, Any]:
        thresholds = "; ".join(str(t).replace(".", ",") for t in framework.band_thresholds)
        return {
            "indicator_aggregation": framework.indicator_aggregation,
            "banding": framework.banding,
            "band_thresholds": thresholds,
            "overall_method": framework.overall_method,
            "min_variables_rated": framework.min_variables_rated,
            "panel_weight": framework.panel_weight,
        }

    def clean_band_thresholds(self) -> list[float]:
        text = self.cleaned_data["band_thresholds"].strip()
        if not text:
            return []
        points = []
        for part in text.replace(";", " ").split():
            try:
                points.append(float(Decimal(part.replace(",", "."))))
            except ArithmeticError:
                raise ValidationError(
                    _("%(value)s is not a number.") % {"value": part}, code="invalid"
                ) from None
        return points


class NextRoundForm(forms.Form):
    """The next round of a case: only its period (and a title) are new."""

    title = forms.CharField(
        label=_("Title"),
        max_length=300,
        required=False,
        help_text=_("Empty: this case's title with the new period."),
    )
    year_start = forms.IntegerField(label=_("From year"), min_value=1945, max_value=2100)
    year_end = forms.IntegerField(label=_("To year"), min_value=1945, max_value=2100)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("year_start"), data.get("year_end")
        if start is not None and end is not None and end < start:
            self.add_error("year_end", _("The end year cannot be before the start year."))
        return data


class RoundLinkForm(forms.Form):
    previous_round = forms.ModelChoiceField(
        label=_("Follows the round"),
        queryset=Case.objects.none(),
        required=False,
        empty_label=_("— none: a first assessment —"),
    )

    def __init__(self, *args: Any, candidates: Sequence[Case], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_queryset(
            self, "previous_round", Case.objects.filter(pk__in=[c.pk for c in candidates])
        )
