"""Journey "PRT officer Noord-Holland", clicked through in Chromium on the demo data.

Own figures, the municipalities behind (sorted by arrears), the province's shopping list
and the province's share in the distribution. Each step counts its page loads (document
requests) and holds them to a small bound; the counts are in docs/_readme_gebieden.md.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

USER = "prt-noord-holland"


@pytest.fixture
def demo(settings: Any) -> None:
    from regietafel.demo.services import demo_load

    settings.DEMO_MODE = True
    demo_load()


class Loads:
    """Counts the documents the browser loads (each navigation, form post or redirect)."""

    def __init__(self, page: Any) -> None:
        self.count = 0
        page.on("request", self._seen)

    def _seen(self, request: Any) -> None:
        if request.resource_type == "document":
            self.count += 1

    def step(self) -> int:
        count, self.count = self.count, 0
        return count


def _number(text: str) -> int:
    return int(text.replace(".", "").strip())


@pytest.mark.usefixtures("demo")
def test_journey_prt_officer(browser: Any, live_server: Any) -> None:
    base = live_server.url
    context = browser.new_context(locale="nl-NL", viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20_000)
    loads = Loads(page)
    counts: dict[str, int] = {}

    # 1. Log in.
    page.goto(f"{base}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(USER)
    page.get_by_label("Wachtwoord").fill(f"demo-{USER}-2021")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{base}/")
    counts["inloggen"] = loads.step()

    # 2. Own figures: Provincies -> Noord-Holland (other provinces are not links).
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Provincies").click()
    assert page.get_by_role("link", name="Groningen", exact=True).count() == 0
    page.get_by_role("link", name="Noord-Holland", exact=True).click()
    page.wait_for_url(re.compile(r"/provincies/PV27/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Provincie Noord-Holland"
    figures = page.locator("ul.figures").first
    assert "Gecorrigeerde taakstelling" in figures.inner_text()
    counts["eigen cijfers"] = loads.step()

    # 3. The municipalities behind, the largest arrears first.
    page.get_by_label("Schema", exact=True).select_option("ver-achter")
    page.get_by_role("button", name="Toon").click()
    page.wait_for_url(re.compile(r"klasse=ver-achter"))
    table = page.locator("#voortgang table")
    table.get_by_role("link", name=re.compile("^Achterstand")).click()
    page.wait_for_url(re.compile(r"sorteer=achterstand&richting=af"))
    rows = table.locator("tbody tr")
    assert rows.count() >= 1
    arrears = [_number(t) for t in rows.locator("td:nth-child(3)").all_inner_texts()]
    assert arrears == sorted(arrears, reverse=True)
    assert set(rows.locator("td:last-child").all_inner_texts()) == {"ver achter"}
    header = table.locator("th[aria-sort=descending]")
    assert header.inner_text().startswith("Achterstand")
    first = rows.first.locator("th").inner_text().split(" GM")[0]
    counts["gemeenten achter"] = loads.step()

    # ... and the map on the same page leads to that municipality's page.
    link = page.locator(f'svg a[aria-label^="{first} (GM"]')
    assert link.count() == 1
    assert link.get_attribute("aria-label").endswith(": ver achter")
    link.click()
    page.wait_for_url(re.compile(r"/gemeenten/GM\d{4}/$"))
    assert page.get_by_role("heading", level=1).inner_text() == f"Gemeente {first}"
    assert page.get_by_role("heading", name="Taakstelling per halfjaar").is_visible()
    counts["gemeentepagina via kaart"] = loads.step()

    # 4. The province's own shopping list.
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Boodschappenlijst"
    ).click()
    page.get_by_label("Lijst", exact=True).select_option("PV27")
    page.locator("form[aria-label='Kies de lijst'] button").click()
    page.wait_for_url(re.compile(r"scope=PV27"))
    items = page.locator("#tabel-boodschappenlijst tbody tr")
    assert items.count() >= 1
    counts["boodschappenlijst"] = loads.step()

    # 5. The province's share of the distribution: province page and Verdeling agree.
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Provincies").click()
    page.get_by_role("link", name="Noord-Holland", exact=True).click()
    share = page.locator("#verdeling + p + dl.facts")
    allocation = _number(share.locator("dt:text('Voorgestelde extra plaatsen') + dd").inner_text())
    page.get_by_role("link", name="Naar de verdeling over de gemeenten").click()
    page.wait_for_url(re.compile(r"/verdeling/\?week=.*provincie=PV27"))
    national = page.locator("#tabel-provincies")
    row = national.locator("tr", has=page.locator("td", has_text=re.compile("^Noord-Holland$")))
    headers = national.locator("thead th").all_inner_texts()
    column = next(i for i, h in enumerate(headers) if h.startswith("Voorgestelde extra"))
    assert _number(row.locator("th, td").nth(column).inner_text()) == allocation
    counts["aandeel in de verdeling"] = loads.step()

    context.close()
    print("paginaladingen per stap:", counts)  # noqa: T201 - the figures for the README
    bounds = {
        "inloggen": 3,
        "eigen cijfers": 2,
        "gemeenten achter": 2,
        "gemeentepagina via kaart": 2,
        "boodschappenlijst": 2,
        "aandeel in de verdeling": 3,
    }
    assert all(counts[step] <= bound for step, bound in bounds.items()), counts
