"""An import is a record: the original file, its checksum, who sent it, and what came of it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    LOCATIES = "locaties", _("Opvanglocaties")
    REALISATIE = "realisatie", _("Realisatie taakstelling")
    REEKSEN = "reeksen", _("Landelijke reeksen")
    MPP = "mpp", _("Officiële instroomscenario's (MPP)")


class Status(models.TextChoices):
    ACCEPTED = "verwerkt", _("verwerkt")
    REFUSED = "geweigerd", _("geweigerd")
    WITHDRAWN = "ingetrokken", _("ingetrokken")
    """An accepted import that was withdrawn later: its rows stay, nothing reads them."""
    WITHDRAWAL = "intrekking", _("intrekking")
    """The withdrawal itself: a version of its own, pointing at the withdrawn import."""


def _upload_path(instance: Import, filename: str) -> str:
    return f"imports/{instance.kind}/{instance.week}/{instance.checksum[:12]}-{filename}"


class Import(models.Model):
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    week = models.CharField(_("week"), max_length=8, help_text=_("ISO-week, bijvoorbeeld 2021-W45"))
    week_start = models.DateField(_("maandag van de week"))
    version = models.PositiveIntegerField(_("versie"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    original = models.FileField(_("origineel bestand"), upload_to=_upload_path, max_length=300)
    file_name = models.CharField(_("bestandsnaam"), max_length=255)
    checksum = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveIntegerField(_("grootte (bytes)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangeleverd door"),
        null=True,
        on_delete=models.PROTECT,
        related_name="imports",
    )
    uploaded_at = models.DateTimeField(_("aangeleverd op"), auto_now_add=True)
    row_count = models.PositiveIntegerField(_("rijen"), default=0)
    errors = models.JSONField(_("fouten"), default=list, blank=True)
    synthetic = models.BooleanField(_("synthetische demodata"), default=False)
    withdraws = models.ForeignKey(
        "self",
        verbose_name=_("trekt in"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="withdrawals",
    )
    note = models.TextField(_("toelichting"), blank=True)

    @property
    def error_count(self) -> int:
        """All errors of a refused file. Only the first ``MAX_STORED_ERRORS`` are stored,
        followed by one row "en nog N fouten" that carries ``hidden``: counting the stored
        rows gave 501 where the audit trail said 1.408."""
        return sum(int(e.get("hidden") or 0) or 1 for e in self.errors)

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "week", "version"],
                condition=models.Q(status="verwerkt"),
                name="one_version_number_per_kind_week",
            )
        ]
        indexes = [models.Index(fields=["kind", "week_start", "status"])]

    def __str__(self) -> str:
        version = f" v{self.version}" if self.version else ""
        return f"{self.get_kind_display()} {self.week}{version} ({self.get_status_display()})"
