"""What a big history needs once it is open, done on a thread of its own a moment later, so
neither start-up nor the History tab's first page waits for it: indexing for search the rows
written before the search index existed, then checking a file too big to check as it opened.

Each step is short (a few thousand rows, under the store's lock, then a pause for the
others) or needs no lock (the check has its own connection); closing the history stops it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence

log = logging.getLogger(__name__)

#: After the history opens, the upkeep waits this long: start-up comes first.
DELAY_S = 2.0
#: Between two steps, time for the others to take the lock.
PAUSE_S = 0.01

#: One step of upkeep, given the event that stops it: whether it has more to do.
Step = Callable[[threading.Event], bool]


class Upkeep:
    """Runs ``steps`` in order on a daemon thread, each until it has nothing left to do."""

    def __init__(self, steps: Sequence[Step]) -> None:
        self._steps = list(steps)
        self.stopped = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self, delay: float = DELAY_S) -> None:
        self._thread = threading.Thread(
            target=self._run, args=(delay,), name="history-upkeep", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        """Stop at the next step (a check under way stops within milliseconds)."""
        self.stopped.set()

    def join(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def run_now(self) -> None:
        """Do every step on this thread, now (for tests and benchmarks)."""
        for step in self._steps:
            while not self.stopped.is_set() and step(self.stopped):
                pass

    def _run(self, delay: float) -> None:
        if self.stopped.wait(delay):
            return
        try:
            for step in self._steps:
                while not self.stopped.is_set() and step(self.stopped):
                    self.stopped.wait(PAUSE_S)
        except Exception:
            log.exception("history upkeep failed")
