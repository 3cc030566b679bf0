"""Users are managed by the beheerder in the admin; every change is audited."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from regietafel.accounts.adminsite import RoleAdminMixin
from regietafel.accounts.models import User
from regietafel.audit.models import Action
from regietafel.audit.services import audit_record

# Roles replace Django's groups and permissions; the groups page would only mislead.
admin.site.unregister(Group)

AUDITED_FIELDS = (
    "username",
    "first_name",
    "last_name",
    "email",
    "role",
    "province_code",
    "is_active",
)


@admin.register(User)
class RegietafelUserAdmin(RoleAdminMixin, UserAdmin[User]):
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        (_("Rol"), {"fields": ("role", "province_code")}),
    )
    list_display = ("username", "first_name", "role", "province_code", "is_active")
    list_filter = ("role", "province_code", "is_active")

    def save_model(self, request: HttpRequest, obj: User, form: Any, change: bool) -> None:
        before = User.objects.filter(pk=obj.pk).values(*AUDITED_FIELDS).first() if change else None
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            changes: dict[str, Any] = {"velden": list(form.changed_data)}
            for field in AUDITED_FIELDS:
                old = before.get(field) if before else None
                new = getattr(obj, field)
                if old != new and (before is not None or new not in ("", None)):
                    changes[field] = {"oud": old, "nieuw": new}
            if "password" in form.changed_data:
                changes["wachtwoord"] = "gewijzigd"
            described = ", ".join(
                f"{field}: {value['oud'] or '-'} -> {value['nieuw'] or '-'}"
                for field, value in changes.items()
                if isinstance(value, dict)
            )
            verb = "gewijzigd" if change else "aangemaakt"
            audit_record(
                actor=request.user,
                action=Action.CHANGED if change else Action.CREATED,
                target=obj,
                summary=f"gebruiker {obj.username} {verb} in beheer"
                + (f" ({described})" if described else ""),
                changes=changes,
            )

    def delete_model(self, request: HttpRequest, obj: User) -> None:
        audit_record(
            actor=request.user,
            action=Action.DELETED,
            target=obj,
            summary=f"gebruiker {obj.username} verwijderd in beheer",
        )
        super().delete_model(request, obj)
