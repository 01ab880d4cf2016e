"""One attempt at uploading one item: what its worker needs, gathered on the GUI thread.

The queue fills an :class:`Attempt` as the item starts and hands :meth:`Attempt.run` to the
``uploads`` pool; the worker touches no model, only the :class:`ProgressBoard`. The
destination comes whole with the attempt (read from the queue's ``access()`` as it started,
never kept elsewhere), and the attempt checks before anything is sent or recorded that it is
still the current one: a destination or key that changed meanwhile gets a
:class:`DestinationChangedError`, and the item starts again for the new one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from ...core.client_holder import ClientHolder
from ...core.destination import Access
from ...core.errors import DestinationChangedError
from ...core.prepare.folder import work_folder
from ...core.prepare.options import PrepareOptions
from ...core.progress import ProgressBoard
from ...core.retry import CancelToken, RetryPolicy
from ...core.upload_job import HistoryLink, JobOutcome, Preparing, run_upload


def preparing_for(options: PrepareOptions, shrink_to: int | None) -> Preparing | None:
    """How an item is prepared: as ``options`` say, no larger than ``shrink_to`` if set (a
    smaller copy after the service found it too large); ``None`` when nothing is asked,
    so nothing is prepared, nor looked at."""
    if shrink_to is not None:
        options = replace(options, max_side=min(options.max_side or 10**6, shrink_to))
    return Preparing(options, work_folder) if options.key() else None


@dataclass(frozen=True)
class Attempt:
    """An item's attempt, as its worker runs it (:meth:`run`, on a worker thread)."""

    item_id: int
    #: The item's attempt number: what an older attempt reports is ignored.
    number: int
    path: Path
    #: The destination, its key and their generation as the attempt started.
    access: Access
    #: The queue's ``access()``: the destination now (asked again just before sending).
    current: Callable[[], Access | None]
    token: CancelToken
    board: ProgressBoard
    clients: ClientHolder
    retry: RetryPolicy
    #: Where the upload records its outcome (``None``: the file has no history row).
    history: HistoryLink | None
    preparing: Preparing | None

    @property
    def generation(self) -> int:
        return self.access.generation

    def run(self) -> JobOutcome:
        """Upload the file (on a worker thread), reporting progress to the board."""
        item_id, number, board = self.item_id, self.number, self.board
        self.token.raise_if_cancelled()
        now = self.current()
        if now is None or now.generation != self.generation:
            raise DestinationChangedError()  # before anything is sent or recorded
        board.started(item_id, number)
        return run_upload(
            lambda: self.clients.get(self.access, self.retry),
            self.path,
            history=self.history,
            progress=lambda sent, total: board.progress(item_id, number, sent, total),
            cancel=self.token,
            on_retry=lambda _n, delay, error: board.retrying(item_id, number, delay, str(error)),
            preparing=self.preparing,
        )
