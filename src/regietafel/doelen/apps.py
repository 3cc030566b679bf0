from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DoelenConfig(AppConfig):
    name = "regietafel.doelen"
    verbose_name = _("Doelen")
