"""Run callables on a ``QThreadPool`` and get ``(result, error)`` back on the GUI thread.

A ``QRunnable`` is not a ``QObject``, so results travel through one long-lived relay object
that lives in the GUI thread; its signal is delivered there by a queued connection. Work that
finishes after its receiver is gone is dropped, never delivered into a deleted object.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

Callback = Callable[[Any, BaseException | None], None]


class _Relay(QObject):
    done = Signal(int, object, object)


class _Job(QRunnable):
    def __init__(self, relay: _Relay, ticket: int, work: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._relay = relay
        self._ticket = ticket
        self._work = work

    def run(self) -> None:
        result: Any = None
        error: BaseException | None = None
        try:
            result = self._work()
        except Exception as exc:  # handed to the callback, which decides what to show
            error = exc
        # The relay may be deleted at shutdown: then nobody is waiting.
        with contextlib.suppress(RuntimeError):
            self._relay.done.emit(self._ticket, result, error)


class BackgroundPool(QObject):
    """A named ``QThreadPool`` whose jobs report back to callbacks on the GUI thread."""

    def __init__(self, name: str, max_threads: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setObjectName(name)
        self.pool.setMaxThreadCount(max(1, max_threads))
        self._relay = _Relay(self)
        self._relay.done.connect(self._deliver)
        self._callbacks: dict[int, Callback] = {}
        self._next_ticket = 0
        self._closed = False

    def submit(self, work: Callable[[], Any], callback: Callback, priority: int = 0) -> None:
        """Run ``work()`` on the pool, then ``callback(result, error)`` on the GUI thread."""
        if self._closed:
            return
        self._next_ticket += 1
        self._callbacks[self._next_ticket] = callback
        self.pool.start(_Job(self._relay, self._next_ticket, work), priority)

    def set_max_threads(self, count: int) -> None:
        self.pool.setMaxThreadCount(max(1, count))

    @property
    def busy(self) -> bool:
        return self.pool.activeThreadCount() > 0

    def close(self) -> None:
        """Drop queued jobs and forget callbacks; running jobs finish into the void."""
        self._closed = True
        self.pool.clear()
        self._callbacks.clear()

    @Slot(int, object, object)
    def _deliver(self, ticket: int, result: Any, error: BaseException | None) -> None:
        callback = self._callbacks.pop(ticket, None)
        if callback is None:
            return
        callback(result, error)
