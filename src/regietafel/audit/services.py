"""Writing audit rows; callers are services that already hold a transaction."""

from __future__ import annotations

from typing import Any

from django.db import models

from regietafel.audit.models import Action, AuditEntry


def audit_record(
    *,
    actor: Any,
    action: Action,
    target: models.Model | None = None,
    object_type: str | None = None,
    object_id: str = "",
    summary: str,
    changes: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one audit row. ``actor`` may be None for system actions (demo loading)."""
    authenticated = actor is not None and getattr(actor, "is_authenticated", False)
    if target is not None:
        object_type = object_type or str(target._meta.verbose_name)
        object_id = object_id or str(target.pk)
    return AuditEntry.objects.create(
        actor=actor if authenticated else None,
        actor_name=actor.get_username() if authenticated else "systeem",
        action=action,
        object_type=object_type or "",
        object_id=object_id,
        summary=summary[:500],
        changes=changes or {},
    )
