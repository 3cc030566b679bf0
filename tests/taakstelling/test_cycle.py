"""The half-year cycle: versions of the national total, monthly realisation beside the
municipality's own count, and the province's judgement with the ladder it implies."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from hypothesis import given
from hypothesis import strategies as st

from regietafel.audit.models import AuditEntry
from regietafel.core.supervision import LADDER, Verdict, failures_in_a_row, ladder_step
from regietafel.core.taakstelling import TaakstellingError
from regietafel.taakstelling.models import Judgement, TaakstellingEntry, TaakstellingVersion
from regietafel.taakstelling.services import (
    judgement_record,
    taakstelling_revise,
    taakstelling_set,
)
from tests.factories import realisation

Client = Callable[[str | None], Any]

V, N, X = Verdict.VOLDOET, Verdict.VOLDOET_NIET, Verdict.VERSCHOONBAAR


@pytest.mark.parametrize(
    ("verdicts", "failures", "step"),
    [
        ([], 0, "geen interventie"),
        ([N], 1, "signaleren"),
        ([N, N], 2, "bestuurlijk overleg"),
        ([N, X, N], 2, "bestuurlijk overleg"),  # excusable: neither counts nor resets
        ([N, N, N, V, N], 1, "signaleren"),  # complying resets
        ([N, N, N, N], 4, "indeplaatsstelling"),  # Zuid-Holland: after four half-years
        ([N, N, N, N, N, N], 6, "indeplaatsstelling"),
    ],
)
def test_ladder(verdicts: list[Verdict], failures: int, step: str) -> None:
    assert failures_in_a_row(verdicts) == failures
    assert ladder_step(verdicts).name == step


@given(st.lists(st.sampled_from(list(Verdict)), max_size=12))
def test_ladder_properties(verdicts: list[Verdict]) -> None:
    """One more failure never lowers the step; complying always returns to the bottom; an
    excusable half year changes nothing."""
    rung = [s.name for s in LADDER].index
    now = rung(ladder_step(verdicts).name)
    assert rung(ladder_step([*verdicts, N]).name) >= now
    assert ladder_step([*verdicts, V]).name == "geen interventie"
    assert ladder_step([*verdicts, X]) == ladder_step(verdicts)


@pytest.mark.django_db
def test_revision_recomputes_tasks_keeps_the_old_version_and_is_audited(
    make_user: Callable[[str], Any],
) -> None:
    """2021-II was lowered from 13,500 to 11,000: Krimpenerwaard 44 -> 36 (as the CLI)."""
    period = taakstelling_set(
        actor=None, period="2021-II", national_total=13_500, decided_on=date(2020, 10, 1)
    )
    lrt = make_user("landelijk")
    version = taakstelling_revise(
        actor=lrt,
        period="2021-II",
        national_total=11_000,
        decided_on=date(2021, 3, 31),
        source="Staatscourant maart 2021",
    )
    assert version.number == 2
    first = TaakstellingVersion.objects.get(period=period, number=1)
    assert (first.tasks["GM1931"], version.tasks["GM1931"]) == (44, 36)
    assert sum(version.tasks.values()) == 11_000
    entry = TaakstellingEntry.objects.get(period=period, municipality_code="GM1931")
    assert (entry.taakstelling, entry.corrected) == (36, 36)
    period.refresh_from_db()
    assert period.national_total == 11_000
    audit = AuditEntry.objects.filter(object_id=str(period.pk)).latest("at")
    assert "bijgesteld van 13.500 naar 11.000 (versie 2)" in audit.summary
    with pytest.raises(TaakstellingError, match="voor versie 2"):
        taakstelling_revise(
            actor=lrt,
            period="2021-II",
            national_total=10_000,
            decided_on=date(2021, 1, 1),
            source="x",
        )
    with pytest.raises(PermissionDenied):
        taakstelling_revise(
            actor=make_user("provincie"),
            period="2021-II",
            national_total=10_000,
            decided_on=date(2021, 5, 1),
            source="x",
        )


@pytest.mark.django_db
def test_judgement_only_by_own_province_and_history(make_user: Callable[[str], Any]) -> None:
    taakstelling_set(actor=None, period="2021-I", national_total=13_500)
    nh = make_user("provincie")  # Noord-Holland (PV27)
    judgement_record(
        actor=nh,
        period="2021-I",
        municipality_code="GM0363",
        verdict="voldoet-niet",
        reason="te weinig woningen",
    )
    # A correction is a new row; the newest counts, the old one stays.
    judgement_record(
        actor=nh,
        period="2021-I",
        municipality_code="GM0363",
        verdict="verschoonbaar",
        reason="weigering",
    )
    assert Judgement.objects.filter(municipality_code="GM0363").count() == 2
    with pytest.raises(PermissionDenied):  # Groningen is not Noord-Holland's
        judgement_record(
            actor=nh, period="2021-I", municipality_code="GM0014", verdict="voldoet", reason=""
        )
    for role in ("landelijk", "coa", "beheerder"):
        with pytest.raises(PermissionDenied):
            judgement_record(
                actor=make_user(role),
                period="2021-I",
                municipality_code="GM0363",
                verdict="voldoet",
                reason="",
            )
    with pytest.raises(TaakstellingError, match="toelichting"):
        judgement_record(
            actor=nh,
            period="2021-I",
            municipality_code="GM0363",
            verdict="voldoet-niet",
            reason=" ",
        )
    with pytest.raises(TaakstellingError, match="onbekend oordeel"):
        judgement_record(
            actor=nh, period="2021-I", municipality_code="GM0363", verdict="goed", reason=""
        )
    assert AuditEntry.objects.filter(summary__startswith="Oordeel 2021-I Amsterdam").count() == 2


@pytest.mark.django_db
def test_cycle_page_monthly_realisation_with_own_count(client_as: Client) -> None:
    taakstelling_set(actor=None, period="2021-II", national_total=11_000)
    # Week 2021-W39 holds 1 October 2021: COA 100, Amsterdam counts 104 itself.
    realisation("2021-W39", "2021-II", {"GM0363": ("PV27", 100)}, own={"GM0363": 104})
    client = client_as("provincie")
    page = client.get("/taakstelling/2021-II/cyclus/")
    assert page.status_code == 200
    body = page.content.decode()
    assert "100 / 104 / +4" in body
    assert "1 okt 2021 (2021-W39)" in body  # Dutch month, lower case (was "1 Okt 2021")
    assert "geen gegevens" in body  # months before any import, and municipalities without one
    assert "Oordeel vastleggen voor 2021-II" in body


@pytest.mark.django_db
def test_cycle_page_judgement_post_as_province_and_refusal(client_as: Client) -> None:
    taakstelling_set(actor=None, period="2021-I", national_total=13_500)
    nh = client_as("provincie")
    ok = nh.post(
        "/taakstelling/2021-I/oordeel/",
        {"municipality": "GM0363", "verdict": "voldoet-niet", "reason": "achterstand 40"},
    )
    assert ok.status_code == 302
    page = nh.get("/taakstelling/2021-I/cyclus/").content.decode()
    assert "voldoet niet: achterstand 40" in page
    assert "signaleren" in page
    # Another province's municipality is not among the choices: a 400 with the form error.
    other = nh.post(
        "/taakstelling/2021-I/oordeel/",
        {"municipality": "GM0014", "verdict": "voldoet", "reason": ""},
    )
    assert other.status_code == 400
    assert not Judgement.objects.filter(municipality_code="GM0014").exists()
    assert client_as("landelijk").post("/taakstelling/2021-I/oordeel/", {}).status_code == 403
