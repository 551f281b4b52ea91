"""Cases and who may open them, the programs they belong to, and the raters, ratings,
conclusions and recommendations of one case."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet
from django.http import Http404

from ..models import (
    Case,
    Conclusion,
    Program,
    Rater,
    Rating,
    Recommendation,
    User,
    Variable,
    Visitor,
)
from .places import place_within_q


def case_visible_q(user: Visitor) -> Q:
    """Which cases a user may open: the one rule for pages, the API and reports."""
    if not isinstance(user, User):
        return Q(pk__in=[])
    if user.is_admin_role:
        return Q()
    published = Q(status=Case.Status.PUBLISHED)
    if user.is_pokja:
        codes = list(user.places.values_list("code", flat=True))
        if not codes:
            return published
        scope = Q(pk__in=[])
        for code in codes:
            scope |= place_within_q(code, "place__code")
        return published & scope
    collaborating = Case.collaborators.through.objects.filter(user_id=user.pk).values("case_id")
    return published | Q(owner_id=user.pk) | Q(pk__in=collaborating)


def sees_every_published_case(user: Visitor) -> bool:
    """Whether `case_visible_q` lets the user open every published case (and perhaps more):
    then counts of all published cases may be shown to them."""
    if not isinstance(user, User):
        return False
    return not (user.is_pokja and user.places.exists())


def case_can_edit(user: Visitor, case: Case) -> bool:
    if not isinstance(user, User):
        return False
    if user.is_admin_role:
        return True
    if user.is_pokja:
        return False
    if case.owner_id == user.pk:
        return True
    return bool(case.collaborators.filter(pk=user.pk).exists())


def possible_co_researchers() -> QuerySet[User]:
    """Anyone but Pokja viewers, who only read."""
    return User.objects.exclude(role=User.Role.POKJA)


def case_list(*, user: Visitor) -> QuerySet[Case]:
    return (
        Case.objects.filter(case_visible_q(user))
        .select_related("program", "place", "framework", "owner", "result")
        .order_by("-year_end", "title", "pk")
    )


def case_get_for(*, user: Visitor, pk: int | str, write: bool = False) -> Case:
    """The case if the user may open it (Http404 otherwise); with `write`, only if they may
    also change it (PermissionDenied). Pages and the API both answer through this."""
    case = case_list(user=user).filter(pk=pk).first()
    if case is None:
        raise Http404
    if write and not case_can_edit(user, case):
        raise PermissionDenied
    return case


def program_list() -> QuerySet[Program]:
    return Program.objects.order_by("name")


def case_informant_counts(case: Case) -> dict[str, int]:
    """How many informants a case has and how many of them answered."""
    counts: dict[str, int] = case.raters.filter(kind=Rater.Kind.INFORMANT).aggregate(
        total=Count("pk", distinct=True),
        answered=Count("pk", filter=Q(ratings__isnull=False), distinct=True),
    )
    return counts


def case_raters(case: Case) -> QuerySet[Rater]:
    return case.raters.order_by("kind", "name")


def case_sees_informants(user: Visitor, case: Case) -> bool:
    """Informants' names, roles and single answers are for the case's researchers only;
    everyone else sees the panel in aggregate."""
    return case_can_edit(user, case)


def case_raters_visible(user: Visitor, case: Case) -> QuerySet[Rater]:
    raters = case_raters(case)
    if case_sees_informants(user, case):
        return raters
    return raters.exclude(kind=Rater.Kind.INFORMANT)


def case_raters_with_counts(user: Visitor, case: Case) -> QuerySet[Rater]:
    """The raters the user may see, with `rating_count`, the number of indicators each has
    given a level."""
    return case_raters_visible(user, case).annotate(
        rating_count=Count("ratings", filter=Q(ratings__value__isnull=False))
    )


def case_rater(case: Case, pk: int | str) -> Rater | None:
    if not str(pk).isdigit():
        return None
    return case.raters.filter(pk=pk).first()


def researcher_rater(case: Case, user: User) -> Rater | None:
    """The researcher's own rater in the case, if they have rated before."""
    return case.raters.filter(user=user, kind=Rater.Kind.RESEARCHER).first()


def researcher_rater_name(case: Case, user: User) -> str:
    """The name the researcher's own rater takes without asking: their account's full name,
    unless the case has a rater of that name already. "" means the page must ask."""
    name = user.get_full_name().strip()
    if not name or case.raters.filter(name=name).exists():
        return ""
    return name


def case_ratings(case: Case) -> QuerySet[Rating]:
    """Every rating of the case in framework order, then by rater."""
    return (
        Rating.objects.filter(case=case)
        .select_related("indicator")
        .order_by("indicator__variable__order", "indicator__order", "rater_id")
    )


def case_ratings_visible(user: Visitor, case: Case) -> QuerySet[Rating]:
    ratings = case_ratings(case)
    if case_sees_informants(user, case):
        return ratings
    return ratings.exclude(rater__kind=Rater.Kind.INFORMANT)


def case_informant_answers(case: Case) -> QuerySet[Rating]:
    """The informants' written answers, for the researcher who decides what may be quoted."""
    return (
        Rating.objects.filter(case=case, rater__kind=Rater.Kind.INFORMANT)
        .exclude(evidence="")
        .select_related("indicator", "rater")
        .order_by("indicator__variable__order", "indicator__order", "rater__name")
    )


def case_rating(user: Visitor, case: Case, pk: int) -> Rating | None:
    """One rating the user may see (an informant's only for the case's researchers)."""
    visible = case_ratings_visible(user, case)
    return visible.select_related("indicator", "rater").filter(pk=pk).first()


def case_conclusion(case: Case, pk: int) -> Conclusion | None:
    return case.conclusions.select_related("variable").filter(pk=pk).first()


def case_conclusion_of(case: Case, variable: Variable | None) -> Conclusion | None:
    """The conclusion on a variable, or the overall one when `variable` is None."""
    return case.conclusions.filter(variable=variable).first()


def case_conclusions_by_target(case: Case) -> dict[str, Conclusion]:
    """The case's conclusions keyed by variable code, the overall one under "overall"."""
    return {
        (c.variable.code if c.variable else "overall"): c
        for c in case.conclusions.select_related("variable")
    }


def case_recommendations(case: Case) -> QuerySet[Recommendation]:
    return case.recommendations.select_related("variable")


def case_recommendation(case: Case, pk: int) -> Recommendation | None:
    return case.recommendations.filter(pk=pk).first()
