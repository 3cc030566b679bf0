"""Reading the stored LRT targets; their progress is part of the weekly figures
(``kerncijfers.selectors.targets_for``)."""

from __future__ import annotations

from datetime import date
from typing import cast

from regietafel.accounts import access
from regietafel.accounts.access import AnyUser
from regietafel.core.rules import NeedCategory
from regietafel.core.targets import Target as CoreTarget
from regietafel.core.targets import TargetUnit
from regietafel.doelen.models import Target


def core_target(target: Target) -> CoreTarget:
    return CoreTarget(
        id=str(target.pk),
        title=target.title,
        category=NeedCategory(target.category),
        unit=cast(TargetUnit, target.unit),
        quantity=target.quantity,
        start=target.start,
        agreed_on=target.agreed_on,
        deadline=target.deadline,
        quantity_max=target.quantity_max,
        province_code=target.province_code or None,
    )


def core_targets(*, running_on: date | None = None) -> tuple[CoreTarget, ...]:
    """Every stored target as the core's ``Target`` (the weekly figures measure them); with
    ``running_on`` only those agreed by then (``CoreTarget.agreed_by``)."""
    targets = (core_target(t) for t in Target.objects.all())
    return tuple(t for t in targets if running_on is None or t.agreed_by(running_on))


def targets_visible_to(user: AnyUser, *, running_on: date) -> tuple[CoreTarget, ...]:
    """The targets running on ``running_on`` that ``user`` reads on the doelen page: the
    national ones and those of each province the user may see in detail (as
    ``kerncijfers.selectors.targets_for`` measures them in a week with a register)."""
    return tuple(
        t
        for t in core_targets(running_on=running_on)
        if t.province_code is None or access.can_view_province_detail(user, t.province_code)
    )
