"""Browser tests: Playwright for Python driving Debian's Chromium, with axe-core for WCAG checks.

Chromium comes from the system (never downloaded). Where it is missing these tests are skipped
with a clear reason; tools/check.py makes that a failure in CI.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("REGIETAFEL_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Playwright's sync API runs an event loop; Django must allow ORM calls from this thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    skip = None
    if os.environ.get("REGIETAFEL_SKIP_BROWSER"):
        skip = pytest.mark.skip(
            reason="browsertests overgeslagen: REGIETAFEL_SKIP_BROWSER is gezet"
        )
    elif not Path(CHROMIUM).exists():
        skip = pytest.mark.skip(reason=f"geen Chromium op {CHROMIUM}: browsertests overgeslagen")
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)
            if skip is not None:
                item.add_marker(skip)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS
        )
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def login(page: Any, live_server: Any, make_user: Callable[[str], Any]) -> Callable[[str], Any]:
    """Log in through the real form as the user of a role key; returns the page."""
    from tests.conftest import PASSWORD

    def do(key: str) -> Any:
        user = make_user(key)
        page.goto(f"{live_server.url}/inloggen/")
        page.get_by_label("Gebruikersnaam").fill(user.username)
        page.get_by_label("Wachtwoord").fill(PASSWORD)
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_url(f"{live_server.url}/")
        return page

    return do


@pytest.fixture
def axe_violations() -> Callable[[Any], list[str]]:
    """Run axe-core (WCAG 2.1 A/AA rules) on the page and describe every violation."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page: Any) -> list[str]:
        results = axe.run(
            page,
            options={
                "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}
            },
        )
        violations = results.response["violations"]
        return [
            f"{v['id']}: {v['help']} ({len(v['nodes'])}x, bv. {v['nodes'][0]['target']})"
            for v in violations
        ]

    return check


def log_in_as_demo_user(context: Any, base: str, username: str) -> None:
    """Log a browser context in as a demo user (password ``demo-<user>-2021``) and close the
    page; the context keeps the session cookie for the pages a test opens next."""
    page = context.new_page()
    page.goto(f"{base}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(f"demo-{username}-2021")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{base}/")
    page.close()
