"""The background work of a server process, started once per process (waitress) or per
worker after the fork (gunicorn): one list, so both servers warm the same things."""

from __future__ import annotations

import threading


def start_background_work() -> None:
    """Reports get their PDF and Excel made in a background thread; the chart engine's cold
    start, the overview's year of figures and the Prognose page's back-test and first run are
    paid in background threads instead of by the first visitor."""
    from regietafel.charts.render import warm_up
    from regietafel.kerncijfers.selectors import history_warm_up
    from regietafel.opvangprognose.selectors import forecast_warm_up
    from regietafel.rapportage.files import background_enable

    background_enable()
    for target, name in (
        (warm_up, "grafieken-opwarmen"),
        (history_warm_up, "verloop-opwarmen"),
        (forecast_warm_up, "prognose-opwarmen"),
    ):
        threading.Thread(target=target, name=name, daemon=True).start()
