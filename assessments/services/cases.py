"""Cases: create, change and delete, with their co-researchers."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from common.errors import ApplicationError, NotPermitted
from common.saving import apply_fields, validated_save

from ..models import Case, Framework, Place, Program, User
from .chains import check_round_neighbours, round_link, round_unlink_for_delete, rounds_join
from .results import case_results_store
from .tallies import tallies_kept


def _researchers(usernames_or_users: Iterable[User | str]) -> list[User]:
    users: list[User] = []
    unknown: list[str] = []
    for item in usernames_or_users:
        if isinstance(item, User):
            users.append(item)
            continue
        found = User.objects.filter(username=item).first()
        if found is None:
            unknown.append(str(item))
        elif found.is_pokja:
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
    collaborators: Iterable[User | str] = (),
    rt_rw: str = "",
    method_note: str = "",
    method: str = "",
    further_research: str = "",
    summary: str = "",
    status: str = Case.Status.DRAFT,
    previous_round: Case | None = None,
) -> Case:
    if owner.is_pokja:
        raise NotPermitted(_("Pokja viewers cannot create cases."))
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
        method=method,
        further_research=further_research,
        summary=summary,
        status=status,
    )
    validated_save(case)
    case.collaborators.set([u for u in _researchers(collaborators) if u.pk != owner.pk])
    if previous_round is not None:
        round_link(case=case, previous=previous_round)
    # Not assessed yet, and counted as such from the start.
    case_results_store(cases=[case])
    return case


# In the order the case form shows them.
CASE_EDITABLE_FIELDS = (
    "title",
    "program",
    "place",
    "rt_rw",
    "year_start",
    "year_end",
    "framework",
    "status",
    "method",
    "method_note",
    "summary",
    "further_research",
)


# "Leave the case's previous round as it is", as opposed to None, "it follows no round".
UNCHANGED: Any = object()


@transaction.atomic
def case_update(
    *,
    case: Case,
    collaborators: Iterable[User | str] | None = None,
    previous_round: Case | None = UNCHANGED,
    **fields: Any,
) -> Case:
    changes_framework = "framework" in fields and fields["framework"].pk != case.framework_id
    if changes_framework and (case.ratings.exists() or case.conclusions.exists()):
        raise ApplicationError(
            {"framework": _("This case already has ratings; its framework cannot change.")}
        )
    place_changes = "place" in fields and fields["place"].pk != case.place_id
    # Status, place, program, end year and framework decide where the case is counted. (Not
    # nested with the store below: each counts its own change.)
    with tallies_kept(Case.objects.filter(pk=case.pk)):
        apply_fields(case, fields, CASE_EDITABLE_FIELDS)
        # A new previous round is checked in full by round_link, after the save.
        follows = case.previous_round if previous_round is UNCHANGED else None
        check_round_neighbours(case, place_changes=place_changes, previous=follows)
        validated_save(case)
    if previous_round is not UNCHANGED:
        round_link(case=case, previous=previous_round)
    if changes_framework:
        case_results_store(cases=[case])
    if collaborators is not None:
        case.collaborators.set([u for u in _researchers(collaborators) if u.pk != case.owner_id])
    return case


@transaction.atomic
def case_delete(*, case: Case, user: User) -> None:
    """Only the owner (or an admin) deletes a case; its ratings and conclusions go with it."""
    if case.owner_id != user.pk and not user.is_admin_role:
        raise NotPermitted(_("Only the owner can delete a case."))
    # A round in the middle of a chain: the rounds either side are joined.
    previous_id, follower_id = round_unlink_for_delete(case)
    with tallies_kept(Case.objects.filter(pk=case.pk)):
        case.delete()
    rounds_join(previous_id, follower_id)
