"""gunicorn as the production server of ``regietafel serve`` (Linux).

Several worker processes, each with a few threads (``gthread``), so the server uses every
core: one Python process holds the GIL while it renders a page, so threads alone keep a
multi-core machine mostly idle. The Django application is loaded once in the master and
forked (``preload_app``); database connections are closed before the fork, so every worker
opens its own. The chart engine is warmed in each worker after the fork (never before: its
runtime threads would not survive a fork).

Behind a TLS proxy: gunicorn trusts ``X-Forwarded-*`` headers only from the addresses in
``FORWARDED_ALLOW_IPS`` (gunicorn's own variable; default 127.0.0.1), and Django reads
``X-Forwarded-Proto`` when ``REGIETAFEL_HTTPS=1``.
"""

from __future__ import annotations

from typing import Any

from gunicorn.app.base import BaseApplication


def _worker_started(worker: Any) -> None:
    """gunicorn hook, in each new worker after the fork: start its background work
    (``web.background``)."""
    from regietafel.web.background import start_background_work

    start_background_work()


class _Server(BaseApplication):  # type: ignore[misc]
    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        from django.db import connections

        from regietafel.config.wsgi import application

        connections.close_all()
        return application


def serve_gunicorn(*, host: str, port: int, workers: int, threads: int) -> None:
    """Run gunicorn until it is stopped (Ctrl+C or SIGTERM)."""
    _Server(
        {
            "bind": f"{host}:{port}",
            "workers": workers,
            "threads": threads,
            "worker_class": "gthread",
            "preload_app": True,
            "timeout": 120,  # a first PDF of a large report may take a while
            "graceful_timeout": 20,
            "accesslog": None,
            "errorlog": "-",
            "loglevel": "warning",
            "proc_name": "regietafel",
            "post_worker_init": _worker_started,
        }
    ).run()
