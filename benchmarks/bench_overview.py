"""The overview (the weekly meeting with a year of trends) next to the log-in page.

Run: ``python benchmarks/bench_overview.py [--rondes 9] [--weken 52]``. Loads the demo into a
temporary folder and times, as lrt and as prt-noord-holland, the overview of week 2021-W45
(with ``sinds=2021-W40``): first request with empty caches (52 weeks of figures computed for
the trends), then the median of the rounds (caches warm), and after a new import of that
week (every trend computed again). Not a test: it asserts nothing about time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time

URL = "/?week=2021-W45&sinds=2021-W40"


def _time(client: object, path: str) -> float:
    started = time.perf_counter()
    response = client.get(path)  # type: ignore[attr-defined]
    spent = time.perf_counter() - started
    if response.status_code != 200:
        raise SystemExit(f"{path}: status {response.status_code}")
    return spent


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rondes", type=int, default=9)
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
        from regietafel.kerncijfers.selectors import cache_clear

        call_command("migrate", interactive=False, verbosity=0)
        demo_load(weeks=options.weken)
        anonymous = Client()
        clients = {}
        for user in ("lrt", "prt-noord-holland"):
            clients[user] = Client()
            if not clients[user].login(username=user, password=f"demo-{user}-2021"):
                raise SystemExit(f"inloggen als {user} mislukt")
        cache_clear()
        first = {user: _time(client, URL) for user, client in clients.items()}
        login_times: list[float] = []
        times: dict[str, list[float]] = {user: [] for user in clients}
        for _ in range(options.rondes):
            login_times.append(_time(anonymous, "/inloggen/"))
            for user, client in clients.items():
                times[user].append(_time(client, URL))
        from regietafel.imports.models import Import

        latest = Import.objects.filter(kind="locaties", week="2021-W45").first()
        assert latest is not None
        latest.pk = None  # a new version of the week: the data identity changes
        latest.version = (latest.version or 0) + 1
        latest.save()
        after_import = _time(clients["lrt"], URL)
    login = statistics.median(login_times)
    print(f"{options.rondes} rondes; cores: {os.cpu_count()}; Python {sys.version.split()[0]}")
    print(f"inloggen (triviale pagina): {login * 1000:.1f} ms")
    for user in clients:
        median = statistics.median(times[user])
        print(
            f"overzicht als {user:<18} eerste {first[user] * 1000:6.0f} ms, "
            f"mediaan {median * 1000:6.1f} ms ({median / login:.1f}x inloggen)"
        )
    print(f"overzicht als lrt na een nieuwe import: {after_import * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
