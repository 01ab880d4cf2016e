"""Background work: callables run on named ``QThreadPool``\\ s, results back on the GUI thread.

A ``QRunnable`` is not a ``QObject``, so results travel through one long-lived relay object
that lives in the GUI thread; its signal is delivered there by a queued connection. Work that
finishes after its receiver is gone is dropped, never delivered into a deleted object.

Every pool is made by one :class:`Workers` registry, which knows when all of them are idle,
cancels what is queued at shutdown and waits for the rest within one deadline. A job can be
*abandoned* (:meth:`Job.abandon`): its slot goes to the next job at once while the worker
finishes whatever call it is blocked in (a server that does not answer), and its result is
dropped.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from typing import TypeVar, cast

from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

R = TypeVar("R")

#: ``callback(result, error)``: exactly one of them is not ``None`` (a result may be ``None``).
Callback = Callable[[R | None, BaseException | None], None]


class _Relay(QObject):
    done = Signal(int, object, object)


class Job:
    """A submitted piece of work: it can be abandoned while it runs."""

    def __init__(self, pool: QThreadPool, ticket: int, lingering: _Lingering) -> None:
        self._pool = pool
        self._lingering = lingering
        self.ticket = ticket
        self._lock = threading.Lock()
        self._running = False
        self._finished = False
        self._abandoned = False
        self._released = False

    def abandon(self) -> None:
        """Drop the result, and if the work is running, give its slot to the next job now.

        The worker keeps the thread until its call returns; the pool runs one job more than
        its limit meanwhile (``QThreadPool.releaseThread``), and takes the slot back then.
        """
        with self._lock:
            if self._abandoned or self._finished:
                return
            self._abandoned = True
            self._released = self._running
        if self._released:
            self._lingering.add(1)  # still running: the pool is not idle until it ends
            self._pool.releaseThread()

    @property
    def abandoned(self) -> bool:
        return self._abandoned

    def _started(self) -> None:
        with self._lock:
            self._running = True

    def _ended(self) -> None:
        with self._lock:
            self._finished = True
            take_back = self._released
        if take_back:
            self._pool.reserveThread()  # balances the releaseThread of abandon()
            self._lingering.add(-1)


class _Lingering:
    """How many abandoned jobs of a pool still run (their threads no longer count in it)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.count = 0

    def add(self, delta: int) -> None:
        with self._lock:
            self.count += delta


class _Runnable(QRunnable):
    def __init__(self, relay: _Relay, job: Job, work: Callable[[], object]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._relay = relay
        self._job = job
        self._work = work

    def run(self) -> None:
        self._job._started()
        result: object = None
        error: BaseException | None = None
        try:
            if not self._job.abandoned:
                result = self._work()
        except Exception as exc:  # handed to the callback, which decides what to show
            error = exc
        finally:
            self._job._ended()
        if self._job.abandoned:
            return
        # The relay may be deleted at shutdown: then nobody is waiting.
        with contextlib.suppress(RuntimeError):
            self._relay.done.emit(self._job.ticket, result, error)


class BackgroundPool(QObject):
    """A named pool whose jobs report their result on the GUI thread.

    Typed per job: :meth:`submit` checks that the callback takes what the work returns.
    """

    def __init__(
        self,
        name: str,
        max_threads: int,
        parent: QObject | None = None,
        priority: QThread.Priority | None = None,
    ) -> None:
        super().__init__(parent)
        self.name = name
        self._pool = QThreadPool(self)
        self._pool.setObjectName(name)
        self._pool.setMaxThreadCount(max(1, max_threads))
        if priority is not None:
            self._pool.setThreadPriority(priority)
        self._relay = _Relay(self)
        self._relay.done.connect(self._deliver)
        self._callbacks: dict[int, Callable[[object, BaseException | None], None]] = {}
        self._lingering = _Lingering()
        self._next_ticket = 0
        self._closed = False

    def submit(self, work: Callable[[], R], callback: Callback[R], priority: int = 0) -> Job | None:
        """Run ``work()`` on the pool, then ``callback(result, error)`` on the GUI thread.

        Returns the job, or ``None`` once the pool is closed (nothing runs).
        """
        if self._closed:
            return None
        self._next_ticket += 1
        job = Job(self._pool, self._next_ticket, self._lingering)
        # The result is what ``work`` returned: the callback's own type, kept by the relay.
        self._callbacks[job.ticket] = lambda result, error: callback(cast(R, result), error)
        self._pool.start(_Runnable(self._relay, job, work), priority)
        return job

    def forget(self, job: Job) -> None:
        """Abandon ``job``: its callback is never called."""
        self._callbacks.pop(job.ticket, None)
        job.abandon()

    def set_max_threads(self, count: int) -> None:
        self._pool.setMaxThreadCount(max(1, count))

    @property
    def max_threads(self) -> int:
        return self._pool.maxThreadCount()

    @property
    def busy(self) -> bool:
        """Some job still runs, abandoned ones included."""
        return self._pool.activeThreadCount() > 0 or self._lingering.count > 0

    def close(self) -> None:
        """Drop queued jobs and forget callbacks; running jobs finish into the void."""
        self._closed = True
        self._pool.clear()
        self._callbacks.clear()

    def wait(self, milliseconds: int) -> bool:
        """Wait for running jobs (blocks: only at shutdown); whether all finished."""
        return self._pool.waitForDone(max(0, milliseconds))

    @Slot(int, object, object)
    def _deliver(self, ticket: int, result: object, error: BaseException | None) -> None:
        callback = self._callbacks.pop(ticket, None)
        if callback is not None:
            callback(result, error)


class Workers(QObject):
    """Every pool of the app: made here, idle together, cancelled and drained together."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pools: list[BackgroundPool] = []

    def pool(
        self, name: str, max_threads: int, priority: QThread.Priority | None = None
    ) -> BackgroundPool:
        made: BackgroundPool = BackgroundPool(name, max_threads, self, priority)
        self._pools.append(made)
        return made

    @property
    def idle(self) -> bool:
        return not any(pool.busy for pool in self._pools)

    def busy_pools(self) -> list[str]:
        return [pool.name for pool in self._pools if pool.busy]

    def cancel(self) -> None:
        """Close every pool: queued work is dropped, running work reports to nobody."""
        for pool in self._pools:
            pool.close()

    def wait(self, deadline: float) -> bool:
        """Wait until every pool is idle or ``deadline`` (``time.monotonic()``) passes."""
        for pool in self._pools:
            left = deadline - time.monotonic()
            if not pool.wait(int(left * 1000)):
                return False
        return True
