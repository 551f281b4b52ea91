"""Scores: read-only views of the scoring core's results."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from .. import scoring, selectors
from .frameworks import MethodSerializer

# Scores: read-only views of the scoring core's results -------------------------------------


class AgreementSerializer(serializers.Serializer):
    krippendorff_alpha = serializers.FloatField(source="alpha", allow_null=True)
    raters = serializers.IntegerField()
    units = serializers.IntegerField()
    reading = serializers.CharField()
    reading_label = serializers.CharField()


class CoverageSerializer(serializers.Serializer):
    rated = serializers.IntegerField(source="0")
    total = serializers.IntegerField(source="1")

    def to_representation(self, coverage):
        return {"rated": coverage[0], "total": coverage[1]}


class RatingValueSerializer(serializers.Serializer):
    rater = serializers.IntegerField()
    value = serializers.IntegerField(allow_null=True)


class ScoreField(serializers.FloatField):
    def to_representation(self, value) -> float:  # type: ignore[override]
        return round(float(value), 4)


class IndicatorScoreSerializer(serializers.Serializer):
    code = serializers.CharField(source="spec.code")
    name = serializers.CharField(source="spec.name")
    weight = serializers.FloatField(source="spec.weight")
    score = ScoreField(allow_null=True)
    ratings = RatingValueSerializer(
        many=True, source="coder_ratings", help_text="the coders'; the informants' are in `panel`"
    )


class VerdictFieldsMixin(serializers.Serializer):
    level = serializers.IntegerField(source="level.value", allow_null=True)
    verdict = serializers.CharField(source="level.code", allow_null=True)
    verdict_label = serializers.SerializerMethodField()
    computed_level = serializers.IntegerField(source="computed_level.value", allow_null=True)
    computed_verdict = serializers.CharField(source="computed_level.code", allow_null=True)
    override_reason = serializers.CharField(source="override.reason", allow_null=True)
    explanation = serializers.CharField()

    def get_verdict_label(self, verdict) -> str:
        return verdict.label


class RuleOutcomeSerializer(serializers.Serializer):
    rule = serializers.CharField(
        help_text="indicator aggregation/banding[/overall method], e.g. median/interval/median"
    )
    rule_label = serializers.CharField()
    level = serializers.IntegerField(allow_null=True)
    verdict_label = serializers.CharField()


class RobustnessSerializer(serializers.Serializer):
    """The verdict under every shipped rule, the framework's own first."""

    reading = serializers.ChoiceField(choices=["stable", "depends_on_rule", "not_assessed"])
    stable = serializers.BooleanField()
    rules = serializers.SerializerMethodField()

    @extend_schema_field(RuleOutcomeSerializer(many=True))
    def get_rules(self, check) -> list[dict]:
        return [
            {
                "rule": rule.key,
                "rule_label": rule.label,
                "level": level.value if level else None,
                "verdict_label": scoring.level_label(level),
            }
            for rule, level in check.outcomes
        ]


class VariableScoreSerializer(VerdictFieldsMixin):
    code = serializers.CharField(source="spec.code")
    name = serializers.CharField(source="spec.name")
    score = ScoreField(allow_null=True)
    coverage = CoverageSerializer()
    agreement = AgreementSerializer()
    indicators = IndicatorScoreSerializer(many=True)
    robustness = RobustnessSerializer(allow_null=True)


class OverallScoreSerializer(VerdictFieldsMixin):
    method = serializers.CharField()
    score = ScoreField(allow_null=True)
    variables_rated = serializers.IntegerField(source="rated")
    variables_total = serializers.IntegerField(source="total")
    variables_needed = serializers.IntegerField(source="needed")
    concludable = serializers.BooleanField(
        help_text="enough variables are assessed for an overall verdict"
    )
    robustness = RobustnessSerializer(allow_null=True)


class PanelIndicatorSerializer(serializers.Serializer):
    code = serializers.CharField()
    answers = serializers.IntegerField()
    median = ScoreField()
    iqr = ScoreField(help_text="interquartile range of the informants' answers")


class PanelSerializer(serializers.Serializer):
    """The informant panel in aggregate only, and only from PANEL_MIN_ANSWERS informants."""

    members = serializers.IntegerField()
    shown = serializers.SerializerMethodField()
    message = serializers.SerializerMethodField()
    indicators = serializers.SerializerMethodField()
    agreement = serializers.SerializerMethodField()

    def _shown(self, panel) -> bool:
        return selectors.panel_visible(panel)

    def get_shown(self, panel) -> bool:
        return self._shown(panel)

    def get_message(self, panel) -> str:
        return selectors.panel_withheld(panel)

    @extend_schema_field(PanelIndicatorSerializer(many=True))
    def get_indicators(self, panel) -> list[dict]:
        if not self._shown(panel):
            return []
        return list(PanelIndicatorSerializer(panel.indicators, many=True).data)

    @extend_schema_field(AgreementSerializer(allow_null=True))
    def get_agreement(self, panel) -> dict | None:
        return AgreementSerializer(panel.agreement).data if self._shown(panel) else None


class CaseScoreSerializer(serializers.Serializer):
    case = serializers.IntegerField(source="case_id")
    framework = serializers.CharField(source="framework_code")
    method = MethodSerializer(source="score.framework")
    variables = VariableScoreSerializer(source="score.variables", many=True)
    overall = OverallScoreSerializer(source="score.overall")
    agreement = AgreementSerializer(
        source="score.agreement", help_text="among the coders; the informant panel is apart"
    )
    panel = PanelSerializer(source="score.panel", allow_null=True)


class ScoreCodesSerializer(serializers.Serializer):
    """The scores list's own filters: codes, so nothing else reaches the database."""

    variable = serializers.SlugField(max_length=20, required=False, default="", allow_blank=True)
    verdict = serializers.SlugField(max_length=60, required=False, default="", allow_blank=True)


class ScoreRowSerializer(serializers.Serializer):
    case = serializers.IntegerField()
    case_title = serializers.CharField()
    program = serializers.CharField()
    place = serializers.CharField()
    place_name = serializers.CharField()
    year_start = serializers.IntegerField()
    year_end = serializers.IntegerField()
    status = serializers.CharField()
    variable = serializers.CharField()
    variable_name = serializers.CharField()
    score = serializers.FloatField(allow_null=True)
    level = serializers.IntegerField(allow_null=True)
    verdict = serializers.CharField(allow_null=True)
    verdict_label = serializers.CharField()
    computed_level = serializers.IntegerField(allow_null=True)
    rated = serializers.IntegerField()
    total = serializers.IntegerField()
