"""``regietafel serve`` answers over real HTTP, with gunicorn (Linux) and with waitress."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from regietafel.cli.webcommands import MAX_WORKERS, default_workers


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - our own server
        return response.status, response.read().decode("utf-8")


def _wait_for(url: str, server: subprocess.Popen[str]) -> tuple[int, str]:
    """Poll until the server answers (migrating a fresh database comes first); no timing
    is asserted, the loop only gives up when the server process has died."""
    for _ in range(600):
        if server.poll() is not None:
            raise AssertionError(f"server stopte: {server.communicate()[1]}")
        try:
            return _get(url)
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.5)
    raise AssertionError("server antwoordde niet")


@pytest.mark.slow
@pytest.mark.parametrize(
    "options",
    [
        pytest.param(
            ["--server", "gunicorn", "--workers", "2", "--threads", "2"],
            marks=pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux"),
        ),
        ["--server", "waitress", "--threads", "2"],
    ],
)
def test_serve_answers_the_login_page_over_http(tmp_path: Path, options: list[str]) -> None:
    port = _free_port()
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    environment["REGIETAFEL_DATA_DIR"] = str(tmp_path / "data")
    server = subprocess.Popen(
        [sys.executable, "-m", "regietafel", "serve", "--poort", str(port), *options],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment,
    )  # fmt: skip
    try:
        status, body = _wait_for(f"http://127.0.0.1:{port}/", server)
        assert status == 200  # / redirects to the log-in page, which urllib follows
        assert 'name="username"' in body
        assert "Inloggen" in body
    finally:
        server.send_signal(signal.SIGTERM)
        _, err = server.communicate(timeout=60)
    assert "Traceback" not in err
    assert f"regietafel: gegevensmap {tmp_path / 'data'}" in err


def test_worker_defaults_follow_the_cores() -> None:
    assert default_workers(1) == 3
    assert default_workers(2) == 5
    assert default_workers(64) == MAX_WORKERS


def test_e_mail_links_follow_the_address_being_served() -> None:
    """Links in e-mails went to port 8000 whatever ``--poort`` said; now they follow the
    served address unless REGIETAFEL_BASE_URL says otherwise, and a wildcard host warns."""
    from regietafel.cli.webcommands import links_address

    assert links_address("127.0.0.1", 8201, None) == ("http://127.0.0.1:8201", None)
    assert links_address("127.0.0.1", 8201, "https://regietafel.example.nl/") == (
        "https://regietafel.example.nl",
        None,
    )
    address, warning = links_address("0.0.0.0", 8000, None)  # noqa: S104
    assert address == "http://127.0.0.1:8000"
    assert warning is not None
    assert "REGIETAFEL_BASE_URL" in warning
