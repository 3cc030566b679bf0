"""Loading the demo end to end: users per role, both periods, synthetic imports per week."""

from __future__ import annotations

import pytest


@pytest.mark.django_db
def test_demo_load_six_weeks() -> None:
    from regietafel.accounts.access import can_manage_users
    from regietafel.accounts.models import User
    from regietafel.audit.models import AuditEntry
    from regietafel.demo.services import demo_load
    from regietafel.doelen.models import Target
    from regietafel.imports.models import Import
    from regietafel.taakstelling.models import TaakstellingPeriod

    logins = demo_load(weeks=6)

    assert [(login.role, login.username) for login in logins] == [
        ("landelijk", "lrt"),
        ("provincie", "prt-noord-holland"),
        ("provincie", "prt-groningen"),
        ("coa", "coa"),
        ("beheerder", "beheerder"),
    ]
    for login in logins:
        user = User.objects.get(username=login.username)
        assert user.check_password(login.password)
        assert user.role == login.role
    assert User.objects.get(username="prt-noord-holland").province_code == "PV27"
    assert User.objects.get(username="prt-groningen").province_code == "PV20"
    # The role alone opens the admin (access.can_manage_users); Django's staff and superuser
    # flags play no part, so the demo does not set them, and the user is written once.
    admin = User.objects.get(username="beheerder")
    assert can_manage_users(admin)
    assert not admin.is_staff
    assert not admin.is_superuser
    assert not AuditEntry.objects.filter(object_id=str(admin.pk), action="gewijzigd").exists()

    periods = {p.label: p.national_total for p in TaakstellingPeriod.objects.all()}
    assert periods == {"2021-I": 13_500, "2021-II": 11_000}

    imports = Import.objects.all()
    assert imports.count() == 6 * 3
    assert all(batch.status == "verwerkt" for batch in imports)
    assert all(batch.synthetic for batch in imports)
    assert sorted({batch.week for batch in imports}) == [f"2021-W0{k}" for k in range(1, 7)]
    assert {batch.kind for batch in imports} == {"locaties", "realisatie", "reeksen"}
    assert {batch.uploaded_by.username for batch in imports if batch.uploaded_by} == {"coa"}

    targets = {
        (t.title[:3], t.category, t.unit, t.quantity, t.quantity_max) for t in Target.objects.all()
    }
    assert targets == {
        ("600", "regulier", "places", 600, None),
        ("1.2", "regulier", "places", 1200, None),
        ("6 à", "amv", "locations", 6, 7),
        ("Min", "sober", "locations", 2, None),
    }
