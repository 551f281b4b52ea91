"""Cases and what is recorded in them: raters, ratings, conclusions, recommendations."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from .. import selectors
from ..fields import PlaceCodeField
from ..models import (
    Case,
    Conclusion,
    Rater,
    Rating,
    Recommendation,
    Visitor,
)


def _reader(context: dict[str, Any]) -> Visitor:
    request = context.get("request")
    return request.user if request is not None else AnonymousUser()


class VisibleCaseField(serializers.PrimaryKeyRelatedField):
    """A case id the requesting user may open; any other reads as "no such case"."""

    def get_queryset(self) -> Any:
        return Case.objects.filter(selectors.case_visible_q(_reader(self.context)))


class CaseSerializer(serializers.ModelSerializer):
    program = serializers.SlugRelatedField(slug_field="code", queryset=selectors.program_list())
    place = PlaceCodeField(help_text="Kemendagri code, e.g. 21.72.03.1005")
    place_name = serializers.CharField(source="place.path", read_only=True)
    # Any framework id parses; case_create and case_update decide which one the user may use.
    framework = serializers.PrimaryKeyRelatedField(
        queryset=selectors.framework_all(), required=False
    )
    owner = serializers.CharField(source="owner.username", read_only=True)
    collaborators = serializers.SlugRelatedField(
        slug_field="username",
        many=True,
        required=False,
        queryset=selectors.possible_co_researchers(),
    )
    previous_round = VisibleCaseField(
        allow_null=True,
        required=False,
        help_text="the case this one follows: an earlier round at the same place (null: none)",
    )
    next_round = serializers.SerializerMethodField(
        help_text="the round that follows this case, if any that you may open"
    )
    round_number = serializers.IntegerField(
        read_only=True, help_text="1 for a first assessment, 2 for the round after it, …"
    )

    class Meta:
        model = Case
        fields = [
            "id",
            "title",
            "program",
            "place",
            "place_name",
            "rt_rw",
            "year_start",
            "year_end",
            "framework",
            "status",
            "owner",
            "collaborators",
            "method",
            "method_note",
            "summary",
            "further_research",
            "previous_round",
            "next_round",
            "round_number",
            "created",
            "updated",
        ]
        read_only_fields = ["created", "updated"]

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_next_round(self, case: Case) -> int | None:
        # Lists annotate it (selectors.with_next_round); a case just saved is asked.
        if hasattr(case, "next_round_visible"):
            return case.next_round_visible
        return selectors.next_round_id(_reader(self.context), case)


class RaterSerializer(serializers.ModelSerializer):
    class Meta:
        model = Rater
        fields = ["id", "name", "kind", "role", "institution"]


class RatingSerializer(serializers.ModelSerializer):
    indicator = serializers.CharField(max_length=20, help_text="indicator code, e.g. FTF1")
    rater = serializers.IntegerField(min_value=1, help_text="rater id in this case")
    value = serializers.IntegerField(allow_null=True, min_value=-32768, max_value=32767)
    source = serializers.ChoiceField(  # type: ignore[assignment]  # API field named like a DRF Field attribute
        source="source_type",
        choices=Rating.SourceType.choices,
        required=False,
        allow_blank=True,
        default="",
    )
    version = serializers.IntegerField(
        required=False,
        min_value=0,
        help_text="the version you loaded (0: there was no rating); a stale one is refused "
        "with 409 and the current rating. Left out, the save replaces whatever is there.",
    )

    class Meta:
        model = Rating
        fields = [
            "id",
            "indicator",
            "rater",
            "value",
            "evidence",
            "source",
            "source_detail",
            "date",
            "updated",
            "version",
        ]
        read_only_fields = ["id", "updated"]
        extra_kwargs = {
            "evidence": {"required": False, "default": ""},
            "source_detail": {"required": False, "default": ""},
        }

    def to_representation(self, rating: Rating) -> dict:
        return {
            "id": rating.pk,
            "indicator": rating.indicator.code,
            "rater": rating.rater_id,
            "value": rating.value,
            "evidence": rating.evidence,
            "source": rating.source_type,
            "source_detail": rating.source_detail,
            "date": rating.date.isoformat() if rating.date else None,
            "updated": serializers.DateTimeField().to_representation(rating.updated),
            "version": rating.version,
        }


class RatingBatchResultSerializer(serializers.Serializer):
    saved = serializers.IntegerField(help_text="how many ratings were created or replaced")
    ratings = RatingSerializer(many=True)


class ConclusionSerializer(serializers.ModelSerializer):
    variable = serializers.CharField(
        source="variable.code", read_only=True, allow_null=True, default=None
    )
    override_level = serializers.IntegerField(
        allow_null=True, required=False, default=None, min_value=-32768, max_value=32767
    )
    override_reason = serializers.CharField(required=False, default="", allow_blank=True)
    narrative = serializers.CharField(required=False, default="", allow_blank=True)
    version = serializers.IntegerField(
        required=False,
        min_value=0,
        help_text="the version you loaded (0: there was none), or send it as If-Match; a stale "
        "one is refused (409, or 412 for If-Match) with the current conclusion",
    )

    class Meta:
        model = Conclusion
        fields = [
            "variable",
            "narrative",
            "override_level",
            "override_reason",
            "updated",
            "version",
        ]
        read_only_fields = ["updated"]


class RecommendationSerializer(serializers.ModelSerializer):
    variable = serializers.CharField(
        max_length=20, allow_null=True, required=False, default=None, help_text="variable code"
    )

    class Meta:
        model = Recommendation
        fields = ["id", "text", "variable", "addressed_to", "source", "order"]
        extra_kwargs = {"order": {"required": False}}

    def to_representation(self, recommendation: Recommendation) -> dict:
        data = super().to_representation(recommendation)
        data["variable"] = recommendation.variable.code if recommendation.variable else None
        return data
