from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BoodschappenlijstConfig(AppConfig):
    name = "regietafel.boodschappenlijst"
    verbose_name = _("Boodschappenlijst")
