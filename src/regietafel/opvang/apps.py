from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpvangConfig(AppConfig):
    name = "regietafel.opvang"
    verbose_name = _("Opvang")
