"""Journeys: a person with a task, from the overview to the answer, counted in page loads.

Each journey counts the navigations of the main frame per question (a file download is no
page load) and asserts a ceiling, so a page that moves an answer one click further away
fails here. Data: the demo year, served by the live server, driven in Chromium.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WEEK = "2021-W45"
MAX_LOADS = 3


class LoadCounter:
    """Counts the page loads (main-frame navigations) of one page, per question."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.loads = 0
        self.per_question: dict[str, int] = {}
        page.on("framenavigated", self._navigated)

    def _navigated(self, frame: Any) -> None:
        if frame == self.page.main_frame:
            self.loads += 1

    @contextmanager
    def question(self, name: str) -> Iterator[None]:
        self.loads = 0
        yield
        self.per_question[name] = self.loads


def _card_value(page: Any, scope: str, code: str) -> str:
    card = page.locator(f'ul[data-scope="{scope}"] li[data-kerncijfer="{code}"]')
    return str(card.locator(".figure__value").inner_text()).strip()


@pytest.fixture
def demo_year(settings: Any, tmp_path: Any) -> None:
    from regietafel.demo.services import demo_load

    settings.DEMO_MODE = True
    settings.MEDIA_ROOT = tmp_path
    demo_load(weeks=52)


@pytest.mark.usefixtures("demo_year")
def test_journey_lrt_secretary(browser: Any, live_server: Any, tmp_path: Any) -> None:
    """The LRT secretary prepares the meeting of week 45: the task, the progress, whether
    extra actions are needed and who is behind, then the report as PDF and Excel."""
    from openpyxl import load_workbook

    from regietafel.accounts.models import User
    from regietafel.core.catalogue import definition
    from regietafel.core.periods import IsoWeek
    from regietafel.kerncijfers.selectors import figures_for

    core = figures_for(user=User.objects.get(username="lrt"), week=IsoWeek.parse(WEEK))
    assert core.housing is not None
    base = live_server.url
    overview = f"{base}/?week={WEEK}"
    context = browser.new_context(
        locale="nl-NL", viewport={"width": 1366, "height": 768}, accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(f"{base}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("lrt")
    page.get_by_label("Wachtwoord").fill("demo-lrt-2021")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{base}/")
    counter = LoadCounter(page)

    def expected(code: str) -> str:
        figure = definition(code)
        return figure.text(figure.value(core))

    # 1. The task: the shortfall of reception and the corrected taakstelling, on the overview.
    with counter.question("opgave"):
        page.goto(overview)
        assert _card_value(page, "NL", "tekort_kort") == expected("tekort_kort")
        assert _card_value(page, "NL", "gecorrigeerde_taakstelling") == expected(
            "gecorrigeerde_taakstelling"
        )
        page.locator('a[data-vraag="opgave"]').click()
        page.wait_for_load_state()
        assert page.locator("h1").inner_text().startswith("Opvangbeeld Nederland, week 2021-W45")

    # 2. The progress: housed as a share of the corrected task, per province on the next page.
    with counter.question("voortgang"):
        page.goto(overview)
        assert _card_value(page, "NL", "gehuisvest_procent") == expected("gehuisvest_procent")
        page.locator('a[data-vraag="voortgang"]').click()
        page.wait_for_load_state()
        assert page.locator("h1").inner_text() == "Taakstelling 2021-II"
        assert page.get_by_role("table", name="Voortgang per provincie").count() == 1

    # 3. Extra actions needed: the open items of the shopping list, with owner and deadline.
    with counter.question("extra acties"):
        page.goto(overview)
        open_actions = page.locator('ul[data-acties="NL"] > li')
        assert open_actions.count() > 0
        assert "eigenaar:" in open_actions.first.inner_text()
        page.locator('a[data-vraag="acties"]').click()
        page.wait_for_load_state()
        assert page.locator("h1").inner_text() == f"Boodschappenlijst Nederland, week {WEEK}"
        assert page.locator("#tabel-boodschappenlijst tbody tr").count() >= open_actions.count()

    # 4. Who is behind: only municipalities behind schedule, the largest arrears first.
    with counter.question("wie loopt achter"):
        page.goto(overview)
        assert _card_value(page, "NL", "gemeenten_achter") == expected("gemeenten_achter")
        page.locator('a[data-vraag="achter"]').click()
        page.wait_for_load_state()
        assert page.locator("h2#gemeenten").inner_text() == "Gemeenten achter op schema"
        behind = page.get_by_role("table", name="Gemeenten achter op schema, grootste")
        rows = behind.locator("tbody tr")
        assert rows.count() == core.housing.behind
        worst = min(core.housing.rows, key=lambda r: (-r.schedule_arrears, r.name))
        assert worst.code in rows.first.inner_text()
        assert "op schema" not in rows.locator("td:last-child").all_inner_texts()

    # The report of the week: published from the overview's link, then PDF and Excel.
    with counter.question("rapport"):
        page.goto(overview)
        link = page.locator('a[data-vraag="rapport"]')
        if link.count() == 0:  # not published yet: the link leads to the publish form
            page.get_by_role("link", name=f"Week {WEEK} is nog niet gepubliceerd").click()
            page.wait_for_load_state()
            assert page.locator("#id_week").input_value() == WEEK
            page.locator("#id_scope").select_option("NL")
            page.get_by_role("button", name="Publiceren").click()
        else:
            link.click()
        page.wait_for_url(f"{base}/rapport/{WEEK}/NL/")
        with page.expect_download(timeout=120_000) as pdf_download:
            page.get_by_role("link", name="Download PDF").click()
        pdf = tmp_path / "rapport.pdf"
        pdf_download.value.save_as(pdf)
        assert pdf.read_bytes().startswith(b"%PDF")
        with page.expect_download() as xlsx_download:
            page.get_by_role("link", name="Download Excel").click()
        xlsx = tmp_path / "rapport.xlsx"
        xlsx_download.value.save_as(xlsx)
        book = load_workbook(xlsx, read_only=True)
        figures = {row[0]: row[3] for row in book["kerncijfers"].iter_rows(values_only=True)}
        assert figures["gecorrigeerde_taakstelling"] == definition(
            "gecorrigeerde_taakstelling"
        ).value(core)
        assert "verloop" in book.sheetnames

    context.close()
    assert counter.per_question == {
        "opgave": 2,
        "voortgang": 2,
        "extra acties": 2,
        "wie loopt achter": 2,
        "rapport": 2,  # the demo publishes 2021-W45: overview, report page, two downloads
    }
    assert max(counter.per_question.values()) <= MAX_LOADS
