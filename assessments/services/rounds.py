"""Rounds: the same place assessed again. A case may follow an earlier case at the same place;
the chain of rounds runs one way, in order of period, and each case knows its place in it."""

from __future__ import annotations

from django.db import transaction
from django.dispatch import Signal
from django.utils.translation import gettext as _

from common.errors import NotPermitted

from ..models import Case, Rater, User
from .cases import case_create
from .chains import check_round_link

# Sent inside the transaction that starts a round, with `source` (the round it follows) and
# `target` (the new one): apps that hold a case's set-up of their own (actors and their
# participation) copy it, without this app knowing them.
round_started = Signal()


@transaction.atomic
def round_next_create(
    *, user: User, case: Case, year_start: int, year_end: int, title: str = ""
) -> Case:
    """The next round of `case`: a new case for a later period at the same place with the same
    set-up (program, framework, researchers, raters without their answers, and whatever
    `round_started` receivers copy), but no ratings, conclusions or recommendations."""
    if user.is_pokja:
        raise NotPermitted(_("Pokja viewers cannot create cases."))
    Case.objects.select_for_update().filter(pk=case.pk).first()
    draft = Case(place=case.place, year_start=year_start, year_end=year_end)
    check_round_link(draft, case)
    collaborators = list(case.collaborators.all())
    if user.pk != case.owner_id and user not in collaborators:
        collaborators.append(user)
    new = case_create(
        owner=case.owner,
        title=title or f"{case.title} ({draft.period})",
        program=case.program,
        place=case.place,
        year_start=year_start,
        year_end=year_end,
        framework=case.framework,
        collaborators=collaborators,
        rt_rw=case.rt_rw,
        method_note=case.method_note,
        method=case.method,
    )
    Case.objects.filter(pk=new.pk).update(previous_round=case, round_number=case.round_number + 1)
    new.previous_round, new.round_number = case, case.round_number + 1
    # Informants get new links of their own when they are asked again.
    Rater.objects.bulk_create(
        Rater(
            case=new,
            kind=rater.kind,
            name=rater.name,
            user_id=rater.user_id,
            role=rater.role,
            institution=rater.institution,
        )
        for rater in case.raters.all()
    )
    round_started.send(sender=Case, source=case, target=new)
    return new
