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
from regietafel.core.formatting import format_int_nl
from regietafel.core.periods import IsoWeek
from regietafel.core.rules import ShoppingItemStatus
from regietafel.kerncijfers.selectors import figures_for

NOTE_MAX = 500
"""The longest note a mark takes: the page's field allows as much."""


def shopping_item_mark(
    *, actor: AnyUser, scope: str, key: str, week: IsoWeek, status: str, note: str = ""
) -> ShoppingItemMark:
    """Append a mark (national users: every list; a province user: the own province's).

    Only an item on the list of that week and scope can be marked, and a note of at most
    ``NOTE_MAX`` characters (the page's field): a made-up key was stored and audited as if
    it were an item, and a note of any length was taken.
    """
    scope = normalise_scope(scope)
    if not access.can_mark_shopping_item(actor, scope):
        raise PermissionDenied
    if status not in {s.value for s in ShoppingItemStatus}:
        raise ValidationError({"status": f"onbekende status '{status}'"})
    if not key.strip() or len(key) > 120:
        raise ValidationError({"key": "onbekend item"})
    if len(note.strip()) > NOTE_MAX:
        raise ValidationError(
            {
                "note": f"de toelichting mag hoogstens {NOTE_MAX} tekens zijn "
                f"(nu {format_int_nl(len(note.strip()))})"
            }
        )
    # The keys of the list as this user sees it: the week's figures for the user (cached),
    # without the stored marks the page adds to them (a mark changes no key).
    listed = figures_for(user=actor, week=week, scope=scope).shopping
    if all(item.key != key for item in listed):
        raise ValidationError({"key": f"'{key}' staat niet op de boodschappenlijst"})
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
