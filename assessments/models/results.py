"""The scoring core's results, stored: one row per case, per case and variable, and per case and
indicator. They are derived data. The services that change a score's inputs rewrite them in the
same transaction (`services.case_results_store`), and lists, exports and dashboards read them
and aggregate them in SQL instead of scoring every case again."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from .cases import Case
from .frameworks import Indicator, Variable


class Agreement(models.TextChoices):
    RELIABLE = "reliable", _("reliable")
    TENTATIVE = "tentative", _("tentative")
    UNRELIABLE = "unreliable", _("unreliable")
    NOT_COMPUTABLE = "not_computable", _("not computable")


class CaseResult(models.Model):
    case = models.OneToOneField(
        Case, on_delete=models.CASCADE, primary_key=True, related_name="result"
    )
    level = models.SmallIntegerField(_("overall level"), null=True)
    computed_level = models.SmallIntegerField(_("computed overall level"), null=True)
    score = models.FloatField(_("overall score"), null=True)
    variables_rated = models.PositiveSmallIntegerField(default=0)
    variables_total = models.PositiveSmallIntegerField(default=0)
    # Every indicator of the framework has at least one level.
    complete = models.BooleanField(default=False)
    alpha = models.FloatField(null=True)
    agreement = models.CharField(max_length=20, choices=Agreement.choices)
    # [[rule key, level or null], …], the framework's own rule first: the overall verdict
    # under every shipped rule (scoring/robustness.py). Empty: stored before it was kept.
    rule_levels = models.JSONField(default=list)
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("case result")
        verbose_name_plural = _("case results")
        indexes = [models.Index(fields=["level"], name="case_result_level")]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.level}"


class VariableResult(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="variable_results")
    variable = models.ForeignKey(Variable, on_delete=models.CASCADE, related_name="+")
    # Copied from the variable so that lists and dashboards filter without a join.
    code = models.CharField(max_length=20)
    order = models.PositiveIntegerField(default=0)
    score = models.FloatField(null=True)
    level = models.SmallIntegerField(null=True)
    computed_level = models.SmallIntegerField(null=True)
    verdict = models.CharField(max_length=60, blank=True)
    rated = models.PositiveSmallIntegerField(default=0)
    total = models.PositiveSmallIntegerField(default=0)
    alpha = models.FloatField(null=True)
    agreement = models.CharField(max_length=20, choices=Agreement.choices)
    # The variable's level under every shipped rule, as in CaseResult.rule_levels.
    rule_levels = models.JSONField(default=list)

    class Meta:
        ordering = ["case", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["case", "variable"], name="variable_result_unique")
        ]
        indexes = [
            models.Index(fields=["code", "level"], name="variable_result_code_level"),
            models.Index(fields=["verdict"], name="variable_result_verdict"),
        ]

    def __str__(self) -> str:
        return f"{self.case_id} {self.code}: {self.level}"


class IndicatorResult(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="indicator_results")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="+")
    variable_code = models.CharField(max_length=20)
    code = models.CharField(max_length=20)
    score = models.FloatField(null=True)
    level = models.SmallIntegerField(null=True)
    raters = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "indicator"], name="indicator_result_unique")
        ]
        indexes = [models.Index(fields=["code", "score"], name="indicator_result_code_score")]

    def __str__(self) -> str:
        return f"{self.case_id} {self.code}: {self.score}"
