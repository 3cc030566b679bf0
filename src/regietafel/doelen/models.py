"""LRT targets as agreed ("600 extra plaatsen vóór 1 december"); progress is never stored."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from regietafel.core.rules import NeedCategory

NEED_CATEGORY_CHOICES = [(c.value, c.label) for c in NeedCategory]


class Unit(models.TextChoices):
    PLACES = "places", _("plaatsen")
    LOCATIONS = "locations", _("locaties")


class Target(models.Model):
    title = models.CharField(_("omschrijving"), max_length=200)
    category = models.CharField(_("soort opvang"), max_length=20, choices=NEED_CATEGORY_CHOICES)
    unit = models.CharField(_("eenheid"), max_length=20, choices=Unit.choices)
    quantity = models.PositiveIntegerField(_("aantal"))
    quantity_max = models.PositiveIntegerField(_("maximaal aantal"), null=True, blank=True)
    start = models.DateField(_("telt vanaf (start)"))
    agreed_on = models.DateField(
        _("afgesproken op"),
        null=True,
        blank=True,
        help_text=_("Leeg: de startdatum. Vóór deze dag telt het doel in geen enkele week."),
    )
    deadline = models.DateField(_("uiterlijk (deadline)"))
    province_code = models.CharField(
        _("provincie"), max_length=4, blank=True, help_text=_("Leeg: een landelijk doel.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)
    note = models.TextField(_("toelichting"), blank=True)

    class Meta:
        ordering = ["deadline", "id"]
        verbose_name = _("doel")
        verbose_name_plural = _("doelen")

    def __str__(self) -> str:
        return self.title
