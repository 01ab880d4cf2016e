"""The upload queue: what the window asks of the uploads (add, retry, cancel, remove…).

Each item's upload runs on a ``QThreadPool`` (see :mod:`.runner`, whose module docstring
says how: workers never touch the model, every start is a new *attempt*, a cancelled
upload gives its worker slot to the next file at once). :class:`UploadQueue` adds the
items, acts on them, and pauses the uploads while there is no usable key or while they are
held; its constructor and signals are :class:`~.runner.UploadRunner`'s.
"""

from __future__ import annotations

from pathlib import Path

from ...core.history import HistoryEntry
from .model import FailureKind, State, UploadItem
from .outcomes import mark_cancelled, mark_key_rejected
from .runner import KeyState, UploadRunner

#: The long side of the first smaller copy after the service found a file too large.
SHRINK_TO = 2048


class UploadQueue(UploadRunner):
    """Owns the items' lifecycle: queued → uploading → done / failed / cancelled."""

    # -- the destination, its key, and holding -----------------------------------------

    def destination_changed(self) -> None:
        """The destination or its key changed (:meth:`access` says to what).

        With a key: start what was waiting for one, retry key failures. Without: what is
        queued from now on waits for one. Either way, uploads already sending finish where
        they started; those handed to the pool but not begun see the new generation, and
        start again for it (waiting, if there is no key), so none reaches a destination the
        user just left.
        """
        if self._access() is None:
            return
        self._hold = None
        self._key_state = KeyState.OK
        for item in self.model.items():
            if (item.state is State.QUEUED and item.waiting_for_key) or (
                item.state is State.FAILED and item.failure is FailureKind.KEY
            ):
                self._start(item)
        self.summary_changed.emit()

    @property
    def has_key(self) -> bool:
        return self._access() is not None

    def hold(self, reason: str | None) -> None:
        """With a ``reason``: send nothing and let queued items wait, showing why, until a
        key arrives (:meth:`destination_changed`) or ``hold(None)``."""
        if reason == self._hold:
            return
        self._hold = reason
        self.model.waiting_reason = reason  # (None: waiting for a key)
        waiting = [
            i.id for i in self.model.items() if i.state is State.QUEUED and i.waiting_for_key
        ]
        self.model.changed_many(waiting)
        self.summary_changed.emit()

    @property
    def held(self) -> bool:
        """:meth:`hold` stops every upload (not just a missing key)."""
        return self._hold is not None

    def give_up_on_key(self) -> None:
        """The user declined to give a new key: what waited for one fails with Retry."""
        self._key_state = KeyState.DECLINED
        for item in self.model.items():
            if item.state is State.QUEUED and item.waiting_for_key and self.has_key:
                item.waiting_for_key = False
                mark_key_rejected(item)
                self._finish(item)
            elif item.state is State.FAILED and item.failure is FailureKind.KEY:
                self._finish(item)  # waited in its drop for the answer
        self.summary_changed.emit()

    # -- adding and acting on items ----------------------------------------------------

    def new_batch(self) -> int:
        return next(self._batch_ids)

    def add(
        self,
        paths: list[Path],
        batch: int | None = None,
        more_coming: bool = False,
        entries: list[HistoryEntry] | None = None,
    ) -> list[UploadItem]:
        """Queue files (already de-duplicated and expanded). Returns the new items.

        With ``more_coming``, the batch is not finished until a later call without it.
        ``entries`` are the files' history rows, in the same order, already written (a drop
        is recorded whole before its files are queued); without them the files upload with
        no history (it could not be written).
        """
        if self._closing:
            return []
        batch = self.new_batch() if batch is None else batch
        self._batches.open(batch, more_coming)
        if not paths:
            self._batches.finish_if_done(batch)
            return []
        waiting = not self.has_key or self._key_state is KeyState.ASKING
        # Their history rows are on disk already, written before the files were listed.
        items: list[UploadItem] = []
        rows: list[HistoryEntry | None] = [*entries] if entries else [None] * len(paths)
        for path, entry in zip(paths, rows, strict=True):
            item = UploadItem(next(self._ids), path, batch, waiting_for_key=waiting)
            if entry is not None:
                item.history_id, self._recorded_host[item.id] = entry.id, entry.destination
            items.append(item)
        self._batches.add(batch, (item.id for item in items))
        self.model.append(items)
        for item in items:
            self._start(item, notify=False)  # just inserted: no change to paint
        self.summary_changed.emit()
        return items

    def restore(self, entries: list[HistoryEntry], resume: bool) -> list[UploadItem]:
        """List what a previous run left unfinished: started again, or failed with Retry."""
        if not entries:
            return []
        batch = self.new_batch()
        items = [UploadItem.left_over(next(self._ids), batch, entry) for entry in entries]
        self.model.append(items)
        for item in items:
            if resume:
                # Not tracked as a batch: nobody just dropped these, so finishing them must
                # not replace what is on the clipboard.
                self._start(item)
            else:
                item.interrupt()
                self.model.changed(item.id)
        self.summary_changed.emit()
        return items

    @property
    def destination_id(self) -> str:
        """The current destination's id (what the history files rows under), or ""."""
        access = self._access()
        return access.destination.id if access is not None else ""

    def retry(self, item_ids: list[int], shrink: bool = False) -> list[UploadItem]:
        """Send these again where that can help; return those sent. With ``shrink``, files
        the service found too large go as smaller copies (half as large again each time)."""
        started = []
        for item in filter(None, map(self.model.item, item_ids)):
            if shrink and item.state is State.FAILED and item.failure is FailureKind.TOO_LARGE:
                item.shrink_to = max(256, item.shrink_to // 2) if item.shrink_to else SHRINK_TO
            elif not item.retryable:
                continue
            self._start(item)
            started.append(item)
        self.summary_changed.emit()
        return started

    def cancel(self, item_ids: list[int]) -> None:
        for item_id in item_ids:
            item = self.model.item(item_id)
            if item is None or not item.state.active:
                continue
            self._running.cancel(item_id, self._pool)  # its slot goes to the next file
            self._record_cancelled(item)
            mark_cancelled(item)  # whatever the worker reports now is stale
            self._finish(item)
        self.summary_changed.emit()

    def _record_cancelled(self, item: UploadItem) -> None:
        """The history says cancelled (a done row keeps its URL), so it is not resumed."""
        if self.history is not None and item.history_id is not None and not self._closing:
            self.history.record_cancelled(item.history_id, item.attempt)

    def remove(self, item_ids: list[int]) -> None:
        for item_id in item_ids:
            item = self.model.item(item_id)
            if item is not None and item.failure is FailureKind.INTERRUPTED:
                self._record_cancelled(item)  # removing a leftover says: do not bring it back
        self.cancel(item_ids)
        self._batches.forget(item_ids)
        self.model.remove(set(item_ids))
        self.summary_changed.emit()

    # -- summary and shutdown ----------------------------------------------------------

    @property
    def active_count(self) -> int:
        return len(self._running) + sum(
            1 for i in self.model.items() if i.state is State.QUEUED and i.waiting_for_key
        )

    @property
    def uploading_count(self) -> int:
        return len(self._running)

    def shutdown(self) -> None:
        """Cancel everything and release the network; call before quitting."""
        self._closing = True
        if self.history is not None:
            self.history.quitting.set()  # interrupted uploads stay "not uploaded"
        self._timer.stop()
        self._running.cancel_all()
        self._pool.close()
        self.clients.close()

    @property
    def idle(self) -> bool:
        return not self._pool.busy
