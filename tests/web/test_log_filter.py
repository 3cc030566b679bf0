"""A refusal is one log line; a fault keeps its traceback (found in the browser check: every
403 wrote a full traceback to the server log)."""

from __future__ import annotations

import logging
import sys

from django.conf import settings

from regietafel.config.logs import AnswersWithoutTraceback


def _record(status: int) -> logging.LogRecord:
    try:
        raise PermissionError("geweigerd")
    except PermissionError:
        record = logging.LogRecord("django.request", logging.WARNING, __file__, 1,
                                   "Forbidden: %s", ("/prognose/",), sys.exc_info())  # fmt: skip
    record.status_code = status
    return record


def test_a_4xx_answer_loses_its_traceback_and_a_5xx_keeps_it() -> None:
    refused, fault = _record(403), _record(500)
    keep = AnswersWithoutTraceback()
    assert keep.filter(refused)
    assert keep.filter(fault)
    assert refused.exc_info is None
    assert fault.exc_info is not None
    assert logging.Formatter().format(refused) == "Forbidden: /prognose/"
    assert "Traceback" in logging.Formatter().format(fault)


def test_the_console_handler_uses_it() -> None:
    handler = settings.LOGGING["handlers"]["console"]
    assert handler["filters"] == ["answers_without_traceback"]
    assert settings.LOGGING["filters"]["answers_without_traceback"]["()"].endswith(
        "AnswersWithoutTraceback"
    )
