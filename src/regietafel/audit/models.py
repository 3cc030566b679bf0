"""Audit rows are append-only: services write them in the same transaction as the change."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Action(models.TextChoices):
    CREATED = "aangemaakt", _("aangemaakt")
    CHANGED = "gewijzigd", _("gewijzigd")
    DELETED = "verwijderd", _("verwijderd")
    IMPORTED = "geïmporteerd", _("geïmporteerd")
    REFUSED = "geweigerd", _("geweigerd")
    LOGGED_IN = "ingelogd", _("ingelogd")
    LOGIN_FAILED = "inlog mislukt", _("inlog mislukt")
    WITHDRAWN = "ingetrokken", _("ingetrokken")
    SENT = "verzonden", _("verzonden")
    SEND_FAILED = "niet verzonden", _("niet verzonden")


class AuditEntry(models.Model):
    at = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_name = models.CharField(_("gebruikersnaam"), max_length=150)
    action = models.CharField(_("handeling"), max_length=20, choices=Action.choices)
    object_type = models.CharField(_("soort gegeven"), max_length=100)
    object_id = models.CharField(_("kenmerk"), max_length=100, blank=True)
    summary = models.CharField(_("omschrijving"), max_length=500)
    changes = models.JSONField(_("wijzigingen"), default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("auditregel")
        verbose_name_plural = _("audittrail")

    def __str__(self) -> str:
        """As the audit page shows it: local time, and the summary (which names the action;
        "ingelogd ingelogd" repeated it) or else the action."""
        at = timezone.localtime(self.at)
        return f"{at:%Y-%m-%d %H:%M} {self.actor_name} {self.summary or self.action}"
