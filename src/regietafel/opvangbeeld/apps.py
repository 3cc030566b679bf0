from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpvangbeeldConfig(AppConfig):
    """The reception picture: a read model over the register, the figures and the targets."""

    name = "regietafel.opvangbeeld"
    verbose_name = _("Opvangbeeld")
