"""The forecast's bundled national series and the inputs derived from them (no Django).

``regietafel.prognose.series`` reads ``data/reeksen.csv`` (built by
``tools/build_series_data.py``); ``regietafel.prognose.inputs`` turns what was known on a
date into the starting state and parameters of :mod:`regietafel.core.forecast`;
``regietafel.prognose.backtests`` runs the back-tests of :mod:`regietafel.core.backtest` on
the bundled series.
"""
