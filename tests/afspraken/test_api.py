"""The agreements API: a wrong choice of table is a Dutch 400, another province a 403 with
the reason, and a filter is never ignored."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

pytestmark = pytest.mark.django_db

Client = Callable[[str | None], Any]

REFUSAL = (
    "De details van Groningen zijn voor de provinciale regietafel van Groningen, het LRT en "
    "het COA. In de landelijke overzichten staat Groningen wel."
)


@pytest.fixture
def tables(agree: Callable[..., Any], prt_agreements: None) -> None:
    """An LRT agreement and one at the PRT of Noord-Holland and of Groningen."""
    agree(text="landelijke afspraak")


def _numbers(response: Any) -> list[str]:
    assert response.status_code == 200, response.content
    return sorted(row["nummer"] for row in response.json()["results"])


@pytest.mark.usefixtures("tables")
@pytest.mark.parametrize(
    ("url", "parameter", "message"),
    [
        # Regression: provincie without overleg was ignored (200 with every agreement).
        ("/api/v1/afspraken/?provincie=PV27", "provincie", "hoort alleen bij overleg=PRT"),
        ("/api/v1/afspraken/?overleg=LRT&provincie=PV27", "provincie", "overleg=PRT"),
        ("/api/v1/afspraken/actielijst/?provincie=PV27", "provincie", "overleg=PRT"),
        # Regression: these parameter errors were a 404, as if the endpoint did not exist.
        ("/api/v1/afspraken/?overleg=XYZ", "overleg", "onbekend overleg 'XYZ'"),
        ("/api/v1/afspraken/actielijst/?overleg=XYZ", "overleg", "onbekend overleg 'XYZ'"),
        ("/api/v1/afspraken/actielijst/?overleg=PRT", "provincie", "bij een PRT hoort"),
        ("/api/v1/afspraken/?overleg=PRT&provincie=PV99", "provincie", "onbekende provincie"),
    ],
)
def test_a_wrong_table_is_a_dutch_400_at_its_parameter(
    client_as: Client, url: str, parameter: str, message: str
) -> None:
    response = client_as("landelijk").get(url)
    assert response.status_code == 400, response.content
    assert message in response.json()[parameter][0]


@pytest.mark.usefixtures("tables")
def test_the_table_filter_applies(client_as: Client) -> None:
    client = client_as("coa")
    on = {"datum": date(2021, 11, 1).isoformat()}
    assert _numbers(client.get("/api/v1/afspraken/", on)) == [
        "LRT-2021-01",
        "PRT-GR-2021-01",
        "PRT-NH-2021-01",
    ]
    assert _numbers(client.get("/api/v1/afspraken/", {**on, "overleg": "LRT"})) == ["LRT-2021-01"]
    nh = client.get("/api/v1/afspraken/", {**on, "overleg": "PRT", "provincie": "Noord-Holland"})
    assert _numbers(nh) == ["PRT-NH-2021-01"]
    # overleg=PRT alone: every PRT the user reads, as on the register page.
    every = client.get("/api/v1/afspraken/", {**on, "overleg": "PRT"})
    assert _numbers(every) == ["PRT-GR-2021-01", "PRT-NH-2021-01"]
    own = client_as("provincie").get("/api/v1/afspraken/", {**on, "overleg": "PRT"})
    assert _numbers(own) == ["PRT-NH-2021-01"]


@pytest.mark.usefixtures("tables")
@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/afspraken/?overleg=PRT&provincie=PV20",
        "/api/v1/afspraken/actielijst/?overleg=PRT&provincie=PV20",
        "/api/v1/afspraken/PRT-GR-2021-01/",
    ],
)
def test_another_provinces_prt_is_refused_with_the_reason(client_as: Client, url: str) -> None:
    """Regression: DRF's generic "Je hebt geen toestemming …" instead of the reason."""
    response = client_as("provincie").get(url)
    assert response.status_code == 403
    assert response.json() == {"detail": REFUSAL}


@pytest.mark.usefixtures("tables")
def test_the_action_list_page_gives_a_dutch_400_for_an_unknown_table(client_as: Client) -> None:
    page = client_as("landelijk").get("/afspraken/actielijst/?overleg=XYZ")
    assert page.status_code == 400
    assert "onbekend overleg" in page.content.decode()
    refused = client_as("provincie").get("/afspraken/?overleg=PRT&provincie=PV20")
    assert refused.status_code == 403
    assert "provinciale regietafel van Groningen" in refused.content.decode()
