"""The forecast's bundled national series and the inputs derived from them (no Django).

``regietafel.prognose.series`` reads ``data/reeksen.csv`` (built by
``tools/build_series_data.py``); ``regietafel.prognose.inputs`` turns what was known on a
date into the starting state and parameters of :mod:`regietafel.core.forecast`;
``regietafel.prognose.backtests`` runs the back-tests of :mod:`regietafel.core.backtest` on
the bundled series; ``regietafel.prognose.outlook`` runs the Monte Carlo and reads a scope,
need policy, target dates, target chances and buffer policies from it;
``regietafel.prognose.cache`` keeps runs per process and gives the weekly figures their
central path; ``regietafel.prognose.scenarios`` the named and official scenarios.
"""
