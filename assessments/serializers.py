"""API shapes. Input serializers validate types; services hold the rules; output serializers
only read what the models and the scoring core already computed."""

from __future__ import annotations

from decimal import Decimal

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from . import scoring, selectors
from .fields import PlaceCodeField
from .models import (
    Case,
    Conclusion,
    Framework,
    Indicator,
    Place,
    Program,
    Rater,
    Rating,
    Recommendation,
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
        from .selectors import framework_spec

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
            "method_note",
            "summary",
            "created",
            "updated",
        ]
        read_only_fields = ["created", "updated"]


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
        fields = ["id", "text", "variable", "addressed_to", "order"]
        extra_kwargs = {"order": {"required": False}}

    def to_representation(self, recommendation: Recommendation) -> dict:
        data = super().to_representation(recommendation)
        data["variable"] = recommendation.variable.code if recommendation.variable else None
        return data


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
