"""Who receives what: subscriptions read through the access rules of the reports."""

from __future__ import annotations

from regietafel.accounts import access
from regietafel.accounts.access import AnyUser
from regietafel.accounts.models import Role, User
from regietafel.meldingen.models import Subscription

NATIONAL = "NL"


def subscription_of(user: AnyUser) -> Subscription:
    """The user's subscription, or an unsaved empty one (nothing chosen yet)."""
    assert isinstance(user, User)
    found = Subscription.objects.filter(user=user).first()
    return found if found is not None else Subscription(user=user)


def report_recipients(scope: str) -> list[User]:
    """Active users with an e-mail address who asked for the report of ``scope`` and may
    read it: a national subscriber the national report, a province user the own province's."""
    subscriptions = Subscription.objects.select_related("user").filter(user__is_active=True)
    if scope == NATIONAL:
        subscriptions = subscriptions.filter(national=True)
    else:
        subscriptions = subscriptions.filter(
            own_province=True, user__role=Role.PROVINCIE, user__province_code=scope
        )
    return [
        s.user
        for s in subscriptions.exclude(user__email="").order_by("user__username")
        if access.can_read_report(s.user, scope)
    ]
