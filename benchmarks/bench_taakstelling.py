"""Benchmarks of the taakstelling engine and the whole `regietafel taakstelling` command.

Run: ``python benchmarks/bench_taakstelling.py [--basis PATH]``. Figures go into the README;
this is not a test and asserts nothing about time. ``--basis`` names an earlier
``apportionment.py`` (e.g. from ``git show REV:src/regietafel/core/apportionment.py``) that is
timed in the same rounds, so "voor" and "na" see the same load.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from types import ModuleType

from regietafel import reference
from regietafel.core.apportionment import Method, apportion
from regietafel.core.taakstelling import MunicipalityShare, PreviousPeriod, compute_taakstelling


def measure(action: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median and best wall time in milliseconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), min(times)


def integer_largest_remainder(weights: list[int], total: int) -> list[int]:
    """The yardstick: a plain integer largest remainder, no checks, no tie-break by weight."""
    weight_sum = sum(weights)
    seats = [w * total // weight_sum for w in weights]
    remainders = [w * total % weight_sum for w in weights]
    order = sorted(range(len(weights)), key=remainders.__getitem__, reverse=True)
    for i in order[: total - sum(seats)]:
        seats[i] += 1
    return seats


def per_call_ms(action: Callable[[], object], batch: int) -> float:
    """Milliseconds per call over one batch of calls (a timer per call would dominate)."""
    started = time.perf_counter()
    for _ in range(batch):
        action()
    return (time.perf_counter() - started) * 1000 / batch


def _former_engine() -> ModuleType | None:
    """The former all-Fraction engine kept in the tests, when run from a checkout."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    try:
        return importlib.import_module("tests.core.reference_apportionment")
    except ImportError:
        return None


def _basis_engine(path: Path | None) -> ModuleType | None:
    """An earlier version of the engine, loaded from its file under its own name."""
    if path is None:
        return None
    spec = importlib.util.spec_from_file_location("apportionment_basis", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"kan {path} niet laden")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while loading
    spec.loader.exec_module(module)
    return module


def engine_against_reference(
    inhabitants: list[int], rounds: int = 41, batch: int = 50, basis: ModuleType | None = None
) -> None:
    """The engine next to the integer yardstick, interleaved batch by batch in one run.

    Each round times a batch of the yardstick and a batch of every method right after each
    other, so both see the same load; the ratio is the median of the per-round ratios.
    The former engine (``tests/core/reference_apportionment.py``) is timed alongside.
    """
    total = 11000
    yardstick = integer_largest_remainder(inhabitants, total)
    assert apportion(inhabitants, total).seats.tolist() == yardstick
    former = _former_engine()
    plain_times: list[float] = []
    times: dict[Method, list[float]] = {m: [] for m in Method}
    ratios: dict[Method, list[float]] = {m: [] for m in Method}
    former_ratios: dict[Method, list[float]] = {m: [] for m in Method}
    basis_ratios: dict[Method, list[float]] = {m: [] for m in Method}
    for _ in range(rounds):
        plain = per_call_ms(lambda: integer_largest_remainder(inhabitants, total), batch)
        plain_times.append(plain)
        for method in Method:
            spent = per_call_ms(partial(apportion, inhabitants, total, method=method), batch)
            times[method].append(spent)
            ratios[method].append(spent / plain)
            if former is not None:
                old = partial(
                    former.apportion, inhabitants, total, method=former.Method(method.value)
                )
                former_ratios[method].append(per_call_ms(old, max(batch // 10, 1)) / plain)
            if basis is not None:
                earlier = partial(
                    basis.apportion, inhabitants, total, method=basis.Method(method.value)
                )
                basis_ratios[method].append(per_call_ms(earlier, batch) / plain)
    print(f"integer largest remainder (yardstick)  median {statistics.median(plain_times):6.3f} ms")
    for method in Method:
        was = (
            f"  (former engine {statistics.median(former_ratios[method]):5.1f}x)"
            if former is not None
            else ""
        )
        before = (
            f"  (basis {statistics.median(basis_ratios[method]):4.2f}x)"
            if basis is not None
            else ""
        )
        print(
            f"apportion {method.value:<16}  median {statistics.median(times[method]):6.3f} ms"
            f"  {statistics.median(ratios[method]):4.2f}x the yardstick{before}{was}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--basis", type=Path, help="apportionment.py van een vorige versie")
    options = parser.parse_args()
    on = date(2021, 1, 1)
    shares = [
        MunicipalityShare(m.code, m.name, m.province_code, m.inhabitants)
        for m in reference.municipalities(on)
    ]
    previous = {s.code: PreviousPeriod(task=40, housed=35) for s in shares}
    regions = {s.code: s.province for s in shares}
    print(f"{len(shares)} gemeenten, peildatum {on}")
    engine_against_reference([s.inhabitants for s in shares], basis=_basis_engine(options.basis))
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
