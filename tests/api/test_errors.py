"""Every 4xx answer of the API that docs/api.md quotes is the answer the API gives.

The table under "Fouten" in docs/api.md quotes whole bodies; this test makes each of them
with a real request and compares both ways: every quoted body is answered, every answer
made here is quoted. The API's own texts are written once (``api.messages``), the others
where the error is found (the selectors, ``views.check_parameters``).
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from rest_framework.throttling import UserRateThrottle

from tests.conftest import PASSWORD
from tests.opvang.factories import locations_week45

pytestmark = pytest.mark.django_db

DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"


def _basic(username: str, password: str) -> dict[str, str]:
    token = base64.b64encode(f"{username}:{password}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {token}"}


def _quoted_bodies() -> dict[str, str]:
    """The status and body of every row of the table under "## Fouten"."""
    text = DOC.read_text(encoding="utf-8")
    section = text.split("\n## Fouten\n", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| (\d{3}) \| [^|]+ \| `(\{.*\})` \|$", section, re.MULTILINE)
    return {body: status for status, body in rows}


def _body(response: Any) -> str:
    return json.dumps(response.json(), ensure_ascii=False)


def test_the_error_table_of_the_docs_is_what_the_api_answers(
    client_as: Callable[[str | None], Any],
    make_user: Callable[[str], Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from regietafel.accounts.models import User
    from regietafel.opvangprognose import selectors
    from regietafel.prognose import cache as runs

    monkeypatch.setattr(runs, "WEB_PATHS", 500)
    selectors.cache_clear()
    locations_week45()  # one confidential AMV location in each province
    national, province = client_as("landelijk"), client_as("provincie")
    User.objects.create_user(username="zonderrol", password=PASSWORD)
    User.objects.create_user(
        username="zwevend", password=PASSWORD, role="provincie", province_code="PV99"
    )
    answers = [
        national.get("/api/v1/realisatie/?gemeente=GM0363"),
        national.get("/api/v1/locaties/?week=2021-W45&week=2021-W46"),
        national.get("/api/v1/locaties/?week=2021-W99"),
        national.get("/api/v1/provincies/?limit=0"),
        national.get("/api/v1/provincies/?format=csv"),
        Client().get("/api/v1/provincies/"),
        Client().get("/api/v1/provincies/", **_basic("landelijk", "fout")),
        Client().get("/api/v1/provincies/", HTTP_AUTHORIZATION="Basic !"),
        Client().get("/api/v1/provincies/", **_basic("zonderrol", PASSWORD)),
        Client().get("/api/v1/provincies/", **_basic("zwevend", PASSWORD)),
        province.get("/api/v1/kerncijfers/?week=2021-W45&scope=PV20"),
        province.get("/api/v1/locaties/GR-AZC/?week=2021-W45"),
        national.get("/api/v1/prognose/?week=2021-W45"),
        national.get("/api/v1/bestaatniet/"),
        national.get("/api/v1/taakstelling/2030-I/"),
        national.get("/api/v1/locaties/XX-GEEN/?week=2021-W45"),
        national.get("/api/v1/verdeling/?week=2020-W10"),
        national.post("/api/v1/provincies/"),
        national.get("/api/v1/provincies/", HTTP_ACCEPT="text/csv"),
    ]
    # The log-in throttle from an address of its own: it also locks the address.
    elsewhere = Client(REMOTE_ADDR="192.0.2.7")
    make_user("beheerder")
    for _ in range(5):
        elsewhere.get("/api/v1/provincies/", **_basic("beheerder", "fout"))
    answers.append(elsewhere.get("/api/v1/provincies/", **_basic("beheerder", PASSWORD)))
    # The request rate, at one an hour for this test.
    cache.clear()
    monkeypatch.setattr(UserRateThrottle, "THROTTLE_RATES", {"user": "1/hour"})
    coa = client_as("coa")
    assert coa.get("/api/v1/provincies/").status_code == 200
    answers.append(coa.get("/api/v1/provincies/"))
    cache.clear()

    answered = {_body(response): str(response.status_code) for response in answers}
    assert all(400 <= int(status) < 500 for status in answered.values())
    assert answered == _quoted_bodies()
