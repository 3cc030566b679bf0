"""The admin under /beheer/: access decided by ``accounts.access``, log-in through the throttle.

Django's own admin lets in every ``is_staff`` user and checks passwords without our
throttle. This site replaces the default one (``RegietafelAdminConfig``): only the role
beheerder gets in, whatever ``is_staff`` or ``is_superuser`` say, and the log-in form goes
through ``accounts.services.login_attempt`` like the log-in page and the API.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.db import models
from django.http import HttpRequest
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import SafeString
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


_M = TypeVar("_M", bound=models.Model)

_YES_NO = {True: ("yes", "ja"), False: ("no", "nee"), None: ("unknown", "onbekend")}


def yes_no_icon(value: bool | None) -> SafeString:
    """The admin's tick or cross with "ja"/"nee" as its text; Django's own says alt="True"."""
    icon, text = _YES_NO[value]
    return format_html('<img src="{}" alt="{}">', static(f"admin/img/icon-{icon}.svg"), text)


def _yes_no_column(field: models.Field[Any, Any]) -> Callable[[Any], SafeString]:
    @admin.display(description=field.verbose_name, ordering=field.name)
    def column(obj: Any) -> SafeString:
        return yes_no_icon(getattr(obj, field.name))

    column.__name__ = field.name  # the column's CSS class, as for the field itself
    return column


class DutchBooleansAdmin(admin.ModelAdmin[_M]):
    """Yes/no columns of the change list shown with ``yes_no_icon``, sortable as before."""

    def get_list_display(self, request: HttpRequest) -> list[str | Callable[[_M], str | bool]]:
        fields = {f.name: f for f in self.model._meta.get_fields() if isinstance(f, models.Field)}
        return [
            _yes_no_column(fields[name])
            if isinstance(name, str) and isinstance(fields.get(name), models.BooleanField)
            else name
            for name in super().get_list_display(request)
        ]
