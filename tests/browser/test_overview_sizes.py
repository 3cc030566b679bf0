"""The overview and the pages it leads to, on a phone (390 x 844) and a laptop (1366 x 768).

axe-core (WCAG 2.1 A/AA) finds nothing, nothing makes the screen scroll sideways, every trend
is an SVG with a text alternative, and the menu is collapsed behind "Menu" on the phone
(a <details>, no JavaScript) and open on the laptop. Data: the demo year.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.browser.conftest import log_in_as_demo_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = {"telefoon": (390, 844), "laptop": (1366, 768)}

PAGES = (
    ("lrt", "/?week=2021-W45&sinds=2021-W40"),
    ("prt-noord-holland", "/?week=2021-W45"),
    ("lrt", "/taakstelling/2021-II/?week=2021-W45&achter=1"),
    ("prt-noord-holland", "/taakstelling/2021-II/?week=2021-W45&provincie=PV27&achter=1"),
    ("lrt", "/rapport/2021-W45/NL/"),
)


@pytest.fixture
def demo_year(settings: Any, tmp_path: Any) -> None:
    from regietafel.demo.services import demo_load

    settings.DEMO_MODE = True
    settings.MEDIA_ROOT = tmp_path
    demo_load(weeks=52)  # publishes 2021-W44 and W45 (demo.services.PUBLISHED_WEEKS)


def _menu_problems(page: Any, *, phone: bool) -> list[str]:
    """Collapsed behind "Menu" on a phone (and opens with it), open on a laptop."""
    link = page.locator("nav.site-nav a", has_text="Taakstelling")
    toggle = page.locator("nav.site-nav summary")
    if not phone:
        return [] if link.is_visible() and not toggle.is_visible() else ["menu dicht op laptop"]
    if link.is_visible() or not toggle.is_visible():
        return ["menu niet ingeklapt op de telefoon"]
    toggle.click()
    return [] if link.is_visible() else ["menu gaat niet open met 'Menu'"]


def _trend_problems(page: Any, width: int) -> list[str]:
    """Trends are drawn, wide enough to read, on the screen, with their text alternative."""
    trends = page.locator("svg.sparkline")
    if trends.count() == 0:
        return ["geen verloop"]
    found = []
    label = trends.first.get_attribute("aria-label") or ""
    if " tot en met 2021-W45: van " not in label:
        found.append(f"verloop zonder tekst: {label!r}")
    box = trends.first.bounding_box()
    if box is None or box["width"] < 60 or box["x"] + box["width"] > width:
        found.append(f"verloop niet leesbaar: {box}")
    return found


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.usefixtures("demo_year")
def test_overview_and_its_pages_at_phone_and_laptop_size(
    browser: Any, live_server: Any, size: str, axe_violations: Callable[[Any], list[str]]
) -> None:
    width, height = SIZES[size]
    problems: dict[str, list[str]] = {}
    contexts: dict[str, Any] = {}
    try:
        for user, url in PAGES:
            if user not in contexts:
                contexts[user] = browser.new_context(
                    locale="nl-NL", viewport={"width": width, "height": height}
                )
                log_in_as_demo_user(contexts[user], live_server.url, user)
            page = contexts[user].new_page()
            page.set_default_timeout(60_000)
            response = page.goto(live_server.url + url)
            found = [] if response.status == 200 else [f"status {response.status}"]
            found += axe_violations(page)
            scroll = page.evaluate("() => document.documentElement.scrollWidth")
            if scroll > width:
                found.append(f"breder dan het scherm: {scroll} px")
            found += _menu_problems(page, phone=size == "telefoon")
            if url.startswith(("/?", "/rapport/")):
                found += _trend_problems(page, width)
            if url.startswith("/rapport/"):
                # Bar and line charts: the table after them on a phone, both on a laptop.
                charts = page.locator("figure.chart:not(.chart--map)")
                shown = [charts.nth(i).is_visible() for i in range(charts.count())]
                wrong = any(shown) if size == "telefoon" else not all(shown)
                if not shown or wrong:
                    found.append(f"grafieken zichtbaar: {shown}")
            if found:
                problems[f"{url} als {user}"] = found
            page.close()
    finally:
        for context in contexts.values():
            context.close()
    assert not problems, "\n".join(f"{page}: {found}" for page, found in problems.items())
