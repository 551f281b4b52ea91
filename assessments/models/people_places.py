"""Who uses Kolaborasi, the programs it knows and the Kemendagri places cases sit in."""

from __future__ import annotations

from typing import TypeAlias

from django.contrib.auth.models import AbstractUser, AnonymousUser
from django.db import models
from django.utils.translation import gettext_lazy as _


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


# Whoever a page or an endpoint is answering: a signed-in user or nobody.
Visitor: TypeAlias = "User | AnonymousUser"


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
