"""Frameworks: copy a shipped one, then edit the copy (variables, indicators, their order)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from common.forms import apply_service_error

from .. import selectors, services
from ..forms import (
    FrameworkActionForm,
    FrameworkCopyForm,
    FrameworkRuleForm,
    IndicatorEditForm,
    IndicatorForm,
    RenameForm,
    VariableForm,
)
from ..http import AuthedRequest
from ..models import Framework

ADD_FORMS = {"add_variable": "variable", "add_indicator": "indicator"}


# The rule form's buttons: see the verdicts change first, then save.
RULE_ACTIONS = ("rule_preview", "rule_save")


@login_required
def frameworks(request: AuthedRequest) -> HttpResponse:
    form = FrameworkCopyForm(request.POST or None)
    if request.method == "POST":
        if request.user.is_pokja:
            raise PermissionDenied
        source = selectors.framework_get_for(
            user=request.user, pk=request.POST.get("framework", "")
        )
        if source is None:
            raise Http404
        if form.is_valid():
            copy = services.framework_copy(
                framework=source, owner=request.user, name=form.cleaned_data["name"]
            )
            messages.success(request, _("Your copy is ready to edit."))
            return redirect("framework-edit", copy.pk)
    return render(
        request,
        "assessments/frameworks.html",
        {"frameworks": selectors.framework_list_with_counts(user=request.user), "form": form},
    )


def _valid(form: RenameForm) -> dict[str, Any]:
    if not form.is_valid():
        raise ValidationError([m for messages in form.errors.values() for m in messages])
    return {name: value for name, value in form.cleaned_data.items() if value is not None}


def _framework_action(request: AuthedRequest, framework: Framework, forms: dict[str, Any]) -> bool:
    """Carries out one edit from the framework page; False when a form needs its errors shown."""
    chosen = FrameworkActionForm(request.POST, framework=framework)
    if not chosen.is_valid():
        raise Http404
    action = chosen.cleaned_data["action"]
    variable = chosen.cleaned_data["variable"]
    indicator = chosen.cleaned_data["indicator"]
    user = request.user
    if action in ADD_FORMS:
        form = forms[ADD_FORMS[action]]
        if not form.is_valid():
            forms["indicator_for"] = variable.code if variable else ""
            return False
        if action == "add_variable":
            services.variable_create(framework=framework, user=user, **form.cleaned_data)
        else:
            services.indicator_create(variable=variable, user=user, **form.cleaned_data)
    elif action == "rename_variable":
        services.variable_update(variable=variable, user=user, **_valid(RenameForm(request.POST)))
    elif action == "delete_variable":
        services.variable_delete(variable=variable, user=user)
    elif action in ("variable_up", "variable_down"):
        offset = -1 if action == "variable_up" else 1
        services.variable_move(variable=variable, user=user, offset=offset)
    elif action == "rename_indicator":
        fields = _valid(IndicatorEditForm(request.POST))
        services.indicator_update(indicator=indicator, user=user, **fields)
    elif action == "delete_indicator":
        services.indicator_delete(indicator=indicator, user=user)
    else:
        offset = -1 if action == "indicator_up" else 1
        services.indicator_move(indicator=indicator, user=user, offset=offset)
    return True


def _rule_action(
    request: AuthedRequest, framework: Framework, form: FrameworkRuleForm, action: str
) -> tuple[bool, selectors.RulePreview | None]:
    """Previews or saves the rule form: (saved, the preview to show)."""
    if not form.is_valid():
        return False, None
    try:
        if action == "rule_preview":
            rule = form.cleaned_data
            return False, selectors.framework_rule_preview(
                framework=framework, user=request.user, rule=rule
            )
        services.framework_update(framework=framework, user=request.user, **form.cleaned_data)
    except ValidationError as error:
        apply_service_error(form, error)
        return False, None
    messages.success(request, _("Rule saved; its cases are scored again."))
    return True, None


@login_required
def framework_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    framework = selectors.framework_get_for(user=request.user, pk=pk)
    if framework is None:
        raise Http404
    locked_reason = ""
    try:
        services.framework_assert_editable(framework=framework, user=request.user)
    except ValidationError as error:
        locked_reason = " ".join(error.messages)
    action = request.POST.get("action", "")
    rule_form = FrameworkRuleForm(
        request.POST if action in RULE_ACTIONS else None,
        initial=FrameworkRuleForm.initial_for(framework),
        prefix="rule",
    )
    preview = None
    if request.method == "POST" and action in RULE_ACTIONS and not locked_reason:
        saved, preview = _rule_action(request, framework, rule_form, action)
        if saved:
            return redirect("framework-edit", framework.pk)
    forms: dict[str, Any] = {
        "variable": VariableForm(
            request.POST if action == "add_variable" else None, prefix="new-variable"
        ),
        "indicator": IndicatorForm(
            request.POST if action == "add_indicator" else None, prefix="new-indicator"
        ),
    }
    if request.method == "POST" and (action not in RULE_ACTIONS or locked_reason):
        if locked_reason:
            messages.error(request, locked_reason)
            return redirect("framework-edit", framework.pk)
        try:
            done = _framework_action(request, framework, forms)
        except ValidationError as error:
            if action in ADD_FORMS:
                apply_service_error(forms[ADD_FORMS[action]], error)
                forms["indicator_for"] = request.POST.get("variable", "")
            else:
                messages.error(request, " ".join(error.messages))
                return redirect("framework-edit", framework.pk)
        else:
            if done:
                messages.success(request, _("Framework saved."))
                return redirect("framework-edit", framework.pk)
    return render(
        request,
        "assessments/framework_edit.html",
        {
            "framework": selectors.framework_with_structure(framework.pk),
            "locked_reason": locked_reason,
            "forms": forms,
            "cases": selectors.framework_visible_case_count(framework, request.user),
            "rule_form": rule_form,
            "preview": preview,
        },
    )
