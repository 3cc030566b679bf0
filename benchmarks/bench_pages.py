"""Every main page next to a trivial page (the log-in page), measured side by side in one run.

Run: ``python benchmarks/bench_pages.py [--rondes 15] [--weken 52]``. Loads the demo once
into a temporary folder (``regietafel.demo.services.demo_load``), publishes the national
report of week 2021-W45, logs in with Django's test client as the national user and times
each page in rounds: every round requests the log-in page and then each page once, so all
see the same load. Printed per page: the first request (cold: caches empty, a report's
PDF not yet stored), the median of the rounds, and the ratio of that median to the log-in
page's median. Not a test: it asserts nothing about time.
"""

from __future__ import annotations

import argparse
import os
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
)


def _time(client: object, path: str) -> float:
    started = time.perf_counter()
    response = client.get(path)  # type: ignore[attr-defined]
    spent = time.perf_counter() - started
    if response.status_code != 200:
        raise SystemExit(f"{path}: status {response.status_code}")
    return spent


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
        from django.core.management import call_command
        from django.test import Client

        from regietafel.demo.services import demo_load
        from regietafel.rapportage.services import report_publish

        call_command("migrate", interactive=False, verbosity=0)
        started = time.perf_counter()
        demo_load(weeks=options.weken)
        report_publish(actor=None, week=WEEK, scope="NL")
        print(f"demo geladen ({options.weken} weken) in {time.perf_counter() - started:.1f} s")

        anonymous = Client()
        client = Client()
        if not client.login(username="lrt", password="demo-lrt-2021"):  # noqa: S106 - demo
            raise SystemExit("inloggen als lrt mislukt")
        first = {name: _time(client, path) for name, path in PAGES}
        login_times: list[float] = []
        times: dict[str, list[float]] = {name: [] for name, _ in PAGES}
        for _ in range(options.rondes):
            login_times.append(_time(anonymous, "/inloggen/"))
            for name, path in PAGES:
                times[name].append(_time(client, path))
    login = statistics.median(login_times)
    print(f"{options.rondes} rondes; cores: {os.cpu_count()}; Python {sys.version.split()[0]}")
    print(f"{'pagina':<40} {'eerste':>9} {'mediaan':>9} {'x inloggen':>11}")
    print(f"{'inloggen (triviale pagina)':<40} {'':>9} {login * 1000:6.1f} ms {1.0:10.1f}x")
    for name, _ in PAGES:
        median = statistics.median(times[name])
        print(
            f"{name:<40} {first[name] * 1000:6.0f} ms {median * 1000:6.1f} ms "
            f"{median / login:10.1f}x"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
