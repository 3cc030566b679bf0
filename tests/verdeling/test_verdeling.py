"""Provincial distribution: crediting capacity, the AMV split, correction keys and access."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regietafel.core.distribution import Rule, split_allocations
from regietafel.core.periods import IsoWeek
from regietafel.core.rules import ExistingPlacesRule
from regietafel.doelen.models import Target
from regietafel.verdeling.selectors import (
    municipality_distribution,
    province_distribution,
    rules_side_by_side,
)
from tests.opvangbeeld.factories import STANDARD, Loc, make_register, standard_register

W45 = IsoWeek.parse("2021-W45")


@given(
    st.lists(st.integers(0, 5000), min_size=1, max_size=40),
    st.fractions(min_value=0, max_value=1, max_denominator=1000),
)
def test_split_allocations_adds_up_exactly(allocations: list[int], share: Fraction) -> None:
    parts = split_allocations(allocations, share)
    assert [p + r for p, r in parts] == allocations
    assert all(0 <= p <= a for (p, _), a in zip(parts, allocations, strict=True))
    assert sum(p for p, _ in parts) == int(share * sum(allocations) + Fraction(1, 2))


def test_split_allocations_by_hand() -> None:
    # 8,5 % of 200 = 17, over 100/60/40: quotas 8.5, 5.1, 3.4 -> 9, 5, 3 (Hamilton)
    assert split_allocations([100, 60, 40], Fraction(85, 1000)) == [(9, 91), (5, 55), (3, 37)]


@pytest.mark.django_db
def test_provinces_above_fair_share_get_nothing(make_user: Callable[[str], Any]) -> None:
    standard_register()
    result = province_distribution(user=make_user("landelijk"), week=W45)
    assert result.total == 347
    assert result.total_is_shortfall
    rows = {r.code: r for r in result.plain.rows}
    # Groningen holds 300 regular places, Noord-Holland 700: both far above their fair share
    # of 1.347 places (about 3 % and 17 % of the inhabitants).
    assert rows["PV20"].existing == 300
    assert rows["PV20"].allocation == 0
    assert rows["PV27"].existing == 700
    assert rows["PV27"].allocation == 0
    assert sum(r.allocation for r in result.plain.rows) == 347
    assert all(r.allocation > 0 for code, r in rows.items() if code not in {"PV20", "PV27"})


@pytest.mark.django_db
def test_municipality_distribution_with_minimum_and_amv(make_user: Callable[[str], Any]) -> None:
    standard_register()
    result = municipality_distribution(
        user=make_user("provincie"), week=W45, province_code="PV27", total=1000, minimum=5
    )
    assert sum(r.allocation for r in result.plain.rows) == 1000
    assert all(r.allocation >= 5 for r in result.plain.rows)
    assert sum(a for a, _ in result.amv) == 85
    amsterdam = next(r for r in result.plain.rows if r.code == "GM0363")
    assert amsterdam.existing == 700


@pytest.mark.django_db
def test_correction_key_shows_winners_and_losers(client_as: Callable[[str | None], Any]) -> None:
    standard_register()
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("correctie.csv", b"code,factor\nPV30,2\n")
    page = client_as("landelijk").post(
        "/verdeling/", {"week": "2021-W45", "totaal": "1000", "correctie": upload}
    )
    assert page.status_code == 200
    body = page.content.decode()
    assert "Extra met correctie" in body
    assert "Wint (+) of verliest (−)" in body


@pytest.mark.django_db
def test_bad_correction_file_names_row_and_column(client_as: Callable[[str | None], Any]) -> None:
    standard_register()
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("correctie.csv", b"code,factor\nPV30,twee\nPV99,1\n")
    page = client_as("landelijk").post("/verdeling/", {"week": "2021-W45", "correctie": upload})
    assert page.status_code == 400
    body = page.content.decode()
    assert "correctie.csv, rij 2, kolom &#x27;factor&#x27;" in body
    assert "correctie.csv, rij 3, kolom &#x27;code&#x27;" in body


@pytest.mark.django_db
def test_province_user_sees_provinces_but_only_own_municipalities(
    client_as: Callable[[str | None], Any],
) -> None:
    standard_register()
    province = client_as("provincie")
    assert province.get("/verdeling/?week=2021-W45").status_code == 200
    assert province.get("/verdeling/?week=2021-W45&provincie=PV27").status_code == 200
    assert province.get("/verdeling/?week=2021-W45&provincie=PV20").status_code == 403
    csv_page = province.get("/verdeling/?week=2021-W45&formaat=csv&tabel=provincies")
    assert csv_page["Content-Type"].startswith("text/csv")
    # A header, the 12 provinces and the totals row of the page.
    assert len(csv_page.content.decode("utf-8-sig").strip().splitlines()) == 14


@pytest.mark.django_db
def test_api_verdeling_matches_selector(
    client_as: Callable[[str | None], Any], make_user: Callable[[str], Any]
) -> None:
    standard_register()
    api = client_as("landelijk").get("/api/v1/verdeling/?week=2021-W45&totaal=500").json()
    result = province_distribution(user=make_user("landelijk"), week=W45, total=500)
    assert [(r["code"], r["extra"]) for r in api["provincies"]] == [
        (r.code, r.allocation) for r in result.plain.rows
    ]


ALL_ROLES = ("landelijk", "provincie", "provincie_andere", "coa", "beheerder")


@pytest.mark.django_db
@pytest.mark.parametrize("role", ALL_ROLES)
def test_page_without_week_uses_the_latest_week_with_data(
    client_as: Callable[[str | None], Any], role: str
) -> None:
    """Regression: /verdeling/ without ?week= answered HTTP 500 for every role."""
    standard_register("2021-W40")
    standard_register("2021-W45")
    page = client_as(role).get("/verdeling/")
    assert page.status_code == 200
    body = page.content.decode()
    assert 'name="week" value="2021-W45"' in body
    # The shortfall of the standard register (see test_provinces_above_fair_share_get_nothing).
    assert "het landelijke tekort aan reguliere plaatsen op korte termijn, 347 plaatsen" in body


@pytest.mark.django_db
@pytest.mark.parametrize("role", ALL_ROLES)
def test_page_without_any_data_says_so(client_as: Callable[[str | None], Any], role: str) -> None:
    page = client_as(role).get("/verdeling/")
    assert page.status_code == 200
    body = page.content.decode()
    assert "Er is nog geen locatieregister geïmporteerd" in body
    assert "Over de provincies" not in body


@pytest.mark.django_db
def test_existing_places_read_contract_data_from_the_register(
    make_user: Callable[[str], Any],
) -> None:
    """Durable for 5 years: B (noodopvang until 27 February 2022) no longer counts, so
    Noord-Holland has 500 instead of 700. A is declared structureel; C has no end date and
    no looptijd: it counts as lasting, and its 300 places are reported as unknown."""
    make_register(
        "2021-W45",
        [
            Loc(
                "A",
                "PV27",
                "GM0363",
                "regulier",
                500,
                450,
                date(2020, 1, 1),
                durability="structureel",
            ),
            Loc(
                "B",
                "PV27",
                "GM0363",
                "noodopvang",
                200,
                180,
                date(2021, 6, 1),
                date(2022, 2, 27),
                durability="tijdelijk",
            ),
            Loc("C", "PV20", "GM0014", "regulier", 300, 300, date(2019, 1, 1)),
        ],
    )
    user = make_user("landelijk")
    plain = province_distribution(user=user, week=W45, total=100)
    assert {r.code: r.existing for r in plain.plain.rows}["PV27"] == 700
    assert plain.unknown_durability == 0  # no condition: nothing assumed
    durable = province_distribution(
        user=user, week=W45, total=100, existing_rule=ExistingPlacesRule(durable_years=5)
    )
    existing = {r.code: r.existing for r in durable.plain.rows}
    assert (existing["PV27"], existing["PV20"]) == (500, 300)
    assert durable.unknown_durability == 300


@pytest.mark.django_db
def test_three_rules_side_by_side_on_an_opgave(make_user: Callable[[str], Any]) -> None:
    """An opgave of 2.000 places over the provinces: aandeel asks each province its share
    minus what it has (Groningen's share of 2.000 is about 59, below its 300: 0 new), and the
    other two rules place the same number of new places."""
    standard_register()
    share, fill, extra = rules_side_by_side(user=make_user("landelijk"), week=W45, whole=2_000)
    assert (share.rule, fill.rule, extra.rule) == (Rule.AANDEEL, Rule.AANVULLEN, Rule.EXTRA)
    assert share.plain.whole == 2_000
    assert sum(r.share or 0 for r in share.plain.rows) == 2_000
    groningen = next(r for r in share.plain.rows if r.code == "PV20")
    assert (groningen.existing, groningen.allocation) == (300, 0)
    new = share.plain.allocated
    assert fill.plain.allocated == extra.plain.allocated == new
    assert all(r.existing is None for r in extra.plain.rows)


@pytest.mark.django_db
def test_a_target_agreed_after_the_week_is_not_offered_as_an_amount(
    make_user: Callable[[str], Any],
) -> None:
    """2021-W45 starts on 8 November: a target agreed on the 15th was not running then (the
    Doelen page of the week does not show it), so it is no amount to distribute either."""
    from regietafel.core.periods import IsoWeek
    from regietafel.verdeling.selectors import amount_options

    standard_register()
    Target.objects.create(
        title="later", category="regulier", unit="places", quantity=1_200,
        start=date(2021, 11, 1), agreed_on=date(2021, 11, 15), deadline=date(2021, 12, 31),
    )  # fmt: skip
    user = make_user("landelijk")
    labels = [o.label for o in amount_options(user, IsoWeek.parse("2021-W45"))]
    assert not any(label.startswith("Doel:") for label in labels)
    Target.objects.update(agreed_on=date(2021, 11, 8))
    labels = [o.label for o in amount_options(user, IsoWeek.parse("2021-W45"))]
    assert "Doel: later (1.200, uiterlijk 31 december 2021)" in labels


@pytest.mark.django_db
def test_page_offers_rules_amounts_and_conditions(client_as: Callable[[str], Any]) -> None:
    standard_register()
    Target.objects.create(
        title="1.200 extra plaatsen vóór januari",
        category="regulier",
        unit="places",
        quantity=1_200,
        start=date(2021, 11, 1),
        deadline=date(2021, 12, 31),
    )
    client = client_as("landelijk")
    page = client.get("/verdeling/?week=2021-W45").content.decode()
    assert "Tekort reguliere opvang, korte termijn: 347" in page
    assert "Doel: 1.200 extra plaatsen vóór januari (1.200, uiterlijk 31 december 2021)" in page
    target = Target.objects.get()
    response = client.get(
        f"/verdeling/?week=2021-W45&te_verdelen=doel-{target.pk}&regel=extra&jaren=5&maanden=12"
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "De drie regels naast elkaar" in body
    assert "alleen de extra plekken naar rato" in body
    assert "open of binnen 12 maanden beschikbaar, minstens 5 jaar open" in body
    assert "onbekende looptijd" in body  # the standard register says nothing about looptijd
    csv_rows = client.get(
        f"/verdeling/?week=2021-W45&te_verdelen=doel-{target.pk}&formaat=csv&tabel=regels"
    ).content.decode("utf-8-sig")
    assert csv_rows.splitlines()[0].startswith("code")
    refused = client.get(
        "/verdeling/?week=2021-W45&te_verdelen=opgave&regel=aanvullen&totaal=96000"
    )
    assert refused.status_code == 400
    assert "hoort bij de regel aandeel" in refused.content.decode()


@pytest.mark.django_db
def test_opgave_within_a_province_divides_the_province_share(
    make_user: Callable[[str], Any],
) -> None:
    """Under an opgave of 2.000 the province's rounded share of the whole is the whole of its
    municipalities, as the Spreidingswet's indicative municipal figures add up to the
    provincial opgave."""
    standard_register()
    user = make_user("landelijk")
    national = province_distribution(user=user, week=W45, rule=Rule.AANDEEL, whole=2_000)
    province_share = next(r.share for r in national.plain.rows if r.code == "PV27")
    local = municipality_distribution(
        user=user, week=W45, province_code="PV27", rule=Rule.AANDEEL, whole=2_000
    )
    assert local.plain.whole == province_share
    assert sum(r.share or 0 for r in local.plain.rows) == province_share
    amsterdam = next(r for r in local.plain.rows if r.code == "GM0363")
    assert amsterdam.existing == 700  # A and B open on 8 November 2021


@pytest.mark.django_db
def test_totals_are_the_same_on_page_csv_and_cli(
    client_as: Callable[[str | None], Any], tmp_path: Any
) -> None:
    """1.000 extra places over the provinces, with Groningen's 300 and Noord-Holland's 700
    regular places counted: every surface reads the core's totals.

    By hand: inhabitants 17.475.415 (CBS, 1 January 2021), counted places 300 + 700 = 1.000,
    new places 1.000 (the rule adds up exactly), after the distribution 2.000.
    """
    standard_register()
    client = client_as("landelijk")
    query = {"week": "2021-W45", "totaal": "1000"}
    page = client.get("/verdeling/", query)
    assert page.status_code == 200
    footer = page.context["tables"]["provincies"].totals
    columns = [c.text for c in page.context["tables"]["provincies"].headers]
    web = {columns[i]: footer[i].text for i in range(len(columns))}
    assert web["Inwoners"] == "17.475.415"
    assert web["Meegetelde reguliere plaatsen"] == "1.000"
    assert web["Voorgestelde extra plaatsen"] == "1.000"

    download = client.get("/verdeling/", {**query, "formaat": "csv"})
    rows = list(csv.DictReader(io.StringIO(download.content.decode("utf-8-sig"))))
    last = rows[-1]
    assert last["code"] == "Totaal"
    assert (last["inwoners"], last["capaciteit"], last["extra"]) == ("17475415", "1000", "1000")

    existing = tmp_path / "bestaand.csv"
    existing.write_text("code,aantal\nPV20,300\nPV27,700\n", encoding="utf-8")
    cli = subprocess.run(
        [sys.executable, "-m", "regietafel", "verdeel", "--niveau", "provincie",
         "--totaal", "1000", "--bestaand", str(existing), "--regel", "aanvullen",
         "--peildatum", "2021-11-08"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert cli.returncode == 0, cli.stderr
    cli_total = next(line for line in cli.stdout.splitlines() if line.startswith("Totaal"))
    numbers = cli_total.split()
    # Totaal, "12", eenheden, inhabitants, quota, fair share, counted, new, after
    assert numbers[3] == "17.475.415"
    assert numbers[6:9] == ["1.000", "1.000", "2.000"]


@pytest.mark.django_db
def test_a_confidential_locations_places_count_for_its_province_not_its_municipality(
    make_user: Callable[[str], Any], client_as: Callable[[str | None], Any]
) -> None:
    """The location lists mask a confidential location's municipality for everyone but COA,
    but the distribution over municipalities counted its places in that municipality: 77
    "meegetelde reguliere plaatsen" in Zaanstad minus the listed locations there gave back
    where the confidential location of 77 places is. For those readers its places count for
    Noord-Holland and for no municipality; COA, who sees the location, keeps them in Zaanstad.
    Noord-Holland's own count is 500 + 200 + 77 = 777 for every role (capacity is public)."""
    hidden = Loc("E", "PV27", "GM0479", "regulier", 77, 70, date(2020, 1, 1), confidential=True)
    make_register("2021-W45", [*STANDARD, hidden])
    for role, zaanstad in (("landelijk", 0), ("provincie", 0), ("coa", 77)):
        user = make_user(role)
        split = municipality_distribution(user=user, week=W45, province_code="PV27", total=100)
        existing = {row.code: row.existing for row in split.plain.rows}
        assert existing["GM0479"] == zaanstad, role
        assert existing["GM0363"] == 700, role  # Amsterdam: A and B, not confidential
        provinces = province_distribution(user=user, week=W45, total=100)
        assert next(r.existing for r in provinces.plain.rows if r.code == "PV27") == 777, role
    # The page's table of municipalities (here its CSV) says the same.
    for role, zaanstad in (("provincie", 0), ("coa", 77)):
        page = client_as(role).get(
            "/verdeling/",
            {"week": "2021-W45", "provincie": "PV27", "totaal": "100", "formaat": "csv",
             "tabel": "gemeenten"},
        )  # fmt: skip
        rows = csv.DictReader(io.StringIO(page.content.decode("utf-8-sig")))
        assert {r["code"]: r["capaciteit"] for r in rows}["GM0479"] == str(zaanstad), role
