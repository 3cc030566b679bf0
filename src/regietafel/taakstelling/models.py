"""Stored taakstelling: the engine's outcome per period, frozen once set."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from regietafel.core.supervision import Verdict
from regietafel.imports.models import Import


class TaakstellingPeriod(models.Model):
    label = models.CharField(_("periode"), max_length=8, unique=True)
    start = models.DateField(_("begin"))
    end = models.DateField(_("einde"))
    national_total = models.PositiveIntegerField(_("landelijke taakstelling"))
    population_date = models.DateField(_("peildatum inwoners"))
    method = models.CharField(_("afrondingsmethode"), max_length=20)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    set_at = models.DateTimeField(_("vastgesteld op"), auto_now_add=True)
    source = models.CharField(_("bron"), max_length=300, blank=True)
    arrears_source = models.CharField(
        _("herkomst achterstand"),
        max_length=300,
        blank=True,
        help_text=_("Waar de meegenomen achterstand vandaan komt, of waarom er geen is."),
    )

    class Meta:
        ordering = ["start"]
        verbose_name = _("taakstellingsperiode")
        verbose_name_plural = _("taakstellingsperiodes")

    def __str__(self) -> str:
        return self.label


class TaakstellingEntry(models.Model):
    period = models.ForeignKey(TaakstellingPeriod, on_delete=models.CASCADE, related_name="entries")
    municipality_code = models.CharField(_("gemeentecode"), max_length=6)
    municipality_name = models.CharField(_("gemeente"), max_length=100)
    province_code = models.CharField(_("provincie"), max_length=4, db_index=True)
    inhabitants = models.PositiveIntegerField(_("inwoners"))
    quota = models.FloatField(_("quotum"))
    taakstelling = models.IntegerField(_("taakstelling"))
    arrears = models.IntegerField(
        _("achterstand"),
        null=True,
        blank=True,
        help_text=_(
            "Leeg: geen achterstand meegenomen, omdat de vorige periode niet is vastgesteld."
        ),
    )
    corrected = models.IntegerField(_("gecorrigeerde taakstelling"))

    class Meta:
        ordering = ["municipality_code"]
        constraints = [
            models.UniqueConstraint(
                fields=["period", "municipality_code"], name="one_entry_per_municipality"
            )
        ]
        verbose_name = _("taakstelling per gemeente")
        verbose_name_plural = _("taakstelling per gemeente")

    def __str__(self) -> str:
        return f"{self.municipality_name} ({self.municipality_code}): {self.corrected}"


class RealisationRecord(models.Model):
    """Status holders housed so far in the period, per municipality, as one import states it."""

    batch = models.ForeignKey(Import, on_delete=models.PROTECT, related_name="realisation_rows")
    period_label = models.CharField(_("periode"), max_length=8)
    municipality_code = models.CharField(_("gemeentecode"), max_length=6)
    province_code = models.CharField(_("provincie"), max_length=4, db_index=True)
    housed = models.PositiveIntegerField(_("gehuisvest"))
    own_count = models.PositiveIntegerField(_("eigen telling gemeente"), null=True, blank=True)

    class Meta:
        ordering = ["municipality_code"]
        constraints = [
            models.UniqueConstraint(
                fields=["batch", "municipality_code"], name="one_realisation_per_municipality"
            )
        ]
        verbose_name = _("realisatie per gemeente")
        verbose_name_plural = _("realisatie per gemeente")

    def __str__(self) -> str:
        return f"{self.municipality_code} {self.period_label}: {self.housed} gehuisvest"


class TaakstellingVersion(models.Model):
    """One version of a period's national total: set, or revised during the period.

    ``tasks`` holds every municipality's taakstelling under this version (code -> persons),
    so the change per municipality between versions stays readable after later revisions.
    """

    period = models.ForeignKey(
        TaakstellingPeriod, on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("versie"))
    national_total = models.PositiveIntegerField(_("landelijk totaal"))
    decided_on = models.DateField(_("vastgesteld op"))
    source = models.CharField(_("bron"), max_length=300, blank=True)
    tasks = models.JSONField(_("taakstelling per gemeente"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    class Meta:
        ordering = ["period", "number"]
        constraints = [
            models.UniqueConstraint(fields=["period", "number"], name="one_version_number")
        ]
        verbose_name = _("versie van de taakstelling")
        verbose_name_plural = _("versies van de taakstelling")

    def __str__(self) -> str:
        return f"taakstelling {self.period} versie {self.number}"


VERDICT_CHOICES = [(v.value, v.label) for v in Verdict]


class Judgement(models.Model):
    """A province's judgement of one municipality for one half year; never overwritten.

    A later judgement of the same municipality and period (a correction) is a new row; the
    newest counts and the older ones stay as history.
    """

    period_label = models.CharField(_("periode"), max_length=8, db_index=True)
    municipality_code = models.CharField(_("gemeentecode"), max_length=6)
    municipality_name = models.CharField(_("gemeente"), max_length=100)
    province_code = models.CharField(_("provincie"), max_length=4, db_index=True)
    verdict = models.CharField(_("oordeel"), max_length=20, choices=VERDICT_CHOICES)
    reason = models.TextField(_("toelichting"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    class Meta:
        ordering = ["municipality_code", "period_label", "recorded_at", "id"]
        verbose_name = _("oordeel van de provincie")
        verbose_name_plural = _("oordelen van de provincie")

    def __str__(self) -> str:
        return f"oordeel {self.period_label} {self.municipality_name}: {self.get_verdict_display()}"
