"""Counts of the stored results of published cases, per province, program, year and framework:
what the national and provincial dashboards read instead of tens of thousands of result rows.

They are derived from the stored results (`VariableResult`, `IndicatorResult`, `CaseResult`)
and kept by the same services, in the same transaction (`services.tallies_kept`);
`manage.py rescore --check` compares them with a fresh count. Under concurrent writes two rows
may share a key; every reader sums, so that only costs a row.
"""

from __future__ import annotations

from django.db import models

from .frameworks import Framework
from .people_places import Program
from .results import Agreement


class Tally(models.Model):
    """The group every tally row belongs to: published cases of one framework and program,
    ending in one year, in one province (the first two digits of the place code)."""

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="+")
    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="+")
    province = models.CharField(max_length=2)
    year_end = models.PositiveSmallIntegerField()

    class Meta:
        abstract = True


class VariableTally(Tally):
    """How many cases have this score and level on this variable."""

    code = models.CharField(max_length=20)
    level = models.SmallIntegerField(null=True)
    score = models.FloatField(null=True)
    cases = models.IntegerField(default=0)

    class Meta:
        indexes = [
            models.Index(fields=["framework", "province", "year_end"], name="variable_tally_scope")
        ]

    def __str__(self) -> str:
        return f"{self.province} {self.year_end} {self.code}={self.score}: {self.cases}"


class IndicatorTally(Tally):
    """How many cases scored this indicator, and the sum of their scores."""

    code = models.CharField(max_length=20)
    scored = models.IntegerField(default=0)
    total = models.FloatField(default=0)

    class Meta:
        indexes = [
            models.Index(fields=["framework", "province", "year_end"], name="indicator_tally_scope")
        ]

    def __str__(self) -> str:
        return f"{self.province} {self.year_end} {self.code}: {self.scored}"


class CaseTally(Tally):
    """How many cases have this agreement between raters and are complete or not."""

    agreement = models.CharField(max_length=20, choices=Agreement.choices)
    complete = models.BooleanField()
    cases = models.IntegerField(default=0)

    class Meta:
        indexes = [
            models.Index(fields=["framework", "province", "year_end"], name="case_tally_scope")
        ]

    def __str__(self) -> str:
        return f"{self.province} {self.year_end} {self.agreement}: {self.cases}"
