"""The admin's app config, apart from ``accounts.apps`` so that a command without the admin
(``REGIETAFEL_ALLEEN_LEZEN``) never imports Django's admin just to read the accounts app."""

from django.contrib.admin import apps as admin_apps


class RegietafelAdminConfig(admin_apps.AdminConfig):
    """Django's admin with our site: role-based access and the shared log-in throttle."""

    default_site = "regietafel.accounts.adminsite.RegietafelAdminSite"
