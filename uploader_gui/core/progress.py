"""Progress of uploads as workers report it, read by whoever shows it (no Qt here).

Workers write the latest progress of each item into a :class:`ProgressBoard` (a dict behind a
lock); the window drains it on a timer, so repaints are throttled however fast bytes move.
Each update carries the item's attempt number: what an earlier attempt reports is ignored.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass


@dataclass
class _Update:
    attempt: int
    started: bool = False
    sent: int = -1
    total: int = -1
    retry_at: float | None = None
    retry_reason: str | None = None


class ProgressBoard:
    """Latest progress per item, written by workers and drained by the GUI thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._updates: dict[int, _Update] = {}

    def _entry(self, item_id: int, attempt: int) -> _Update:
        entry = self._updates.get(item_id)
        if entry is None or entry.attempt != attempt:
            entry = self._updates[item_id] = _Update(attempt)
        return entry

    def started(self, item_id: int, attempt: int) -> None:
        with self._lock:
            entry = self._entry(item_id, attempt)
            entry.started = True
            entry.retry_at = None

    def progress(self, item_id: int, attempt: int, sent: int, total: int) -> None:
        with self._lock:
            entry = self._entry(item_id, attempt)
            entry.sent, entry.total = sent, total
            entry.retry_at = None

    def retrying(self, item_id: int, attempt: int, delay: float, reason: str) -> None:
        with self._lock:
            entry = self._entry(item_id, attempt)
            entry.retry_at = time.monotonic() + delay
            entry.retry_reason = reason
            entry.sent = 0

    def take(self) -> dict[int, _Update]:
        with self._lock:
            updates, self._updates = self._updates, {}
            return updates
