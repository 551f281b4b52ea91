"""Cases: create, change and delete, with their co-researchers."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from common.errors import ApplicationError, NotPermitted
from common.saving import apply_fields, validated_save

from ..models import Case, Framework, Place, Program, User
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
    summary: str = "",
    status: str = Case.Status.DRAFT,
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
        summary=summary,
        status=status,
    )
    validated_save(case)
    case.collaborators.set([u for u in _researchers(collaborators) if u.pk != owner.pk])
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
    "method_note",
    "summary",
)


@transaction.atomic
def case_update(
    *, case: Case, collaborators: Iterable[User | str] | None = None, **fields: Any
) -> Case:
    changes_framework = "framework" in fields and fields["framework"].pk != case.framework_id
    if changes_framework and (case.ratings.exists() or case.conclusions.exists()):
        raise ApplicationError(
            {"framework": _("This case already has ratings; its framework cannot change.")}
        )
    # Status, place, program, end year and framework decide where the case is counted. (Not
    # nested with the store below: each counts its own change.)
    with tallies_kept(Case.objects.filter(pk=case.pk)):
        validated_save(apply_fields(case, fields, CASE_EDITABLE_FIELDS))
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
    with tallies_kept(Case.objects.filter(pk=case.pk)):
        case.delete()
