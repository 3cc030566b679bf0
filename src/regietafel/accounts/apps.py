from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "regietafel.accounts"
    verbose_name = _("Gebruikers")


class RegietafelAdminConfig(admin_apps.AdminConfig):
    """Django's admin with our site: role-based access and the shared log-in throttle."""

    default = False  # AccountsConfig stays the default config of this module
    default_site = "regietafel.accounts.adminsite.RegietafelAdminSite"
