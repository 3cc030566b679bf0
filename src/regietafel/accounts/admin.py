"""Users are managed by the beheerder in the admin; every change is audited."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import NestedObjects
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import AdminPasswordChangeForm, SetUnusablePasswordMixin
from django.contrib.auth.models import Group, Permission
from django.db import models, router, transaction
from django.http import HttpRequest, HttpResponse
from django.utils.safestring import mark_safe
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _

from regietafel import reference
from regietafel.accounts.adminsite import DutchBooleansAdmin, RoleAdminMixin
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
    "is_staff",
    "is_superuser",
)

AUDITED_RELATIONS = ("groups", "user_permissions")
"""Many-to-many fields of the user form, written by ``save_related`` after ``save_model``."""

_PERMISSION_ACTIONS = {
    "add": "toevoegen",
    "change": "wijzigen",
    "delete": "verwijderen",
    "view": "bekijken",
}


def permission_label(permission: Permission) -> str:
    """A default permission in Dutch, "Afspraken | afspraak | Kan afspraak toevoegen".

    Django stores the English name ("Can add afspraak") in the database when it creates the
    permission; the label is made from the model's verbose name instead. Any other permission
    keeps its own name.
    """
    action, _sep, model_name = permission.codename.partition("_")
    model = permission.content_type.model_class()
    if action not in _PERMISSION_ACTIONS or model is None or model._meta.model_name != model_name:
        return str(permission)
    action_nl = _PERMISSION_ACTIONS[action]
    return f"{permission.content_type} | Kan {model._meta.verbose_name} {action_nl}"


class PermissionChoiceField(forms.ModelMultipleChoiceField[Permission]):
    """The user's permissions, each by ``permission_label``."""

    def label_from_instance(self, obj: Permission) -> str:
        return permission_label(obj)


if TYPE_CHECKING:
    _AdminPasswordChangeForm = AdminPasswordChangeForm[User]
else:  # not subscriptable at run time
    _AdminPasswordChangeForm = AdminPasswordChangeForm


class PasswordChangeForm(_AdminPasswordChangeForm):
    """Django's password form in the admin, whose warning it writes in English, not translated."""

    usable_password_help_text = format_lazy(  # type: ignore[assignment]  # lazy, as Django's
        "{}{}",
        SetUnusablePasswordMixin.usable_password_help_text,
        # A fixed text of ours; Django's id keeps its script (show or hide the warning) working.
        mark_safe(
            '<ul id="id_unusable_warning" class="messagelist"><li class="warning">'
            "Als u dit uitschakelt, gaat het huidige wachtwoord van deze gebruiker verloren."
            "</li></ul>"
        ),
    )


@admin.register(User)
class RegietafelUserAdmin(RoleAdminMixin, DutchBooleansAdmin[User], UserAdmin[User]):
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        (_("Rol"), {"fields": ("role", "province_code")}),
    )
    list_display = ("username", "first_name", "role", "province_code", "is_active")
    list_filter = ("role", "province_code", "is_active")
    change_password_form = PasswordChangeForm

    def formfield_for_dbfield(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        """The province as a choice of the twelve (a typed PV99 was stored and gave that user
        a 500 on every page); ``User.clean`` checks that it fits the role."""
        if db_field.name == "province_code":
            return forms.ChoiceField(
                label=capfirst(db_field.verbose_name),
                required=False,
                choices=[("", "geen (alleen voor de rol provincie)")]
                + [(p.code, f"{p.name} ({p.code})") for p in reference.provinces()],
                help_text=db_field.help_text,
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def formfield_for_manytomany(
        self, db_field: Any, request: HttpRequest, **kwargs: Any
    ) -> forms.ModelMultipleChoiceField[Any] | None:
        if db_field.name == "user_permissions":
            kwargs.setdefault("form_class", PermissionChoiceField)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_model(self, request: HttpRequest, obj: User, form: Any, change: bool) -> None:
        before = User.objects.filter(pk=obj.pk).values(*AUDITED_FIELDS).first() if change else None
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            changes: dict[str, Any] = {"velden": list(form.changed_data)}
            for field in AUDITED_FIELDS:
                old = before.get(field) if before else None
                new = getattr(obj, field)
                # A new user's empty fields and unset flags are no change worth a line.
                if old != new and (before is not None or new not in ("", None, False)):
                    changes[field] = {"oud": old, "nieuw": new}
            if "password" in form.changed_data:
                changes["wachtwoord"] = "gewijzigd"
            described = ", ".join(
                f"{field}: {_shown(value['oud'])} -> {_shown(value['nieuw'])}"
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

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        """Groups and permissions are written here, after ``save_model``: audited apart."""
        user = form.instance
        before = {name: _related_names(user, name) for name in AUDITED_RELATIONS}
        with transaction.atomic():
            super().save_related(request, form, formsets, change)
            changes = {
                name: {"oud": before[name], "nieuw": _related_names(user, name)}
                for name in AUDITED_RELATIONS
                if _related_names(user, name) != before[name]
            }
            if changes:
                audit_record(
                    actor=request.user,
                    action=Action.CHANGED,
                    target=user,
                    summary=f"groepen/rechten van gebruiker {user.username} gewijzigd in beheer",
                    changes=changes,
                )

    def delete_model(self, request: HttpRequest, obj: User) -> None:
        with transaction.atomic():
            _audit_deleted(request, obj)
            super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: models.QuerySet[User]) -> None:
        """The bulk action "delete selected": one audit row per user, as ``delete_model``."""
        with transaction.atomic():
            for obj in queryset:
                _audit_deleted(request, obj)
            super().delete_queryset(request, queryset)

    def user_change_password(
        self, request: HttpRequest, id: str, form_url: str = ""
    ) -> HttpResponse:
        """The password form saves and logs (``log_change``) in one transaction with our row."""
        with transaction.atomic():
            return super().user_change_password(request, id, form_url)

    def log_change(self, request: HttpRequest, obj: Any, message: Any) -> Any:
        """Django calls this after a saved password form; that save passes no ``save_model``.

        Only the fact is recorded, never the password or its hash.
        """
        entry = super().log_change(request, obj, message)
        match = request.resolver_match
        if match is not None and match.url_name == "auth_user_password_change":
            usable = obj.has_usable_password()
            audit_record(
                actor=request.user,
                action=Action.CHANGED,
                target=obj,
                summary=f"wachtwoord van gebruiker {obj.username} "
                + ("gewijzigd" if usable else "uitgezet")
                + " in beheer",
                changes={"wachtwoord": "gewijzigd" if usable else "uitgezet"},
            )
        return entry


def _shown(value: Any) -> str:
    """A value in the summary: "-" for empty, "ja"/"nee" for a flag (False is no "-")."""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return "-" if value in ("", None) else str(value)


def _related_names(user: User, name: str) -> list[str]:
    if user.pk is None:
        return []
    return sorted(
        permission_label(item) if isinstance(item, Permission) else str(item)
        for item in getattr(user, name).all()
    )


def _audit_deleted(request: HttpRequest, obj: User) -> None:
    """The user's row, and one for everything the database deletes with the user (such as
    the subscription to the reports), found as the admin's confirmation page finds it."""
    audit_record(
        actor=request.user,
        action=Action.DELETED,
        target=obj,
        summary=f"gebruiker {obj.username} verwijderd in beheer",
    )
    collector = NestedObjects(using=router.db_for_write(User))
    collector.collect([obj])
    for instances in collector.model_objs.values():
        for instance in instances:
            if isinstance(instance, User) or instance._meta.auto_created:
                continue  # the user's own row above; Django's link tables (groups) are no record
            audit_record(
                actor=request.user,
                action=Action.DELETED,
                target=instance,
                summary=f"{instance} verwijderd met gebruiker {obj.username} in beheer",
            )
