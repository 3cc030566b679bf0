"""The week travels with the user: chosen once, kept by the menu on every weekly page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.opvangbeeld.factories import standard_register

pytestmark = pytest.mark.django_db(transaction=True)


def test_week_chosen_on_one_page_is_shown_on_the_pages_the_menu_leads_to(
    login: Callable[[str], Any], live_server: Any, axe_violations: Callable[[Any], list[str]]
) -> None:
    standard_register("2021-W40")
    standard_register("2021-W45")
    page = login("landelijk")
    page.goto(f"{live_server.url}/opvangbeeld/")
    # Without a choice the page shows the latest week with data.
    assert "week 2021-W45" in page.locator("h1").inner_text()

    page.get_by_label("Week", exact=True).fill("2021-W40")
    page.get_by_role("button", name="Toon week").click()
    page.wait_for_load_state()
    assert "week 2021-W40" in page.locator("h1").inner_text()
    assert axe_violations(page) == []

    menu = page.get_by_role("navigation", name="Hoofdmenu")
    menu.get_by_role("link", name="Boodschappenlijst").click()
    page.wait_for_load_state()
    assert "week 2021-W40" in page.locator("h1").inner_text()
    assert page.get_by_label("Week", exact=True).input_value() == "2021-W40"

    menu.get_by_role("link", name="Opvanglocaties").click()
    page.wait_for_load_state()
    assert "week 2021-W40" in page.locator("h1").inner_text()
    assert page.get_by_label("Week", exact=True).input_value() == "2021-W40"
    assert axe_violations(page) == []

    menu.get_by_role("link", name="Verdeling").click()
    page.wait_for_load_state()
    assert page.get_by_label("Week", exact=True).input_value() == "2021-W40"
    assert axe_violations(page) == []

    # A page without weekly figures in between does not lose the week.
    menu.get_by_role("link", name="Provincies").click()
    page.wait_for_load_state()
    menu.get_by_role("link", name="Doelen").click()
    page.wait_for_load_state()
    assert "locatieregister van week 2021-W40" in page.locator("main").inner_text()
    assert page.get_by_label("Week", exact=True).input_value() == "2021-W40"
