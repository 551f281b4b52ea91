"""What a program built, with its funding, and the slum area before and after."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from common.constraints import empty_or_not_negative


class FundingSource(models.TextChoices):
    APBN = "apbn", "APBN"
    APBD = "apbd", "APBD"
    BDI = "bdi", "BDI/BPM"
    CSR = "csr", "CSR"
    SWADAYA = "swadaya", _("community self-help (swadaya)")


class ProgramOutput(models.Model):
    # What a researcher enters for an output, in the order forms and the API show it.
    ENTRY_FIELDS = (
        "location",
        "activity",
        "volume",
        "unit",
        "funding_source",
        "amount_rupiah",
        "year",
        "source_note",
    )

    """An activity built or delivered: the hard evidence behind intermediate outcomes."""

    case = models.ForeignKey("assessments.Case", on_delete=models.CASCADE, related_name="outputs")
    location = models.CharField(_("location (RT/RW)"), max_length=120, blank=True)
    activity = models.CharField(_("activity"), max_length=300)
    volume = models.DecimalField(
        _("volume"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    funding_source = models.CharField(
        _("funding source"), max_length=20, choices=FundingSource, blank=True
    )
    amount_rupiah = models.DecimalField(
        _("amount (Rp)"),
        max_digits=18,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    source_note = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        ordering = ["case", "year", "id"]
        constraints = [
            empty_or_not_negative("amount_rupiah", name="output_amount_not_negative"),
            empty_or_not_negative("volume", name="output_volume_not_negative"),
        ]
        verbose_name = _("program output")
        verbose_name_plural = _("program outputs")

    def __str__(self) -> str:
        return self.activity


class SlumArea(models.Model):
    # What a researcher enters for a slum area, in the order forms and the API show it.
    ENTRY_FIELDS = (
        "location",
        "area_before_ha",
        "year_before",
        "area_after_ha",
        "year_after",
        "decree",
    )

    case = models.ForeignKey(
        "assessments.Case", on_delete=models.CASCADE, related_name="slum_areas"
    )
    location = models.CharField(_("location"), max_length=200)
    area_before_ha = models.DecimalField(
        _("area before (ha)"), max_digits=10, decimal_places=2, validators=[MinValueValidator(0)]
    )
    year_before = models.PositiveSmallIntegerField(_("year"))
    area_after_ha = models.DecimalField(
        _("area after (ha)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    year_after = models.PositiveSmallIntegerField(_("year after"), null=True, blank=True)
    decree = models.CharField(_("decree (SK Kumuh)"), max_length=300, blank=True)

    class Meta:
        ordering = ["case", "location"]
        constraints = [
            models.CheckConstraint(
                condition=Q(area_before_ha__gte=0)
                & (Q(area_after_ha__isnull=True) | Q(area_after_ha__gte=0)),
                name="slum_area_not_negative",
            ),
        ]
        verbose_name = _("slum area")
        verbose_name_plural = _("slum areas")

    def __str__(self) -> str:
        return self.location

    def clean(self) -> None:
        # Said next to the field, for the form and the API alike.
        if self.area_after_ha is not None and self.year_after is None:
            raise ValidationError({"year_after": _("Give the year of the area after.")})
        if self.year_after is not None and self.year_before and self.year_after < self.year_before:
            raise ValidationError({"year_after": _("The year after cannot be before the year.")})
