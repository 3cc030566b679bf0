"""Rows of an imported week; never updated in place: a correction is a new import version."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from regietafel.core.rules import Durability, LocationType, QualityStandard
from regietafel.imports.models import Import

LOCATION_TYPE_CHOICES = [(t.value, t.label) for t in LocationType]
DURABILITY_CHOICES = [(d.value, d.label) for d in Durability]
QUALITY_CHOICES = [(q.value, q.label) for q in QualityStandard]


class LocationRecord(models.Model):
    batch = models.ForeignKey(Import, on_delete=models.PROTECT, related_name="location_rows")
    code = models.CharField(_("locatiecode"), max_length=40)
    name = models.CharField(_("naam"), max_length=200)
    municipality_code = models.CharField(_("gemeentecode"), max_length=6)
    province_code = models.CharField(_("provincie"), max_length=4, db_index=True)
    type = models.CharField(_("soort"), max_length=20, choices=LOCATION_TYPE_CHOICES)
    capacity = models.PositiveIntegerField(_("capaciteit"))
    occupancy = models.PositiveIntegerField(_("bezetting"))
    start_date = models.DateField(_("startdatum"))
    end_date = models.DateField(_("einddatum"), null=True, blank=True)
    address = models.CharField(_("adres"), max_length=200, blank=True)
    confidential = models.BooleanField(_("adres vertrouwelijk"), default=False)
    # What decisions turn on; empty / None is "onbekend" (files from before these columns).
    durability = models.CharField(
        _("looptijd"), max_length=12, choices=DURABILITY_CHOICES, blank=True, default=""
    )
    extension_option = models.BooleanField(_("verlengingsoptie"), null=True, blank=True)
    max_occupancy = models.PositiveIntegerField(_("maximale bezetting"), null=True, blank=True)
    quality = models.CharField(
        _("kwaliteitsnorm"), max_length=20, choices=QUALITY_CHOICES, blank=True, default=""
    )
    safety_region_code = models.CharField(_("veiligheidsregio"), max_length=4, blank=True)

    class Meta:
        ordering = ["province_code", "municipality_code", "code"]
        constraints = [
            models.UniqueConstraint(fields=["batch", "code"], name="one_location_per_code"),
            models.CheckConstraint(
                condition=models.Q(occupancy__lte=models.F("capacity")),
                name="occupancy_within_capacity",
            ),
        ]
        verbose_name = _("opvanglocatie van een import")
        verbose_name_plural = _("opvanglocaties van een import")

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    @property
    def temporary(self) -> bool:
        return self.end_date is not None


class SeriesMetric(models.TextChoices):
    EERSTE_AANVRAGEN = "eerste_asielaanvragen", _("eerste asielaanvragen")
    NAREIZIGERS = "nareizigers", _("nareizigers")
    VERGUNNINGEN = "verleende_vergunningen", _("verleende vergunningen")
    WACHTEND = "vergunninghouders_in_opvang", _("vergunninghouders in opvang")
    LANG_WACHTEND = (
        "vergunninghouders_langer_dan_14_weken",
        _("vergunninghouders langer dan 14 weken in opvang"),
    )


class SeriesRecord(models.Model):
    batch = models.ForeignKey(Import, on_delete=models.PROTECT, related_name="series_rows")
    metric = models.CharField(_("reeks"), max_length=40, choices=SeriesMetric.choices)
    value = models.PositiveIntegerField(_("waarde"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["batch", "metric"], name="one_value_per_metric")
        ]
        verbose_name = _("reekswaarde van een import")
        verbose_name_plural = _("reekswaarden van een import")

    def __str__(self) -> str:
        return f"{self.get_metric_display()}: {self.value}"


class OfficialScenario(models.TextChoices):
    """The three figures of a Meerjarige Productieprognose (MPP): the inflow range."""

    MIN = "min", _("min")
    MIDDEN = "midden", _("midden")
    MAX = "max", _("max")


class ScenarioRecord(models.Model):
    """One figure of an official MPP, as imported: the expected yearly inflow of a scenario.

    The forecast offers the scenarios "officieel min / midden / max" from the latest MPP
    published before its start (``prognose.scenarios``); the bundled MPP 2023-II is there
    without an import.
    """

    batch = models.ForeignKey(Import, on_delete=models.PROTECT, related_name="scenario_rows")
    scenario = models.CharField(_("scenario"), max_length=10, choices=OfficialScenario.choices)
    year = models.PositiveIntegerField(_("jaar"))
    inflow = models.PositiveIntegerField(_("instroom per jaar"))
    published = models.DateField(_("gepubliceerd"))
    source = models.CharField(_("bron"), max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["batch", "scenario"], name="one_figure_per_scenario")
        ]
        verbose_name = _("MPP-scenario van een import")
        verbose_name_plural = _("MPP-scenario's van een import")

    def __str__(self) -> str:
        return f"{self.source} {self.get_scenario_display()}: {self.inflow} per jaar"
