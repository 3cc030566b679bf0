"""Benchmark of the weekly report on the demo data: collect, publish and render.

Run: ``PYTHONPATH=src python benchmarks/bench_rapport.py [--weken 52]``. Loads the demo into
a temporary SQLite database (``regietafel.demo.services.demo_load``), publishes the national
report and the twelve provincial reports of the last demo week, then times the national
report in all three formats and all twelve provincial PDFs. Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--weken", type=int, default=52)
    arguments = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="rapport-bench-")
    os.environ["REGIETAFEL_DATA_DIR"] = folder
    os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "regietafel.config.settings"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    from regietafel import reference
    from regietafel.demo.services import demo_load
    from regietafel.imports.models import Import
    from regietafel.rapportage.render import FORMATS, render_many, render_report
    from regietafel.rapportage.services import report_publish

    started = time.perf_counter()
    demo_load(weeks=arguments.weken)
    print(f"demo geladen ({arguments.weken} weken): {time.perf_counter() - started:.1f} s")
    week = Import.objects.order_by("-week_start").values_list("week", flat=True).first()
    assert week is not None

    started = time.perf_counter()
    national = report_publish(actor=None, week=week, scope="NL")
    print(
        f"landelijk rapport {week} verzameld en gepubliceerd: {time.perf_counter() - started:.2f} s"
    )
    started = time.perf_counter()
    provinces = [report_publish(actor=None, week=week, scope=p.code) for p in reference.provinces()]
    print(
        f"12 provinciale rapporten verzameld en gepubliceerd: {time.perf_counter() - started:.2f} s"
    )

    total = 0.0
    for fmt in FORMATS:
        started = time.perf_counter()
        output = render_report(national, fmt)
        elapsed = time.perf_counter() - started
        total += elapsed
        print(f"landelijk {fmt:<4}: {elapsed:.2f} s ({len(output.content) / 1024:.0f} kB)")
    print(f"landelijk, alle drie de formaten: {total:.2f} s (eis: < 5 s)")

    started = time.perf_counter()
    render_many(provinces, "pdf")
    print(
        f"12 provinciale PDF's (parallel over {os.cpu_count()} cpu's, zoals "
        f"`regietafel rapport --alle-provincies`): {time.perf_counter() - started:.2f} s "
        "(eis: < 20 s)"
    )
    print(f"(machine: {os.cpu_count()} cpu's, belasting {os.getloadavg()[0]:.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
