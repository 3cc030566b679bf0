"""axe-core finds no violations on the reception pages (Chromium through Playwright)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.opvang.factories import locations_week45, series_import

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/opvang/locaties/?week=2021-W45",
    "/opvang/locaties/NH-AMV/?week=2021-W45",
    "/opvang/reeksen/?week=2021-W45",
    "/opvang/locaties/?week=2021-W99",
]


def test_reception_pages_pass_axe(live_server: Any, client_as: Callable[[str], Any]) -> None:
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright

    locations_week45()
    series_import("2021-W44", {"nareizigers": 410})
    series_import("2021-W45", {"nareizigers": 1395})
    session = client_as("landelijk").cookies["sessionid"].value
    axe = Axe()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        context = browser.new_context()
        context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
        page = context.new_page()
        problems = {}
        headings = []
        for url in PAGES:
            page.goto(live_server.url + url)
            headings.append(page.locator("h1").inner_text())
            result = axe.run(page)
            if result.violations_count:
                problems[url] = result.generate_report()
        browser.close()
    # The pages themselves were checked, not the log-in page.
    assert headings[0].startswith("Opvanglocaties")
    assert headings[1].startswith("Kleinschalig Noord")
    assert headings[2].startswith("Landelijke reeksen")
    assert not problems, problems
