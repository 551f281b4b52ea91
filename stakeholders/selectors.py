"""Reads: a case's network in two queries, whatever its size."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from assessments.models import Case

from . import network
from .models import Actor, Participation, Tie


def case_network(case: Case, *, level: str, stage: str = "") -> network.Network:
    """The individual or institutional network of a case, optionally in one program stage.

    A tie without a stage holds through the whole program and so appears in every stage.
    """
    participations = Participation.objects.filter(case=case, actor__kind=level).select_related(
        "actor"
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


def actor_list() -> QuerySet[Actor]:
    return Actor.objects.select_related("type", "place", "institution").order_by("name")
