"""A user has exactly one role; a province user is bound to one province."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    LANDELIJK = "landelijk", _("Landelijk (LRT/HLRT, ministeries)")
    PROVINCIE = "provincie", _("Provincie (PRT)")
    COA = "coa", _("COA (gegevensbeheer)")
    BEHEERDER = "beheerder", _("Beheerder")


class User(AbstractUser):
    role = models.CharField(
        _("rol"),
        max_length=20,
        choices=Role.choices,
        blank=True,
        default="",
        help_text=_("Zonder rol ziet een gebruiker niets, tot een beheerder een rol geeft."),
    )
    province_code = models.CharField(
        _("provincie"),
        max_length=4,
        blank=True,
        help_text=_("Alleen voor de rol provincie: de CBS-code, bijvoorbeeld PV27."),
    )

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role="provincie") | ~models.Q(province_code=""),
                name="province_user_has_province",
                violation_error_message=_(
                    "Een gebruiker met de rol provincie hoort bij een provincie: kies die."
                ),
            )
        ]

    def clean(self) -> None:
        """The province fits the role: a province user has one of the provinces (a made-up
        code such as PV99 gave that user a 500 on every page), anyone else none (it would
        only mislead, since only the role provincie is bound to a province)."""
        super().clean()
        from regietafel import reference

        if self.role == Role.PROVINCIE and not self.province_code:
            raise ValidationError(
                {"province_code": _("Kies de provincie van deze gebruiker (rol provincie).")}
            )
        if self.role == Role.PROVINCIE and not reference.is_province_code(self.province_code):
            raise ValidationError(
                {
                    "province_code": _("Provincie %(code)s bestaat niet; kies een van de lijst.")
                    % {"code": self.province_code}
                }
            )
        if self.role != Role.PROVINCIE and self.province_code:
            raise ValidationError(
                {
                    "province_code": _(
                        "Alleen een gebruiker met de rol provincie hoort bij een provincie; "
                        "maak dit veld leeg of kies de rol provincie."
                    )
                }
            )


class LoginFailure(models.Model):
    """A failed log-in, kept to throttle guessing; old rows expire by the window in settings."""

    username = models.CharField(max_length=150, db_index=True)
    ip_address = models.GenericIPAddressField(null=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("mislukte inlogpoging")
        verbose_name_plural = _("mislukte inlogpogingen")

    def __str__(self) -> str:
        return f"mislukte inlogpoging voor {self.username}"


class LoginThrottle(models.Model):
    """Failed log-ins counted per key ("gebruiker:<naam>" or "ip:<adres>") within a window.

    The counter is raised with one conditional UPDATE before the password is checked
    (``accounts.services.login_attempt``), so parallel guesses cannot pass the limit.
    """

    key = models.CharField(max_length=200, unique=True)
    failures = models.PositiveIntegerField(default=0)
    window_start = models.DateTimeField()

    class Meta:
        verbose_name = _("inlogteller")
        verbose_name_plural = _("inlogtellers")

    def __str__(self) -> str:
        return f"inlogteller {self.key}: {self.failures} mislukt"
