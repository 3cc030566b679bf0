from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from regietafel.core.periods import IsoWeek
from regietafel.rapportage.data import ReportData
from regietafel.rapportage.models import PublishedReport
from regietafel.rapportage.services import report_publish
from tests.rapportage.factories import report_data


class FakeCollector:
    """Stands in for the collector: returns what the test puts in ``current`` per scope."""

    def __init__(self) -> None:
        self.current: dict[str, ReportData] = {}

    def __call__(self, *, week: IsoWeek, scope: str) -> ReportData:
        return self.current.get(scope) or report_data(scope=scope, week=week.label)


@pytest.fixture
def collector() -> FakeCollector:
    return FakeCollector()


@pytest.fixture
def publish(db: Any, collector: FakeCollector) -> Callable[..., PublishedReport]:
    def run(**kwargs: Any) -> PublishedReport:
        kwargs.setdefault("actor", None)
        kwargs.setdefault("week", "2021-W45")
        return report_publish(collect=collector, **kwargs)

    return run
