"""Writing meetings and agreements; every write leaves an audit row in the same transaction.

Agreement numbers come from ``NumberSequence``: the counter row is incremented with one
``UPDATE ... SET last = last + 1`` before it is read, so two writers can never read the same
value (the UPDATE takes the row lock on PostgreSQL and the database write lock on SQLite),
and ``Agreement.number`` is unique as a second guard. Numbers are never reused or renumbered.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from regietafel import reference
from regietafel.accounts import access
from regietafel.accounts.access import AnyUser
from regietafel.accounts.models import User
from regietafel.afspraken import selectors
from regietafel.afspraken.models import (
    AgendaItem,
    Agreement,
    AgreementUpdate,
    Meeting,
    NumberSequence,
)
from regietafel.audit.models import Action
from regietafel.audit.services import audit_record
from regietafel.core.agreements import (
    AgreementStatus,
    DeadlineRule,
    MeetingKind,
    Party,
    agreement_number,
    next_meeting,
    number_prefix,
)
from regietafel.core.catalogue import BY_CODE
from regietafel.core.formatting import format_int_nl
from regietafel.core.periods import IsoWeek, after_today_error, day_errors
from regietafel.core.rules import Party as ShoppingParty
from regietafel.doelen.models import Target
from regietafel.kerncijfers.selectors import audience_figures

_SHOPPING_OWNER = {
    ShoppingParty.PROVINCE: Party.PROVINCIE,
    ShoppingParty.COA: Party.COA,
    ShoppingParty.MUNICIPALITIES: Party.GEMEENTEN,
    ShoppingParty.MINISTRY: Party.JENV,
}
"""Who owns an agreement made from a boodschappenlijst item: the item's lead party."""


TEXT_MAX = 2000
"""The longest agreement text: a 200.000-character text was stored and the PDF action list
then hung (100 % CPU); an action is a few sentences."""
NOTE_MAX = 2000
"""The longest stand van zaken or meeting note, for the same reason."""
TITLE_MAX = 200
"""A meeting's name, as the model column."""


def _by(actor: AnyUser) -> User | None:
    return actor if isinstance(actor, User) else None


def _check_length(errors: dict[str, str], field: str, what: str, text: str, limit: int) -> None:
    """``what`` in Dutch ("de afspraak"); the length counts the text as it is stored."""
    length = len(text.strip())
    if length > limit:
        errors[field] = (
            f"{what} is langer dan {format_int_nl(limit)} tekens (nu {format_int_nl(length)})"
        )


def _check_figure(errors: dict[str, str], code: str, kind: MeetingKind) -> None:
    """A key figure of the catalogue that exists for the table's scope: an unknown code made an
    agreement that read "niet gemeten: geen gegevens" with the signal "risico" forever."""
    if not code:
        return
    figure = BY_CODE.get(code)
    if figure is None:
        errors["figure_code"] = f"onbekend kerncijfer '{code}': kies een code uit de catalogus"
    elif not figure.exists_for(national=kind.national):
        errors["figure_code"] = (
            f"kerncijfer '{code}' bestaat alleen landelijk, niet per provincie"
            if not kind.national
            else f"kerncijfer '{code}' bestaat alleen per provincie"
        )


def _table(kind: str, province_code: str) -> tuple[MeetingKind, str]:
    errors: dict[str, str] = {}
    try:
        meeting_kind = MeetingKind(kind)
    except ValueError:
        raise ValidationError({"kind": f"onbekend overleg '{kind}'"}) from None
    code = ""
    if meeting_kind is MeetingKind.PRT:
        try:
            code = reference.province(province_code).code if province_code else ""
        except reference.ReferenceDataError as error:
            errors["province_code"] = str(error)
        if not code and "province_code" not in errors:
            errors["province_code"] = "kies de provincie van de PRT"
    if errors:
        raise ValidationError(errors)
    return meeting_kind, code


def meeting_create(
    *,
    actor: AnyUser,
    kind: str,
    on: date,
    province_code: str = "",
    title: str = "",
    parties: Sequence[str] = (),
    agenda: Sequence[str] = (),
    note: str = "",
) -> Meeting:
    """Record a meeting of a table with its agenda items (numbered in the order given)."""
    meeting_kind, code = _table(kind, province_code)
    if not access.can_manage_agreements(actor, meeting_kind.value, code):
        raise PermissionDenied
    errors = day_errors({"on": on})
    known = {p.value for p in Party}
    unknown = [p for p in parties if p not in known]
    if unknown:
        errors["parties"] = f"onbekende partij(en): {', '.join(unknown)}"
    items = [line.strip() for line in agenda if line.strip()]
    if any(len(line) > 300 for line in items):
        errors["agenda"] = "een agendapunt is langer dan 300 tekens"
    _check_length(errors, "title", "de naam", title, TITLE_MAX)
    _check_length(errors, "note", "de toelichting", note, NOTE_MAX)
    if errors:
        raise ValidationError(errors)
    if Meeting.objects.filter(
        kind=meeting_kind.value, province_code=code, date=on, title=title.strip()
    ).exists():
        raise ValidationError({"on": f"dit overleg op {on.isoformat()} is al vastgelegd"})
    with transaction.atomic():
        meeting = Meeting.objects.create(
            kind=meeting_kind.value,
            province_code=code,
            date=on,
            title=title.strip(),
            parties=list(dict.fromkeys(parties)),
            note=note.strip(),
            created_by=_by(actor),
        )
        AgendaItem.objects.bulk_create(
            AgendaItem(meeting=meeting, number=i, title=line) for i, line in enumerate(items, 1)
        )
        audit_record(
            actor=actor,
            action=Action.CREATED,
            target=meeting,
            summary=f"Overleg vastgelegd: {meeting}",
            changes={"parties": list(parties), "agenda": items},
        )
    return meeting


def _allocate(prefix: str, year: int) -> int:
    """The next number of a series; call inside a transaction."""
    NumberSequence.objects.filter(prefix=prefix, year=year).update(last=F("last") + 1)
    sequence = NumberSequence.objects.filter(prefix=prefix, year=year).first()
    if sequence is None:
        try:
            with transaction.atomic():
                NumberSequence.objects.create(prefix=prefix, year=year, last=1)
        except IntegrityError:  # another writer created the series first: take the next one
            return _allocate(prefix, year)
        return 1
    return sequence.last


def resolve_deadline(meeting: Meeting, rule: DeadlineRule, deadline: date | None) -> date | None:
    """The deadline as a date: "volgende LRT" is the first LRT after the meeting, held,
    planned or (without one) proposed from the LRT's cadence."""
    if rule is DeadlineRule.NEXT_LRT:
        return next_meeting(
            kind=MeetingKind.LRT,
            known=selectors.meeting_dates(MeetingKind.LRT),
            after=meeting.date,
        )
    if rule is DeadlineRule.ONGOING:
        return None
    return deadline


def agreement_create(
    *,
    actor: AnyUser,
    meeting: Meeting,
    text: str,
    owner_party: str,
    owner_role: str = "",
    deadline_rule: str = DeadlineRule.DATE.value,
    deadline: date | None = None,
    agenda_number: int | None = None,
    target_id: int | None = None,
    figure_code: str = "",
    figure_threshold: int | None = None,
    figure_date: date | None = None,
    shopping_scope: str = "",
    shopping_key: str = "",
    note: str = "",
) -> Agreement:
    """Record an agreement made at ``meeting``; its number is allocated here, once."""
    if not access.can_manage_agreements(actor, meeting.kind, meeting.province_code):
        raise PermissionDenied
    errors: dict[str, str] = {}
    if not text.strip():
        errors["text"] = "schrijf de afspraak op"
    _check_length(errors, "text", "de afspraak", text, TEXT_MAX)
    _check_length(errors, "note", "de stand van zaken", note, NOTE_MAX)
    errors.update(
        day_errors({"meeting": meeting.date, "deadline": deadline, "figure_date": figure_date})
    )
    if owner_party not in {p.value for p in Party}:
        errors["owner_party"] = f"onbekende partij '{owner_party}'"
    if len(owner_role) > 120:
        errors["owner_role"] = "de rol is langer dan 120 tekens"
    try:
        rule = DeadlineRule(deadline_rule)
    except ValueError:
        errors["deadline_rule"] = f"onbekende soort deadline '{deadline_rule}'"
        rule = DeadlineRule.DATE
    if rule is DeadlineRule.DATE and deadline is None:
        errors["deadline"] = "geef een deadline (JJJJ-MM-DD), of kies 'volgende LRT'"
    if rule is DeadlineRule.DATE and deadline is not None and deadline < meeting.date:
        errors["deadline"] = "de deadline ligt vóór het overleg"
    agenda_item = None
    if agenda_number is not None:
        agenda_item = meeting.agenda_items.filter(number=agenda_number).first()
        if agenda_item is None:
            errors["agenda_number"] = f"agendapunt {agenda_number} staat niet op de agenda"
    if target_id is not None and not Target.objects.filter(pk=target_id).exists():
        errors["target_id"] = "dit doel bestaat niet"
    if (figure_threshold is not None or figure_date is not None) and not figure_code.strip():
        errors["figure_code"] = "een drempel of datum hoort bij een kerncijfer"
    _check_figure(errors, figure_code.strip(), MeetingKind(meeting.kind))
    if errors:
        raise ValidationError(errors)
    resolved = resolve_deadline(meeting, rule, deadline)
    prefix = number_prefix(MeetingKind(meeting.kind), meeting.province_code or None)
    with transaction.atomic():
        sequence = _allocate(prefix, meeting.date.year)
        agreement = Agreement.objects.create(
            number=agreement_number(prefix=prefix, year=meeting.date.year, sequence=sequence),
            sequence=sequence,
            meeting=meeting,
            agenda_item=agenda_item,
            text=text.strip(),
            owner_party=owner_party,
            owner_role=owner_role.strip(),
            deadline_rule=rule.value,
            deadline=resolved,
            target_id=target_id,
            figure_code=figure_code.strip(),
            figure_threshold=figure_threshold,
            figure_date=figure_date,
            shopping_scope=shopping_scope,
            shopping_key=shopping_key,
            created_by=_by(actor),
        )
        AgreementUpdate.objects.create(
            agreement=agreement,
            date=meeting.date,
            status=AgreementStatus.OPEN.value,
            note=note.strip(),
            by=_by(actor),
        )
        audit_record(
            actor=actor,
            action=Action.CREATED,
            target=agreement,
            object_id=agreement.number,
            summary=f"Afspraak {agreement.number} vastgelegd: {agreement.text}",
            changes={
                "meeting": str(meeting),
                "owner": owner_party,
                "owner_role": owner_role,
                "deadline_rule": rule.value,
                "deadline": resolved.isoformat() if resolved else None,
                "target": target_id,
                "figure_code": figure_code,
                "shopping": f"{shopping_scope}:{shopping_key}" if shopping_key else "",
            },
        )
    return agreement


def agreement_update(
    *,
    actor: AnyUser,
    agreement: Agreement,
    on: date,
    status: str,
    note: str = "",
    deadline: date | None = None,
    reviewed_at: Meeting | None = None,
) -> AgreementUpdate:
    """Append a dated step to the history: status, stand van zaken and/or a new deadline.

    The table's managers may do all; COA may add the state of affairs and status of an
    agreement COA owns, not move its deadline. A step is dated today or earlier: one dated
    9999-12-31 was "opgeslagen" while the agreement stayed "open" on every page until then.
    """
    meeting = agreement.meeting
    manages = access.can_manage_agreements(actor, meeting.kind, meeting.province_code)
    if not manages and not access.can_update_agreement_state(
        actor, meeting.kind, meeting.province_code, agreement.owner_party
    ):
        raise PermissionDenied
    errors: dict[str, str] = {}
    if status not in {s.value for s in AgreementStatus}:
        errors["status"] = f"onbekende status '{status}'"
    if on < meeting.date:
        errors["on"] = "de datum ligt vóór het overleg waarin de afspraak is gemaakt"
    else:
        ahead = after_today_error(
            on, today=timezone.localdate(), what="de datum van de stand van zaken"
        )
        if ahead is not None:
            errors["on"] = ahead
    errors.update(day_errors({"on": on, "deadline": deadline}))
    _check_length(errors, "note", "de stand van zaken", note, NOTE_MAX)
    if deadline is not None and not manages:
        errors["deadline"] = "alleen de regietafel zelf verzet een deadline"
    if deadline is not None and deadline < meeting.date:
        errors["deadline"] = "de nieuwe deadline ligt vóór het overleg"
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        update = AgreementUpdate.objects.create(
            agreement=agreement,
            date=on,
            status=status,
            note=note.strip(),
            deadline=deadline,
            reviewed_at=reviewed_at,
            by=_by(actor),
        )
        audit_record(
            actor=actor,
            action=Action.CHANGED,
            target=agreement,
            object_id=agreement.number,
            summary=f"Afspraak {agreement.number}: {AgreementStatus(status).label}"
            + (f", deadline {deadline.isoformat()}" if deadline else "")
            + (f" (besproken in {reviewed_at})" if reviewed_at else ""),
            changes={
                "date": on.isoformat(),
                "status": status,
                "note": note.strip(),
                "deadline": deadline.isoformat() if deadline else None,
            },
        )
    return update


def _differs(done: AgreementUpdate, note: str | None, deadline: date | None) -> bool:
    """Whether a note or deadline given now differs from the one recorded in the review."""
    return (note is not None and note != done.note) or (
        deadline is not None and deadline != done.deadline
    )


def meeting_review(
    *,
    actor: AnyUser,
    meeting: Meeting,
    deadlines: Mapping[str, date] | None = None,
    notes: Mapping[str, str] | None = None,
) -> list[AgreementUpdate]:
    """The review round: every agreement on the meeting's action list is marked as reviewed
    in this meeting (same status), with a new deadline or note where one is given.

    Idempotent: an agreement already marked in this meeting is not marked again (a second
    submission of the form wrote every "besproken in" row twice). Returns the rows written
    now; a new deadline or note for an agreement already marked, other than the one recorded
    then, is refused: that is a new stand van zaken on the agreement's own page.
    """
    if not access.can_manage_agreements(actor, meeting.kind, meeting.province_code):
        raise PermissionDenied
    listed = selectors.action_list(
        user=actor, kind=meeting.kind, on=meeting.date, province_code=meeting.province_code
    )
    deadlines = dict(deadlines or {})
    notes = {number: note.strip() for number, note in (notes or {}).items() if note.strip()}
    unknown = sorted((set(deadlines) | set(notes)) - {s.number for s in listed.rows})
    if unknown:
        raise ValidationError(
            {"deadlines": f"niet op de actielijst van dit overleg: {', '.join(unknown)}"}
        )
    ahead = after_today_error(
        meeting.date, today=timezone.localdate(), what="de dag van het overleg"
    )
    if ahead is not None:
        raise ValidationError({"deadlines": ahead})
    errors = day_errors(deadlines)
    for number, note in notes.items():
        _check_length(errors, number, f"de stand van zaken van {number}", note, NOTE_MAX)
    if errors:
        raise ValidationError({"deadlines": [f"{k}: {v}" for k, v in sorted(errors.items())]})
    updates = []
    with transaction.atomic():
        # Serialise two submissions of the same round (PostgreSQL; SQLite writes one at a time).
        Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
        earlier = {
            u.agreement_id: u
            for u in AgreementUpdate.objects.filter(
                reviewed_at=meeting, agreement__in=[s.agreement for s in listed.rows]
            )
        }
        changed = [
            s.number
            for s in listed.rows
            if s.agreement.pk in earlier
            and _differs(earlier[s.agreement.pk], notes.get(s.number), deadlines.get(s.number))
        ]
        if changed:
            raise ValidationError(
                {
                    "deadlines": f"al besproken in dit overleg: {', '.join(changed)}; leg een "
                    "nieuwe deadline of stand van zaken vast op de pagina van de afspraak"
                }
            )
        for state in listed.rows:
            if state.agreement.pk in earlier:
                continue
            updates.append(
                agreement_update(
                    actor=actor,
                    agreement=state.agreement,
                    on=meeting.date,
                    status=state.status.value,
                    note=notes.get(state.number, ""),
                    deadline=deadlines.get(state.number),
                    reviewed_at=meeting,
                )
            )
        if updates:
            audit_record(
                actor=actor,
                action=Action.CHANGED,
                target=meeting,
                summary=f"Actielijst besproken in {meeting}: {len(updates)} afspraken",
                changes={"deadlines": {k: v.isoformat() for k, v in deadlines.items()}},
            )
    return updates


def agreement_from_shopping_item(
    *, actor: AnyUser, scope: str, key: str, week: IsoWeek
) -> Agreement:
    """Turn an item of a boodschappenlijst into an agreement in one step, keeping its key.

    The agreement belongs to the table of the list (LRT for "NL", the PRT of a province) and
    its latest meeting on or before the week's Sunday; a target item stays measured through
    its target. Refused (Dutch ValidationError) when the item is not on the list, is already
    an agreement, or the table has no meeting yet.

    The text is the item as every reader of the table sees it (``audience_figures``, as the
    weekly report): for the LRT no location by name, for a PRT that province's locations but
    no confidential one. The maker's own view named them to every PRT.
    """
    from regietafel.boodschappenlijst.selectors import normalise_scope, shopping_list_for

    scope = normalise_scope(scope)
    kind = MeetingKind.LRT if scope == "NL" else MeetingKind.PRT
    code = "" if scope == "NL" else scope
    if not access.can_manage_agreements(actor, kind.value, code):
        raise PermissionDenied
    listed = shopping_list_for(user=actor, week=week, scope=scope)
    if not any(m.item.key == key for m in listed.items):
        raise ValidationError({"key": f"'{key}' staat niet op de boodschappenlijst"})
    existing = selectors.shopping_links(user=actor, scope=scope).get(key)
    if existing is not None:
        raise ValidationError({"key": f"deze boodschap is al afspraak {existing.number}"})
    meeting = (
        Meeting.objects.filter(kind=kind.value, province_code=code, date__lte=week.sunday)
        .order_by("-date", "-id")
        .first()
    )
    if meeting is None:
        raise ValidationError(
            {"key": f"leg eerst een overleg van de {selectors.table_name(kind.value, code)} vast"}
        )
    shown = next(
        (i for i in audience_figures(week=week, scope=scope).shopping if i.key == key), None
    )
    if shown is None:  # the same figures, only names masked: never expected
        raise ValidationError({"key": f"'{key}' staat niet op de boodschappenlijst"})
    target_id = None
    if key.startswith("doel-") and key.removeprefix("doel-").isdigit():
        target_id = int(key.removeprefix("doel-"))
    return agreement_create(
        actor=actor,
        meeting=meeting,
        text=shown.description,
        owner_party=_SHOPPING_OWNER[shown.party].value,
        deadline_rule=DeadlineRule.DATE.value,
        deadline=max(shown.deadline, meeting.date),
        target_id=target_id,
        shopping_scope=scope,
        shopping_key=key,
        note=f"Van de boodschappenlijst {scope}, week {week.label}",
    )
