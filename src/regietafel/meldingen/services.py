"""Changing a subscription, and sending the e-mail about a published report.

Sending happens after the publication has committed (``rapportage.services`` registers it
with ``transaction.on_commit``), so a mail server that is down never undoes or blocks a
publication. Every message sent, and every one that failed, leaves an audit row.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string

from regietafel.accounts import access
from regietafel.accounts.access import AnyUser
from regietafel.accounts.models import User
from regietafel.audit.models import Action
from regietafel.audit.services import audit_record
from regietafel.core.catalogue import FigureChange
from regietafel.meldingen.models import Subscription
from regietafel.meldingen.selectors import report_recipients

logger = logging.getLogger(__name__)


def subscription_set(
    *, actor: AnyUser, user: User, national: bool, own_province: bool
) -> Subscription:
    """Store what ``user`` wants to receive; a user changes only their own choice.

    ``own_province`` is kept only for a province user (others have no own province).
    """
    if not access.can_view(actor) or not isinstance(actor, User) or actor.pk != user.pk:
        raise PermissionDenied
    own_province = own_province and access.own_province(user) is not None
    with transaction.atomic():
        subscription, _created = Subscription.objects.select_for_update().get_or_create(user=user)
        subscription.national = national
        subscription.own_province = own_province
        subscription.save()
        audit_record(
            actor=actor,
            action=Action.CHANGED,
            target=subscription,
            object_id=user.get_username(),
            summary=f"meldingen van {user.get_username()}: landelijk "
            f"{'aan' if national else 'uit'}, eigen provincie {'aan' if own_province else 'uit'}",
            changes={"landelijk": national, "eigen_provincie": own_province},
        )
    return subscription


@dataclass(frozen=True, slots=True)
class CorrectedFigure:
    """A key figure a correction changed, as text: name, old value, new value."""

    name: str
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class ReportNotice:
    """What the e-mail about one published report says; built from the frozen report.

    ``changes`` are the catalogue's figure changes since last week (values from the report);
    the template only shows them.
    """

    scope: str
    scope_name: str
    week: str
    version: int
    synthetic: bool
    changes: tuple[FigureChange, ...]
    unchanged: int
    corrected: tuple[CorrectedFigure, ...]
    note: str
    page_url: str
    pdf_url: str
    xlsx_url: str

    @property
    def object_id(self) -> str:
        return f"{self.week}/{self.scope}/v{self.version}"


def notice_subject(notice: ReportNotice) -> str:
    kind = f" (correctie, versie {notice.version})" if notice.version > 1 else ""
    return f"Weekrapport {notice.week} {notice.scope_name} gepubliceerd{kind}"


def notice_body(notice: ReportNotice, user: User) -> str:
    return render_to_string(
        "meldingen/rapport_mail.txt",
        {
            "notice": notice,
            "user": user,
            "settings_url": f"{settings.BASE_URL}/meldingen/",
        },
    )


def report_notify(notice: ReportNotice) -> tuple[int, int]:
    """Send the notice to everyone subscribed to its scope; returns (sent, failed).

    Never raises for a mail problem: each failure is logged and audited, the rest go on.
    """
    recipients = report_recipients(notice.scope)
    if not recipients:
        return 0, 0
    sent = failed = 0
    connection = get_connection(fail_silently=False)
    subject = notice_subject(notice)
    for user in recipients:
        message = EmailMessage(
            subject=subject,
            body=notice_body(notice, user),
            to=[user.email],
            connection=connection,
        )
        try:
            message.send()
        except Exception as error:  # any mail failure is recorded, never raised
            failed += 1
            logger.warning("melding aan %s niet verzonden: %s", user.get_username(), error)
            _audit(notice, user, ok=False, detail=f"{type(error).__name__}: {error}"[:300])
        else:
            sent += 1
            _audit(notice, user, ok=True, detail="")
    return sent, failed


def _audit(notice: ReportNotice, user: User, *, ok: bool, detail: str) -> None:
    what = f"melding weekrapport {notice.week} {notice.scope_name} versie {notice.version}"
    with transaction.atomic():
        audit_record(
            actor=None,
            action=Action.SENT if ok else Action.SEND_FAILED,
            object_type="melding",
            object_id=notice.object_id,
            summary=f"{what} {'verzonden' if ok else 'niet verzonden'} aan {user.get_username()}"
            + (f" ({detail})" if detail else ""),
            changes={"aan": user.email, "gebruiker": user.get_username(), "fout": detail},
        )
