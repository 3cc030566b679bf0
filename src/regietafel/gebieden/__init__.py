"""Municipalities and provinces: the bundled CBS reference data, read per reference date."""
