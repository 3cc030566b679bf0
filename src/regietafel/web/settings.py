"""Placeholder settings until the web application lands."""

SECRET_KEY = "not-used"  # noqa: S105 - replaced by the real settings module
INSTALLED_APPS: list[str] = []
