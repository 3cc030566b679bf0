from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KerncijfersConfig(AppConfig):
    """The weekly figures as a read model: inputs read once, computed by the core, masked."""

    name = "regietafel.kerncijfers"
    verbose_name = _("Kerncijfers")
