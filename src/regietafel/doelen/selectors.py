"""Reading LRT targets and their progress, derived from the location register of a week."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from django.core.exceptions import PermissionDenied

from regietafel.accounts import access
from regietafel.accounts.access import AnyUser
from regietafel.core.capacity import Location
from regietafel.core.periods import IsoWeek
from regietafel.core.rules import NeedCategory
from regietafel.core.targets import Target as CoreTarget
from regietafel.core.targets import TargetProgress, TargetUnit, target_progress
from regietafel.doelen.models import Target
from regietafel.opvang.selectors import locations_for_week


def core_target(target: Target) -> CoreTarget:
    return CoreTarget(
        id=str(target.pk),
        title=target.title,
        category=NeedCategory(target.category),
        unit=cast(TargetUnit, target.unit),
        quantity=target.quantity,
        start=target.start,
        deadline=target.deadline,
        quantity_max=target.quantity_max,
        province_code=target.province_code or None,
    )


def core_targets() -> tuple[CoreTarget, ...]:
    """Every stored target as the core's ``Target`` (the weekly figures measure them)."""
    return tuple(core_target(t) for t in Target.objects.all())


def targets_progress(
    *, user: AnyUser, week: IsoWeek, locations: Sequence[Location] | None = None
) -> list[TargetProgress]:
    """Every target's progress on the week's Monday over the register of that week.

    Targets and their progress are aggregate figures, visible to every role. ``locations``
    lets a caller that already holds the week's register skip the second query.
    """
    if not access.can_view(user):
        raise PermissionDenied
    register = list(locations) if locations is not None else locations_for_week(week)
    return [target_progress(t, register, as_of=week.monday) for t in core_targets()]
