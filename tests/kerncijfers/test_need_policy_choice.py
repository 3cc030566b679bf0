"""The need policy of a week: chosen by the LRT (audited), else the dated policy; the
figures, their caches and the history follow the choice. Hand-computed on the standard
register of 2021-W45: regular occupancy 450 + 180 + 300 = 930, AMV 40, regular capacity
1.000 on the short horizon's last Monday (29 November 2021), AMV 50."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from regietafel.audit.models import Action, AuditEntry
from regietafel.core.periods import IsoWeek
from regietafel.core.rules import SHORT, NeedCategory
from regietafel.kerncijfers import selectors
from regietafel.kerncijfers.models import WeekNeedPolicy
from regietafel.kerncijfers.selectors import figure_history, figures_for, need_policy_choice
from regietafel.kerncijfers.services import REFUSED, NeedPolicyError, choose_need_policy
from regietafel.opvangbeeld.selectors import reception_picture
from tests.opvangbeeld.factories import standard_register

pytestmark = pytest.mark.django_db

W45 = IsoWeek.parse("2021-W45")


def _short(user: Any, category: NeedCategory = NeedCategory.REGULAR) -> Any:
    picture = reception_picture(user=user, week=W45)
    return next(r for r in picture.gaps[None] if r.horizon == SHORT and r.category is category)


def test_without_a_choice_the_dated_policy_of_the_monday_holds(
    make_user: Callable[[str], Any],
) -> None:
    standard_register()
    choice = need_policy_choice(W45)
    # Monday 8 November 2021: the LRT's 417 of spring 2021 (valid from 1 March 2021).
    assert (choice.policy.key, choice.origin, choice.chosen) == (
        "lrt-voorjaar-2021", "gedateerd", False,
    )  # fmt: skip
    # 2022-W46 starts on 14 November 2022: COA's 96 % of 1 November 2022.
    assert need_policy_choice(IsoWeek.parse("2022-W46")).policy.key == "coa-2022-11"
    row = _short(make_user("landelijk"))
    assert (row.occupancy_used, row.buffer, row.need, row.gap) == (930, 417, 1347, 347)


def test_choosing_a_rate_changes_the_figures_as_computed_by_hand(
    make_user: Callable[[str], Any],
) -> None:
    standard_register()
    lrt = make_user("landelijk")
    before = figures_for(user=lrt, week=W45).reception
    assert before is not None
    # Read once, so the week is cached under the old identity.
    identity_before = selectors._data_identity()
    choose_need_policy(user=lrt, week="2021-W45", key="coa-2022-11", reason="LRT 10 november")
    assert selectors._data_identity() != identity_before
    row = _short(lrt)
    # 930 / 0,96 = 968,75 -> 969 places: 39 on top, 31 places over the 1.000.
    assert (row.occupancy_used, row.buffer, row.need, row.gap) == (930, 39, 969, -31)
    # AMV: 40 / 0,96 = 41,67 -> 42 places (a rate applies to every category).
    amv = _short(make_user("coa"), NeedCategory.AMV)
    assert (amv.need, amv.gap) == (42, -8)
    after = figures_for(user=lrt, week=W45).reception
    assert after is not None
    # behoefte_kort, all categories: before 1.347 + 40 + 0 = 1.387; after 969 + 42 + 0 = 1.011.
    assert (before.need(SHORT.role), after.need(SHORT.role)) == (1387, 1011)  # type: ignore[arg-type]


def test_the_history_follows_the_choice(make_user: Callable[[str], Any]) -> None:
    standard_register()
    lrt = make_user("landelijk")
    coa = make_user("coa")  # the one AMV location makes the total afgeschermd for the others

    def need_now() -> Any:
        history = figure_history(
            user=coa, scope=None, code="behoefte_kort", until_week=W45, weeks=2
        )
        return [p.value for p in history.points]

    assert need_now() == [None, 1387]
    choose_need_policy(user=lrt, week="2021-W45", key="geen-buffer", reason="proef")
    # No buffer: need = occupancy, 930 + 40 = 970.
    assert need_now() == [None, 970]


def test_the_choice_is_audited_in_the_same_transaction(make_user: Callable[[str], Any]) -> None:
    beheerder = make_user("beheerder")
    choose_need_policy(user=beheerder, week="2021-w45", key="coa-2022-11", reason="LRT-besluit")
    stored = WeekNeedPolicy.objects.get()
    assert (stored.week_label, stored.policy_key, stored.chosen_by, stored.reason) == (
        "2021-W45", "coa-2022-11", beheerder, "LRT-besluit",
    )  # fmt: skip
    choose_need_policy(user=beheerder, week="2021-W45", key="lrt-voorjaar-2021", reason="terug")
    assert WeekNeedPolicy.objects.get().policy_key == "lrt-voorjaar-2021"
    rows = list(AuditEntry.objects.order_by("id"))
    assert [(r.action, r.object_id, r.changes["beleid"]) for r in rows] == [
        (Action.CREATED, "2021-W45", [None, "coa-2022-11"]),
        (Action.CHANGED, "2021-W45", ["coa-2022-11", "lrt-voorjaar-2021"]),
    ]
    assert rows[0].actor_name == "beheerder"
    assert (
        rows[1].summary
        == "Behoeftebeleid 2021-W45: vaste buffer van 417 plekken (LRT voorjaar 2021)"
    )
    choice = need_policy_choice(W45)
    assert choice.chosen
    assert choice.explanation.startswith("voor deze week gekozen door beheerder op ")
    # The day as every page writes a date ("29 november 2026"), not ISO.
    from django.utils import timezone

    from regietafel.core.formatting import format_date_nl

    assert format_date_nl(timezone.localdate()) in choice.explanation
    assert choice.explanation.endswith(": terug")


@pytest.mark.parametrize("role", ["provincie", "coa"])
def test_prt_and_coa_are_refused_in_dutch(make_user: Callable[[str], Any], role: str) -> None:
    with pytest.raises(PermissionDenied, match="Alleen het LRT"):
        choose_need_policy(user=make_user(role), week="2021-W45", key="coa-2022-11", reason="x")
    assert not WeekNeedPolicy.objects.exists()
    assert not AuditEntry.objects.exists()
    assert REFUSED.startswith("Alleen het LRT (rol landelijk) of een beheerder")


def test_bad_values_are_refused_in_dutch(make_user: Callable[[str], Any]) -> None:
    lrt = make_user("landelijk")
    with pytest.raises(NeedPolicyError, match="onbekend behoeftebeleid 'coa-2030'"):
        choose_need_policy(user=lrt, week="2021-W45", key="coa-2030", reason="x")
    with pytest.raises(NeedPolicyError, match="geef een reden"):
        choose_need_policy(user=lrt, week="2021-W45", key="coa-2022-11", reason="  ")
    assert not WeekNeedPolicy.objects.exists()
    assert not AuditEntry.objects.exists()


def test_installation_default_overrides_the_dated_list(settings: Any) -> None:
    settings.REGIETAFEL_BUFFER = "coa-2023-11"
    choice = need_policy_choice(W45)
    assert (choice.policy.key, choice.origin) == ("coa-2023-11", "instelling")
    settings.REGIETAFEL_BUFFER = "geen"
    assert need_policy_choice(W45).policy.key == "geen-buffer"
