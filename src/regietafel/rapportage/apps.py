from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RapportageConfig(AppConfig):
    name = "regietafel.rapportage"
    verbose_name = _("Rapportage")
