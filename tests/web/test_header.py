"""The header names the reader's province, not its CBS code (found in the browser check)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("key", "shown", "hidden"),
    [("provincie", "· Noord-Holland</span>", "PV27</span>"), ("landelijk", "</span>", "· PV")],
)
def test_header_shows_the_province_name(
    client: Any, make_user: Callable[[str], Any], key: str, shown: str, hidden: str
) -> None:
    client.force_login(make_user(key))
    header = client.get("/provincies/").content.decode()
    line = header[header.index('class="site-header__user"') :].split("\n")[0]
    assert shown in line
    assert hidden not in line
