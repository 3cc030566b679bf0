"""Behind a TLS proxy: the forwarded protocol is trusted only when told, HSTS and secure cookies."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = """
import json, django
from django.conf import settings
django.setup()
from django.test import Client
client = Client()
forwarded = client.get("/inloggen/", HTTP_X_FORWARDED_PROTO="https")
plain = client.get("/inloggen/")
print(json.dumps({
    "proxy_header": settings.SECURE_PROXY_SSL_HEADER,
    "forwarded": forwarded.status_code,
    "hsts": forwarded.headers.get("Strict-Transport-Security"),
    "plain": plain.status_code,
    "plain_location": plain.headers.get("Location"),
    "session_secure": settings.SESSION_COOKIE_SECURE,
    "csrf_secure": settings.CSRF_COOKIE_SECURE,
}))
"""


def _run(tmp_path: Path, **env: str) -> dict[str, object]:
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "regietafel.config.settings",
        "REGIETAFEL_DATA_DIR": str(tmp_path),
        "DATABASE_URL": "",
        **env,
    }
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=environment, capture_output=True, text=True, check=True
    )
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize("proxy", ["1", ""])
def test_https_behind_a_proxy(tmp_path: Path, proxy: str) -> None:
    facts = _run(tmp_path, REGIETAFEL_HTTPS="1", REGIETAFEL_PROXY=proxy)
    assert facts["session_secure"] is True
    assert facts["csrf_secure"] is True
    assert facts["plain"] == 301
    assert str(facts["plain_location"]).startswith("https://")
    if proxy:
        assert facts["proxy_header"] == ["HTTP_X_FORWARDED_PROTO", "https"]
        assert facts["forwarded"] == 200  # no redirect loop behind the proxy
        assert "max-age=31536000" in str(facts["hsts"])
    else:
        assert facts["proxy_header"] is None
        assert facts["forwarded"] == 301  # a forged header is not believed
