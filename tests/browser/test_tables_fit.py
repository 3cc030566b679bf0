"""No table cell is clipped: on a laptop (1366 px) and a phone (390 px) every cell of the
big tables is either inside the viewport or inside a scroll container that reaches it, and
no cell's own text is cut off; no table's title runs off the screen. Data: the demo set of
six weeks."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import log_in_as_demo_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = (
    "/taakstelling/2021-I/",
    "/gemeenten/?provincie=&sorteer=achterstand&richting=af",
    "/gemeenten/GM0363/",
    "/provincies/PV27/",
    "/opvang/locaties/",
    "/boodschappenlijst/?scope=PV27",
    "/verdeling/?provincie=PV27",
    "/prognose/?provincie=PV27",
)

CLIPPED_SCRIPT = """() => {
  const width = document.documentElement.clientWidth;
  const problems = [];
  for (const cell of document.querySelectorAll('main table th, main table td')) {
    const box = cell.getBoundingClientRect();
    if (box.width === 0) continue;
    const label = `${cell.tagName} "${cell.innerText.trim().slice(0, 30)}"`;
    if (cell.scrollWidth > cell.clientWidth + 1) {
      problems.push(`${label}: tekst breder dan de cel`);
      continue;
    }
    const wrap = cell.closest('.table-wrap');
    if (wrap === null) {
      if (box.right > width + 1) problems.push(`${label}: buiten beeld, geen scrollvak`);
      continue;
    }
    const style = getComputedStyle(wrap);
    const scrolls = ['auto', 'scroll'].includes(style.overflowX);
    const frame = wrap.getBoundingClientRect();
    if (frame.right > width + 1) problems.push(`${label}: scrollvak breder dan het scherm`);
    const reach = frame.left + wrap.scrollWidth - wrap.scrollLeft;
    if (box.right > frame.right + 1 && !scrolls) problems.push(`${label}: afgesneden`);
    if (box.right > reach + 1) problems.push(`${label}: voorbij het scrollbare deel`);
  }
  // A table's title stays readable: it wraps to the screen, not to the (scrolling) table.
  for (const caption of document.querySelectorAll('main table > caption')) {
    const box = caption.getBoundingClientRect();
    if (box.width > 0 && box.right > width + 1) {
      problems.push(`titel "${caption.innerText.trim().slice(0, 30)}": breder dan het scherm`);
    }
  }
  return problems.slice(0, 10);
}"""


@pytest.fixture
def demo(settings: Any) -> None:
    from regietafel.demo.services import demo_load

    settings.DEMO_MODE = True
    demo_load(weeks=6)


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize(("width", "height"), [(1366, 900), (390, 844)])
def test_no_table_cell_is_clipped(browser: Any, live_server: Any, width: int, height: int) -> None:
    problems: dict[str, list[str]] = {}
    for user in ("lrt", "prt-noord-holland"):
        context = browser.new_context(locale="nl-NL", viewport={"width": width, "height": height})
        log_in_as_demo_user(context, live_server.url, user)
        page = context.new_page()
        for path in PAGES:
            response = page.goto(f"{live_server.url}{path}")
            assert response is not None, path
            assert response.status == 200, path
            found = page.evaluate(CLIPPED_SCRIPT)
            if found:
                problems[f"{path} als {user}"] = found
            # The key column stays in view when the table is scrolled sideways.
            wrap = page.locator(".table-wrap").first
            if wrap.evaluate("w => w.scrollWidth > w.clientWidth"):
                wrap.evaluate("w => { w.scrollLeft = w.scrollWidth; }")
                key = wrap.locator("tbody th[scope=row]").first
                left = key.evaluate("c => c.getBoundingClientRect().left")
                frame = wrap.evaluate("w => w.getBoundingClientRect().left")
                assert abs(left - frame) <= 1, f"{path}: sleutelkolom niet vast bij scrollen"
        context.close()
    assert not problems, problems
