from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpvangprognoseConfig(AppConfig):
    """The reception forecast page: a cached read model over ``regietafel.prognose``."""

    name = "regietafel.opvangprognose"
    verbose_name = _("Prognose")
