"""Benchmarks that used to be wall-clock assertions in the tests.

Run: ``python benchmarks/bench_startup.py``. Prints the time to import ``regietafel.charts``
in a fresh interpreter (it must not load Altair or vl-convert; the test suite checks that)
and the time of 1,000 cached municipality lookups. Asserts nothing about time: a loaded
machine makes these slower without anything being wrong.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from datetime import date

from regietafel import reference

IMPORT = (
    "import time; t = time.perf_counter(); import regietafel.charts; print(time.perf_counter() - t)"
)


def main() -> int:
    imports = [
        float(
            subprocess.run(
                [sys.executable, "-c", IMPORT], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(5)
    ]
    print(f"import regietafel.charts: mediaan {statistics.median(imports) * 1000:.0f} ms")
    reference.municipalities(date(2022, 6, 1))
    started = time.perf_counter()
    for _ in range(1000):
        reference.municipalities(date(2022, 6, 1))
    elapsed = (time.perf_counter() - started) * 1000
    print(f"1.000 keer gemeenten opzoeken (gecachet): {elapsed:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
