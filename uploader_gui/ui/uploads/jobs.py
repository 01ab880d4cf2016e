"""The upload queue's bookkeeping, on the GUI thread only: what runs, and what each batch waits for.

:class:`RunningUploads` keeps each running attempt's cancel token and pool job, so a cancel
can stop the worker and give its slot to the next file at once. :class:`Batches` keeps the
items of each batch (one drop, one paste…) not finished yet, and says when none is left.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ...core.retry import CancelToken
from ..base.workers import BackgroundPool, Job
from .model import UploadItem


class RunningUploads:
    """The cancel token and the pool job of each item's running attempt."""

    def __init__(self) -> None:
        self._tokens: dict[int, CancelToken] = {}
        self._jobs: dict[int, Job] = {}

    def __len__(self) -> int:
        """How many attempts run (or wait in the pool for a worker)."""
        return len(self._tokens)

    def started(self, item_id: int, token: CancelToken) -> None:
        self._tokens[item_id] = token

    def submitted(self, item_id: int, job: Job | None) -> None:
        """The pool took the attempt as ``job`` (``None``: it is closed)."""
        if job is not None:
            self._jobs[item_id] = job

    def finished(self, item_id: int) -> None:
        """The attempt reported back: nothing is left to cancel."""
        self._tokens.pop(item_id, None)
        self._jobs.pop(item_id, None)

    def cancel(self, item_id: int, pool: BackgroundPool) -> None:
        """Stop the item's attempt, and let the next file have its worker slot now."""
        token = self._tokens.pop(item_id, None)
        if token is not None:
            token.cancel()
        job = self._jobs.pop(item_id, None)
        if job is not None:
            # Its worker may wait on a silent server until the read timeout: the next
            # file gets its slot now, and what it reports later is dropped.
            pool.forget(job)

    def cancel_all(self) -> None:
        """Cancel every attempt (quitting: the pool is closed next)."""
        for token in self._tokens.values():
            token.cancel()
        self._tokens.clear()


class Batches:
    """The items of each batch not finished yet; ``finished(batch)`` is called once none is."""

    def __init__(self, finished: Callable[[int], None]) -> None:
        self._pending: dict[int, set[int]] = {}
        self._finished = finished

    def open(self, batch: int, more_coming: bool) -> None:
        """Items are being added to ``batch``; with ``more_coming``, more are added later."""
        pending = self._pending.setdefault(batch, set())
        if more_coming:
            pending.add(-batch)  # a hold: the batch cannot finish before the rest is added
        else:
            pending.discard(-batch)

    def add(self, batch: int, item_ids: Iterable[int]) -> None:
        """``batch`` (just opened) waits for these items."""
        self._pending[batch].update(item_ids)

    def rejoin(self, item: UploadItem) -> None:
        """The item starts again: if its batch still runs, it waits for the item again."""
        pending = self._pending.get(item.batch)
        if pending is not None:
            # Retried while the rest of its drop is still running: the drop is not finished
            # (nor its links copied) without it.
            pending.add(item.id)

    def item_finished(self, item: UploadItem) -> None:
        pending = self._pending.get(item.batch)
        if pending is not None:
            pending.discard(item.id)
            self.finish_if_done(item.batch)

    def forget(self, item_ids: Iterable[int]) -> None:
        """These items are gone: no batch waits for them (one that waited only for them has
        finished: whoever waits for it hears so)."""
        gone = set(item_ids)
        emptied = [batch for batch, pending in self._pending.items() if pending & gone]
        for pending in self._pending.values():
            pending -= gone
        for batch in emptied:
            self.finish_if_done(batch)

    def finish_if_done(self, batch: int) -> None:
        if batch in self._pending and not self._pending[batch]:
            del self._pending[batch]
            self._finished(batch)
