"""The history's one owner in the Qt layer: its store, and the one thread that uses it.

Everything the window asks of the history (the start-up restore, drops, pages and counts for
the History tab, remove, clear, export, cancelled rows) runs on the ``history`` thread and
comes back through a callback on the GUI thread, so the GUI thread never waits on SQLite or
on a lock a writer holds across its ``fsync``. Upload jobs record their own outcome through
the :class:`HistoryLink` this controller hands them (on their worker thread).
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject, Signal

from ...core.atomic import atomic_text_file
from ...core.history import (
    Drop,
    HistoryEntry,
    HistoryState,
    HistoryStore,
    export_csv,
    export_json,
)
from ...core.intake import Intake, collect
from ...core.paths import thumbnail_file
from ...core.prepare.folder import clean_leftovers
from ...core.upload_job import HistoryLink
from ..base.workers import Callback, Workers

log = logging.getLogger(__name__)

R = TypeVar("R")

#: Folders holding more images than this ask before queueing them all.
ASK_ABOVE = 100


@dataclass(frozen=True)
class Restored:
    """What the start-up restore found: files a previous run did not finish, and drops it
    was expanding whose big folders must be asked about again."""

    unfinished: list[HistoryEntry]
    questions: list[tuple[Drop, Intake]]


@dataclass(frozen=True)
class Page:
    """Rows of the History tab, newest first, and how many match in all: counted for a
    refresh without a search, else at least (one more than the rows, while more follow)."""

    entries: list[HistoryEntry]
    total: int


@dataclass(frozen=True)
class HistoryHealth:
    """What is wrong with the history file, if anything (for the window's notices)."""

    folder: Path
    temporary: bool
    recovered_from: Path | None
    reason: str | None
    write_error: str | None


class HistoryController(QObject):
    """Owns the :class:`HistoryStore`; every use of it runs on one background thread."""

    #: Rows were added, finished, removed or cleared.
    changed = Signal()
    #: A write failed (any thread may emit it; it is delivered on the GUI thread).
    write_failed = Signal(str)

    def __init__(
        self, workers: Workers, store: HistoryStore | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store if store is not None else HistoryStore(lazy=True)
        self._store.watch_writes(self._report_write_failure)
        self._thread = workers.pool("history", 1)
        #: Set while the app quits: interrupted uploads stay "not uploaded".
        self.quitting = threading.Event()

    def _report_write_failure(self, reason: str) -> None:
        with contextlib.suppress(RuntimeError):  # the window is gone: nobody to tell
            self.write_failed.emit(reason)

    def run(self, work: Callable[[HistoryStore], R], done: Callback[R]) -> None:
        """Run ``work(store)`` on the history thread, then ``done(result, error)``."""
        store = self._store
        self._thread.submit(lambda: work(store), done)

    def _write(self, work: Callable[[HistoryStore], object], what: str) -> None:
        def done(_result: object, error: BaseException | None) -> None:
            if error is not None:
                log.error("could not %s in the history: %s", what, error)
            self.changed.emit()

        self.run(work, done)

    # -- start-up ----------------------------------------------------------------------

    def restore(self, destination: str, done: Callable[[Restored, HistoryHealth], None]) -> None:
        """Open the history, finish expanding the drops a crash cut short, and read what the
        previous run left unfinished for ``destination`` (a window for another target may be
        uploading its own right now)."""

        def work(store: HistoryStore) -> Restored:
            clean_leftovers()  # copies prepared for upload by a run that crashed
            store.open()
            questions: list[tuple[Drop, Intake]] = []
            listed: list[HistoryEntry] = []
            for drop in store.leftover_drops(destination):
                intake = collect(drop.paths)
                if intake.folder_images > ASK_ABOVE:
                    questions.append((drop, intake))  # never answered: asked again
                else:
                    listed += store.record_drop(drop.id, intake.files, destination)
            return Restored(store.unfinished(destination) + listed, questions)

        def finished(result: Restored | None, error: BaseException | None) -> None:
            if error is not None:
                log.error("could not read unfinished uploads: %s", error)
            done(result or Restored([], []), self.health())

        self.run(work, finished)

    def health(self) -> HistoryHealth:
        store = self._store
        return HistoryHealth(
            store.path.parent,
            store.temporary,
            store.recovered_from,
            store.recovery_reason,
            store.write_error,
        )

    # -- drops -------------------------------------------------------------------------

    def add_drop(
        self, paths: list[Path], destination: str, done: Callable[[Drop | None], None]
    ) -> None:
        """Record a drop before it is expanded; ``done(None)`` if that failed."""

        def finished(drop_id: int | None, error: BaseException | None) -> None:
            if error is not None or drop_id is None:
                log.error("could not record a drop in the history: %s", error)
                done(None)
            else:
                done(Drop(drop_id, list(paths)))

        self.run(lambda store: store.add_drop(paths, destination), finished)

    def record_drop(
        self,
        drop: Drop,
        files: list[Path],
        destination: str,
        done: Callable[[list[HistoryEntry] | None], None],
    ) -> None:
        """Record the files a drop expanded to; ``done(entries)``, or ``done(None)``."""

        def finished(entries: list[HistoryEntry] | None, error: BaseException | None) -> None:
            if error is not None:
                log.error("could not record dropped files in the history: %s", error)
            else:
                self.changed.emit()
            done(entries)

        self.run(lambda store: store.record_drop(drop.id, files, destination), finished)

    # -- what jobs and the queue record ------------------------------------------------

    def link(
        self, entry_id: int, destination: str, reuse: bool, fresh: bool, attempt: int
    ) -> HistoryLink:
        """What an upload job needs to record its own outcome (on its worker thread)."""
        return HistoryLink(self._store, entry_id, destination, reuse, self.quitting, fresh, attempt)

    def record_cancelled(self, entry_id: int, attempt: int) -> None:
        """The row says cancelled (a done row keeps its URL), so it is not resumed."""
        if self.quitting.is_set():
            return  # quitting: it stays "not uploaded", listed at the next start
        self._write(
            lambda store: store.finish(entry_id, HistoryState.CANCELLED, attempt=attempt),
            "record a cancelled upload",
        )

    # -- the History tab ---------------------------------------------------------------

    def page(
        self,
        offset: int,
        limit: int,
        search: str,
        failed_only: bool,
        done: Callable[[Page], None],
        known_total: int | None = None,
    ) -> None:
        """Read rows for the History tab, never waiting for a count (the page reads one row
        more, to say whether more follow). With ``known_total`` (how many matched when the
        rows on show were counted) and no search, ``limit`` grows by the rows recorded since,
        so a refresh keeps every row that was loaded."""

        def work(store: HistoryStore) -> Page:
            if known_total is None or search.strip():
                rows = store.page(offset, limit + 1, search, failed_only)
                return Page(rows[:limit], offset + len(rows))
            total = store.count(search, failed_only)
            wanted = limit + (max(0, total - known_total) if known_total is not None else 0)
            rows = store.page(offset, min(wanted, max(0, total - offset)), search, failed_only)
            return Page(rows, total)

        def finished(page: Page | None, error: BaseException | None) -> None:
            if error is not None:
                log.error("could not read the history: %s", error)
            done(page or Page([], 0))

        self.run(work, finished)

    def remove(self, entry_ids: list[int], done: Callback[None]) -> None:
        def work(store: HistoryStore) -> None:
            store.remove(entry_ids)
            for entry_id in entry_ids:
                thumbnail_file(entry_id).unlink(missing_ok=True)

        self.run(work, self._after_change(done))

    def mark_deleted(self, url: str, destination: str, done: Callback[None]) -> None:
        """The file at ``url`` was deleted from ``destination``'s server: every row that links
        to it says so (and is never reused as an earlier upload)."""
        self.run(lambda store: store.mark_deleted(url, destination), self._after_change(done))

    def count(self, done: Callable[[int], None], failed_only: bool = False) -> None:
        self.run(lambda store: store.count(failed_only=failed_only), lambda n, _e: done(n or 0))

    def clear(self, done: Callback[None]) -> None:
        def work(store: HistoryStore) -> None:
            store.clear()
            shutil.rmtree(thumbnail_file(0).parent, ignore_errors=True)

        self.run(work, self._after_change(done))

    def _after_change(self, done: Callback[None]) -> Callback[None]:
        def finished(result: None, error: BaseException | None) -> None:
            self.changed.emit()
            done(result, error)

        return finished

    def export(self, target: Path, search: str, failed_only: bool, done: Callback[int]) -> None:
        """Write the entries matching ``search`` to ``target`` (CSV, or JSON by suffix)."""

        def work(store: HistoryStore) -> int:
            entries = store.page(0, store.count(search, failed_only), search, failed_only)
            with atomic_text_file(target) as stream:
                if target.suffix.lower() == ".json":
                    export_json(entries, stream)
                else:
                    export_csv(entries, stream)
            return len(entries)

        self.run(work, done)

    def close(self) -> None:
        """Release the file (the thread has stopped or was left to its deadline)."""
        self._store.close()
