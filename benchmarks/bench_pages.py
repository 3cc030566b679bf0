"""Every page of the menu and the main detail pages next to a trivial page (the log-in page).

Run: ``python benchmarks/bench_pages.py [--rondes 15] [--weken 52]``. Loads the demo once
into a temporary folder (``regietafel.demo.services.demo_load``), publishes the national
report of week 2021-W45, logs in with Django's test client as the national user (and as COA
for the pages only COA has in its menu) and times each page in rounds: every round requests
the log-in page and then each page once, so all see the same load. The menu pages are read
from the menu itself (``nav.site-nav`` of the start page, with week 2021-W45 chosen), so a
new menu item is measured without editing this script. Printed per page: the first request
(cold: caches empty), then per round each page twice: rendered (the page cache off, as the
first request after a new import: the figures and charts of the week still come from their
own caches) and as the page cache serves it; the medians, their ratio to the log-in page's
median, and whether the served median meets the target (pages 150 ms, downloads 1 s), with
the machine's load average before and after. Not a test: it asserts nothing about time.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import time

WEEK = "2021-W45"

PAGES: tuple[tuple[str, str], ...] = (
    ("start", "/"),
    ("taakstelling, perioden", "/taakstelling/"),
    ("taakstelling 2021-II (352 gemeenten)", "/taakstelling/2021-II/"),
    ("taakstelling 2021-II per provincie", "/taakstelling/2021-II/?provincie=PV27"),
    ("provincie Noord-Holland", "/provincies/PV27/"),
    ("gemeenten", "/gemeenten/"),
    ("locaties", "/opvang/locaties/"),
    ("opvangbeeld", f"/opvangbeeld/?week={WEEK}"),
    ("opvangbeeld Noord-Holland", f"/opvangbeeld/PV27/?week={WEEK}"),
    ("boodschappenlijst", f"/boodschappenlijst/?week={WEEK}&scope=NL"),
    ("doelen", "/doelen/"),
    ("verdeling", f"/verdeling/?week={WEEK}"),
    ("rapporten", "/rapport/"),
    ("rapport NL (web)", f"/rapport/{WEEK}/NL/"),
    ("rapport NL (PDF)", f"/rapport/{WEEK}/NL/pdf/"),
    ("rapport NL (Excel)", f"/rapport/{WEEK}/NL/excel/"),
    ("API locaties", "/api/v1/locaties/"),
    ("meldingen", "/meldingen/"),
)
"""Detail pages and downloads beyond the menu (the menu's own pages are found at run time)."""

DOWNLOADS = frozenset({"rapport NL (PDF)", "rapport NL (Excel)"})
PAGE_TARGET = 0.150
DOWNLOAD_TARGET = 1.0

NAV = re.compile(r'<nav class="site-nav".*?</nav>', re.DOTALL)
HREF = re.compile(r'href="([^"]+)"')


def menu_pages(client: object, who: str) -> list[tuple[str, str]]:
    """The pages the menu of the start page links to, as (name, path)."""
    client.get(f"/opvangbeeld/?week={WEEK}")  # type: ignore[attr-defined]  # choose the week
    html = client.get("/").content.decode()  # type: ignore[attr-defined]
    nav = NAV.search(html)
    if nav is None:
        raise SystemExit("geen menu gevonden op de startpagina")
    paths = [href.replace("&amp;", "&") for href in HREF.findall(nav.group(0))]
    return [(f"menu ({who}): {path}", path) for path in dict.fromkeys(paths)]


def _time(client: object, path: str) -> float:
    started = time.perf_counter()
    response = client.get(path)  # type: ignore[attr-defined]
    spent = time.perf_counter() - started
    if response.status_code != 200:
        raise SystemExit(f"{path}: status {response.status_code}")
    return spent


def _print_table(
    *,
    rounds: int,
    login_times: list[float],
    pages: list[tuple[str, str, str]],
    first: dict[str, float],
    times: dict[str, list[float]],
    rendered: dict[str, list[float]],
    loads: tuple[tuple[float, float, float], tuple[float, float, float]],
) -> None:
    load_before, load_after = loads
    options_rondes = rounds
    login = statistics.median(login_times)
    print(f"{options_rondes} rondes; cores: {os.cpu_count()}; Python {sys.version.split()[0]}")
    print(
        "belasting (1/5/15 min) voor: "
        + "/".join(f"{x:.2f}" for x in load_before)
        + ", na: "
        + "/".join(f"{x:.2f}" for x in load_after)
    )
    print(
        f"{'pagina':<52} {'eerste':>9} {'gerenderd':>10} {'x inloggen':>11} "
        f"{'uit buffer':>10} {'x inloggen':>11} {'doel':>6}"
    )
    print(f"{'inloggen (triviale pagina)':<52} {'':>9} {login * 1000:7.1f} ms {1.0:10.1f}x")
    missed = []
    for name, _, _ in pages:
        median = statistics.median(times[name])
        render = statistics.median(rendered[name])
        target = DOWNLOAD_TARGET if name in DOWNLOADS else PAGE_TARGET
        met = median <= target
        if not met:
            missed.append(name)
        print(
            f"{name:<52} {first[name] * 1000:6.0f} ms {render * 1000:7.1f} ms "
            f"{render / login:10.1f}x {median * 1000:7.1f} ms {median / login:10.1f}x "
            f"{'ja' if met else 'NEE':>6}"
        )
    print(
        f"doel (pagina's ≤ {PAGE_TARGET * 1000:.0f} ms, downloads ≤ {DOWNLOAD_TARGET:.0f} s): "
        + ("alle gehaald" if not missed else f"niet gehaald: {', '.join(missed)}")
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rondes", type=int, default=15)
    parser.add_argument("--weken", type=int, default=52)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["REGIETAFEL_DATA_DIR"] = folder
        os.environ["REGIETAFEL_DEMO"] = "1"
        os.environ.pop("DATABASE_URL", None)
        os.environ["DJANGO_SETTINGS_MODULE"] = "regietafel.config.settings"
        import django

        django.setup()
        from django.conf import settings
        from django.core.management import call_command
        from django.test import Client

        from regietafel.demo.services import PUBLISHED_WEEKS, demo_load
        from regietafel.rapportage.services import report_publish

        call_command("migrate", interactive=False, verbosity=0)
        started = time.perf_counter()
        demo_load(weeks=options.weken)
        if WEEK not in PUBLISHED_WEEKS:  # the demo publishes its own weeks
            report_publish(actor=None, week=WEEK, scope="NL")
        print(f"demo geladen ({options.weken} weken) in {time.perf_counter() - started:.1f} s")

        anonymous = Client()
        clients = {}
        for username in ("lrt", "coa"):
            client = Client()
            if not client.login(username=username, password=f"demo-{username}-2021"):
                raise SystemExit(f"inloggen als {username} mislukt")
            clients[username] = client
        national_menu = menu_pages(clients["lrt"], "lrt")
        coa_menu = [
            page
            for page in menu_pages(clients["coa"], "coa")
            if page[1] not in {path for _, path in national_menu}
        ]
        pages = [(name, path, "lrt") for name, path in national_menu]
        pages += [(name, path, "coa") for name, path in coa_menu]
        pages += [(name, path, "lrt") for name, path in PAGES]
        load_before = os.getloadavg()
        first = {name: _time(clients[who], path) for name, path, who in pages}
        login_times: list[float] = []
        times: dict[str, list[float]] = {name: [] for name, _, _ in pages}
        rendered: dict[str, list[float]] = {name: [] for name, _, _ in pages}
        for _ in range(options.rondes):
            login_times.append(_time(anonymous, "/inloggen/"))
            for name, path, who in pages:
                settings.REGIETAFEL_PAGE_CACHE = False
                rendered[name].append(_time(clients[who], path))
                settings.REGIETAFEL_PAGE_CACHE = True
                times[name].append(_time(clients[who], path))
        load_after = os.getloadavg()
    _print_table(
        rounds=options.rondes,
        login_times=login_times,
        pages=pages,
        first=first,
        times=times,
        rendered=rendered,
        loads=(load_before, load_after),
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
