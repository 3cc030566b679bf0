"""Marking items of the boodschappenlijstje: each mark is a new row, with an audit row."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from regietafel.accounts import access
from regietafel.accounts.access import AnyUser
from regietafel.accounts.models import User
from regietafel.audit.models import Action
from regietafel.audit.services import audit_record
from regietafel.boodschappenlijst.models import ShoppingItemMark
from regietafel.boodschappenlijst.selectors import normalise_scope
from regietafel.core.periods import IsoWeek
from regietafel.core.rules import ShoppingItemStatus


def shopping_item_mark(
    *, actor: AnyUser, scope: str, key: str, week: IsoWeek, status: str, note: str = ""
) -> ShoppingItemMark:
    """Append a mark (national users: every list; a province user: the own province's)."""
    scope = normalise_scope(scope)
    if not access.can_mark_shopping_item(actor, scope):
        raise PermissionDenied
    if status not in {s.value for s in ShoppingItemStatus}:
        raise ValidationError({"status": f"onbekende status '{status}'"})
    if not key.strip() or len(key) > 120:
        raise ValidationError({"key": "onbekend item"})
    with transaction.atomic():
        before = (
            ShoppingItemMark.objects.filter(scope=scope, key=key, week_start__lte=week.monday)
            .order_by("week_start", "at", "id")
            .last()
        )
        previous = before.status if before is not None else ShoppingItemStatus.OPEN.value
        mark = ShoppingItemMark.objects.create(
            scope=scope,
            key=key,
            week=week.label,
            week_start=week.monday,
            status=status,
            note=note.strip(),
            by=actor if isinstance(actor, User) else None,
        )
        audit_record(
            actor=actor,
            action=Action.CHANGED,
            target=mark,
            summary=f"Boodschappenlijst {scope} {week.label}: '{key}' van {previous} naar {status}",
            changes={
                "scope": scope,
                "key": key,
                "week": week.label,
                "vorige_status": previous,
                "status": status,
                "note": note,
            },
        )
    return mark
