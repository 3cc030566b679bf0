"""Shared fixtures for the chart tests: synthetic data and the TopoJSON test files."""

from __future__ import annotations

import json
import os
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]


def _geo_dir() -> Path:
    """Where the shared TopoJSON test files live.

    ``REGIETAFEL_GEO_DIR`` wins; otherwise the repository's sibling ``shared/`` (the layout
    ``<werkmap>/main`` + ``<werkmap>/shared``), then any ancestor's ``shared/`` (a git
    worktree one level deeper, ``<werkmap>/wt/<naam>``).
    """
    override = os.environ.get("REGIETAFEL_GEO_DIR")
    if override:
        return Path(override)
    candidates = [REPO_ROOT.parent / "shared" / "data" / "geo"]
    candidates += [parent / "shared" / "data" / "geo" for parent in REPO_ROOT.parents[1:]]
    return next((c for c in candidates if c.is_dir()), candidates[0])


GEO_DIR = _geo_dir()
SOURCE = "Bron: COA-register (synthetische demodata)"


def _load_topology(name: str) -> dict[str, Any]:
    path = GEO_DIR / name
    if not path.exists():
        pytest.skip(f"TopoJSON-testbestand ontbreekt: {path} (gedeelde data niet aanwezig)")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="session")
def gemeenten() -> dict[str, Any]:
    return _load_topology("gemeenten_2023.topojson")


@pytest.fixture(scope="session")
def provincies() -> dict[str, Any]:
    return _load_topology("provincies.topojson")


@pytest.fixture
def weeks() -> list[date]:
    return [date(2024, 1, 1) + timedelta(weeks=i) for i in range(30)]
