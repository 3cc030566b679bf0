"""The report fixtures, shared with the report tests."""

from tests.rapportage.conftest import collector, publish  # noqa: F401 (fixtures used here)
