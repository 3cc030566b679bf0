from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VerdelingConfig(AppConfig):
    name = "regietafel.verdeling"
    verbose_name = _("Verdeling")
