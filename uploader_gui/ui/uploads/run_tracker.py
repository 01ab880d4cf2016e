"""The current run: the files counted in "Uploading N of M" and the overall progress.

Files join the run when they are dropped, retried or resumed; once every one of them has
finished, the next file starts a new run. The queue's many changes are coalesced into one
:class:`Summary` per tick (at least every 100 ms while changes keep coming).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from .model import State, UploadItem, UploadListModel
from .queue import UploadQueue

SUMMARY_INTERVAL_MS = 100


@dataclass(frozen=True)
class Summary:
    total: int = 0
    finished: int = 0
    failed: int = 0
    cancelled: int = 0
    #: Bytes sent of all bytes to send, 0.0 to 1.0.
    fraction: float = 0.0
    #: Nothing can be sent yet (no key, or the API URL is refused).
    waiting: bool = False
    #: Some item in the list failed (for Retry All Failed), in this run or before.
    any_failed: bool = False
    #: Some files from last time were not sent (for Send Interrupted Files).
    any_interrupted: bool = False

    @property
    def running(self) -> bool:
        return self.finished < self.total


class RunTracker(QObject):
    """Counts the run's items and reports a :class:`Summary` when it changes."""

    changed = Signal(object)

    def __init__(
        self, model: UploadListModel, queue: UploadQueue, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._queue = queue
        self._ids: set[int] = set()
        # The first change starts the wait and later ones join it (restarting it would put
        # the update off for as long as changes keep coming, i.e. for a whole batch).
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SUMMARY_INTERVAL_MS)
        self._timer.timeout.connect(self.update)
        queue.summary_changed.connect(self.schedule)

    def join(self, items: list[UploadItem]) -> None:
        """Count these in "Uploading N of M"; a new run starts once the last one finished."""
        if self._finished():
            self._ids.clear()
        self._ids.update(item.id for item in items)
        self.schedule()

    def _finished(self) -> bool:
        item_of = self._model.item
        return all((item := item_of(i)) is None or item.state.finished for i in self._ids)

    def schedule(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def update(self) -> None:
        self.changed.emit(self.summary())

    def summary(self) -> Summary:
        # One pass over this run's items: it runs every progress tick of a big batch.
        total = finished = failed = cancelled = sent = size = 0
        item_of = self._model.item
        for item_id in self._ids:
            item = item_of(item_id)
            if item is None:
                continue
            total += 1
            state = item.state
            if state.finished:
                finished += 1
                failed += state is State.FAILED
                cancelled += state is State.CANCELLED
            sent += item.total if state is State.DONE else item.sent
            size += max(item.total, item.size or 0)
        items = self._model.items()
        return Summary(
            total,
            finished,
            failed,
            cancelled,
            sent / size if size else 0.0,
            waiting=not self._queue.has_key,
            any_failed=bool(failed) or any(i.retryable for i in items),
            any_interrupted=any(i.interrupted for i in items),
        )
