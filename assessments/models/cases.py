"""A case and what researchers record in it: raters, ratings, conclusions, recommendations."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from common.sources import source_field

from .frameworks import Framework, Indicator, Variable
from .people_places import Place, Program


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
    # Named once in the chapter's opening ("… dengan metode deskriptif kualitatif").
    method = models.CharField(
        _("research method"),
        max_length=200,
        blank=True,
        help_text=_("e.g. descriptive qualitative"),
    )
    further_research = models.TextField(_("suggestions for further research"), blank=True)
    summary = models.TextField(_("summary"), blank=True)
    # Rounds: the same place assessed again. A chain has one round after another, in order of
    # period; `round_number` is the case's place in it (1 for a first or lone assessment),
    # kept by services.rounds so that dashboards group by it in SQL.
    previous_round = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="next_round",
        verbose_name=_("previous round"),
    )
    round_number = models.PositiveSmallIntegerField(_("round"), default=1, editable=False)
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
            models.CheckConstraint(
                condition=~Q(previous_round=models.F("pk")), name="case_round_not_itself"
            ),
        ]
        indexes = [
            # "The place and everything inside it" is a prefix match on the code; PostgreSQL
            # needs this operator class to use an index for it (other databases ignore it).
            models.Index(
                fields=["place"], name="case_place_prefix", opclasses=["varchar_pattern_ops"]
            ),
            models.Index(fields=["framework", "status", "year_end"], name="case_scope"),
            # Every case list's order: its first page is read off this index, not a sort of
            # every visible case (seen: 83 ms to 1 ms for the home page at 11,000 cases).
            models.Index(fields=["-year_end", "title", "id"], name="case_list_order"),
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
    # When the link was issued or last renewed: it works INFORMANT_LINK_DAYS from then.
    access_issued = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["case", "kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["case", "name"], name="rater_name_unique_in_case"),
        ]
        verbose_name = _("rater")
        verbose_name_plural = _("raters")

    def __str__(self) -> str:
        return self.name

    @property
    def access_expires(self) -> datetime.datetime | None:
        if not self.access_nonce or self.access_issued is None:
            return None
        return self.access_issued + datetime.timedelta(days=settings.INFORMANT_LINK_DAYS)


class Rating(models.Model):
    class SourceType(models.TextChoices):
        WAWANCARA = "wawancara", _("interview")
        DOKUMEN = "dokumen", _("document")
        OBSERVASI = "observasi", _("observation")
        KUESIONER = "kuesioner", _("questionnaire")

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
    # An informant's free text reaches the chapter only once a researcher has read it and
    # marked it quotable (attributed by role, never by name).
    quotable = models.BooleanField(_("quotable in the chapter"), default=False)
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
    source = source_field()
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["case", "order", "id"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def __str__(self) -> str:
        return self.text[:60]
