"""Meetings of the tables, their agreements and the append-only history of each agreement.

An agreement's number (``LRT-2021-07``) is allocated once from ``NumberSequence`` and never
changes. Its status, "stand van zaken" and deadline changes are rows of ``AgreementUpdate``,
never edited; the state on a day is the last row dated on or before it. Progress of a
measured agreement is never stored: it is read from the data of the week.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from regietafel.core.agreements import AgreementStatus, DeadlineRule, MeetingKind, Party

KIND_CHOICES = [(k.value, k.label) for k in MeetingKind]
PARTY_CHOICES = [(p.value, p.label) for p in Party]
STATUS_CHOICES = [(s.value, s.label) for s in AgreementStatus]
DEADLINE_RULE_CHOICES = [(r.value, r.label) for r in DeadlineRule]


class Meeting(models.Model):
    kind = models.CharField(_("overleg"), max_length=8, choices=KIND_CHOICES)
    province_code = models.CharField(
        _("provincie"), max_length=4, blank=True, help_text=_("Alleen bij een PRT.")
    )
    date = models.DateField(_("datum"))
    title = models.CharField(_("naam"), max_length=200, blank=True)
    parties = models.JSONField(_("aanwezige partijen"), default=list, blank=True)
    note = models.TextField(_("toelichting"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    class Meta:
        ordering = ["date", "kind", "province_code", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "province_code", "date", "title"], name="uniek_overleg"
            )
        ]
        verbose_name = _("overleg")
        verbose_name_plural = _("overleggen")

    def __str__(self) -> str:
        where = f" {self.province_code}" if self.province_code else ""
        return f"{self.kind}{where} {self.date.isoformat()}"


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    number = models.PositiveIntegerField(_("agendapunt"))
    title = models.CharField(_("onderwerp"), max_length=300)

    class Meta:
        ordering = ["meeting", "number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="uniek_agendapunt")
        ]
        verbose_name = _("agendapunt")
        verbose_name_plural = _("agendapunten")

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class NumberSequence(models.Model):
    """The last number handed out per prefix and year; only ever incremented."""

    prefix = models.CharField(max_length=12)
    year = models.PositiveIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["prefix", "year"], name="uniek_nummerreeks")]
        verbose_name = _("nummerreeks")
        verbose_name_plural = _("nummerreeksen")

    def __str__(self) -> str:
        return f"nummerreeks {self.prefix}-{self.year}: laatste {self.last}"


class Agreement(models.Model):
    number = models.CharField(_("nummer"), max_length=24, unique=True)
    sequence = models.PositiveIntegerField(_("volgnummer"))
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="agreements")
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.PROTECT, related_name="agreements"
    )
    text = models.TextField(_("afspraak"))
    owner_party = models.CharField(_("eigenaar (partij)"), max_length=12, choices=PARTY_CHOICES)
    owner_role = models.CharField(_("eigenaar (rol)"), max_length=120, blank=True)
    deadline_rule = models.CharField(
        _("soort deadline"), max_length=16, choices=DEADLINE_RULE_CHOICES
    )
    deadline = models.DateField(_("deadline bij vastleggen"), null=True, blank=True)
    target = models.ForeignKey(
        "doelen.Target",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agreements",
        verbose_name=_("gemeten via doel"),
    )
    figure_code = models.CharField(
        _("kerncijfer"), max_length=60, blank=True, help_text=_("Code uit de cijfercatalogus.")
    )
    figure_threshold = models.IntegerField(_("drempel kerncijfer"), null=True, blank=True)
    figure_date = models.DateField(_("datum kerncijfer"), null=True, blank=True)
    shopping_scope = models.CharField(_("boodschappenlijst"), max_length=4, blank=True)
    shopping_key = models.CharField(_("boodschap"), max_length=120, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    class Meta:
        ordering = ["meeting__date", "sequence", "id"]
        indexes = [models.Index(fields=["shopping_scope", "shopping_key"])]
        verbose_name = _("afspraak")
        verbose_name_plural = _("afspraken")

    def __str__(self) -> str:
        return self.number


class AgreementUpdate(models.Model):
    """One dated step in an agreement's history: status, stand van zaken, new deadline."""

    agreement = models.ForeignKey(Agreement, on_delete=models.PROTECT, related_name="updates")
    date = models.DateField(_("datum"))
    status = models.CharField(_("status"), max_length=16, choices=STATUS_CHOICES)
    note = models.TextField(_("stand van zaken"), blank=True)
    deadline = models.DateField(_("nieuwe deadline"), null=True, blank=True)
    reviewed_at = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reviews",
        verbose_name=_("besproken in"),
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(_("tijdstip"), auto_now_add=True)

    class Meta:
        ordering = ["agreement", "date", "id"]
        verbose_name = _("stand van zaken")
        verbose_name_plural = _("standen van zaken")

    def __str__(self) -> str:
        return f"{self.agreement} {self.date:%d-%m-%Y}: {self.get_status_display()}"
