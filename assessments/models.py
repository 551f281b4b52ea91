from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from . import scoring


def _localized(obj: models.Model, field: str) -> str:
    english = getattr(obj, f"{field}_en", "")
    if english and (get_language() or "id").startswith("en"):
        return english
    return getattr(obj, f"{field}_id")


class User(AbstractUser):
    class Role(models.TextChoices):
        RESEARCHER = "researcher", _("Researcher")
        POKJA = "pokja", _("Pokja viewer")
        ADMIN = "admin", _("Administrator")

    role = models.CharField(_("role"), max_length=20, choices=Role, default=Role.RESEARCHER)
    places = models.ManyToManyField(
        "assessments.Place",
        blank=True,
        related_name="+",
        verbose_name=_("places in scope"),
        help_text=_("A Pokja viewer sees published cases inside these places (all when empty)."),
    )

    @property
    def is_pokja(self) -> bool:
        return self.role == self.Role.POKJA and not self.is_superuser

    @property
    def is_admin_role(self) -> bool:
        return self.is_superuser or self.role == self.Role.ADMIN


class Program(models.Model):
    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    ministry = models.CharField(_("ministry"), max_length=200, blank=True)
    start_year = models.PositiveSmallIntegerField(_("start year"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("program")
        verbose_name_plural = _("programs")

    def __str__(self) -> str:
        return self.name


class Place(models.Model):
    """A Kemendagri administrative region; the code is the key ("13.75.01.1001")."""

    class Level(models.IntegerChoices):
        PROVINSI = 1, _("province")
        KABUPATEN_KOTA = 2, _("regency/city")
        KECAMATAN = 3, _("district")
        KELURAHAN_DESA = 4, _("village")

    code = models.CharField(_("Kemendagri code"), max_length=13, primary_key=True)
    name = models.CharField(_("name"), max_length=120)
    level = models.PositiveSmallIntegerField(_("level"), choices=Level)
    kind = models.CharField(_("type"), max_length=20, blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    path = models.CharField(_("full name"), max_length=300, blank=True)
    # Lower-cased, prefix-free name so "kampung bugis" and "Kota Bukittinggi" match plainly.
    search_name = models.CharField(max_length=300, db_index=True, editable=False)

    class Meta:
        ordering = ["code"]
        verbose_name = _("place")
        verbose_name_plural = _("places")

    def __str__(self) -> str:
        return self.path or self.name


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


class Case(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")

    title = models.CharField(_("title"), max_length=300)
    program = models.ForeignKey(
        Program, on_delete=models.PROTECT, related_name="cases", verbose_name=_("program")
    )
    place = models.ForeignKey(
        Place, on_delete=models.PROTECT, related_name="cases", verbose_name=_("place")
    )
    rt_rw = models.CharField(
        _("RT/RW"), max_length=200, blank=True, help_text=_("e.g. RW 001 and RW 006")
    )
    year_start = models.PositiveSmallIntegerField(_("from year"))
    year_end = models.PositiveSmallIntegerField(_("to year"))
    framework = models.ForeignKey(
        Framework, on_delete=models.PROTECT, related_name="cases", verbose_name=_("framework")
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="owned_cases",
        verbose_name=_("owner"),
    )
    collaborators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="collaborating_cases",
        verbose_name=_("co-researchers"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.DRAFT)
    method_note = models.TextField(_("method note"), blank=True)
    summary = models.TextField(_("summary"), blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year_end", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(year_end__gte=models.F("year_start")), name="case_years_ordered"
            ),
            models.CheckConstraint(
                condition=Q(year_start__gte=1945) & Q(year_end__lte=2100),
                name="case_years_plausible",
            ),
        ]
        verbose_name = _("case")
        verbose_name_plural = _("cases")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        # Said here, next to the field, for every entry point; the constraint is the backstop.
        if self.year_start and self.year_end and self.year_end < self.year_start:
            raise ValidationError({"year_end": _("The end year cannot be before the start year.")})

    @property
    def period(self) -> str:
        if self.year_start == self.year_end:
            return str(self.year_start)
        return f"{self.year_start}–{self.year_end}"


class Rater(models.Model):
    class Kind(models.TextChoices):
        RESEARCHER = "researcher", _("researcher")
        INFORMANT = "informant", _("informant")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="raters")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.RESEARCHER)
    name = models.CharField(_("name or label"), max_length=200)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="rater_roles",
    )
    role = models.CharField(_("role"), max_length=200, blank=True)
    institution = models.CharField(_("institution"), max_length=200, blank=True)
    # Part of the informant's signed link; rotating or clearing it revokes the link.
    access_nonce = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        ordering = ["case", "kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["case", "name"], name="rater_name_unique_in_case"),
        ]
        verbose_name = _("rater")
        verbose_name_plural = _("raters")

    def __str__(self) -> str:
        return self.name


class Rating(models.Model):
    class SourceType(models.TextChoices):
        WAWANCARA = "wawancara", _("interview")
        DOKUMEN = "dokumen", _("document")
        OBSERVASI = "observasi", _("observation")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="ratings")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="ratings")
    rater = models.ForeignKey(Rater, on_delete=models.CASCADE, related_name="ratings")
    value = models.SmallIntegerField(
        _("level"), null=True, blank=True, help_text=_("Empty means not assessed.")
    )
    evidence = models.TextField(_("evidence"), blank=True)
    source_type = models.CharField(_("source type"), max_length=20, choices=SourceType, blank=True)
    source_detail = models.CharField(_("source detail"), max_length=300, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    updated = models.DateTimeField(auto_now=True)
    # Optimistic locking: a save must name the version it was loaded at.
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["case", "indicator", "rater"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "indicator", "rater"], name="rating_unique_per_rater"
            ),
        ]
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")

    def __str__(self) -> str:
        return f"{self.indicator.code} · {self.rater} · {self.value}"


class Conclusion(models.Model):
    """A variable's conclusion, or the overall one when `variable` is empty."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="conclusions")
    variable = models.ForeignKey(
        Variable, null=True, blank=True, on_delete=models.PROTECT, related_name="conclusions"
    )
    narrative = models.TextField(_("narrative"), blank=True)
    override_level = models.SmallIntegerField(_("override level"), null=True, blank=True)
    override_reason = models.TextField(_("reason for the override"), blank=True)
    updated = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["case", "variable"], name="conclusion_unique_per_variable"
            ),
            models.UniqueConstraint(
                fields=["case"],
                condition=Q(variable__isnull=True),
                name="conclusion_one_overall",
            ),
            models.CheckConstraint(
                condition=Q(override_level__isnull=True) | ~Q(override_reason=""),
                name="conclusion_override_has_reason",
                violation_error_message=_("An override needs a written reason."),
            ),
        ]
        verbose_name = _("conclusion")
        verbose_name_plural = _("conclusions")

    def __str__(self) -> str:
        return f"{self.case} · {self.variable.code if self.variable else _('overall')}"


class Recommendation(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="recommendations")
    text = models.TextField(_("recommendation"))
    variable = models.ForeignKey(
        Variable,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recommendations",
        verbose_name=_("variable"),
    )
    addressed_to = models.CharField(_("addressed to"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["case", "order", "id"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def __str__(self) -> str:
        return self.text[:60]
