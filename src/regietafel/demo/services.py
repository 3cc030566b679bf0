"""Load the synthetic demo year into the database, through the same services as real data."""

from __future__ import annotations

import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction

from regietafel.accounts.models import Role, User
from regietafel.accounts.services import user_create
from regietafel.demo.files import to_csv_bytes
from regietafel.demo.generator import (
    LOCATION_COLUMNS,
    POPULATION_DATE,
    REALISATION_COLUMNS,
    SERIES_COLUMNS,
    DemoDataset,
    DemoPeriod,
    DemoWeek,
    generate,
)

CORRECTED_WEEK = "2021-W45"
"""The week whose location file COA sends twice: the second version corrects one location."""


@dataclass(frozen=True)
class DemoLogin:
    role: str
    username: str
    password: str
    note: str


DEMO_USERS = (
    ("landelijk", "lrt", "", "Landelijke Regietafel: alles landelijk en per provincie"),
    ("provincie", "prt-noord-holland", "PV27", "PRT Noord-Holland: eigen provincie in detail"),
    ("provincie", "prt-groningen", "PV20", "PRT Groningen: eigen provincie in detail"),
    ("coa", "coa", "", "COA: levert de weekbestanden aan"),
    ("beheerder", "beheerder", "", "beheerder: gebruikers, audit en /beheer/"),
)


class DemoLoadError(RuntimeError):
    """The demo data did not load: a bug in the generator or in an import rule."""


def _password(username: str) -> str:
    return f"demo-{username}-2021"


def _users() -> tuple[list[DemoLogin], dict[str, User]]:
    logins = []
    users = {}
    for role, username, province_code, note in DEMO_USERS:
        password = _password(username)
        user = user_create(
            actor=None,
            username=username,
            password=password,
            role=Role(role),
            province_code=province_code,
            full_name=f"Demo {username}",
        )
        users[username] = user
        logins.append(DemoLogin(role=role, username=username, password=password, note=note))
    return logins, users


def _set_period(actor: User, period: DemoPeriod) -> None:
    try:
        from regietafel.taakstelling.services import taakstelling_set
    except ImportError as error:
        raise DemoLoadError(
            "regietafel.taakstelling.services.taakstelling_set ontbreekt; "
            "de demo kan de taakstelling niet vastleggen"
        ) from error
    from regietafel.taakstelling.services import taakstelling_revise

    announced = EARLIER_ANNOUNCEMENTS.get(period.label)
    taakstelling_set(
        actor=actor,
        period=period.label,
        national_total=announced[0] if announced else period.national_total,
        population_date=POPULATION_DATE,
        method="hamilton",
        source=f"{period.source} (synthetische demo)",
        decided_on=announced[1] if announced else None,
    )
    if announced:
        taakstelling_revise(
            actor=actor,
            period=period.label,
            national_total=period.national_total,
            decided_on=REVISED_2021_II,
            source=f"{period.source} (synthetische demo)",
        )


EARLIER_ANNOUNCEMENTS = {"2021-II": (13_500, date(2020, 10, 1))}
"""2021-II was first announced at 13,500 (reference/published/taakstelling_totals.csv) and lowered
to 11,000 after the LRT of March 2021: the demo stores both versions."""
REVISED_2021_II = date(2021, 3, 31)


def _create_judgements(users: Mapping[str, User], period: DemoPeriod) -> None:
    """The PRT's judgements of 2021-I for Noord-Holland and Groningen, from the demo's final
    realisation: housed at least the corrected task complies; otherwise it does not, and
    about one in five failures is excusable (ASSUMPTION, fixed per code)."""
    from regietafel.taakstelling.services import judgement_record

    accounts = {"PV27": users["prt-noord-holland"], "PV20": users["prt-groningen"]}
    for row in period.result.rows:
        actor = accounts.get(row.province)
        if actor is None:
            continue
        corrected = row.corrected if row.corrected is not None else row.taakstelling
        housed = period.final_housed.get(row.code, 0)
        if housed >= corrected:
            verdict, reason = "voldoet", ""
        elif zlib.crc32(row.code.encode()) % 5 == 0:
            verdict, reason = "verschoonbaar", f"{corrected - housed} te weinig; woning geweigerd"
        else:
            verdict, reason = "voldoet-niet", f"{corrected - housed} te weinig gehuisvest"
        judgement_record(
            actor=actor,
            period=period.label,
            municipality_code=row.code,
            verdict=verdict,
            reason=reason,
        )


def _submit(
    actor: User,
    kind: str,
    week: str,
    rows: Sequence[Mapping[str, str]],
    columns: Sequence[str],
    *,
    suffix: str = "",
) -> None:
    from regietafel.imports.services import import_submit

    content = to_csv_bytes(rows, columns)
    batch = import_submit(
        actor=actor,
        kind=kind,
        week=week,
        file_name=f"demo-{kind}-{week}{suffix}.csv",
        content=content,
        synthetic=True,
    )
    if batch.status != "verwerkt":
        first = "; ".join(str(error) for error in list(batch.errors)[:5])
        raise DemoLoadError(f"demo-import {kind} {week} geweigerd: {first}")


DEMO_TARGETS: tuple[dict[str, Any], ...] = (
    {
        "title": "600 extra opvangplekken vóór 1 december 2021",
        "category": "regulier",
        "unit": "places",
        "quantity": 600,
        "deadline": date(2021, 11, 30),
    },
    {
        "title": "1.200 extra opvangplekken vóór januari 2022",
        "category": "regulier",
        "unit": "places",
        "quantity": 1200,
        "start": date(2021, 12, 1),  # "nog 1.200 tot januari": counted after the first 600
        "deadline": date(2021, 12, 31),
    },
    {
        "title": "6 à 7 AMV-locaties van elk 50 plaatsen vóór het eind van het jaar",
        "category": "amv",
        "unit": "locations",
        "quantity": 6,
        "quantity_max": 7,
        "deadline": date(2021, 12, 31),
    },
    {
        "title": "Minimaal 2 locaties voor sobere opvang van veilige landers",
        "category": "sober",
        "unit": "locations",
        "quantity": 2,
        "deadline": date(2021, 12, 31),
    },
)
"""Quoted from the LRT minutes (autumn 2021): "600 extra opvangplekken" before the end of
November, "1.200 tot januari 2022", "zes à zeven locaties voor elk 50 personen" for AMV, and
"minimaal twee locaties" for sober reception."""


def _corrected(week: DemoWeek) -> list[dict[str, str]]:
    """The second version of a location file: one location's occupancy was counted wrong."""
    rows = [dict(row) for row in week.locations]
    for row in rows:
        if row["soort"] == "regulier" and int(row["bezetting"]) >= 10:
            row["bezetting"] = str(int(row["bezetting"]) - 7)
            break
    return rows


def _load_week(actor: User, week: DemoWeek) -> None:
    _submit(actor, "locaties", week.week, week.locations, LOCATION_COLUMNS)
    if week.week == CORRECTED_WEEK:
        _submit(actor, "locaties", week.week, _corrected(week), LOCATION_COLUMNS, suffix="-v2")
    _submit(actor, "realisatie", week.week, week.realisation, REALISATION_COLUMNS)
    _submit(actor, "reeksen", week.week, week.series, SERIES_COLUMNS)


def demo_load(*, weeks: int = 52, dataset: DemoDataset | None = None) -> list[DemoLogin]:
    """Create the demo users, set the taakstellingen 2021-I and 2021-II, import every week.

    Period 2021-II is set after the weeks of 2021-I are in, so its arrears come from the
    realisation of 2021-I as the app stores it. All imports are marked synthetic.
    """
    data = dataset if dataset is not None else generate(weeks)
    with transaction.atomic():
        logins, users = _users()
        national = users["lrt"]
        coa = users["coa"]
        first, second = data.taakstelling
        _set_period(national, first)
        for week in data.weeks:
            if week.week == "2021-W27":
                _set_period(national, second)
            _load_week(coa, week)
        if len(data.weeks) < 27:
            _set_period(national, second)
        _create_targets(national)
        _create_agreements(users)
        if len(data.weeks) >= 27:
            _create_judgements(users, first)
        _subscribe(users)
        _publish_reports(national, [w.week for w in data.weeks])
    return logins


PUBLISHED_WEEKS = ("2021-W44", "2021-W45")
"""The demo publishes the weekly reports before the mid-November LRT (national and every
province), so a new user finds reports, their downloads and the change since last week."""


def _publish_reports(actor: User, weeks: Sequence[str]) -> None:
    from regietafel.rapportage.services import report_publish, report_publish_all_provinces

    for week in PUBLISHED_WEEKS:
        if week in weeks:
            report_publish(actor=actor, week=week)
            report_publish_all_provinces(actor=actor, week=week)


DEMO_SUBSCRIBERS = {"lrt": (True, False), "prt-noord-holland": (True, True)}
"""Demo users who get the e-mail about a published report (national, own province); in the
demo every e-mail is written as a file in ``demo-data/mail/``."""


def _subscribe(users: Mapping[str, User]) -> None:
    from regietafel.meldingen.services import subscription_set

    for username, (national, own_province) in DEMO_SUBSCRIBERS.items():
        user = users[username]
        user.email = f"{username}@demo.regietafel.invalid"
        user.save(update_fields=["email"])
        subscription_set(actor=user, user=user, national=national, own_province=own_province)


def _create_targets(actor: User) -> None:
    """The four reception targets of the LRT minutes of autumn 2021 (see demo.calibration)."""
    from regietafel.doelen.services import target_create

    agreed = date(2021, 10, 25)  # the LRT of late October 2021 that agreed them
    for spec in DEMO_TARGETS:
        target_create(actor=actor, **{"start": agreed, "agreed_on": agreed, **spec})


def _create_agreements(users: Mapping[str, User]) -> None:
    """Meetings and agreements of the two sets of LRT minutes (see demo.agreements)."""
    from regietafel.demo.agreements import create_agreements

    create_agreements(users)
