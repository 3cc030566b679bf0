"""Explore variants of the inflow back-test that might reach the coverage goal over the 2020
break, without changing the product (docs/prognose.md, "Verkenning na de breuk").

The product's calibration was fixed before its results were known; choosing a variant now,
after seeing one break, would tune it on the outcome. This script only measures, so the choice
not to change stays checkable. Variants (each on its own, then level shift + window):

- ``discounted``: the smoothing weight chosen on a loss whose windows weigh half as much every
  13 weeks back (faster after a change in level);
- ``level shift``: when the last two weeks both lie more than three robust standard deviations
  (1.4826 × MAD of the one-step log errors) on the same side of the smoothed level, the level
  becomes their geometric mean (a standard level-shift rule);
- ``window N``: split-conformal calibration on only the last N published errors.

Run: ``python tools/explore_backtest.py``. Prints, per horizon, MAPE and MASE over the 2019
origins and over all origins, and the coverage of the model and calibrated bands.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from datetime import date
from typing import Any
from unittest import mock

import numpy as np

from regietafel.core import backtest
from regietafel.prognose.backtests import weekly_results

HALF_LIFE_WEEKS = 13
SHIFT_WEEKS = 2
SHIFT_SIGMAS = 3.0


def discounted_fit(values: Sequence[float], horizon: int = 1) -> float:
    windows = len(values) - backtest.WARM_UP - horizon + 1
    if windows < 8:
        return min(2.0 / (horizon + 1), 0.5) if horizon > 1 else backtest.DEFAULT_SMOOTHING
    last = len(values) - horizon

    def loss(alpha: float) -> float:
        level = float(np.mean(values[: backtest.WARM_UP]))
        total = 0.0
        for index in range(backtest.WARM_UP, len(values) - horizon + 1):
            actual = float(np.sum(values[index : index + horizon]))
            weight = 0.5 ** ((last - index) / HALF_LIFE_WEEKS)
            total += weight * math.log(max(actual, 1.0) / max(level * horizon, 1.0)) ** 2
            level = alpha * values[index] + (1 - alpha) * level
        return total

    return min(backtest.SMOOTHING_GRID, key=loss)


def level_with_shift(values: Sequence[float], alpha: float) -> float:
    level = float(np.mean(values[: backtest.WARM_UP]))
    levels = []
    for value in values[backtest.WARM_UP :]:
        levels.append(level)
        level = alpha * value + (1 - alpha) * level
    if len(values) < backtest.WARM_UP + SHIFT_WEEKS + 8:
        return level
    tail = np.maximum(np.asarray(values[backtest.WARM_UP :], dtype=np.float64), 1.0)
    errors = np.log(tail / np.maximum(np.asarray(levels), 1.0))
    calm = errors[:-SHIFT_WEEKS]
    sigma = 1.4826 * float(np.median(np.abs(calm - np.median(calm))))
    recent = np.log(tail[-SHIFT_WEEKS:] / max(levels[-SHIFT_WEEKS], 1.0))
    if sigma > 0 and (
        bool(np.all(recent > SHIFT_SIGMAS * sigma)) or bool(np.all(recent < -SHIFT_SIGMAS * sigma))
    ):
        return float(np.exp(np.mean(np.log(tail[-SHIFT_WEEKS:]))))
    return level


def last_errors(count: int) -> Callable[..., list[float]]:
    original = backtest.published_errors

    def published(
        earlier: Sequence[tuple[Sequence[date], float]], known: Mapping[date, float]
    ) -> list[float]:
        return original(earlier, known)[-count:]

    return published


VARIANTS: dict[str, dict[str, Any]] = {
    "product": {},
    "discounted": {"fit_smoothing": discounted_fit},
    "level shift": {"smoothed_level": level_with_shift},
    "window 26": {"published_errors": last_errors(26)},
    "window 13": {"published_errors": last_errors(13)},
    "level shift + window 13": {
        "smoothed_level": level_with_shift,
        "published_errors": last_errors(13),
    },
}


@contextmanager
def patched(replacements: Mapping[str, Any]) -> Iterator[None]:
    with ExitStack() as stack:
        for name, value in replacements.items():
            stack.enter_context(mock.patch.object(backtest, name, value))
        yield


def main() -> int:
    print(
        f"{'variant':<25} {'h':>3} {'MAPE 2019':>9} {'MASE 2019':>9} {'MAPE alle':>9}"
        f" {'MASE alle':>9} {'80% model':>9} {'80% geijkt':>10} {'95% model':>9}"
        f" {'95% geijkt':>10}"
    )
    for name, replacements in VARIANTS.items():
        with patched(replacements):
            for horizon in (4, 13, 26):
                results = weekly_results(horizon)
                calm = backtest.score([r for r in results if r.origin.year == 2019])
                whole = backtest.score(results)
                print(
                    f"{name:<25} {horizon:>3} {calm.mape * 100:9.1f} {calm.mase_mean or 0:9.2f}"
                    f" {whole.mape * 100:9.1f} {whole.mase_mean or 0:9.2f}"
                    f" {whole.coverage80 * 100:9.1f} {whole.coverage80_calibrated * 100:10.1f}"
                    f" {whole.coverage95 * 100:9.1f} {whole.coverage95_calibrated * 100:10.1f}"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
