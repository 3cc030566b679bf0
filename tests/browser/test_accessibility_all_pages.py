"""axe-core (WCAG 2.1 A/AA) on every page of the app, on a laptop and on a phone.

The pages are a table (``PAGES``): a URL name, the demo user who may see it, its arguments.
A named URL in the URL conf that is neither in ``PAGES`` nor in ``NOT_PAGES`` (with the
reason) fails the test, so a new page cannot be forgotten. Data: the demo set of six weeks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.urls import reverse

from tests.browser.conftest import log_in_as_demo_user
from tests.urlconf import named_routes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

Kwargs = Callable[[], dict[str, Any]]


def _no_kwargs() -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class Page:
    """One page to check: URL ``name`` seen by demo ``user`` (None: not logged in)."""

    name: str
    user: str | None
    kwargs: Kwargs = field(default=_no_kwargs)
    query: str = ""
    status: int = 200
    path: str = ""
    """A literal path instead of ``name`` (the 404 page has no name)."""

    def url(self) -> str:
        base = self.path or reverse(self.name, kwargs=self.kwargs())
        return f"{base}?{self.query}" if self.query else base

    def __str__(self) -> str:
        return f"{self.path or self.name}{'?' + self.query if self.query else ''} als {self.user}"


def _location(*, province: str, confidential: bool = False) -> Kwargs:
    def kwargs() -> dict[str, Any]:
        from regietafel.opvang.models import LocationRecord

        record = (
            LocationRecord.objects.filter(
                province_code=province, confidential=confidential, batch__status="verwerkt"
            )
            .order_by("-batch__week_start", "code")
            .first()
        )
        assert record is not None, f"geen locatie in {province} in de demodata"
        return {"code": record.code}

    return kwargs


def _import(status: str) -> Kwargs:
    def kwargs() -> dict[str, Any]:
        from regietafel.imports.models import Import

        record = Import.objects.filter(status=status).order_by("-pk").first()
        assert record is not None, f"geen import met status {status}"
        return {"pk": record.pk}

    return kwargs


def _meeting(kind: str, day: str) -> Kwargs:
    def kwargs() -> dict[str, Any]:
        from regietafel.afspraken.models import Meeting

        meeting = Meeting.objects.filter(kind=kind, date=day).first()
        assert meeting is not None, f"geen {kind} op {day} in de demodata"
        return {"pk": meeting.pk}

    return kwargs


LRT = "lrt"
PRT = "prt-noord-holland"
COA = "coa"
ADMIN = "beheerder"

PAGES: tuple[Page, ...] = (
    Page("login", None),
    Page("home", LRT),
    Page("home", PRT),
    Page("home", LRT, query="week=2021-W06&sinds=2021-W03"),
    Page("provincies", LRT),
    Page("provincie-detail", PRT, lambda: {"code": "PV27"}),
    Page("provincie-detail", LRT, lambda: {"code": "PV20"}),
    Page("gemeenten", LRT),
    Page("gemeenten", LRT, query="provincie=PV27"),
    Page("gemeenten", PRT, query="sorteer=achterstand&richting=af"),
    Page("gemeente-detail", PRT, lambda: {"code": "GM0363"}),
    Page("gemeente-detail", COA, lambda: {"code": "GM0363"}),
    Page("taakstelling-list", LRT),
    Page("taakstelling-set", LRT),
    Page("taakstelling-detail", LRT, lambda: {"label": "2021-I"}),
    Page("taakstelling-detail", PRT, lambda: {"label": "2021-II"}),
    Page("taakstelling-detail", LRT, lambda: {"label": "2021-I"}, query="week=2021-W06&achter=1"),
    Page("taakstelling-cyclus", LRT, lambda: {"label": "2021-II"}, query="provincie=PV27"),
    Page("taakstelling-cyclus", PRT, lambda: {"label": "2021-I"}),
    Page("taakstelling-herzien", LRT, lambda: {"label": "2021-II"}),
    Page("taakstelling-oordeel", PRT, lambda: {"label": "2021-I"}),
    Page("locaties", LRT),
    Page("locaties", PRT),
    Page("locaties", COA),
    Page("locatie-detail", PRT, _location(province="PV27")),
    Page("locatie-detail", COA, _location(province="PV27", confidential=True)),
    Page("locatie-detail", LRT, _location(province="PV27", confidential=True)),
    Page("reeksen", LRT),
    Page("imports", COA),
    Page("imports", LRT),
    Page("import-new", COA),
    Page("import-detail", COA, _import("verwerkt")),
    Page("import-detail", COA, _import("geweigerd")),
    Page("import-formats", COA),
    Page("audit", ADMIN),
    Page("opvangbeeld", LRT, query="week=2021-W06"),
    Page("opvangbeeld-provincie", PRT, lambda: {"code": "PV27"}, query="week=2021-W06"),
    Page("opvangbeeld-behoeftebeleid", LRT, query="week=2021-W06"),
    Page("prognose", LRT, query="week=2021-W06"),
    Page("prognose", PRT, query="week=2021-W06&provincie=PV27&scenario=hoog&instroom=1,1"),
    Page("boodschappenlijst", LRT, query="week=2021-W06&scope=NL"),
    Page("boodschappenlijst", PRT, query="week=2021-W06&scope=PV27"),
    Page("doelen", LRT),
    Page("begrippen", LRT),
    Page("verdeling", LRT, query="week=2021-W06"),
    Page("verdeling", PRT, query="week=2021-W06&provincie=PV27"),
    Page(
        "verdeling",
        LRT,
        query="week=2021-W45&regel=aandeel&te_verdelen=opgave&totaal=96000&jaren=5&maanden=12",
    ),
    Page("rapporten", LRT),
    Page("rapport", LRT, lambda: {"week": "2021-W06", "scope": "NL"}),
    Page("rapport", PRT, lambda: {"week": "2021-W06", "scope": "PV27"}),
    Page("afspraken", LRT, query="datum=2021-11-15"),
    Page("afspraken", PRT, query="datum=2021-11-15"),
    Page("afspraak-detail", LRT, lambda: {"number": "LRT-2021-11"}),
    Page("afspraak-detail", COA, lambda: {"number": "LRT-2021-11"}),
    Page("overleggen", LRT, query="datum=2021-11-15"),
    Page("overleg-detail", LRT, _meeting("LRT", "2021-11-15")),
    Page("overleg-detail", PRT, _meeting("PRT", "2021-11-01")),
    Page("actielijst", LRT, query="overleg=LRT&datum=2021-11-15"),
    Page("actielijst", PRT, query="overleg=PRT&provincie=PV27&datum=2021-11-29"),
    Page("bijlage", LRT, query="week=2021-W06"),
    Page("meldingen", LRT),
    Page("meldingen", PRT),
    # The error pages: another province's detail (403) and a page that does not exist (404).
    Page("provincie-detail", PRT, lambda: {"code": "PV20"}, status=403),
    Page("", LRT, path="/bestaat-niet/", status=404),
)

NOT_PAGES: dict[str, str] = {
    "logout": "alleen POST (de knop Uitloggen)",
    "import-template": "bestandsdownload (sjabloon)",
    "import-template-help": "bestandsdownload (toelichting bij het CSV-sjabloon)",
    "import-original": "bestandsdownload (origineel bestand)",
    "api-schema": "API: OpenAPI-schema, geen HTML",
    "rapport-pdf": "bestandsdownload (PDF van het rapport)",
    "rapport-xlsx": "bestandsdownload (Excel van het rapport)",
    "rapport-publiceren": "alleen POST (de knop Publiceren)",
    "afspraak-van-boodschap": "alleen POST (de knop Maak afspraak op de boodschappenlijst)",
    "import-withdraw": "alleen POST (de knop Import intrekken op de importpagina)",
    "rapport-feed": "Atom-feed (XML voor feedlezers), geen HTML",
}
"""Named URLs that are no page, with the reason. Also skipped: every URL under /api/
(machine-readable) and the Django admin under /beheer/ (its own templates)."""

SKIPPED_PREFIXES = {"api/": "API (JSON)", "beheer/": "Django-admin"}


def test_every_named_page_is_checked() -> None:
    listed = {page.name for page in PAGES if page.name} | set(NOT_PAGES)
    unlisted = sorted(
        f"{name} ({route})"
        for name, route in named_routes()
        if name not in listed and not route.startswith(tuple(SKIPPED_PREFIXES))
    )
    assert not unlisted, (
        "Deze pagina's staan niet in PAGES of NOT_PAGES van "
        f"tests/browser/test_accessibility_all_pages.py: {unlisted}"
    )
    known = {name for name, _route in named_routes()}
    assert {page.name for page in PAGES if page.name} <= known
    assert set(NOT_PAGES) <= known


VIEWPORTS = {"laptop": (1280, 900), "telefoon": (375, 812)}

OVERFLOW_SCRIPT = """() => {
  const width = window.innerWidth;
  if (document.documentElement.scrollWidth <= width + 1) return [];
  const scrollers = '.table-wrap, .chart';
  return Array.from(document.querySelectorAll('body *'))
    .filter(el => !el.closest(scrollers) && el.getBoundingClientRect().right > width + 1)
    .slice(0, 5)
    .map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : ''));
}"""


BANNER_SCRIPT = """() => {
  const banner = document.querySelector('.demo-banner');
  const main = document.querySelector('main');
  if (!banner) return 'geen demobanner';
  const padding = parseFloat(getComputedStyle(main).paddingLeft);
  const left = banner.getBoundingClientRect().left;
  const right = banner.getBoundingClientRect().right;
  const box = main.getBoundingClientRect();
  const aligned = Math.abs(left - (box.left + padding)) <= 1
    && Math.abs(right - (box.right - padding)) <= 1;
  return aligned ? '' : `demobanner ${left}-${right} niet gelijk met de inhoud`;
}"""
"""The demo banner lines up with the page's content (the edges of main's content box)."""


@pytest.fixture
def demo(settings: Any, tmp_path: Any) -> None:
    """The demo set of six weeks in demo mode (banner on), plus one refused import."""
    from regietafel.accounts.models import User
    from regietafel.demo.services import demo_load
    from regietafel.imports.services import import_submit

    settings.DEMO_MODE = True
    settings.MEDIA_ROOT = tmp_path
    demo_load(weeks=6)
    refused = import_submit(
        actor=User.objects.get(username=COA),
        kind="locaties",
        week="2021-W45",
        file_name="fout.csv",
        content=b"locatiecode;naam\nX;zonder gemeente\n",
    )
    assert refused.status == "geweigerd"
    from regietafel.rapportage.services import report_publish

    for scope in ("NL", "PV27"):
        report_publish(actor=None, week="2021-W06", scope=scope)


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.usefixtures("demo")
def test_every_page_passes_axe(
    browser: Any,
    live_server: Any,
    viewport: str,
    axe_violations: Callable[[Any], list[str]],
) -> None:
    width, height = VIEWPORTS[viewport]
    contexts: dict[str | None, Any] = {}
    problems: dict[str, list[str]] = {}
    try:
        for spec in PAGES:
            if spec.user not in contexts:
                context = browser.new_context(
                    locale="nl-NL", viewport={"width": width, "height": height}
                )
                if spec.user is not None:
                    log_in_as_demo_user(context, live_server.url, spec.user)
                contexts[spec.user] = context
            page = contexts[spec.user].new_page()
            response = page.goto(live_server.url + spec.url())
            found = []
            if response.status != spec.status:
                found.append(f"status {response.status}, verwacht {spec.status}")
            if page.locator("h1").count() != 1:
                found.append("geen (of meer dan één) h1")
            if spec.user is not None and page.url.startswith(f"{live_server.url}/inloggen/"):
                found.append("doorgestuurd naar inloggen")
            found += axe_violations(page)
            banner = page.evaluate(BANNER_SCRIPT)
            if banner:
                found.append(banner)
            if viewport == "telefoon":
                overflow = page.evaluate(OVERFLOW_SCRIPT)
                if overflow:
                    found.append(f"breder dan het scherm: {overflow}")
            if found:
                problems[str(spec)] = found
            page.close()
    finally:
        for context in contexts.values():
            context.close()
    assert not problems, "\n".join(f"{page}: {found}" for page, found in problems.items())
