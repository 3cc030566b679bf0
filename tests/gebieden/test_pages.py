"""Province and municipality pages: public aggregates for all, detail only where allowed."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any

import pytest

from regietafel.taakstelling.services import taakstelling_set

pytestmark = pytest.mark.django_db

Client = Callable[[str | None], Any]


def _csv(response: Any) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def test_provinces_list_for_everyone(client_as: Client) -> None:
    page = client_as("provincie").get("/provincies/")
    assert page.status_code == 200
    body = page.content.decode()
    assert 'href="/provincies/PV27/"' in body
    assert 'href="/provincies/PV20/"' not in body  # aggregates only
    rows = _csv(client_as("provincie").get("/provincies/?formaat=csv"))
    assert rows[0] == ["provinciecode", "provincie", "inwoners", "gemeenten"]
    assert len(rows) == 13
    assert sum(int(r[3]) for r in rows[1:]) >= 342


def test_province_detail_permissions(client_as: Client) -> None:
    client = client_as("provincie")
    assert client.get("/provincies/PV20/").status_code == 403
    own = client.get("/provincies/PV27/")
    assert own.status_code == 200
    assert "Amsterdam" in own.content.decode()
    assert client_as("provincie_andere").get("/provincies/PV20/").status_code == 200
    assert client_as("landelijk").get("/provincies/PV20/").status_code == 200
    assert client_as("landelijk").get("/provincies/PV99/").status_code == 404
    assert client_as(None).get("/provincies/PV27/").status_code == 302


def test_province_detail_with_progress_and_csv(client_as: Client) -> None:
    taakstelling_set(actor=None, period="2021-II", national_total=11_000)
    client = client_as("provincie_andere")  # Groningen
    body = client.get("/provincies/PV20/").content.decode()
    assert "Taakstelling 2021-II" in body
    assert "Voortgang taakstelling per gemeente" in body
    progress = _csv(client.get("/provincies/PV20/?tabel=taakstelling&formaat=csv"))
    assert {row[2] for row in progress[1:]} == {"PV20"}
    municipalities = _csv(client.get("/provincies/PV20/?formaat=csv"))
    assert ["GM0014", "Groningen"] in [row[:2] for row in municipalities]
    assert {row[0] for row in municipalities[1:]} >= {"GM1979", "GM0037"}


def test_municipalities_filter_and_csv(client_as: Client) -> None:
    client = client_as("provincie")
    everything = client.get("/gemeenten/").content.decode()
    assert "Groningen" in everything
    assert "Amsterdam" in everything
    rows = _csv(client.get("/gemeenten/?provincie=PV20&formaat=csv"))
    assert rows[0] == ["gemeentecode", "gemeente", "provinciecode", "provincie", "inwoners"]
    assert {row[2] for row in rows[1:]} == {"PV20"}
    bad = client.get("/gemeenten/?provincie=Atlantis")
    assert bad.status_code == 400
    assert "onbekende provincie" in bad.content.decode()
