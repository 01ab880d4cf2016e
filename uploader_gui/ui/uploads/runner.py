"""Runs the upload queue's items: each upload on a ``QThreadPool``, the model kept current.

Workers never touch the model. They write progress into a :class:`ProgressBoard` (a dict
behind a lock) that a 100 ms timer on the GUI thread drains into the model, so repaints are
throttled however fast bytes move; results come back through the ``uploads`` pool. Every
start of an item is a new *attempt*: whatever an older attempt reports (to the window or to
the history) is ignored. A cancelled upload gives its worker slot to the next file at once,
even while its worker still waits for the server.

:class:`UploadRunner` is the part of :class:`~.queue.UploadQueue` that starts attempts and
settles what they report; the queue adds what the window asks of it (adding, retrying,
cancelling, the key and the hold). What a worker runs is an :class:`~.attempt.Attempt`;
which attempts run and what each batch waits for is kept in :mod:`.jobs`; how an attempt's
start and end change its item is in :mod:`.outcomes`.
"""

from __future__ import annotations

import enum
import itertools
import logging
from collections.abc import Callable
from dataclasses import replace

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
from ...core.network.proxy import ProxySettings
from ...core.prepare.options import PrepareOptions
from ...core.progress import ProgressBoard
from ...core.retry import CancelToken, RetryPolicy
from ...core.upload_job import HistoryLink, JobOutcome
from ..base.workers import Workers
from ..history.controller import HistoryController
from ..settings.store import Settings
from .attempt import Attempt, preparing_for
from .jobs import Batches, RunningUploads
from .model import State, UploadItem, UploadListModel
from .outcomes import begin_attempt, mark_done, mark_failed, mark_key_rejected, mark_unexpected

log = logging.getLogger(__name__)

PROGRESS_INTERVAL_MS = 100


class KeyState(enum.Enum):
    OK = "ok"  # uploads run
    ASKING = "asking"  # a 401 paused the queue; the user is being asked for a new key
    DECLINED = "declined"  # the user kept the rejected key: 401s fail without asking


class UploadRunner(QObject):
    """Starts each item's attempts and settles their outcomes (see :class:`UploadQueue`)."""

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
        #: Each running attempt's cancel token and pool job.
        self._running = RunningUploads()
        self.board = ProgressBoard()
        self.clients = ClientHolder(proxy_password)
        self._ids = itertools.count(1)
        self._batch_ids = itertools.count(1)
        #: The items of each batch not finished yet.
        self._batches = Batches(self.batch_finished.emit)
        #: Why nothing may be sent at all (e.g. the API URL is refused), until released
        #: (:meth:`UploadQueue.hold`).
        self._hold: str | None = None
        #: Whether a rejected key paused the uploads (:meth:`UploadQueue.give_up_on_key`).
        self._key_state = KeyState.OK
        #: How automatic retries wait (tests shorten it); how many: :attr:`settings`.
        self._backoff = retry_policy or RetryPolicy()
        self._closing = False
        self._timer = QTimer(self)
        self._timer.setInterval(PROGRESS_INTERVAL_MS)
        self._timer.timeout.connect(self._drain_progress)

    # -- how uploads run ---------------------------------------------------------------

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

    # -- running -----------------------------------------------------------------------

    def _start(self, item: UploadItem, notify: bool = True) -> None:
        """Begin a new attempt: hand it to the pool, or let it wait for a key."""
        self._batches.rejoin(item)
        begin_attempt(item)
        access = self._access()  # read now, never kept: the destination at this start
        if access is None or self._key_state is KeyState.ASKING:
            item.waiting_for_key = True
            if notify:
                self.model.changed(item.id)
            return
        item.waiting_for_key = False
        self._submit(item, access)
        if notify:
            self.model.changed(item.id)
        if not self._timer.isActive():
            self._timer.start()

    def _submit(self, item: UploadItem, access: Access) -> None:
        """Hand the item's attempt, for ``access``, to the ``uploads`` pool."""
        token = CancelToken()
        self._running.started(item.id, token)
        item_id, number = item.id, item.attempt
        item.reused = False
        item.destination = access.destination.id  # (what a deletion marks it by)
        attempt = Attempt(
            item_id=item_id,
            number=number,
            path=item.path,
            access=access,
            current=self._access,
            token=token,
            board=self.board,
            clients=self.clients,
            retry=self.retry_policy,
            history=self._history_link(item, access),
            preparing=preparing_for(self.prepare_options, item.shrink_to),
        )
        generation = attempt.generation

        def report(result: JobOutcome | None, error: BaseException | None) -> None:
            self._done(item_id, number, generation, result, error)

        self._running.submitted(item_id, self._pool.submit(attempt.run, report))

    def _history_link(self, item: UploadItem, access: Access) -> HistoryLink | None:
        """Where the attempt records its outcome, if the item has a history row."""
        if self.history is None or item.history_id is None:
            return None
        destination = access.destination.id
        fresh = self._recorded_host.pop(item.id, None) == destination
        return self.history.link(
            item.history_id, destination, self.settings.reuse_duplicates, fresh, item.attempt
        )

    def _done(
        self,
        item_id: int,
        attempt: int,
        generation: int,
        outcome: JobOutcome | None,
        error: BaseException | None,
    ) -> None:
        """An attempt reported back (on the GUI thread): unless it is stale, settle the item."""
        item = self.model.item(item_id)
        if item is None or item.attempt != attempt or self._closing:
            return  # removed, cancelled or restarted meanwhile
        self._running.finished(item_id)
        item.retry_at = None
        if item.history_id is not None:
            self.history_changed.emit()
        if error is None and outcome is not None:
            self._succeeded(item, outcome)
        elif isinstance(error, DestinationChangedError):
            self._start(item)  # for the new API URL (waiting, if it has no key yet)
            self.summary_changed.emit()
        elif isinstance(error, KeyRejectedError):
            self._key_refused(item, generation)
        else:
            self._failed(item, error)

    def _succeeded(self, item: UploadItem, outcome: JobOutcome) -> None:
        mark_done(item, outcome)
        if not outcome.reused:
            self.network_worked.emit()
        self._finish(item)
        self.summary_changed.emit()

    def _key_refused(self, item: UploadItem, generation: int) -> None:
        """The key of ``generation`` was refused: ask for another, once, or fail the item."""
        now = self._access()
        if now is None or now.generation != generation:
            self._start(item)  # sent with a key that has been replaced since
            return
        mark_key_rejected(item)
        if self._key_state is KeyState.DECLINED:
            self._finish(item)
            self.summary_changed.emit()
            return
        # Pause the queue and ask once; a new key restarts these items, a refusal finishes
        # them (give_up_on_key). Until then they still belong to their drop, which is not
        # finished (nor copied) without them.
        self.model.changed(item.id)
        self.summary_changed.emit()
        if self._key_state is KeyState.OK:
            self._key_state = KeyState.ASKING
            self.key_rejected.emit()

    def _failed(self, item: UploadItem, error: BaseException | None) -> None:
        """Cancelled, failed, or broken by a bug: the item is finished."""
        if isinstance(error, CancelledError):
            item.state = State.CANCELLED
        elif isinstance(error, UploadError):
            mark_failed(item, error)
            if isinstance(error, PlainProxyPasswordError):
                self.plain_password_refused.emit(item.id, error.address)
            elif isinstance(error, NETWORK_SETUP_ERRORS):
                self.network_failed.emit(str(error), not isinstance(error, CertificateError))
        else:
            log.error("unexpected failure uploading %s", item.name, exc_info=error)
            mark_unexpected(item, error)
        self._finish(item)
        self.summary_changed.emit()

    def _finish(self, item: UploadItem) -> None:
        self.model.changed(item.id)
        self._batches.item_finished(item)

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
        if not self._running:
            self._timer.stop()
