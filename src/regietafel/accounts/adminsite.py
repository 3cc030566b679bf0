"""The admin under /beheer/: access decided by ``accounts.access``, log-in through the throttle.

Django's own admin lets in every ``is_staff`` user and checks passwords without our
throttle. This site replaces the default one (``RegietafelAdminConfig``): only the role
beheerder gets in, whatever ``is_staff`` or ``is_superuser`` say, and the log-in form goes
through ``accounts.services.login_attempt`` like the log-in page and the API.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.http import HttpRequest
from django.utils.translation import gettext as _

from regietafel.accounts import access
from regietafel.accounts.services import LOGIN_THROTTLED, LoginThrottledError, login_attempt


class ThrottledAdminLoginForm(AdminAuthenticationForm):
    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if username is not None and password:
            try:
                user = login_attempt(request=self.request, username=username, password=password)
            except LoginThrottledError:
                raise forms.ValidationError(LOGIN_THROTTLED, code="throttled") from None
            if user is None:
                raise self.get_invalid_login_error()
            self.user_cache = user
            self.confirm_login_allowed(user)
        return self.cleaned_data

    def confirm_login_allowed(self, user: Any) -> None:
        if not access.can_manage_users(user):
            raise forms.ValidationError(
                _("Alleen gebruikers met de rol beheerder kunnen het beheer gebruiken."),
                code="invalid_login",
            )


class RegietafelAdminSite(admin.AdminSite):
    login_form = ThrottledAdminLoginForm
    site_header = "regietafel beheer"
    site_title = "regietafel beheer"

    def has_permission(self, request: HttpRequest) -> bool:
        return access.can_manage_users(request.user)


class RoleAdminMixin:
    """Model admin permissions from ``access.can_manage_users``, not Django's permissions."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return access.can_manage_users(request.user)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return access.can_manage_users(request.user)

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return access.can_manage_users(request.user)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return access.can_manage_users(request.user)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return access.can_manage_users(request.user)
