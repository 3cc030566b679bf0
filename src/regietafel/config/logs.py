"""Log filters: what an operator reads should be faults, not the answers users got."""

from __future__ import annotations

import logging


class AnswersWithoutTraceback(logging.Filter):
    """Drop the traceback Django attaches to a 4xx answer (``django.request`` logs every
    refusal with the ``PermissionDenied`` it came from); the line itself stays. A 5xx keeps
    its traceback: that is a fault to find."""

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if isinstance(status, int) and status < 500:
            record.exc_info = None
            record.exc_text = None
        return True
