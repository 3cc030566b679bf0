"""Users are managed by the beheerder in the admin; every change is audited."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from regietafel.accounts.models import User
from regietafel.audit.models import Action
from regietafel.audit.services import audit_record


@admin.register(User)
class RegietafelUserAdmin(UserAdmin[User]):
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        (_("Rol"), {"fields": ("role", "province_code")}),
    )
    list_display = ("username", "first_name", "role", "province_code", "is_active")
    list_filter = ("role", "province_code", "is_active")

    def save_model(self, request: HttpRequest, obj: User, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        audit_record(
            actor=request.user,
            action=Action.CHANGED if change else Action.CREATED,
            target=obj,
            summary=f"gebruiker {obj.username} {'gewijzigd' if change else 'aangemaakt'} in beheer",
            changes={"velden": list(form.changed_data)},
        )

    def delete_model(self, request: HttpRequest, obj: User) -> None:
        audit_record(
            actor=request.user,
            action=Action.DELETED,
            target=obj,
            summary=f"gebruiker {obj.username} verwijderd in beheer",
        )
        super().delete_model(request, obj)
