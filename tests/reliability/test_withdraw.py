"""Withdrawing an import: a new audited version; the week falls back to what held before."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from regietafel.audit.models import Action, AuditEntry
from regietafel.imports.models import Import, Status
from regietafel.imports.selectors import current_import, latest_import
from regietafel.imports.services import WithdrawError, import_submit, import_withdraw
from tests.imports.files import LOCATIES_HEADER, LOCATIES_ROWS, csv_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "bestanden"


def _submit(week: str, rows: int = 3) -> Import:
    record = import_submit(
        actor=None,
        kind="locaties",
        week=week,
        file_name="locaties.csv",
        content=csv_bytes(LOCATIES_HEADER, LOCATIES_ROWS[:rows]),
    )
    assert record.status == Status.ACCEPTED, record.errors
    return record


def test_withdrawing_the_latest_version_falls_back_to_the_previous(
    make_user: Callable[[str], Any],
) -> None:
    coa = make_user("coa")
    first = _submit("2021-W45", rows=2)
    second = _submit("2021-W45", rows=3)
    assert current_import(kind="locaties", week="2021-W45") == second

    withdrawal = import_withdraw(actor=coa, pk=second.pk, note="verkeerde bezetting")
    assert withdrawal.version == 3
    assert withdrawal.status == Status.WITHDRAWAL
    assert withdrawal.withdraws == second
    second.refresh_from_db()
    assert second.status == Status.WITHDRAWN
    assert second.location_rows.count() == 3  # nothing is deleted
    assert current_import(kind="locaties", week="2021-W45") == first
    entry = AuditEntry.objects.get(action=Action.WITHDRAWN)
    assert entry.actor == coa
    assert "verkeerde bezetting" in entry.summary
    assert entry.changes["status"] == {"oud": "verwerkt", "nieuw": "ingetrokken"}
    # A later import gets the next number after the withdrawal.
    assert _submit("2021-W45").version == 4


def test_withdrawing_a_weeks_only_version_falls_back_to_the_week_before() -> None:
    earlier = _submit("2021-W45")
    only = _submit("2021-W46")
    import_withdraw(actor=None, pk=only.pk, note="dubbel aangeleverd")
    assert current_import(kind="locaties", week="2021-W46") is None
    assert latest_import(kind="locaties", on_or_before="2021-W46") == earlier


def test_only_coa_withdraws_once_with_a_reason(make_user: Callable[[str], Any]) -> None:
    record = _submit("2021-W45")
    with pytest.raises(PermissionDenied):
        import_withdraw(actor=make_user("landelijk"), pk=record.pk, note="x")
    with pytest.raises(WithdrawError, match="reden"):
        import_withdraw(actor=None, pk=record.pk, note="  ")
    import_withdraw(actor=None, pk=record.pk, note="fout bestand")
    with pytest.raises(WithdrawError, match="alleen een verwerkte import"):
        import_withdraw(actor=None, pk=record.pk, note="nogmaals")


def test_the_button_on_the_import_page(client_as: Callable[[str | None], Any]) -> None:
    record = _submit("2021-W45")
    client = client_as("coa")
    page = client.get(f"/imports/{record.pk}/").content.decode()
    assert "Import intrekken" in page
    response = client.post(f"/imports/{record.pk}/intrekken/", {"reden": "verkeerde week"})
    assert response.status_code == 302
    withdrawal = Import.objects.get(status=Status.WITHDRAWAL)
    assert response["Location"] == f"/imports/{withdrawal.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "trekt versie 1 in" in page
    assert "verkeerde week" in page
    # A withdrawal has no file of its own: no dead link to an original of 0 bytes.
    assert "download het origineel" not in page
    assert "download het origineel" in client.get(f"/imports/{record.pk}/").content.decode()
    assert "Import intrekken" not in client.get(f"/imports/{record.pk}/").content.decode()
    assert (
        "Import intrekken"
        not in client_as("landelijk").get(f"/imports/{record.pk}/").content.decode()
    )
