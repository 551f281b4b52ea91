"""Partnerships between government, private sector and community, and the factors around
them."""

from __future__ import annotations

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from common.constraints import empty_or_not_negative
from common.sources import source_field

from .actors import Actor


class Partnership(models.Model):
    # What a researcher enters for a partnership, in the order forms and the API show it.
    ENTRY_FIELDS = (
        "partners",
        "form",
        "description",
        "value_rupiah",
        "volume",
        "unit",
        "process",
        "status",
        "year",
        "continued",
        "source",
    )

    class Form(models.TextChoices):
        FISIK = "fisik", _("physical aid (infrastructure)")
        UANG = "uang", _("money (usually CSR)")
        PROGRAM = "program", _("program aid (training, channelling through an SKPD)")
        EVENT = "event", _("event sponsorship")

    class Process(models.TextChoices):
        SKPD = "skpd", _("proposal to an SKPD (musrenbang)")
        PERUSAHAAN = "perusahaan", _("proposal to a company")
        LANGSUNG = "langsung", _("direct")

    class Status(models.TextChoices):
        DIAJUKAN = "diajukan", _("proposed")
        DISETUJUI = "disetujui", _("approved")
        DITOLAK = "ditolak", _("rejected")
        BERJALAN = "berjalan", _("running")
        SELESAI = "selesai", _("finished")

    case = models.ForeignKey(
        "assessments.Case", on_delete=models.CASCADE, related_name="partnerships"
    )
    partners = models.ManyToManyField(
        Actor, related_name="partnerships", verbose_name=_("partners")
    )
    form = models.CharField(_("form"), max_length=20, choices=Form)
    description = models.TextField(_("description"))
    value_rupiah = models.DecimalField(
        _("value (Rp)"),
        max_digits=18,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    volume = models.DecimalField(
        _("volume"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    process = models.CharField(_("process"), max_length=20, choices=Process, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.BERJALAN)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    continued = models.BooleanField(_("continued after the program"), default=False)
    source = source_field()

    class Meta:
        ordering = ["case", "form", "id"]
        constraints = [
            empty_or_not_negative("value_rupiah", name="partnership_value_not_negative"),
            empty_or_not_negative("volume", name="partnership_volume_not_negative"),
        ]
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")

    def __str__(self) -> str:
        return f"{self.get_form_display()}: {self.description[:40]}"


class Factor(models.Model):
    class Kind(models.TextChoices):
        PENUNJANG = "penunjang", _("supporting factor")
        KENDALA = "kendala", _("constraint")
        UPAYA = "upaya", _("sustainability effort")
        TUJUAN = "tujuan", _("aim of the partnerships")

    case = models.ForeignKey("assessments.Case", on_delete=models.CASCADE, related_name="factors")
    partnership = models.ForeignKey(
        Partnership, null=True, blank=True, on_delete=models.CASCADE, related_name="factors"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    text = models.CharField(_("factor"), max_length=300)
    evidence = models.TextField(_("evidence"), blank=True)
    source = source_field()

    class Meta:
        ordering = ["case", "kind", "id"]
        verbose_name = _("factor")
        verbose_name_plural = _("factors")

    def __str__(self) -> str:
        return self.text


class Addressee(models.Model):
    """An actor a recommendation of the case is addressed to ("Saran untuk Bappeda …")."""

    recommendation = models.ForeignKey(
        "assessments.Recommendation", on_delete=models.CASCADE, related_name="addressees"
    )
    actor = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="addressed_by")

    class Meta:
        ordering = ["recommendation", "actor__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "actor"], name="addressee_once_per_recommendation"
            ),
        ]
        verbose_name = _("addressee")
        verbose_name_plural = _("addressees")

    def __str__(self) -> str:
        return f"{self.recommendation} → {self.actor}"
