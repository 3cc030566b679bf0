"""Django's own guards, run by tools/check.py: system checks and no missing migrations."""

from __future__ import annotations

import os
import sys
import tempfile


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regietafel.config.settings")
    os.environ.setdefault("REGIETAFEL_DATA_DIR", tempfile.mkdtemp(prefix="regietafel-checks-"))
    import django
    from django.core.management import call_command
    from django.core.management.base import CommandError

    django.setup()
    try:
        call_command("check", fail_level="WARNING")
        call_command("makemigrations", check=True, dry_run=True, verbosity=1)
    except (CommandError, SystemExit) as error:
        print(f"Django-controle mislukt: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
