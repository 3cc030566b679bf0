"""Reading the audit trail: only for the role allowed to (accounts.access)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from regietafel.accounts.access import AnyUser, can_read_audit
from regietafel.audit.models import AuditEntry


def audit_entries(*, user: AnyUser, object_type: str | None = None) -> QuerySet[AuditEntry]:
    if not can_read_audit(user):
        raise PermissionDenied
    entries = AuditEntry.objects.select_related("actor")
    if object_type:
        entries = entries.filter(object_type=object_type)
    return entries
