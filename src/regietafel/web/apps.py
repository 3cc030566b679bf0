from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    """Holds the shared templates, static files and translations of the site."""

    name = "regietafel.web"
    label = "web"
    verbose_name = _("Website")
