"""Subscriptions in the admin (role beheerder), e.g. to switch them off for a leaver."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models, transaction
from django.http import HttpRequest

from regietafel.accounts import access
from regietafel.accounts.adminsite import DutchBooleansAdmin
from regietafel.audit.models import Action
from regietafel.audit.services import audit_record
from regietafel.meldingen.models import Subscription


@admin.register(Subscription)
class SubscriptionAdmin(DutchBooleansAdmin[Subscription]):
    list_display = ("user", "national", "own_province", "changed_at")
    list_filter = ("national", "own_province")
    search_fields = ("user__username", "user__email")

    def has_module_permission(self, request: HttpRequest) -> bool:
        return access.can_manage_users(request.user)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return access.can_manage_users(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return access.can_manage_users(request.user)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return access.can_manage_users(request.user)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return access.can_manage_users(request.user)

    def save_model(self, request: HttpRequest, obj: Subscription, form: Any, change: bool) -> None:
        """A beheerder's change is audited like the user's own (``services.subscription_set``)."""
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            audit_record(
                actor=request.user,
                action=Action.CHANGED if change else Action.CREATED,
                target=obj,
                object_id=obj.user.get_username(),
                summary=f"meldingen van {obj.user.get_username()} door de beheerder gezet: "
                f"landelijk {'aan' if obj.national else 'uit'}, eigen provincie "
                f"{'aan' if obj.own_province else 'uit'}",
                changes={"landelijk": obj.national, "eigen_provincie": obj.own_province},
            )

    def delete_model(self, request: HttpRequest, obj: Subscription) -> None:
        with transaction.atomic():
            _audit_deleted(request, obj)
            super().delete_model(request, obj)

    def delete_queryset(
        self, request: HttpRequest, queryset: models.QuerySet[Subscription]
    ) -> None:
        """The bulk action "delete selected": one audit row per subscription."""
        with transaction.atomic():
            for obj in queryset.select_related("user"):
                _audit_deleted(request, obj)
            super().delete_queryset(request, queryset)


def _audit_deleted(request: HttpRequest, obj: Subscription) -> None:
    audit_record(
        actor=request.user,
        action=Action.DELETED,
        target=obj,
        object_id=obj.user.get_username(),
        summary=f"meldingen van {obj.user.get_username()} door de beheerder verwijderd",
    )
