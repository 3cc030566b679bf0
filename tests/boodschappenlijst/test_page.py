"""The boodschappenlijst page names its scope as a reader says it: "Noord-Holland", not "PV27"."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from tests.opvangbeeld.factories import standard_register


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("scope", "name"), [("NL", "Nederland"), ("PV27", "Noord-Holland"), ("PV20", "Groningen")]
)
def test_the_heading_names_the_scope(
    client_as: Callable[[str | None], Any], scope: str, name: str
) -> None:
    standard_register("2021-W45")
    response = client_as("landelijk").get(
        "/boodschappenlijst/", {"week": "2021-W45", "scope": scope}
    )
    assert response.status_code == 200
    page = response.content.decode()
    heading = re.search(r"<h1>(.*?)</h1>", page, re.S)
    assert heading is not None
    assert heading.group(1) == f"Boodschappenlijst {name}, week 2021-W45"
    assert f"<title>Boodschappenlijst {name}, week 2021-W45" in page
