"""Shared fixtures for the chart tests: synthetic data and the bundled boundaries."""

from __future__ import annotations

import copy
from datetime import date, timedelta
from typing import Any

import pytest

from regietafel import reference

SOURCE = "Bron: COA-register (synthetische demodata)"


@pytest.fixture(scope="session")
def gemeenten() -> dict[str, Any]:
    """The bundled 2023 municipal boundaries (object ``gemeenten``)."""
    return copy.deepcopy(reference.geometry("municipalities", date(2023, 1, 1)))


@pytest.fixture(scope="session")
def provincies() -> dict[str, Any]:
    return copy.deepcopy(reference.geometry("provinces", date(2023, 1, 1)))


@pytest.fixture
def weeks() -> list[date]:
    return [date(2024, 1, 1) + timedelta(weeks=i) for i in range(30)]
