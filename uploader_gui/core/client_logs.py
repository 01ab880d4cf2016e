"""What httpx and httpcore log, redacted of every open client's secrets (no network here)."""

from __future__ import annotations

import logging
import threading
import weakref
from typing import Protocol


class Redacting(Protocol):
    def redact_text(self, text: str) -> str: ...


class LogRedaction(logging.Filter):
    """httpx logs each request's URL (at INFO, a secret query parameter with it) and httpcore
    each reply's headers (at DEBUG, a ``Location`` or an echo that repeats a secret): their
    records are redacted of every open client's secrets before any handler sees them."""

    #: Where httpx and httpcore log (a logger's filter sees only its own records).
    LOGGERS = (
        "httpx",
        "httpcore.connection",
        "httpcore.http11",
        "httpcore.http2",
        "httpcore.proxy",
        "httpcore.socks",
    )

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._clients: weakref.WeakSet[Redacting] = weakref.WeakSet()

    def install(self) -> None:
        for name in self.LOGGERS:
            logging.getLogger(name).addFilter(self)

    def add(self, client: Redacting) -> None:
        with self._lock:
            self._clients.add(client)

    def discard(self, client: Redacting) -> None:
        with self._lock:
            self._clients.discard(client)

    def filter(self, record: logging.LogRecord) -> bool:
        with self._lock:
            redactions = [client.redact_text for client in self._clients]
        if not redactions:
            return True
        try:
            original = record.getMessage()
        except Exception:  # a malformed record: logging reports it, unredacted or not
            return True
        message = original
        for redact in redactions:
            message = redact(message)
        if message != original:
            record.msg, record.args = message, None
        return True


LOG_REDACTION = LogRedaction()
LOG_REDACTION.install()
