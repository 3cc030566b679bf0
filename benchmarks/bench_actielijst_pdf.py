"""Benchmark of the action list as PDF, with one agreement of a single 2.000-character word.

Run: ``PYTHONPATH=src python benchmarks/bench_actielijst_pdf.py [--rondes 3]``. Loads the demo
(8 weeks) into a temporary SQLite database, adds to the LRT of 15 November 2021 one agreement
whose text is one unbroken word of the maximum length (2.000 characters), and times the PDF
of that action list. Without the invisible break points of ``afspraken_tekst.breakable`` the
PDF engine took 35-60 s over such a word (and hung on 200.000 characters); that is why it is
measured here, not asserted in a test. Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from datetime import date


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rondes", type=int, default=3)
    arguments = parser.parse_args()
    os.environ["REGIETAFEL_DATA_DIR"] = tempfile.mkdtemp(prefix="actielijst-bench-")
    os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "regietafel.config.settings"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    from regietafel.accounts.models import User
    from regietafel.afspraken.documents import action_list_pdf
    from regietafel.afspraken.models import Meeting
    from regietafel.afspraken.selectors import action_list
    from regietafel.afspraken.services import TEXT_MAX, agreement_create
    from regietafel.demo.services import demo_load

    demo_load(weeks=8)
    national = User.objects.get(username="lrt")
    meeting = Meeting.objects.filter(kind="LRT", date__lt=date(2021, 11, 15)).latest("date")
    agreement_create(
        actor=national,
        meeting=meeting,
        text="w" * TEXT_MAX,
        owner_party="coa",
        deadline=date(2021, 12, 31),
    )
    listed = action_list(user=national, kind="LRT", on=date(2021, 11, 15))
    times = []
    for _ in range(arguments.rondes):
        started = time.perf_counter()
        pdf = action_list_pdf(listed)
        times.append(time.perf_counter() - started)
    print(
        f"actielijst LRT 15-11-2021 als PDF ({len(listed.rows)} afspraken, één woord van "
        f"{TEXT_MAX} tekens, {len(pdf) / 1024:.0f} kB): beste {min(times):.2f} s, "
        f"mediaan {statistics.median(times):.2f} s over {arguments.rondes} rondes"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
