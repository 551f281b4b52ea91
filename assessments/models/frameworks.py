"""Frameworks: a scale, variables and their indicators, and the scoring rule."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from common.numbers import english_active

from .. import scoring


def _localized(obj: models.Model, field: str) -> str:
    english = getattr(obj, f"{field}_en", "")
    if english and english_active():
        return english
    return str(getattr(obj, f"{field}_id"))


class Scale(models.Model):
    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        verbose_name = _("scale")
        verbose_name_plural = _("scales")

    def __str__(self) -> str:
        return self.name


class ScaleLevel(models.Model):
    scale = models.ForeignKey(Scale, on_delete=models.CASCADE, related_name="levels")
    value = models.SmallIntegerField(_("value"))
    code = models.SlugField(_("code"), max_length=60)
    label_id = models.CharField(_("label (Indonesian)"), max_length=120)
    label_en = models.CharField(_("label (English)"), max_length=120, blank=True)
    descriptor_id = models.TextField(_("descriptor (Indonesian)"), blank=True)
    descriptor_en = models.TextField(_("descriptor (English)"), blank=True)

    class Meta:
        ordering = ["scale", "value"]
        constraints = [
            models.UniqueConstraint(fields=["scale", "value"], name="scale_level_value_unique"),
            models.UniqueConstraint(fields=["scale", "code"], name="scale_level_code_unique"),
        ]
        verbose_name = _("scale level")
        verbose_name_plural = _("scale levels")

    def __str__(self) -> str:
        return f"{self.value} {self.label}"

    @property
    def label(self) -> str:
        return _localized(self, "label")

    def to_spec(self) -> scoring.Level:
        return scoring.Level(
            value=self.value,
            code=self.code,
            label_id=self.label_id,
            label_en=self.label_en,
            descriptor_id=self.descriptor_id,
            descriptor_en=self.descriptor_en,
        )


class Framework(models.Model):
    class IndicatorAggregation(models.TextChoices):
        MEDIAN = "median", _("median")
        MEAN = "mean", _("mean")

    class OverallMethod(models.TextChoices):
        MEDIAN = "median", _("median of variable levels")
        MEAN = "mean", _("mean of variable scores, banded")
        MINIMUM = "minimum", _("lowest variable level (weakest link)")

    class Banding(models.TextChoices):
        INTERVAL = "interval", _("interval class")
        PERCENTAGE = "percentage", _("percentage of the ideal score")
        EXPLICIT = "explicit", _("explicit cut points")

    code = models.SlugField(_("code"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    citation = models.TextField(_("citation"), blank=True)
    version = models.CharField(_("version"), max_length=40, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="frameworks",
        verbose_name=_("owner"),
        help_text=_("Empty for the frameworks shipped with Kolaborasi."),
    )
    copied_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="copies"
    )
    scale = models.ForeignKey(Scale, on_delete=models.PROTECT, verbose_name=_("scale"))
    indicator_aggregation = models.CharField(
        _("indicator aggregation"), max_length=20, choices=IndicatorAggregation, default="median"
    )
    overall_method = models.CharField(
        _("overall verdict"), max_length=20, choices=OverallMethod, default="median"
    )
    banding = models.CharField(_("banding"), max_length=20, choices=Banding, default="interval")
    band_thresholds = models.JSONField(
        _("band cut points"),
        default=list,
        blank=True,
        help_text=_("Only for explicit banding: one ascending cut point between each two levels."),
    )
    min_variables_rated = models.PositiveSmallIntegerField(
        _("variables needed for an overall verdict"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "How many variables must be assessed before the overall verdict is drawn. "
            "Empty: every variable."
        ),
    )
    panel_weight = models.PositiveSmallIntegerField(
        _("weight of the informant panel"),
        default=1,
        validators=[MaxValueValidator(10)],
        help_text=_(
            "How many coders the informants' answer counts as in an indicator score: the "
            "panel's median answer is one voice beside each coder's rating. 0: the panel is "
            "shown, but does not count."
        ),
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("framework")
        verbose_name_plural = _("frameworks")

    def __str__(self) -> str:
        return self.name


class Variable(models.Model):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="variables")
    code = models.CharField(_("code"), max_length=20)
    name_id = models.CharField(_("name (Indonesian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["framework", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="variable_code_unique"),
        ]
        verbose_name = _("variable")
        verbose_name_plural = _("variables")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def name(self) -> str:
        return _localized(self, "name")


class Indicator(models.Model):
    variable = models.ForeignKey(Variable, on_delete=models.CASCADE, related_name="indicators")
    # Denormalised so indicator codes can be unique per framework in the database.
    framework = models.ForeignKey(
        Framework, on_delete=models.CASCADE, related_name="indicators", editable=False
    )
    code = models.CharField(_("code"), max_length=20)
    name_id = models.CharField(_("name (Indonesian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    weight = models.DecimalField(
        _("weight"),
        max_digits=6,
        decimal_places=2,
        default=Decimal("1"),
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["variable__order", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="indicator_code_unique"),
            models.CheckConstraint(condition=Q(weight__gt=0), name="indicator_weight_positive"),
        ]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def name(self) -> str:
        return _localized(self, "name")
