"""Actors (people and institutions), their part in a case, and the ties between them."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from common.sources import source_field


class Sector(models.TextChoices):
    PEMERINTAH = "pemerintah", _("government")
    SWASTA = "swasta", _("private sector")
    MASYARAKAT = "masyarakat", _("community")
    AKADEMISI = "akademisi", _("academia")
    MEDIA = "media", _("media")


class Level(models.TextChoices):
    INDIVIDUAL = "individual", _("individual")
    INSTITUTION = "institution", _("institution")


class Stage(models.TextChoices):
    PERSIAPAN = "persiapan", _("preparation")
    PERENCANAAN = "perencanaan", _("planning")
    PELAKSANAAN = "pelaksanaan", _("implementation")
    KEBERLANJUTAN = "keberlanjutan", _("sustainability")


class ActorType(models.Model):
    """Bappeda, Dinas, Satker, Korkot, Lurah, BKM/LKM, KSM, fasilitator, …: admins extend it."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=120)
    sector = models.CharField(_("usual sector"), max_length=20, choices=Sector, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("actor type")
        verbose_name_plural = _("actor types")

    def __str__(self) -> str:
        return self.name


class Actor(models.Model):
    """A stakeholder, reusable across cases: a person or an institution."""

    name = models.CharField(_("name"), max_length=200)
    short_label = models.CharField(
        _("short label"), max_length=20, blank=True, help_text=_("e.g. the initials a paper uses")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Level)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector)
    type = models.ForeignKey(
        ActorType, null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("type")
    )
    place = models.ForeignKey(
        "assessments.Place",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        verbose_name=_("place"),
    )
    institution = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
        verbose_name=_("belongs to"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("actor")
        verbose_name_plural = _("actors")

    def __str__(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        return self.short_label or self.name

    def clean(self) -> None:
        if self.institution_id:
            if self.kind != Level.INDIVIDUAL:
                raise ValidationError(
                    {"institution": _("Only a person belongs to an institution.")}
                )
            institution = self.institution
            if (
                institution is None
                or institution.kind != Level.INSTITUTION
                or institution.pk == self.pk
            ):
                raise ValidationError({"institution": _("Choose an institution.")})


class Participation(models.Model):
    class Role(models.TextChoices):
        PERENCANA = "perencana", _("planner")
        PENDAMPING = "pendamping", _("companion")
        PELAKSANA = "pelaksana", _("implementer")
        MITRA = "mitra", _("partner / donor")
        PENERIMA = "penerima_manfaat", _("beneficiary")
        PENGAMBIL_KEPUTUSAN = "pengambil_keputusan", _("decision maker")
        LAINNYA = "lainnya", _("other")

    case = models.ForeignKey(
        "assessments.Case", on_delete=models.CASCADE, related_name="participations"
    )
    actor = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="participations")
    role = models.CharField(_("role"), max_length=30, choices=Role)
    stages = models.JSONField(_("program stages"), default=list, blank=True)
    note = models.TextField(_("note"), blank=True)
    source = source_field()

    class Meta:
        ordering = ["case", "actor__name"]
        constraints = [
            models.UniqueConstraint(fields=["case", "actor"], name="participation_once_per_case"),
        ]
        verbose_name = _("participation")
        verbose_name_plural = _("participations")

    def __str__(self) -> str:
        return f"{self.actor} · {self.get_role_display()}"

    def clean(self) -> None:
        unknown = [s for s in self.stages or [] if s not in Stage.values]
        if unknown or not isinstance(self.stages, list):
            raise ValidationError(
                {
                    "stages": _("Unknown program stage: %(s)s")
                    % {"s": ", ".join(map(str, unknown or [self.stages]))}
                }
            )


class Tie(models.Model):
    # What a researcher enters for a tie, in the order forms and the API show it.
    ENTRY_FIELDS = (
        "source",
        "target",
        "form",
        "direction",
        "dominant",
        "strength",
        "stage",
        "evidence",
    )

    class Form(models.TextChoices):
        KEKERABATAN = "kekerabatan", _("kinship / acquaintance")
        KERJA = "kerja", _("work")

    class Direction(models.TextChoices):
        SIMETRIS = "simetris", _("symmetric (equal)")
        ASIMETRIS = "asimetris", _("asymmetric (one dominates)")

    class Strength(models.TextChoices):
        KUAT = "kuat", _("strong (cooperating)")
        LEMAH = "lemah", _("weak (only acquainted)")

    case = models.ForeignKey("assessments.Case", on_delete=models.CASCADE, related_name="ties")
    level = models.CharField(_("network"), max_length=20, choices=Level, editable=False)
    source = models.ForeignKey(
        Actor, on_delete=models.PROTECT, related_name="+", verbose_name=_("actor")
    )
    target = models.ForeignKey(
        Actor, on_delete=models.PROTECT, related_name="+", verbose_name=_("other actor")
    )
    form = models.CharField(_("form"), max_length=20, choices=Form)
    direction = models.CharField(_("direction"), max_length=20, choices=Direction)
    dominant = models.ForeignKey(
        Actor,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("dominant actor"),
    )
    strength = models.CharField(_("strength"), max_length=20, choices=Strength)
    stage = models.CharField(
        _("program stage"),
        max_length=20,
        choices=Stage,
        blank=True,
        help_text=_("Empty: the tie holds through the whole program."),
    )
    evidence = models.TextField(_("evidence"), blank=True)

    class Meta:
        ordering = ["case", "level", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(source=F("target")),
                name="tie_not_to_itself",
                violation_error_message=_("A tie needs two different actors."),
            ),
            models.CheckConstraint(
                condition=(
                    Q(direction="simetris", dominant__isnull=True)
                    | Q(direction="asimetris", dominant__isnull=False)
                ),
                name="tie_dominant_when_asymmetric",
                violation_error_message=_(
                    "An asymmetric tie names its dominant actor; a symmetric one does not."
                ),
            ),
            models.CheckConstraint(
                condition=Q(dominant__isnull=True)
                | Q(dominant=F("source"))
                | Q(dominant=F("target")),
                name="tie_dominant_is_one_of_the_two",
                violation_error_message=_("The dominant actor must be one of the two."),
            ),
            models.UniqueConstraint(
                fields=["case", "source", "target", "stage"], name="tie_once_per_stage"
            ),
        ]
        verbose_name = _("tie")
        verbose_name_plural = _("ties")

    def __str__(self) -> str:
        return f"{self.source} — {self.target}"
