"""Rounds of a place and what changed between two of them: output only."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from .. import scoring


class RoundSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    title = serializers.CharField()
    period = serializers.CharField()
    year_start = serializers.IntegerField()
    year_end = serializers.IntegerField()
    round_number = serializers.IntegerField()


class ReadingSerializer(serializers.Serializer):
    score = serializers.FloatField(allow_null=True)
    level = serializers.IntegerField(source="level.value", allow_null=True)
    verdict = serializers.CharField(source="level.label", allow_null=True)
    rated = serializers.IntegerField(help_text="indicators (or variables) rated")
    total = serializers.IntegerField()
    raters = serializers.IntegerField(help_text="for an indicator: raters who rated it")


class IndicatorChangeSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    then = ReadingSerializer()
    now = ReadingSerializer()
    delta = serializers.FloatField(allow_null=True, help_text="now − then, as shown (2 places)")
    trend = serializers.ChoiceField(choices=[t.value for t in scoring.Trend])
    arrow = serializers.CharField()
    words = serializers.CharField(help_text='e.g. "naik dari 2,33 (…) menjadi 3,00 (…)"')
    notes = serializers.ListField(
        child=serializers.CharField(), help_text="coverage or raters that differ"
    )


class VariableChangeSerializer(IndicatorChangeSerializer):
    indicators = IndicatorChangeSerializer(many=True)


class LinePointSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    score = serializers.FloatField(allow_null=True)


class ComparisonSerializer(serializers.Serializer):
    then_label = serializers.CharField()
    now_label = serializers.CharField()
    variables = VariableChangeSerializer(many=True)
    overall = IndicatorChangeSerializer()
    not_comparable = serializers.ListField(
        child=serializers.CharField(), help_text="variables and indicators in only one round"
    )
    notes = serializers.ListField(child=serializers.CharField())


class CaseRoundsSerializer(serializers.Serializer):
    case_id = serializers.IntegerField()
    compared_with = serializers.IntegerField(
        allow_null=True, help_text="the round compared against (default: the previous one)"
    )
    rounds = RoundSerializer(many=True, help_text="the place's rounds you may open, in order")
    comparison = ComparisonSerializer(allow_null=True, help_text="null for a lone round")
    lines = serializers.SerializerMethodField(
        help_text="each variable's score in every round, by the round's end year"
    )

    @extend_schema_field(serializers.DictField(child=LinePointSerializer(many=True)))
    def get_lines(self, view: Any) -> dict[str, list[dict[str, Any]]]:
        return {
            code: [{"year": year, "score": score} for year, score in points]
            for code, points in view["lines"].items()
        }


class NextRoundSerializer(serializers.Serializer):
    year_start = serializers.IntegerField(min_value=1945, max_value=2100)
    year_end = serializers.IntegerField(min_value=1945, max_value=2100)
    title = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs["year_end"] < attrs["year_start"]:
            raise serializers.ValidationError(
                {"year_end": _("The end year cannot be before the start year.")}
            )
        return attrs
