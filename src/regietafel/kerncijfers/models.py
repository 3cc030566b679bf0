"""The need policy the LRT chose for a week; without a choice the dated policy holds."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class WeekNeedPolicy(models.Model):
    """One week's chosen need policy (``core.need_policy``); a new choice replaces the old one
    and the audit trail keeps every choice."""

    week_label = models.CharField(_("week"), max_length=8, unique=True)
    # A key of core.need_policy.CHOOSABLE_POLICIES, checked by the service (no choices here:
    # a new dated policy in the core needs no migration).
    policy_key = models.CharField(_("behoeftebeleid"), max_length=40)
    chosen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gekozen door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    chosen_at = models.DateTimeField(_("gekozen op"))
    reason = models.TextField(_("reden"))

    class Meta:
        ordering = ["-week_label"]
        verbose_name = _("behoeftebeleid van een week")
        verbose_name_plural = _("behoeftebeleid per week")

    def __str__(self) -> str:
        return f"{self.week_label}: {self.policy_key}"
