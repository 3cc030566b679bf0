"""A user's subscription to the weekly reports: which reports they want by e-mail."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Subscription(models.Model):
    """One row per user who chose; no row means no e-mail (subscribing is opt-in).

    ``national``: the national report (LRT). ``own_province``: the report of the user's own
    province, for province users only (``accounts.access.can_read_report`` decides in the end).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="subscription",
    )
    national = models.BooleanField(_("landelijk weekrapport"), default=False)
    own_province = models.BooleanField(_("weekrapport van de eigen provincie"), default=False)
    changed_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("aanmelding voor meldingen")
        verbose_name_plural = _("aanmeldingen voor meldingen")

    def __str__(self) -> str:
        return f"meldingen van {self.user}"
