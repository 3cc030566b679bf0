"""Shared fixtures: users per role, and an isolated data folder for every test session."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("REGIETAFEL_DATA_DIR", tempfile.mkdtemp(prefix="regietafel-test-"))
