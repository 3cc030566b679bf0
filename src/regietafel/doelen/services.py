"""Writing LRT targets; every write leaves an audit row in the same transaction."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from regietafel import reference
from regietafel.accounts import access
from regietafel.accounts.access import AnyUser
from regietafel.accounts.models import User
from regietafel.audit.models import Action
from regietafel.audit.services import audit_record
from regietafel.core.distribution import MAX_TOTAL
from regietafel.core.formatting import format_date_nl, format_int_nl
from regietafel.core.periods import day_errors
from regietafel.core.rules import NeedCategory
from regietafel.core.targets import target_problems
from regietafel.doelen.models import Target, Unit


def target_create(
    *,
    actor: AnyUser,
    title: str,
    category: str,
    unit: str,
    quantity: int,
    start: date,
    deadline: date,
    quantity_max: int | None = None,
    province_code: str = "",
    note: str = "",
    agreed_on: date | None = None,
) -> Target:
    """Record an agreed target (national users only); Dutch ValidationError on bad input."""
    if not access.can_manage_targets(actor):
        raise PermissionDenied
    errors: dict[str, str] = {}
    if not title.strip():
        errors["title"] = "geef het doel een omschrijving"
    if category not in {c.value for c in NeedCategory}:
        errors["category"] = f"onbekende soort opvang '{category}'"
    if unit not in Unit.values:
        errors["unit"] = f"onbekende eenheid '{unit}'"
    errors.update(
        target_problems(
            quantity=quantity, quantity_max=quantity_max, start=start, deadline=deadline
        )
    )
    errors.update(_out_of_range(quantity=quantity, quantity_max=quantity_max))
    errors.update(day_errors({"start": start, "deadline": deadline, "agreed_on": agreed_on}))
    checked = not {"agreed_on", "deadline"} & errors.keys()
    if checked and agreed_on is not None and agreed_on > deadline:
        errors["agreed_on"] = (
            f"afgesproken op {format_date_nl(agreed_on)} ligt na de deadline "
            f"({format_date_nl(deadline)}): dan telt het doel in geen enkele week"
        )
    if province_code:
        try:
            province_code = reference.province(province_code).code
        except reference.ReferenceDataError as error:
            errors["province_code"] = str(error)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        target = Target.objects.create(
            title=title.strip(),
            category=category,
            unit=unit,
            quantity=quantity,
            quantity_max=quantity_max,
            start=start,
            agreed_on=agreed_on,
            deadline=deadline,
            province_code=province_code,
            created_by=actor if isinstance(actor, User) else None,
            note=note,
        )
        audit_record(
            actor=actor,
            action=Action.CREATED,
            target=target,
            summary=f"Doel vastgelegd: {target.title} ({format_int_nl(quantity)} "
            f"{target.get_unit_display()} uiterlijk {format_date_nl(deadline)})",
            changes={
                "category": category,
                "unit": unit,
                "quantity": quantity,
                "quantity_max": quantity_max,
                "start": start.isoformat(),
                "agreed_on": agreed_on.isoformat() if agreed_on else None,
                "deadline": deadline.isoformat(),
                "province_code": province_code,
            },
        )
    return target


def _out_of_range(*, quantity: int, quantity_max: int | None) -> dict[str, str]:
    """Counts above ``MAX_TOTAL`` (as the forms, API and CLI limit them): twenty nines
    overflowed the database (a 500) instead of a Dutch message."""
    errors: dict[str, str] = {}
    for field, label, value in (
        ("quantity", "het aantal", quantity),
        ("quantity_max", "het maximum", quantity_max),
    ):
        if value is not None and value > MAX_TOTAL:
            errors[field] = f"{label} mag hoogstens {format_int_nl(MAX_TOTAL)} zijn"
    return errors
