"""``/api/v1/prognose/``: the page's numbers as JSON, scoped like the page, with a schema."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any

import pytest

from regietafel.opvangprognose import selectors
from regietafel.prognose import cache as runs

pytestmark = pytest.mark.django_db

URL = "/api/v1/prognose/"


@pytest.fixture(autouse=True)
def _small_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runs, "WEB_PATHS", 500)
    selectors.cache_clear()


def test_quantiles_equal_the_page_download(client_as: Callable[[str | None], Any]) -> None:
    client = client_as("landelijk")
    data = client.get(URL, {"week": "2021-W45", "scenario": "hoog"}).json()
    assert data["gebied"] == "Nederland"
    assert data["scenario"]["naam"] == "hoog"
    assert data["scenario"]["instroomfactor"] == 1.25
    assert data["kwantielen"] == [0.025, 0.1, 0.5, 0.9, 0.975]
    assert data["paden"] == 500
    assert data["seed"] == 2021
    assert data["gegevens_bekend_voor"] == "2021-11-08"
    assert data["behoeftebeleid"]["sleutel"] == "lrt-voorjaar-2021"
    assert len(data["weken"]) == 1 + 104  # the start, then the end of every forecast week
    assert data["start_uit_register"] is False  # this test database has no register
    first = data["weken"][1]
    assert first["bezetting_p025"] <= first["bezetting_p50"] <= first["bezetting_p975"]
    page = client.get("/prognose/", {"week": "2021-W45", "scenario": "hoog", "formaat": "csv"})
    rows = list(csv.DictReader(io.StringIO(page.content.decode("utf-8-sig"))))
    assert [int(r["bezetting_p50"]) for r in rows] == [w["bezetting_p50"] for w in data["weken"]]
    assert {b["beleid"] for b in data["bufferbeleid"]} >= {"vaste buffer +417"}
    # The assumptions behind the buffer comparison, with their sources, as on the page.
    sources = {row["parameter"]: row for row in data["bufferbronnen"]}
    assert sources["kosten reguliere plek per jaar (EUR)"]["waarde"] == 27_100
    assert "coa.nl" in sources["kosten reguliere plek per jaar (EUR)"]["bron"]


def test_province_scope_and_no_other_province(client_as: Callable[[str | None], Any]) -> None:
    client = client_as("provincie")
    data = client.get(URL, {"week": "2021-W45", "provincie": "Noord-Holland"}).json()
    assert data["gebied"] == "Noord-Holland"
    assert "vh_p50" not in data["weken"][0]  # status holders are national only
    assert client.get(URL, {"week": "2021-W45", "provincie": "PV20"}).status_code == 403


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"scenario": "extreem"}, "scenario"),
        ({"instroom": "9"}, "instroom"),
        ({"week": "2021-W99"}, "week"),
        ({"provincie": "Atlantis"}, "detail"),
        ({"paden": "5"}, "detail"),
    ],
)
def test_bad_parameters_are_a_dutch_400(
    client_as: Callable[[str | None], Any], query: dict[str, str], field: str
) -> None:
    response = client_as("coa").get(URL, query)
    assert response.status_code == 400
    assert field in response.json()


def test_schema_documents_the_forecast(client_as: Callable[[str | None], Any]) -> None:
    schema = client_as("landelijk").get("/api/schema/", {"format": "json"}).json()
    operation = schema["paths"][URL]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert names == {"week", "scenario", "provincie", "beleid", "percentiel", "instroom",
                     "huisvesting", "onzekerheid"}  # fmt: skip


def test_official_scenario_in_the_api(client_as: Callable[[str | None], Any]) -> None:
    client = client_as("landelijk")
    refused = client.get(URL, {"week": "2021-W45", "scenario": "mpp-max"})
    assert refused.status_code == 400
    assert "scenario" in refused.json()
    data = client.get(URL, {"week": "2024-W02", "scenario": "mpp-max"}).json()
    assert data["scenario"]["naam"] == "mpp-max"
    assert data["scenario"]["instroom_per_jaar"] == 76_000
    assert data["scenario"]["label"] == "officieel max (MPP 2023-II)"
    assert "gepubliceerd 10 november 2023" in data["scenario"]["omschrijving"]


def test_the_forecast_uses_the_need_policy_chosen_for_the_week(
    client_as: Callable[[str | None], Any], make_user: Callable[[str], Any]
) -> None:
    """One need policy for picture and forecast: without ``beleid`` the forecast of a week
    uses the LRT's choice for that week; the week after keeps the dated policy."""
    from regietafel.kerncijfers.services import choose_need_policy

    choose_need_policy(
        user=make_user("landelijk"), week="2021-W45", key="coa-2022-11", reason="LRT-besluit"
    )
    client = client_as("landelijk")
    chosen = client.get(URL, {"week": "2021-W45"}).json()
    assert chosen["behoeftebeleid"]["sleutel"] == "coa-2022-11"
    later = client.get(URL, {"week": "2021-W46"}).json()
    assert later["behoeftebeleid"]["sleutel"] == "lrt-voorjaar-2021"


def test_every_choosable_need_policy_can_be_asked(client_as: Callable[[str | None], Any]) -> None:
    """The policies the LRT can choose for a week can be asked of the forecast too (the docs
    promised "geen buffer" and a percentage; the API answered 400). Week 0's need is the start
    occupancy with that policy: plus nothing, plus ⌈7 %⌉, plus 417 nationally."""
    client = client_as("landelijk")
    needs = {}
    for key in ("geen-buffer", "percentage-7", "lrt-voorjaar-2021"):
        response = client.get(URL, {"week": "2021-W45", "beleid": key})
        assert response.status_code == 200, key
        data = response.json()
        assert data["behoeftebeleid"]["sleutel"] == key
        needs[key] = (data["weken"][0]["bezetting_p50"], data["behoefte_bij_start"])
    occupancy, none = needs["geen-buffer"]
    assert none == occupancy
    assert needs["percentage-7"] == (occupancy, -(-occupancy * 107 // 100))
    assert needs["lrt-voorjaar-2021"] == (occupancy, occupancy + 417)


def test_the_order_up_to_percentile_is_chosen(client_as: Callable[[str | None], Any]) -> None:
    """The issue asks order-up-to "a chosen percentile": a higher percentile orders more, so
    fewer short person-weeks and more empty place-weeks on the same paths; the other
    policies do not change. Outside 50–99 a Dutch 400."""
    client = client_as("landelijk")

    def buffers(percentile: int) -> dict[str, dict[str, Any]]:
        data = client.get(URL, {"week": "2021-W45", "percentiel": percentile}).json()
        return {row["beleid"]: row for row in data["bufferbeleid"]}

    low, high = buffers(60), buffers(97)
    assert "bestellen tot 60e percentiel" in low
    assert "bestellen tot 97e percentiel" in high
    p60, p97 = low["bestellen tot 60e percentiel"], high["bestellen tot 97e percentiel"]
    assert p97["tekort_persoonweken"] < p60["tekort_persoonweken"]
    assert p97["lege_plekweken"] > p60["lege_plekweken"]
    assert low["vaste buffer +417"] == high["vaste buffer +417"]
    assert client.get(URL, {"week": "2021-W45", "percentiel": 100}).status_code == 400
