"""Environment variables read through one typed helper, so every setting has one source."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, *, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "ja", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DATABASE_FILE = "regietafel.sqlite3"
"""The embedded database inside the data folder (when ``DATABASE_URL`` is not set)."""
LOCAL_TIME_ZONE = "Europe/Amsterdam"
"""Dates and times users see, and the day a week figure is judged on."""


def data_folder() -> Path:
    """The data folder (``REGIETAFEL_DATA_DIR``, else ``./data``), without creating it."""
    return Path(env_str("REGIETAFEL_DATA_DIR") or Path.cwd() / "data").resolve()


def data_folder_line(note: str = "") -> str:
    """The stderr line that says which data folder a command reads (one wording for the
    computed and the stored answer)."""
    database = " (database via DATABASE_URL)" if env_str("DATABASE_URL") else ""
    return f"regietafel: gegevensmap {data_folder()}{database}{note}"


def data_dir() -> Path:
    """Where the embedded database, uploaded files and the generated secret key live."""
    path = data_folder()
    path.mkdir(parents=True, exist_ok=True)
    return path


def secret_key(directory: Path) -> str:
    """REGIETAFEL_SECRET_KEY, or a random key kept in the data folder for the embedded setup."""
    configured = env_str("REGIETAFEL_SECRET_KEY")
    if configured:
        return configured
    key_file = directory / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()
