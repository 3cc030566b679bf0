"""Benchmarks of the three distribution rules and the whole `regietafel verdeel` command.

Run: ``python benchmarks/bench_verdeling.py``. Figures go into the README; this is not a test
and asserts nothing about time.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from fractions import Fraction

from regietafel import reference
from regietafel.core.distribution import Rule, Unit, distribute


def measure(action: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median and best wall time in milliseconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), min(times)


def main() -> int:
    on = date(2023, 1, 1)
    municipalities = reference.municipalities(on)
    # A spread of existing places so that every rule has units above and below their share.
    units = [
        Unit(m.code, m.name, Fraction(m.inhabitants), (index * 37) % 400)
        for index, m in enumerate(municipalities)
    ]
    print(f"{len(units)} gemeenten, peildatum {on}")
    for rule in Rule:
        minimum = 5 if rule is Rule.AANDEEL else None

        def engine(r: Rule = rule, low: int | None = minimum) -> object:
            return distribute(units, 20_000, rule=r, minimum=low)

        median, best = measure(engine, 30)
        print(f"engine {rule.value:<10} median {median:7.2f} ms  best {best:7.2f} ms")
    command = [sys.executable, "-m", "regietafel", "verdeel", "--geheel", "96000", "--regel"]
    command += ["aandeel", "--niveau", "gemeente", "--minimum", "5", "--formaat", "csv"]
    median, best = measure(lambda: subprocess.run(command, check=True, capture_output=True), 7)
    print(f"whole command (new process)  median {median:6.1f} ms  best {best:6.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
