"""Published weekly reports: the frozen figures of a week, one row per version."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from regietafel.rapportage.data import ReportData


class PublishedReport(models.Model):
    """One version of the report of a week for one scope ("NL" or a province code).

    ``data`` is the complete ``ReportData`` as JSON; it is never updated. A correction is a
    new version with ``changes`` (key figures old -> new) and a ``correction_note``.
    """

    week = models.CharField(_("week"), max_length=8)
    week_start = models.DateField(_("maandag van de week"))
    scope = models.CharField(_("rapport"), max_length=4, help_text=_("NL of een provinciecode"))
    version = models.PositiveIntegerField(_("versie"))
    data = models.JSONField(_("bevroren cijfers"))
    synthetic = models.BooleanField(_("synthetische demodata"), default=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gepubliceerd door"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    published_at = models.DateTimeField(_("gepubliceerd op"), auto_now_add=True)
    correction_note = models.TextField(_("toelichting correctie"), blank=True)
    changes = models.JSONField(_("wijzigingen"), default=dict, blank=True)

    class Meta:
        ordering = ["-week_start", "scope", "-version"]
        verbose_name = _("gepubliceerd rapport")
        verbose_name_plural = _("gepubliceerde rapporten")
        constraints = [
            models.UniqueConstraint(
                fields=["week", "scope", "version"], name="one_report_per_week_scope_version"
            )
        ]
        indexes = [models.Index(fields=["scope", "week_start"])]

    def __str__(self) -> str:
        return f"{self.week} {self.scope} v{self.version}"

    @property
    def is_correction(self) -> bool:
        return self.version > 1

    def report_data(self) -> ReportData:
        return ReportData.from_dict(self.data)


class ReportFile(models.Model):
    """A download of a published report (PDF or Excel), made once and kept with its SHA-256.

    A published version never changes, so its files never do: downloads serve these bytes.
    Made right after publishing (in the background under ``regietafel serve``) or, for a
    version published before files were kept, on its first download.
    """

    report = models.ForeignKey(
        PublishedReport,
        verbose_name=_("rapport"),
        on_delete=models.CASCADE,
        related_name="files",
    )
    format = models.CharField(_("formaat"), max_length=8)
    content = models.BinaryField(_("inhoud"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveIntegerField(_("grootte in bytes"))
    created_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("rapportbestand")
        verbose_name_plural = _("rapportbestanden")
        constraints = [
            models.UniqueConstraint(fields=["report", "format"], name="one_file_per_report_format")
        ]

    def __str__(self) -> str:
        return f"{self.report} {self.format}"
