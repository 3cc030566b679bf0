"""Every page of the access table, as every role sees it, has no English on it.

The pages (home, opvangbeeld, boodschappenlijst, taakstelling and the half-year cycle, areas,
verdeling, prognose, afspraken and the action list, imports and their formats, reports,
meldingen, audit trail, begrippen, log-in, and the 403/404/405 pages) come from
``tests/accounts/access_table.py``; the charts on them are inline SVG, so their words for
screen readers are checked too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.accounts.access_table import MATRIX, ROLES
from tests.accounts.test_access_matrix import world  # noqa: F401 - the table's data, as a fixture
from tests.english import english_in

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

PAGES = [case for case in MATRIX if case.method == "get" and "formaat=" not in case.query]


@pytest.mark.parametrize("key", ROLES, ids=lambda key: key or "anoniem")
def test_pages_per_role_have_no_english(
    key: str | None,
    world: dict[str, int],  # noqa: F811 - the fixture imported above
    client_as: Callable[[str | None], Any],
) -> None:
    client = client_as(key)
    checked = 0
    found = {}
    for case in PAGES:
        url = case.url(world)
        response = client.get(url)
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        checked += 1
        if english := english_in(response.content.decode()):
            found[url] = english
    assert checked >= (5 if key is None else 50)  # the log-in and error pages at least
    assert not found


def test_forms_sent_back_with_errors_have_no_english(
    world: dict[str, int],  # noqa: F811 - the fixture imported above
    client_as: Callable[[str | None], Any],
) -> None:
    """Django's default form errors and widget texts, on the forms of each role."""
    sent = {
        "inloggen": client_as(None).post("/inloggen/", {"username": "coa", "password": "x"}),
        "import": client_as("coa").post("/imports/nieuw/", {}),
        "oordeel": client_as("provincie").post("/taakstelling/2021-II/oordeel/", {}),
        "doel": client_as("landelijk").post("/doelen/", {}),
        "afspraak": client_as("landelijk").post("/afspraken/", {}),
        "overleg": client_as("landelijk").post("/afspraken/overleggen/", {}),
        "verdeling": client_as("landelijk").post("/verdeling/", {}),
        "taakstelling": client_as("landelijk").post("/taakstelling/vaststellen/", {}),
        "meldingen": client_as("landelijk").post("/meldingen/", {"landelijk": "x"}),
    }
    found = {
        name: english
        for name, response in sent.items()
        if (english := english_in(response.content.decode()))
    }
    assert all(r.status_code in (200, 302, 400) for r in sent.values()), {
        name: r.status_code for name, r in sent.items()
    }
    assert not found
