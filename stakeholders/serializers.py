from __future__ import annotations

from rest_framework import serializers

from assessments.fields import PlaceCodeField

from . import selectors
from .models import (
    Actor,
    ActorType,
    Factor,
    Participation,
    Partnership,
    ProgramOutput,
    SlumArea,
    Stage,
    Tie,
)


class ActorTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = ActorType
        fields = ["code", "name", "sector"]


class ActorSerializer(serializers.ModelSerializer):
    type = serializers.SlugRelatedField(
        slug_field="code",
        queryset=selectors.actor_type_list(),
        required=False,
        allow_null=True,
    )
    place = PlaceCodeField(required=False, allow_null=True)
    institution = serializers.PrimaryKeyRelatedField(
        queryset=selectors.institutions(), required=False, allow_null=True
    )

    class Meta:
        model = Actor
        fields = ["id", "name", "short_label", "kind", "sector", "type", "place", "institution"]

    def to_representation(self, actor: Actor) -> dict:
        data = super().to_representation(actor)
        data["place"] = actor.place_id
        return data


class ParticipationSerializer(serializers.ModelSerializer):
    actor = serializers.PrimaryKeyRelatedField(queryset=selectors.actors_all())
    actor_name = serializers.CharField(source="actor.name", read_only=True)
    stages = serializers.ListField(
        child=serializers.ChoiceField(choices=Stage.choices), required=False, default=list
    )

    class Meta:
        model = Participation
        fields = ["id", "actor", "actor_name", "role", "stages", "note", "source"]


class TieSerializer(serializers.ModelSerializer):
    source = serializers.PrimaryKeyRelatedField(queryset=selectors.actors_all())  # type: ignore[assignment]  # API field named like a DRF Field attribute
    target = serializers.PrimaryKeyRelatedField(queryset=selectors.actors_all())
    dominant = serializers.PrimaryKeyRelatedField(
        queryset=selectors.actors_all(), required=False, allow_null=True, default=None
    )

    class Meta:
        model = Tie
        fields = ["id", "level", *Tie.ENTRY_FIELDS]
        read_only_fields = ["level"]
        extra_kwargs = {
            "stage": {"required": False, "default": ""},
            "evidence": {"required": False, "default": ""},
        }


class PartnershipSerializer(serializers.ModelSerializer):
    partners = serializers.PrimaryKeyRelatedField(queryset=selectors.actors_all(), many=True)

    class Meta:
        model = Partnership
        fields = ["id", *Partnership.ENTRY_FIELDS]


class FactorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Factor
        fields = ["id", "kind", "text", "evidence", "source", "partnership"]
        extra_kwargs = {"partnership": {"required": False}}


class ProgramOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProgramOutput
        fields = ["id", *ProgramOutput.ENTRY_FIELDS]


class SlumAreaSerializer(serializers.ModelSerializer):
    class Meta:
        model = SlumArea
        fields = ["id", *SlumArea.ENTRY_FIELDS]


class BrokerageSerializer(serializers.Serializer):
    coordinator = serializers.IntegerField()
    itinerant = serializers.IntegerField()
    gatekeeper = serializers.IntegerField()
    representative = serializers.IntegerField()
    liaison = serializers.IntegerField()


class NetworkNodeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    label = serializers.CharField()  # type: ignore[assignment]  # API field named like a DRF Field attribute
    name = serializers.CharField()
    sector = serializers.CharField()
    kind = serializers.CharField()
    degree = serializers.IntegerField()
    degree_centrality = serializers.FloatField()
    betweenness = serializers.FloatField()
    eigenvector = serializers.FloatField(allow_null=True)
    dominates = serializers.ListField(child=serializers.IntegerField())
    dominated_by = serializers.ListField(child=serializers.IntegerField())
    brokerage = BrokerageSerializer()


class NetworkEdgeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    source = serializers.IntegerField()  # type: ignore[assignment]  # API field named like a DRF Field attribute
    target = serializers.IntegerField()
    form = serializers.CharField()
    direction = serializers.CharField()
    dominant = serializers.IntegerField(allow_null=True)
    strength = serializers.CharField()
    stage = serializers.CharField()
    evidence = serializers.CharField()


class AddresseesSerializer(serializers.Serializer):
    """The actors one recommendation addresses; a PUT replaces the whole set."""

    recommendation = serializers.IntegerField(source="pk", read_only=True)
    actors = serializers.PrimaryKeyRelatedField(
        many=True,
        queryset=selectors.actors_all(),
        help_text="ids of actors taking part in the case; [] addresses nobody",
    )
    actor_names = serializers.ListField(child=serializers.CharField(), read_only=True)

    def to_representation(self, recommendation) -> dict:
        addressed = [a.actor for a in recommendation.addressees.all()]
        return {
            "recommendation": recommendation.pk,
            "actors": [actor.pk for actor in addressed],
            "actor_names": [actor.name for actor in addressed],
        }


class NetworkSummarySerializer(serializers.Serializer):
    nodes = serializers.IntegerField()
    edges = serializers.IntegerField()
    density = serializers.FloatField()
    components = serializers.IntegerField()
    counts = serializers.DictField(child=serializers.DictField(child=serializers.IntegerField()))


class NetworkSerializer(serializers.Serializer):
    level = serializers.CharField()
    stage = serializers.CharField()
    nodes = NetworkNodeSerializer(many=True)
    edges = NetworkEdgeSerializer(many=True)
    summary = NetworkSummarySerializer()


def network_payload(network, *, level: str, stage: str) -> dict:
    """Flattens the analysis for the serializer: node fields beside their metrics."""
    from dataclasses import asdict

    return {
        "level": level,
        "stage": stage,
        "nodes": [{**asdict(node), **asdict(network.metrics[node.id])} for node in network.nodes],
        "edges": [asdict(edge) for edge in network.edges],
        "summary": {
            "nodes": len(network.nodes),
            "edges": len(network.edges),
            "density": network.density,
            "components": network.components,
            "counts": network.counts,
        },
    }
