"""Programs, places and frameworks (their structure and their scoring rule)."""

from __future__ import annotations

from decimal import Decimal

from rest_framework import serializers

from .. import scoring
from ..models import (
    Framework,
    Indicator,
    Place,
    Program,
    ScaleLevel,
    Variable,
)


class ProgramSerializer(serializers.ModelSerializer):
    class Meta:
        model = Program
        fields = ["code", "name", "description", "ministry", "start_year"]


class PlaceSerializer(serializers.ModelSerializer):
    level = serializers.CharField(source="kind", help_text="provinsi, kabupaten, kota, …")
    level_number = serializers.IntegerField(source="level")
    parent = serializers.CharField(source="parent_id", allow_null=True)  # type: ignore[assignment]  # API field named like a DRF Field attribute

    class Meta:
        model = Place
        fields = ["code", "name", "level", "level_number", "parent", "path"]


class ScaleLevelSerializer(serializers.ModelSerializer):
    label = serializers.CharField()  # type: ignore[assignment]  # API field named like a DRF Field attribute
    descriptor = serializers.SerializerMethodField()

    class Meta:
        model = ScaleLevel
        fields = ["value", "code", "label", "descriptor"]

    def get_descriptor(self, level: ScaleLevel) -> str:
        return level.to_spec().descriptor


class IndicatorSerializer(serializers.ModelSerializer):
    name = serializers.CharField(read_only=True)

    class Meta:
        model = Indicator
        fields = ["code", "name", "name_id", "name_en", "description", "weight", "order"]


class VariableSerializer(serializers.ModelSerializer):
    name = serializers.CharField(read_only=True)
    indicators = IndicatorSerializer(many=True, read_only=True)

    class Meta:
        model = Variable
        fields = ["code", "name", "name_id", "name_en", "description", "order", "indicators"]


class BandSerializer(serializers.Serializer):
    level = serializers.IntegerField(source="level.value")
    lower = serializers.FloatField()
    upper = serializers.FloatField()
    unit = serializers.SerializerMethodField()

    def get_unit(self, band) -> str:
        return "percent" if band.percent else "score"


class MethodSerializer(serializers.Serializer):
    indicator_aggregation = serializers.CharField()
    variable_aggregation = serializers.CharField(default="weighted_mean")
    overall = serializers.CharField(source="overall_method")
    banding = serializers.CharField()
    bands = BandSerializer(many=True)
    variables_needed = serializers.IntegerField(
        help_text="assessed variables an overall verdict needs (every variable by default); "
        "below it the overall is 'cannot be concluded yet'"
    )
    panel_weight = serializers.IntegerField(
        help_text="how many coders the informant panel's median answer counts as"
    )


class FrameworkSerializer(serializers.ModelSerializer):
    owner = serializers.CharField(source="owner.username", allow_null=True, default=None)
    scale = serializers.SerializerMethodField()
    method = serializers.SerializerMethodField()
    variables = VariableSerializer(many=True, read_only=True)

    class Meta:
        model = Framework
        fields = [
            "id",
            "code",
            "name",
            "citation",
            "version",
            "owner",
            "copied_from",
            "scale",
            "method",
            "variables",
        ]

    def get_scale(self, framework: Framework) -> dict:
        return {
            "code": framework.scale.code,
            "name": framework.scale.name,
            "levels": ScaleLevelSerializer(framework.scale.levels.all(), many=True).data,
        }

    def get_method(self, framework: Framework) -> dict:
        from ..selectors import framework_spec

        # Reads the prefetched structure: no query per framework.
        return MethodSerializer(framework_spec(framework)).data


class FrameworkCopySerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200, required=False, default="", allow_blank=True)
    # Left out: a code made from the original's and the owner's.
    code = serializers.SlugField(max_length=80, required=False)


class IndicatorInputSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=20)
    name = serializers.CharField(max_length=200)
    name_en = serializers.CharField(max_length=200, required=False, default="", allow_blank=True)
    description = serializers.CharField(required=False, default="", allow_blank=True)
    weight = serializers.DecimalField(
        max_digits=6,
        decimal_places=2,
        min_value=Decimal("0.01"),
        required=False,
        default=1,  # type: ignore[arg-type]  # the schema shows 1, as before
    )


class VariableInputSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=20)
    name = serializers.CharField(max_length=200)
    name_en = serializers.CharField(max_length=200, required=False, default="", allow_blank=True)
    description = serializers.CharField(required=False, default="", allow_blank=True)
    indicators = IndicatorInputSerializer(many=True, required=False, default=list)

    def validate_indicators(self, value: list[dict]) -> list[dict]:
        codes = [item["code"] for item in value]
        if len(codes) != len(set(codes)):
            raise serializers.ValidationError("Indicator codes must be unique.")
        return value


class FrameworkRuleSerializer(serializers.Serializer):
    """A framework's scoring rule; a PUT may leave out what stays as it is."""

    indicator_aggregation = serializers.ChoiceField(
        choices=Framework.IndicatorAggregation.choices, required=False
    )
    banding = serializers.ChoiceField(choices=Framework.Banding.choices, required=False)
    band_thresholds = serializers.ListField(
        child=serializers.FloatField(), required=False, help_text="for explicit banding"
    )
    overall_method = serializers.ChoiceField(
        choices=Framework.OverallMethod.choices, required=False
    )
    min_variables_rated = serializers.IntegerField(
        min_value=1, allow_null=True, required=False, help_text="null: every variable"
    )
    panel_weight = serializers.IntegerField(min_value=0, max_value=10, required=False)
    indicator_weights = serializers.DictField(
        child=serializers.DecimalField(max_digits=6, decimal_places=2, min_value=Decimal("0.01")),
        required=False,
        help_text='indicator code: weight in its variable\'s mean, e.g. {"FTF1": 2}',
    )

    def to_representation(self, framework) -> dict:
        rule = super().to_representation(framework)
        rule["indicator_weights"] = {
            i.code: float(i.weight)
            for i in framework.indicators.order_by("variable__order", "order")
        }
        return rule


class VerdictChangeSerializer(serializers.Serializer):
    case = serializers.IntegerField(source="case.pk")
    case_title = serializers.CharField(source="case.title")
    variable = serializers.CharField(source="code", help_text="empty for the overall verdict")
    before = serializers.IntegerField(source="before.value", allow_null=True)
    after = serializers.IntegerField(source="after.value", allow_null=True)
    before_label = serializers.SerializerMethodField()
    after_label = serializers.SerializerMethodField()

    def get_before_label(self, change) -> str:
        return scoring.level_label(change.before)

    def get_after_label(self, change) -> str:
        return scoring.level_label(change.after)


class RulePreviewSerializer(serializers.Serializer):
    cases = serializers.IntegerField(help_text="your cases on this framework")
    changes = VerdictChangeSerializer(many=True)
