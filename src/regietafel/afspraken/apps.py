from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AfsprakenConfig(AppConfig):
    name = "regietafel.afspraken"
    verbose_name = _("Afspraken")
