from tests.rapportage.conftest import collector

__all__ = ["collector"]
