"""regietafel: steering information for the Dutch reception and housing tables (LRT, PRT)."""

__version__ = "0.1.0"
