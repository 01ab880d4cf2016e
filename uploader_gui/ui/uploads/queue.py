"""The upload queue: runs each item's upload on a ``QThreadPool`` and keeps the model current.

Workers never touch the model. They write progress into a :class:`ProgressBoard` (a dict
behind a lock) that a 100 ms timer on the GUI thread drains into the model, so repaints are
throttled however fast bytes move; results come back through the ``uploads`` pool. Every
start of an item is a new *attempt*: whatever an older attempt reports (to the window or to
the history) is ignored. A cancelled upload gives its worker slot to the next file at once,
even while its worker still waits for the server.
"""

from __future__ import annotations

import enum
import itertools
import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from ...core.client_holder import ClientHolder
from ...core.destination import Access
from ...core.errors import (
    NETWORK_SETUP_ERRORS,
    CancelledError,
    CertificateError,
    DestinationChangedError,
    KeyRejectedError,
    PlainProxyPasswordError,
    UploadError,
)
from ...core.history import HistoryEntry
from ...core.i18n import translate
from ...core.network.proxy import ProxySettings
from ...core.prepare.folder import work_folder
from ...core.prepare.options import PrepareOptions
from ...core.progress import ProgressBoard
from ...core.retry import CancelToken, RetryPolicy
from ...core.upload_job import JobOutcome, Preparing, run_upload
from ..base.workers import Job, Workers
from ..history.controller import HistoryController
from ..settings.store import Settings
from .model import FailureKind, State, UploadItem, UploadListModel

log = logging.getLogger(__name__)

PROGRESS_INTERVAL_MS = 100
#: The long side of the first smaller copy after the service found a file too large.
SHRINK_TO = 2048


class _KeyState(enum.Enum):
    OK = "ok"  # uploads run
    ASKING = "asking"  # a 401 paused the queue; the user is being asked for a new key
    DECLINED = "declined"  # the user kept the rejected key: 401s fail without asking


class UploadQueue(QObject):
    """Owns the items' lifecycle: queued → uploading → done / failed / cancelled."""

    #: Counts or states changed (for the status bar and title).
    summary_changed = Signal()
    #: Every item added together (one drop, one paste…) has finished: ``batch id``.
    batch_finished = Signal(int)
    #: An upload was refused with 401/403. Emitted once until a new key is set.
    key_rejected = Signal()
    #: An upload finished (its history row changed).
    history_changed = Signal()
    #: The way to the service failed: the message, and whether the proxy (a setting) is
    #: to blame rather than a certificate.
    network_failed = Signal(str, bool)
    #: An upload got through (a notice about the network can go).
    network_worked = Signal()
    #: ``(item id, address)``: the item failed because the proxy at ``address`` would get its
    #: password in clear text; the person may allow that, and the item is sent again.
    plain_password_refused = Signal(int, str)

    def __init__(
        self,
        model: UploadListModel,
        workers: Workers,
        settings: Settings,
        history: HistoryController | None = None,
        parent: QObject | None = None,
        *,
        retry_policy: RetryPolicy | None = None,
        proxy_password: Callable[[str], str | None] | None = None,
        access: Callable[[], Access | None] = lambda: None,
    ) -> None:
        """``access()`` is the destination, its key and their generation now, or ``None``
        while there is no key: asked by each upload as it starts, never kept here (the
        destination's one owner hands it out, and says :meth:`destination_changed`).
        ``settings`` are read as each upload starts (how many retries, whether an earlier
        upload is reused, how files are prepared), and followed for how many run at once."""
        super().__init__(parent)
        self._access = access
        self.model = model
        self.history = history
        self.settings = settings
        #: The host each new history row was written with (so its first start skips a reset).
        self._recorded_host: dict[int, str] = {}
        self._pool = workers.pool("uploads", settings.concurrency)
        settings.changed.connect(self._setting_changed)
        self._jobs: dict[int, Job] = {}
        self.board = ProgressBoard()
        self.clients = ClientHolder(proxy_password)
        self._ids = itertools.count(1)
        self._batches = itertools.count(1)
        self._tokens: dict[int, CancelToken] = {}
        self._batch_pending: dict[int, set[int]] = {}
        #: Why nothing may be sent at all (e.g. the API URL is refused), until released.
        self._hold: str | None = None
        self._key_state = _KeyState.OK
        #: How automatic retries wait (tests shorten it); how many: :attr:`settings`.
        self._backoff = retry_policy or RetryPolicy()
        self._closing = False
        self._timer = QTimer(self)
        self._timer.setInterval(PROGRESS_INTERVAL_MS)
        self._timer.timeout.connect(self._drain_progress)

    # -- configuration -----------------------------------------------------------------

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
        self._key_state = _KeyState.OK
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

    def set_proxy(self, proxy: ProxySettings) -> None:
        """Files not yet sending use ``proxy`` (Settings ▸ Network)."""
        self.clients.set_proxy(proxy)

    def set_concurrency(self, count: int) -> None:
        self._pool.set_max_threads(count)

    @property
    def concurrency(self) -> int:
        return self._pool.max_threads

    def _setting_changed(self, key: str) -> None:
        if key == Settings.concurrency.key:
            self.set_concurrency(self.settings.concurrency)

    @property
    def retry_policy(self) -> RetryPolicy:
        """How uploads starting now retry: as often as Settings say, waiting as set."""
        return replace(self._backoff, retries=self.settings.retries)

    def set_retry_policy(self, policy: RetryPolicy) -> None:
        """How retries wait (their number comes from Settings)."""
        self._backoff = policy

    @property
    def prepare_options(self) -> PrepareOptions:
        """How files not yet begun are prepared (Settings ▸ Images)."""
        settings = self.settings
        return PrepareOptions(
            remove_metadata=settings.remove_metadata,
            convert=settings.convert_formats,
            max_side=settings.max_side,
        )

    # -- adding and acting on items ----------------------------------------------------

    def new_batch(self) -> int:
        return next(self._batches)

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
        pending = self._batch_pending.setdefault(batch, set())
        if more_coming:
            pending.add(-batch)  # a hold: the batch cannot finish before the rest is added
        else:
            pending.discard(-batch)
        if not paths:
            self._finish_batch_if_done(batch)
            return []
        waiting = not self.has_key or self._key_state is _KeyState.ASKING
        # Their history rows are on disk already, written before the files were listed.
        items: list[UploadItem] = []
        rows: list[HistoryEntry | None] = [*entries] if entries else [None] * len(paths)
        for path, entry in zip(paths, rows, strict=True):
            item = UploadItem(next(self._ids), path, batch, waiting_for_key=waiting)
            if entry is not None:
                item.history_id, self._recorded_host[item.id] = entry.id, entry.destination
            items.append(item)
        pending.update(item.id for item in items)
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
            token = self._tokens.pop(item_id, None)
            if token is not None:
                token.cancel()
            job = self._jobs.pop(item_id, None)
            if job is not None:
                # Its worker may wait on a silent server until the read timeout: the next
                # file gets its slot now, and what it reports later is dropped.
                self._pool.forget(job)
            self._record_cancelled(item)
            item.attempt += 1  # whatever the worker reports now is stale
            item.state = State.CANCELLED
            item.retry_at = None
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
        for item_id in item_ids:
            for pending in self._batch_pending.values():
                pending.discard(item_id)
        self.model.remove(set(item_ids))
        self.summary_changed.emit()

    # -- running -----------------------------------------------------------------------

    def _start(self, item: UploadItem, notify: bool = True) -> None:
        pending = self._batch_pending.get(item.batch)
        if pending is not None:
            # Retried while the rest of its drop is still running: the drop is not finished
            # (nor its links copied) without it.
            pending.add(item.id)
        item.attempt += 1
        item.state = State.QUEUED
        item.sent = 0
        item.error = item.failure = None
        item.retry_at = None
        access = self._access()
        if access is None or self._key_state is _KeyState.ASKING:
            item.waiting_for_key = True
            if notify:
                self.model.changed(item.id)
            return
        item.waiting_for_key = False
        token = CancelToken()
        self._tokens[item.id] = token
        item_id, attempt, path = item.id, item.attempt, item.path
        item.reused = False
        generation = access.generation
        board, clients, current, retry = self.board, self.clients, self._access, self.retry_policy
        link = None
        if self.history is not None and item.history_id is not None:
            destination = access.destination.id
            fresh = self._recorded_host.pop(item.id, None) == destination
            link = self.history.link(
                item.history_id, destination, self.settings.reuse_duplicates, fresh, attempt
            )
        options = self.prepare_options  # nothing asked: nothing prepared, nor looked at
        if item.shrink_to is not None:
            options = replace(options, max_side=min(options.max_side or 10**6, item.shrink_to))
        preparing = Preparing(options, work_folder) if options.key() else None

        def work() -> JobOutcome:
            token.raise_if_cancelled()
            now = current()
            if now is None or now.generation != generation:
                raise DestinationChangedError()  # before anything is sent or recorded
            board.started(item_id, attempt)
            return run_upload(
                lambda: clients.get(access, retry),
                path,
                history=link,
                progress=lambda sent, total: board.progress(item_id, attempt, sent, total),
                cancel=token,
                on_retry=lambda _n, delay, error: board.retrying(
                    item_id, attempt, delay, str(error)
                ),
                preparing=preparing,
            )

        job = self._pool.submit(
            work, lambda result, error: self._done(item_id, attempt, generation, result, error)
        )
        if job is not None:
            self._jobs[item_id] = job
        if notify:
            self.model.changed(item.id)
        if not self._timer.isActive():
            self._timer.start()

    def _done(
        self,
        item_id: int,
        attempt: int,
        generation: int,
        outcome: JobOutcome | None,
        error: BaseException | None,
    ) -> None:
        item = self.model.item(item_id)
        if item is None or item.attempt != attempt or self._closing:
            return  # removed, cancelled or restarted meanwhile
        self._tokens.pop(item_id, None)
        self._jobs.pop(item_id, None)
        item.retry_at = None
        if item.history_id is not None:
            self.history_changed.emit()
        if error is None and outcome is not None:
            result = outcome.result
            item.state = State.DONE
            if not outcome.reused:
                self.network_worked.emit()
            item.reused = outcome.reused
            item.url = result.url
            item.sent_name = result.filename
            item.width, item.height = outcome.dimensions or (None, None)
            item.note = outcome.prepared.summary() if outcome.prepared else None
            item.sent = item.total = max(item.total, item.sent)
            if result.size_bytes >= 0:
                item.size = result.size_bytes
        elif isinstance(error, DestinationChangedError):
            self._start(item)  # for the new API URL (waiting, if it has no key yet)
            self.summary_changed.emit()
            return
        elif isinstance(error, CancelledError):
            item.state = State.CANCELLED
        elif isinstance(error, KeyRejectedError):
            now = self._access()
            if now is None or now.generation != generation:
                self._start(item)  # sent with a key that has been replaced since
                return
            item.state = State.FAILED
            item.failure = FailureKind.KEY
            item.error = translate("UploadRow", "the API key was rejected")
            if self._key_state is not _KeyState.DECLINED:
                # Pause the queue and ask once; a new key restarts these items, a refusal
                # finishes them (give_up_on_key). Until then they still belong to their drop,
                # which is not finished (nor copied) without them.
                self.model.changed(item.id)
                self.summary_changed.emit()
                if self._key_state is _KeyState.OK:
                    self._key_state = _KeyState.ASKING
                    self.key_rejected.emit()
                return
        elif isinstance(error, UploadError):
            item.state = State.FAILED
            item.failure = FailureKind.of(error)
            item.error = str(error)
            if isinstance(error, PlainProxyPasswordError):
                self.plain_password_refused.emit(item.id, error.address)
            elif isinstance(error, NETWORK_SETUP_ERRORS):
                self.network_failed.emit(str(error), not isinstance(error, CertificateError))
        else:
            log.error("unexpected failure uploading %s", item.name, exc_info=error)
            item.state = State.FAILED
            item.error = translate("UploadRow", "unexpected error: {name}").format(
                name=type(error).__name__
            )
        self._finish(item)
        self.summary_changed.emit()

    def give_up_on_key(self) -> None:
        """The user declined to give a new key: what waited for one fails with Retry."""
        self._key_state = _KeyState.DECLINED
        for item in self.model.items():
            if item.state is State.QUEUED and item.waiting_for_key and self.has_key:
                item.waiting_for_key = False
                item.state = State.FAILED
                item.failure = FailureKind.KEY
                item.error = translate("UploadRow", "the API key was rejected")
                self._finish(item)
            elif item.state is State.FAILED and item.failure is FailureKind.KEY:
                self._finish(item)  # waited in its drop for the answer
        self.summary_changed.emit()

    def _finish(self, item: UploadItem) -> None:
        self.model.changed(item.id)
        pending = self._batch_pending.get(item.batch)
        if pending is not None:
            pending.discard(item.id)
            self._finish_batch_if_done(item.batch)

    def _finish_batch_if_done(self, batch: int) -> None:
        if batch in self._batch_pending and not self._batch_pending[batch]:
            del self._batch_pending[batch]
            self.batch_finished.emit(batch)

    def _drain_progress(self) -> None:
        changed: list[int] = []
        for item_id, update in self.board.take().items():
            item = self.model.item(item_id)
            if item is None or item.attempt != update.attempt or item.state.finished:
                continue
            if update.retry_at is not None:
                item.state = State.RETRY_WAIT
                item.retry_at = update.retry_at
                item.retry_reason = update.retry_reason
            elif update.started or update.sent >= 0:
                item.state = State.UPLOADING
            if update.total >= 0:
                item.sent, item.total = update.sent, update.total
                if item.size is None:
                    item.size = update.total
            changed.append(item_id)
        # Countdowns of items waiting to retry tick without new updates.
        changed.extend(i.id for i in self.model.items() if i.state is State.RETRY_WAIT)
        if changed:
            self.model.changed_many(changed)
            self.summary_changed.emit()
        if not self._tokens:
            self._timer.stop()

    # -- summary and shutdown ----------------------------------------------------------
    @property
    def active_count(self) -> int:
        return len(self._tokens) + sum(
            1 for i in self.model.items() if i.state is State.QUEUED and i.waiting_for_key
        )

    @property
    def uploading_count(self) -> int:
        return len(self._tokens)

    def shutdown(self) -> None:
        """Cancel everything and release the network; call before quitting."""
        self._closing = True
        if self.history is not None:
            self.history.quitting.set()  # interrupted uploads stay "not uploaded"
        self._timer.stop()
        for token in self._tokens.values():
            token.cancel()
        self._tokens.clear()
        self._pool.close()
        self.clients.close()

    @property
    def idle(self) -> bool:
        return not self._pool.busy
