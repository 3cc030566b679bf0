"""The 400 page of ``presentation.http.bad_request`` is the site's own, not an app's."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest


@pytest.mark.django_db
def test_bad_request_renders_the_neutral_dutch_page(
    client_as: Callable[[str | None], Any],
) -> None:
    response = client_as("landelijk").get("/boodschappenlijst/?week=onzin")

    assert response.status_code == 400
    used = [template.name for template in response.templates]
    assert "regietafel/400.html" in used
    assert not any(name.startswith("opvang/") for name in used)
    body = response.content.decode()
    assert "<h1>Ongeldige invoer</h1>" in body
    assert 'lang="nl"' in body
    # The way back is a plain link to the page without the bad input: the Content Security
    # Policy blocks a "javascript:" link, so "Terug" did nothing.
    assert "javascript:" not in body
    assert '<a href="/boodschappenlijst/">Terug naar de pagina zonder deze invoer</a>' in body
