"""Reads: actors, the stakeholder rows of a case, and its network in two queries, whatever
its size."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from assessments.models import Case, Recommendation

from . import network
from .models import Actor, ActorType, Addressee, Factor, Participation, Partnership, Tie


def case_network(case: Case, *, level: str, stage: str = "") -> network.Network:
    """The individual or institutional network of a case, optionally in one program stage.

    A tie without a stage holds through the whole program and so appears in every stage.
    """
    participations = list(
        Participation.objects.filter(case=case, actor__kind=level).select_related("actor")
    )
    ties = Tie.objects.filter(case=case, level=level).select_related("source", "target")
    if stage:
        ties = ties.filter(Q(stage=stage) | Q(stage=""))
        participations = [p for p in participations if not p.stages or stage in p.stages]
    actors = {p.actor_id: p.actor for p in participations}
    edges = []
    for tie in ties:
        actors.setdefault(tie.source_id, tie.source)
        actors.setdefault(tie.target_id, tie.target)
        edges.append(
            network.Edge(
                id=tie.pk,
                source=tie.source_id,
                target=tie.target_id,
                form=tie.form,
                direction=tie.direction,
                strength=tie.strength,
                stage=tie.stage,
                dominant=tie.dominant_id,
                evidence=tie.evidence,
            )
        )
    nodes = [
        network.Node(id=a.pk, label=a.label, name=a.name, sector=a.sector, kind=a.kind)
        for a in actors.values()
    ]
    return network.analyse(nodes, edges)


def actor_list(*, query: str = "") -> QuerySet[Actor]:
    """Every actor (they are shared across cases), or those whose name contains `query`."""
    actors = Actor.objects.select_related("type", "place", "institution").order_by("name")
    query = query.strip()
    return actors.filter(name__icontains=query) if query else actors


def actors_all() -> QuerySet[Actor]:
    return Actor.objects.order_by("name")


def institutions() -> QuerySet[Actor]:
    return Actor.objects.filter(kind="institution").order_by("name")


def actor_type_list() -> QuerySet[ActorType]:
    return ActorType.objects.order_by("name")


def case_actors(case: Case) -> QuerySet[Actor]:
    """The actors taking part in a case."""
    return Actor.objects.filter(participations__case=case).order_by("name")


def case_rows(case: Case, related_name: str) -> QuerySet[Any]:
    """One kind of stakeholder row of a case, by its related name ("ties", "factors", …)."""
    rows: QuerySet[Any] = getattr(case, related_name).all()
    return rows


def case_participations(case: Case) -> QuerySet[Participation]:
    return case.participations.select_related("actor", "actor__type")


def case_partnerships(case: Case) -> QuerySet[Partnership]:
    return case.partnerships.prefetch_related("partners", "factors")


def case_factors(case: Case, *, general: bool = False) -> QuerySet[Factor]:
    """The factors of a case; with `general`, only those not tied to one partnership."""
    factors = case.factors.all()
    return factors.filter(partnership__isnull=True) if general else factors


def case_ties(case: Case, *, level: str) -> QuerySet[Tie]:
    return Tie.objects.filter(case=case, level=level).select_related("source", "target", "dominant")


def case_tie(case: Case, pk: int) -> Tie | None:
    return case.ties.filter(pk=pk).first()


def case_recommendation_addressed(case: Case, pk: int) -> Recommendation | None:
    """One recommendation of a case with the actors it addresses (two queries)."""
    addressees = Addressee.objects.select_related("actor").order_by("actor__name")
    return (
        case.recommendations.filter(pk=pk)
        .prefetch_related(Prefetch("addressees", queryset=addressees))
        .first()
    )
