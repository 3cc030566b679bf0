"""Benchmarks of the taakstelling engine and the whole `regietafel taakstelling` command.

Run: ``python benchmarks/bench_taakstelling.py``. Figures go into the README; this is not a
test and asserts nothing about time.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date

from regietafel import reference
from regietafel.core.apportionment import Method
from regietafel.core.taakstelling import MunicipalityShare, PreviousPeriod, compute_taakstelling


def measure(action: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median and best wall time in milliseconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), min(times)


def main() -> int:
    on = date(2021, 1, 1)
    shares = [
        MunicipalityShare(m.code, m.name, m.province_code, m.inhabitants)
        for m in reference.municipalities(on)
    ]
    previous = {s.code: PreviousPeriod(task=40, housed=35) for s in shares}
    regions = {s.code: s.province for s in shares}
    print(f"{len(shares)} gemeenten, peildatum {on}")
    for method in Method:

        def engine(m: Method = method) -> object:
            return compute_taakstelling(municipalities=shares, total=11000, method=m)

        median, best = measure(engine, 200)
        print(f"engine {method.value:<16} median {median:6.2f} ms  best {best:6.2f} ms")
    median, best = measure(
        lambda: compute_taakstelling(
            municipalities=shares, total=11000, previous=previous, regions=regions
        ),
        200,
    )
    print(f"engine + carry-over + regions  median {median:6.2f} ms  best {best:6.2f} ms")
    command = [sys.executable, "-m", "regietafel", "taakstelling", "--periode", "2021-II"]
    command += ["--totaal", "11000", "--formaat", "csv"]
    median, best = measure(lambda: subprocess.run(command, check=True, capture_output=True), 15)
    print(f"whole command (new process)    median {median:6.1f} ms  best {best:6.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
