"""Writes for actors, participation, ties, partnerships, factors and program outputs."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from assessments.models import Case, Place, Recommendation, User
from common.errors import ApplicationError, NotPermitted
from common.saving import apply_fields, validated_save

from .models import (
    Actor,
    ActorType,
    Addressee,
    Factor,
    Participation,
    Partnership,
    ProgramOutput,
    SlumArea,
    Stage,
    Tie,
)


@transaction.atomic
def actor_create(
    *,
    name: str,
    kind: str,
    sector: str,
    type: ActorType | None = None,
    place: Place | None = None,
    institution: Actor | None = None,
    short_label: str = "",
    created_by: User | None = None,
) -> Actor:
    return validated_save(
        Actor(
            name=name,
            kind=kind,
            sector=sector,
            type=type,
            place=place,
            institution=institution,
            short_label=short_label,
            created_by=created_by,
        )
    )


def actor_can_edit(*, actor: Actor, user: User) -> bool:
    """Actors are shared across cases: only whoever added one (or an admin) changes it."""
    return user.is_admin_role or actor.created_by_id == user.pk


def _assert_actor_editable(actor: Actor, user: User) -> None:
    if not actor_can_edit(actor=actor, user=user):
        raise NotPermitted(_("Only whoever added an actor (or an admin) can change it."))


@transaction.atomic
def actor_update(*, actor: Actor, user: User, **fields: Any) -> Actor:
    _assert_actor_editable(actor, user)
    apply_fields(
        actor, fields, {"name", "kind", "sector", "type", "place", "institution", "short_label"}
    )
    return validated_save(actor)


@transaction.atomic
def actor_delete(*, actor: Actor, user: User) -> None:
    """An actor still tied or partnered in a case is protected and stays (ProtectedError)."""
    _assert_actor_editable(actor, user)
    actor.delete()


@transaction.atomic
def participation_set(
    *,
    case: Case,
    actor: Actor,
    role: str,
    stages: Sequence[str] = (),
    note: str = "",
    source: str = "",
) -> Participation:
    """Adds the actor to the case, or updates its role and stages."""
    participation = Participation.objects.filter(case=case, actor=actor).first() or (
        Participation(case=case, actor=actor)
    )
    participation.role = role
    # Kept in program order, whatever order they came in.
    participation.stages = [s for s in Stage.values if s in set(stages)] + [
        s for s in stages if s not in Stage.values
    ]
    participation.note = note
    participation.source = source
    return validated_save(participation)


def tie_problems(
    source: Actor, target: Actor, direction: str, dominant: Actor | None
) -> dict[str, str]:
    """What is wrong with a tie between these actors, by field; empty when nothing is."""
    if source.pk == target.pk:
        return {"target": _("A tie needs two different actors.")}
    if source.kind != target.kind:
        return {
            "target": _(
                "Individual and institutional networks are kept apart: tie a person "
                "to a person, an institution to an institution."
            )
        }
    if direction == Tie.Direction.ASIMETRIS and dominant is None:
        return {"dominant": _("Name the dominant actor of an asymmetric tie.")}
    if direction == Tie.Direction.SIMETRIS and dominant is not None:
        return {"dominant": _("A symmetric tie has no dominant actor.")}
    if dominant is not None and dominant.pk not in (source.pk, target.pk):
        return {"dominant": _("The dominant actor must be one of the two.")}
    return {}


@transaction.atomic
def tie_create(
    *,
    case: Case,
    source: Actor,
    target: Actor,
    form: str,
    direction: str,
    strength: str,
    dominant: Actor | None = None,
    stage: str = "",
    evidence: str = "",
) -> Tie:
    problems = tie_problems(source, target, direction, dominant)
    if problems:
        raise ApplicationError(problems)
    tie = validated_save(
        Tie(
            case=case,
            level=source.kind,
            source=source,
            target=target,
            form=form,
            direction=direction,
            strength=strength,
            dominant=dominant,
            stage=stage,
            evidence=evidence,
        )
    )
    for actor in (source, target):
        if not Participation.objects.filter(case=case, actor=actor).exists():
            participation_set(
                case=case,
                actor=actor,
                role=Participation.Role.LAINNYA,
                stages=[stage] if stage else [],
            )
    return tie


@transaction.atomic
def case_row_delete(
    *, row: Participation | Tie | Partnership | Factor | ProgramOutput | SlumArea
) -> None:
    """Removes one stakeholder row of a case (a participant, tie, partnership, factor, output
    or slum area); the caller has checked that the user may change the case."""
    row.delete()


def tie_delete(*, tie: Tie) -> None:
    case_row_delete(row=tie)


@transaction.atomic
def partnership_create(
    *,
    case: Case,
    partners: Iterable[Actor],
    form: str,
    description: str,
    value_rupiah: Decimal | None = None,
    volume: Decimal | None = None,
    unit: str = "",
    process: str = "",
    status: str = Partnership.Status.BERJALAN,
    year: int | None = None,
    continued: bool = False,
    source: str = "",
) -> Partnership:
    partnership = validated_save(
        Partnership(
            case=case,
            form=form,
            description=description,
            value_rupiah=value_rupiah,
            volume=volume,
            unit=unit,
            process=process,
            status=status,
            year=year,
            continued=continued,
            source=source,
        )
    )
    partnership.partners.set(list(partners))
    return partnership


@transaction.atomic
def factor_create(
    *,
    case: Case,
    kind: str,
    text: str,
    evidence: str = "",
    partnership: Partnership | None = None,
    source: str = "",
) -> Factor:
    if partnership is not None and partnership.case_id != case.pk:
        raise ApplicationError({"partnership": _("This partnership belongs to another case.")})
    return validated_save(
        Factor(
            case=case,
            kind=kind,
            text=text,
            evidence=evidence,
            partnership=partnership,
            source=source,
        )
    )


@transaction.atomic
def output_create(*, case: Case, **fields: Any) -> ProgramOutput:
    return validated_save(ProgramOutput(case=case, **fields))


@transaction.atomic
def output_update(*, output: ProgramOutput, **fields: Any) -> ProgramOutput:
    apply_fields(output, fields, set(ProgramOutput.ENTRY_FIELDS))
    return validated_save(output)


@transaction.atomic
def slum_area_create(*, case: Case, **fields: Any) -> SlumArea:
    return validated_save(SlumArea(case=case, **fields))


def participations_copy(*, source: Case, target: Case) -> None:
    """A new round starts with the actors of the round it follows, in the same roles and
    stages; ties, partnerships and outputs are what the new round finds out for itself."""
    Participation.objects.bulk_create(
        Participation(
            case=target,
            actor_id=p.actor_id,
            role=p.role,
            stages=list(p.stages),
            note=p.note,
            source=p.source,
        )
        for p in source.participations.all()
    )


@transaction.atomic
def addressees_set(*, recommendation: Recommendation, actors: Iterable[Actor]) -> None:
    """The actors a recommendation is addressed to, all of them actors of its case; the set
    replaces the one before (an empty one addresses nobody)."""
    chosen = list({actor.pk: actor for actor in actors}.values())
    taking_part = set(
        Participation.objects.filter(case_id=recommendation.case_id).values_list(
            "actor_id", flat=True
        )
    )
    strangers = [a.name for a in chosen if a.pk not in taking_part]
    if strangers:
        raise ApplicationError(
            {"actors": _("Not an actor of this case: %(names)s.") % {"names": ", ".join(strangers)}}
        )
    recommendation.addressees.exclude(actor__in=chosen).delete()
    present = set(recommendation.addressees.values_list("actor_id", flat=True))
    Addressee.objects.bulk_create(
        Addressee(recommendation=recommendation, actor=a) for a in chosen if a.pk not in present
    )
