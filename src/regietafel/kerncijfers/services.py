"""Choosing the need policy of a week: the LRT's decision, written with its audit row."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from regietafel.accounts import access
from regietafel.accounts.access import AnyUser
from regietafel.audit.models import Action
from regietafel.audit.services import audit_record
from regietafel.core.need_policy import CHOOSABLE_POLICIES, policy_by_key
from regietafel.core.periods import IsoWeek
from regietafel.kerncijfers.models import WeekNeedPolicy

REFUSED = "Alleen het LRT (rol landelijk) of een beheerder kiest het behoeftebeleid van een week."


class NeedPolicyError(ValueError):
    """A choice that cannot be recorded (unknown policy, no reason); the message is Dutch."""


def choose_need_policy(*, user: AnyUser, week: str, key: str, reason: str) -> WeekNeedPolicy:
    """Record ``key`` as the need policy of ``week`` (a new choice replaces the old one).

    The week's figures, pages and reports use it from then on (the choice is part of the
    figures' data identity). Raises PermissionDenied (Dutch) for anyone but landelijk and
    beheerder, NeedPolicyError or PeriodError (Dutch) for a bad value.
    """
    if not access.can_choose_need_policy(user):
        raise PermissionDenied(REFUSED)
    label = IsoWeek.parse(week).label
    try:
        policy = policy_by_key(key.strip())
    except KeyError:
        known = ", ".join(p.key for p in CHOOSABLE_POLICIES)
        raise NeedPolicyError(f"onbekend behoeftebeleid '{key}': kies uit {known}") from None
    reason = reason.strip()
    if not reason:
        raise NeedPolicyError("geef een reden voor de keuze (bijvoorbeeld het LRT-besluit)")
    with transaction.atomic():
        earlier = WeekNeedPolicy.objects.select_for_update().filter(week_label=label).first()
        before = earlier.policy_key if earlier is not None else None
        chosen, _created = WeekNeedPolicy.objects.update_or_create(
            week_label=label,
            defaults={
                "policy_key": policy.key,
                "chosen_by": user if user.is_authenticated else None,
                "chosen_at": timezone.now(),
                "reason": reason,
            },
        )
        audit_record(
            actor=user,
            action=Action.CREATED if earlier is None else Action.CHANGED,
            target=chosen,
            object_id=label,
            summary=f"Behoeftebeleid {label}: {policy.label}",
            changes={"week": label, "beleid": [before, policy.key], "reden": reason},
        )
    return chosen
