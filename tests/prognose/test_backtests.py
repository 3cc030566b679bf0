"""The back-tests on the bundled series, against the published CBS figures."""

from __future__ import annotations

from datetime import date

from regietafel.prognose.backtests import cbs_quarters, quarterly_results


def test_quarters_carry_first_and_revised_publication() -> None:
    """2019-Q2: first applications 5,190 + nareizigers 890 in the CBS table of October 2024."""
    q2 = [o for o in cbs_quarters() if o.begin == date(2019, 4, 1)]
    assert max(q2, key=lambda o: o.vintage).value == 5_190 + 890
    assert all(o.vintage > date(2019, 6, 30) for o in q2)  # nothing known before it ended


def test_first_quarterly_origin_by_hand() -> None:
    first = quarterly_results(1)[0]
    assert first.origin == date(2019, 4, 1)
    assert first.actual == 5_190 + 890  # 2019-Q2
    assert first.mean_benchmark == 5_835 + 1_070  # 2018-Q4: 2019-Q1 is not yet published
    assert first.seasonal_benchmark == 4_320 + 1_970  # 2018-Q2
    last = quarterly_results(1)[-1]
    assert last.origin == date(2024, 7, 1)
    assert last.actual == 8_115 + 2_650  # 2024-Q3, the last quarter in the bundle
