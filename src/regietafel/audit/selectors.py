"""Reading the audit trail: only for the role allowed to (accounts.access)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from regietafel.accounts.access import AnyUser, can_read_audit
from regietafel.audit.models import Action, AuditEntry


def audit_entries(*, user: AnyUser, object_type: str | None = None) -> QuerySet[AuditEntry]:
    if not can_read_audit(user):
        raise PermissionDenied
    entries = AuditEntry.objects.select_related("actor")
    if object_type:
        entries = entries.filter(object_type=object_type)
    return entries


NOT_DATA = (Action.LOGGED_IN, Action.LOGIN_FAILED, Action.SENT, Action.SEND_FAILED)
"""Audit rows that record no change of data: logging in and mail going out."""


def data_generation() -> tuple[int, str]:
    """Which state of the data the pages show: the newest audit row that records a change.

    Every write goes through a service that appends its audit row in the same transaction,
    so a new import, a withdrawal, a target, a published report or a changed agreement each
    gives a new generation, and nothing else does. One indexed query.
    """
    row = (
        AuditEntry.objects.exclude(action__in=NOT_DATA)
        .order_by("-id")
        .values_list("id", "at")
        .first()
    )
    return (0, "") if row is None else (row[0], row[1].isoformat())
