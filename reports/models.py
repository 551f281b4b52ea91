from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Job(models.Model):
    """A batch of reports built in the background; its page and API show the progress."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    class Format(models.TextChoices):
        PDF = "pdf", "PDF"
        DOCX = "docx", "DOCX"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="report_jobs"
    )
    program = models.ForeignKey(
        "assessments.Program",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("program"),
    )
    place = models.ForeignKey(
        "assessments.Place",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("place"),
    )
    language = models.CharField(_("language"), max_length=5, default="id")
    format = models.CharField(_("format"), max_length=10, choices=Format, default=Format.PDF)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.QUEUED)
    progress = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    file = models.FileField(upload_to="reports/", blank=True)
    error = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True)
    finished = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(progress__lte=models.F("total")) | models.Q(total=0),
                name="job_progress_within_total",
            ),
        ]
        verbose_name = _("report job")
        verbose_name_plural = _("report jobs")

    def __str__(self) -> str:
        return f"{self.get_format_display()} · {self.program or self.place} · {self.status}"

    @property
    def archive_name(self) -> str:
        """The zip's name, in storage and as downloaded."""
        return f"laporan-{self.pk}.zip"

    @property
    def percent(self) -> int:
        return round(100 * self.progress / self.total) if self.total else 0
