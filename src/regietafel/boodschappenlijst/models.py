"""What a table did with an item of the boodschappenlijstje: an append-only history of marks.

The list itself is generated every time from the figures; only the marks are stored, keyed by
the item's stable key, so a status set last week carries over to this week's list.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from regietafel.core.rules import ShoppingItemStatus

STATUS_CHOICES = [(s.value, s.label) for s in ShoppingItemStatus]


class ShoppingItemMark(models.Model):
    scope = models.CharField(_("lijst"), max_length=4, help_text=_("NL of een provinciecode"))
    key = models.CharField(_("sleutel"), max_length=120)
    week = models.CharField(_("week"), max_length=8)
    week_start = models.DateField(_("maandag van de week"))
    status = models.CharField(_("status"), max_length=20, choices=STATUS_CHOICES)
    note = models.TextField(_("toelichting"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(_("tijdstip"), auto_now_add=True)

    class Meta:
        ordering = ["scope", "key", "week_start", "at", "id"]
        indexes = [models.Index(fields=["scope", "week_start"])]
        verbose_name = _("markering boodschappenlijst")
        verbose_name_plural = _("markeringen boodschappenlijst")

    def __str__(self) -> str:
        return f"{self.key} ({self.scope}, {self.week}): {self.get_status_display()}"
