"""Subscriptions in the admin (role beheerder), e.g. to switch them off for a leaver."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from regietafel.accounts import access
from regietafel.meldingen.models import Subscription


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin[Subscription]):
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
