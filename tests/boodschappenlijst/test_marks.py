"""Marks on the boodschappenlijst: carry-over by key, history per week, who may mark."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from regietafel.audit.models import AuditEntry
from regietafel.boodschappenlijst.models import ShoppingItemMark
from regietafel.boodschappenlijst.selectors import shopping_list_for
from regietafel.boodschappenlijst.services import shopping_item_mark
from regietafel.core.periods import IsoWeek
from regietafel.core.rules import ShoppingItemStatus
from regietafel.kerncijfers.selectors import figures_for
from regietafel.taakstelling.models import TaakstellingEntry, TaakstellingPeriod
from tests.factories import realisation
from tests.opvangbeeld.factories import standard_register

KEY = "regulier-plaatsen-kort"


def _status(user: Any, week: str, scope: str = "NL", key: str = KEY) -> ShoppingItemStatus:
    scoped = shopping_list_for(user=user, week=IsoWeek.parse(week), scope=scope)
    return next(m.item.status for m in scoped.items if m.item.key == key)


@pytest.mark.django_db
def test_marks_carry_over_and_last_week_stays_readable(make_user: Callable[[str], Any]) -> None:
    standard_register("2021-W45")
    standard_register("2021-W46")
    user = make_user("landelijk")
    shopping_item_mark(
        actor=user, scope="NL", key=KEY, week=IsoWeek.parse("2021-W45"), status="opgepakt"
    )
    assert _status(user, "2021-W46") is ShoppingItemStatus.PICKED_UP
    shopping_item_mark(
        actor=user, scope="NL", key=KEY, week=IsoWeek.parse("2021-W46"), status="afgerond"
    )
    assert _status(user, "2021-W46") is ShoppingItemStatus.DONE
    assert _status(user, "2021-W45") is ShoppingItemStatus.PICKED_UP
    assert _status(user, "2021-W47") is ShoppingItemStatus.DONE
    assert ShoppingItemMark.objects.count() == 2
    assert AuditEntry.objects.filter(object_type="markering boodschappenlijst").count() == 2


@pytest.mark.django_db
def test_province_list_has_own_closure_only(make_user: Callable[[str], Any]) -> None:
    standard_register()
    user = make_user("provincie")
    scoped = shopping_list_for(user=user, week=IsoWeek.parse("2021-W45"), scope="PV27")
    assert "sluitingen-2022-02" in [m.item.key for m in scoped.items]
    groningen = shopping_list_for(
        user=make_user("landelijk"), week=IsoWeek.parse("2021-W45"), scope="PV20"
    )
    assert "sluitingen-2022-02" not in [m.item.key for m in groningen.items]


@pytest.mark.django_db
def test_marking_roles_through_the_page(client_as: Callable[[str | None], Any]) -> None:
    standard_register()
    province = client_as("provincie")
    data = {
        "week": "2021-W45",
        "key": "sluitingen-2022-02",
        "status": "opgepakt",
        "note": "COA zoekt",
    }
    own = province.post("/boodschappenlijst/", {**data, "scope": "PV27"})
    assert own.status_code == 302
    assert own["Location"] == "/boodschappenlijst/?week=2021-W45&scope=PV27"
    assert province.post("/boodschappenlijst/", {**data, "scope": "PV20"}).status_code == 403
    assert province.post("/boodschappenlijst/", {**data, "scope": "NL"}).status_code == 403
    assert client_as("coa").post("/boodschappenlijst/", {**data, "scope": "NL"}).status_code == 403
    assert (
        client_as("landelijk").post("/boodschappenlijst/", {**data, "scope": "PV20"}).status_code
        == 302
    )
    mark = ShoppingItemMark.objects.get(scope="PV27")
    assert (mark.key, mark.status, mark.note) == ("sluitingen-2022-02", "opgepakt", "COA zoekt")
    page = province.get("/boodschappenlijst/?week=2021-W45&scope=PV27")
    assert page.status_code == 200
    assert "COA zoekt" in page.content.decode()


@pytest.mark.django_db
def test_province_user_cannot_read_other_province_list(
    client_as: Callable[[str | None], Any],
) -> None:
    standard_register()
    province = client_as("provincie")
    assert province.get("/boodschappenlijst/?week=2021-W45&scope=PV20").status_code == 403
    assert province.get("/boodschappenlijst/?week=2021-W45&scope=NL").status_code == 200


@pytest.mark.django_db
def test_housing_arrears_by_hand(make_user: Callable[[str], Any]) -> None:
    period = TaakstellingPeriod.objects.create(
        label="2021-II",
        start=date(2021, 7, 1),
        end=date(2021, 12, 31),
        national_total=11000,
        population_date=date(2021, 1, 1),
        method="hamilton",
    )
    for code, province, corrected in (("GM0363", "PV27", 600), ("GM0014", "PV20", 60)):
        TaakstellingEntry.objects.create(
            period=period,
            municipality_code=code,
            municipality_name=code,
            province_code=province,
            inhabitants=1,
            quota=1.0,
            taakstelling=corrected,
            corrected=corrected,
        )
    user = make_user("landelijk")
    week = IsoWeek.parse("2021-W45")
    # No realisation reported yet: how many were housed is unknown, which is not zero, so
    # there is no arrears figure and no housing item (not 400 + 40 from "nobody housed").
    national = figures_for(user=user, week=week)
    assert national.housing is not None
    assert national.housing.housed is None
    assert national.housing.schedule_arrears is None
    assert "huisvesting-achterstand" not in {i.key for i in national.shopping}
    # 8 November: 4 months elapsed; expected 600 x 4/6 = 400 and 60 x 4/6 = 40.
    # Housed 100 in Amsterdam, 45 in Groningen: arrears 300 and 0 (ahead does not offset).
    realisation("2021-W44", "2021-II", {"GM0363": ("PV27", 100), "GM0014": ("PV20", 45)})
    national = figures_for(user=user, week=week)
    assert national.housing is not None
    assert national.housing.schedule_arrears == 300
    item = next(i for i in national.shopping if i.key == "huisvesting-achterstand")
    assert (item.quantity, item.deadline) == (300, date(2021, 12, 31))
    groningen = figures_for(user=user, week=week, scope="PV20")
    assert groningen.housing is not None
    assert groningen.housing.schedule_arrears == 0


@pytest.mark.django_db
def test_a_done_item_can_be_set_back_through_the_page(
    make_user: Callable[[str], Any], client_as: Callable[[str | None], Any]
) -> None:
    """Afgerond by mistake: the page offers open again, and the audit names both statuses."""
    import re

    standard_register("2021-W45")
    user = make_user("landelijk")
    client = client_as("landelijk")
    url = "/boodschappenlijst/?week=2021-W45&scope=NL"
    form = {"week": "2021-W45", "scope": "NL", "key": KEY}
    assert client.post(url, {**form, "status": "afgerond"}).status_code == 302
    page = client.get(url).content.decode()
    row = page[page.index(f'value="{KEY}"') :]
    options = re.findall(r'<option value="(\w+)">', row[: row.index("</select>")])
    assert options == ["open", "opgepakt"]  # everything but the current "afgerond"
    response = client.post(url, {**form, "status": "open", "note": "toch nog niet klaar"})
    assert response.status_code == 302
    assert _status(user, "2021-W45") is ShoppingItemStatus.OPEN
    entry = AuditEntry.objects.filter(object_type="markering boodschappenlijst").first()
    assert entry is not None
    assert entry.changes["vorige_status"] == "afgerond"
    assert entry.changes["status"] == "open"
    assert "van afgerond naar open" in entry.summary


@pytest.mark.django_db
def test_a_key_not_on_the_list_of_that_week_and_scope_is_refused(
    make_user: Callable[[str], Any], client_as: Callable[[str | None], Any]
) -> None:
    """The user test marked key=bestaat-niet-xyz: "De status is opgeslagen." and an audit row."""
    from django.core.exceptions import ValidationError

    standard_register("2021-W45")
    lrt = make_user("landelijk")
    w45 = IsoWeek.parse("2021-W45")
    cases = [
        ("NL", "bestaat-niet-xyz", w45),
        ("PV20", "sluitingen-2022-02", w45),  # on Noord-Holland's list, not on Groningen's
        ("NL", KEY, IsoWeek.parse("2021-W44")),  # on the list of week 45, not of week 44
    ]
    for scope, key, week in cases:
        with pytest.raises(ValidationError) as refused:
            shopping_item_mark(actor=lrt, scope=scope, key=key, week=week, status="opgepakt")
        assert refused.value.message_dict == {
            "key": [f"'{key}' staat niet op de boodschappenlijst"]
        }
    client = client_as("landelijk")
    response = client.post(
        "/boodschappenlijst/",
        {"week": "2021-W45", "scope": "NL", "key": "bestaat-niet-xyz", "status": "opgepakt"},
        follow=True,
    )
    page = response.content.decode()
    assert "&#x27;bestaat-niet-xyz&#x27; staat niet op de boodschappenlijst" in page
    assert "De status is opgeslagen." not in page
    assert not ShoppingItemMark.objects.exists()
    assert not AuditEntry.objects.filter(object_type="markering boodschappenlijst").exists()


@pytest.mark.django_db
def test_a_note_longer_than_the_field_is_refused(make_user: Callable[[str], Any]) -> None:
    """The page's field takes 500 characters; a POST of 5,000 was stored whole."""
    from django.core.exceptions import ValidationError

    standard_register("2021-W45")
    lrt = make_user("landelijk")
    w45 = IsoWeek.parse("2021-W45")
    with pytest.raises(ValidationError) as refused:
        shopping_item_mark(
            actor=lrt, scope="NL", key=KEY, week=w45, status="opgepakt", note="x" * 5000
        )
    assert refused.value.message_dict == {
        "note": ["de toelichting mag hoogstens 500 tekens zijn (nu 5.000)"]
    }
    assert not ShoppingItemMark.objects.exists()
    mark = shopping_item_mark(
        actor=lrt, scope="NL", key=KEY, week=w45, status="opgepakt", note="x" * 500
    )
    assert len(mark.note) == 500


@pytest.mark.django_db
def test_the_note_field_takes_what_the_service_takes(
    client_as: Callable[[str | None], Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page restated the service's limit (maxlength="500"); it reads NOTE_MAX, so a
    changed limit changes the field too."""
    import re

    from regietafel.boodschappenlijst import services

    standard_register("2021-W45")
    client = client_as("landelijk")
    for limit in (services.NOTE_MAX, 321, 2000):  # 2000, not "2.000" (Dutch notation)
        monkeypatch.setattr(services, "NOTE_MAX", limit)
        page = client.get("/boodschappenlijst/?week=2021-W45&scope=NL").content.decode()
        fields = re.findall(r'<input id="note-\d+" name="note" maxlength="(\d+)">', page)
        assert fields, "geen toelichtingsveld op de pagina"
        assert set(fields) == {str(limit)}


@pytest.mark.django_db
def test_an_item_of_an_afgeschermd_kind_cannot_be_marked(make_user: Callable[[str], Any]) -> None:
    """The check reads the list as the marking user sees it: Groningen's only AMV location is
    confidential, so its AMV items are not on the LRT's list (they would give the need back)
    and cannot be marked, though the week's unmasked figures hold them."""
    from django.core.exceptions import ValidationError

    from regietafel.kerncijfers.selectors import week_data

    standard_register("2021-W45")
    lrt = make_user("landelijk")
    w45 = IsoWeek.parse("2021-W45")
    every = {item.key for item in week_data(w45)[0].scope("PV20").shopping}
    seen = {m.item.key for m in shopping_list_for(user=lrt, week=w45, scope="PV20").items}
    hidden = sorted(every - seen)
    assert hidden, "geen afgeschermde items in Groningen"
    assert all(key.startswith("amv-") for key in hidden), hidden
    for key in hidden:
        with pytest.raises(ValidationError):
            shopping_item_mark(actor=lrt, scope="PV20", key=key, week=w45, status="opgepakt")
    visible = sorted(seen)[0]
    shopping_item_mark(actor=lrt, scope="PV20", key=visible, week=w45, status="opgepakt")
    assert list(ShoppingItemMark.objects.values_list("key", flat=True)) == [visible]
