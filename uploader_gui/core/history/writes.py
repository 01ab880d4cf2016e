"""Writing the history: items queued, drops recorded and expanded, outcomes, removals.

Each write is one durable commit (see :mod:`.database`); a write that fails is reported to
the watchers of :meth:`.database.HistoryDatabase.watch_writes`, since crash recovery depends
on it. A finished upload's URL is never erased by a later failure, and the outcome of an
attempt older than the row's is ignored.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from .database import HistoryDatabase
from .records import HistoryEntry, HistoryState, entry_from_row, pack_paths, raw_path, storable
from .schema import COLUMNS
from .search import emptying


class HistoryWrites(HistoryDatabase):
    """The writing half of :class:`.store.HistoryStore` (its subclass, which reads)."""

    # -- writing -----------------------------------------------------------------------

    def add(self, items: Sequence[tuple[str, str, str]]) -> list[int]:
        """Record ``(path, name, destination)`` items as queued, in one transaction."""
        with self._transaction() as db:
            return self._insert(db, items, None, time.time())

    @staticmethod
    def _insert(
        db: sqlite3.Connection,
        items: Iterable[tuple[str, str, str]],
        drop_id: int | None,
        now: float,
    ) -> list[int]:
        ids: list[int] = []
        for path, name, host in items:
            cursor = db.execute(
                "INSERT INTO uploads (path, raw_path, name, destination, state, added_at, drop_id) "
                "VALUES (?, ?, ?, ?, 'queued', ?, ?)",
                (storable(path), raw_path(path), storable(name), host, now, drop_id),
            )
            ids.append(int(cursor.lastrowid or 0))
        return ids

    # -- drops -------------------------------------------------------------------------

    def add_drop(self, paths: Sequence[Path | str], destination: str) -> int:
        """Record what was handed over (files and folders, not yet expanded): one commit."""
        with self._transaction() as db:
            cursor = db.execute(
                "INSERT INTO drops (destination, paths, added_at) VALUES (?, ?, ?)",
                (destination, pack_paths(paths), time.time()),
            )
            return int(cursor.lastrowid or 0)

    def record_drop(
        self, drop_id: int, files: Sequence[Path], destination: str
    ) -> list[HistoryEntry]:
        """Record the files a drop expanded to, as queued, and close the drop: one commit.

        Files already recorded for this drop (by a run that crashed part-way) are not
        recorded again; the new entries are returned in order.
        """
        now = time.time()
        with self._transaction() as db:
            known = {
                os.fsdecode(row[1]) if row[1] is not None else row[0]
                for row in db.execute(
                    "SELECT path, raw_path FROM uploads WHERE drop_id = ?", (drop_id,)
                )
            }
            fresh = [str(path) for path in files if str(path) not in known]
            ids = self._insert(
                db, ((path, Path(path).name, destination) for path in fresh), drop_id, now
            )
            db.execute("DELETE FROM drops WHERE id = ?", (drop_id,))
        self._leftover_drops.discard(drop_id)
        return self._entries(ids)

    def _entries(self, ids: Sequence[int]) -> list[HistoryEntry]:
        """The entries with these ids (just written), in the order given."""
        by_id: dict[int, HistoryEntry] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            rows = self._query(
                f"SELECT {COLUMNS} FROM uploads WHERE id IN ({marks})",  # noqa: S608
                chunk,
            )
            by_id.update((row["id"], entry_from_row(row)) for row in rows)
        return [by_id[i] for i in ids if i in by_id]

    # -- outcomes ----------------------------------------------------------------------

    def restart(self, entry_id: int, destination: str, attempt: int = 0) -> None:
        """Attempt ``attempt`` begins (perhaps on another host): queued, no outcome.

        An earlier attempt cannot write the row any more (see :meth:`finish`).
        """
        with self._transaction() as db:
            db.execute(
                "UPDATE uploads SET state = 'queued', url = NULL, error = NULL, "
                "uploaded_at = NULL, sha256 = NULL, destination = ?, attempt = ? "
                "WHERE id = ? AND state != 'done' AND attempt <= ?",
                (destination, attempt, entry_id, attempt),
            )

    def finish(
        self,
        entry_id: int,
        state: HistoryState,
        *,
        url: str | None = None,
        error: str | None = None,
        digest: tuple[str, int, str] | None = None,
        attempt: int = 0,
        prepared: str | None = None,
        dimensions: tuple[int, int] | None = None,
        deletion_url: str | None = None,
    ) -> None:
        """Record the outcome of ``attempt`` (one durable commit), with the file's
        ``(sha256, size, type)``, the ``(width, height)`` of the picture sent and where it
        can be deleted from the server.

        A done row keeps its URL; a later failure cannot erase it. The outcome of an attempt
        older than the row's (cancelled, then retried) is ignored.
        """
        uploaded_at = time.time() if state is HistoryState.DONE else None
        sha256, size, content_type = digest or (None, None, None)
        with self._transaction() as db:
            db.execute(
                "UPDATE uploads SET state = ?, url = ?, error = ?, uploaded_at = ?, "
                "sha256 = coalesce(?, sha256), size = coalesce(?, size), "
                "content_type = coalesce(?, content_type), attempt = ?, prepared = ?, "
                "width = coalesce(?, width), height = coalesce(?, height), "
                "deletion_url = coalesce(?, deletion_url) "
                "WHERE id = ? AND state != 'done' AND attempt <= ?",
                (
                    state.value,
                    url,
                    None if error is None else storable(error),
                    uploaded_at,
                    sha256,
                    size,
                    content_type,
                    attempt,
                    prepared,
                    None if dimensions is None else dimensions[0],
                    None if dimensions is None else dimensions[1],
                    deletion_url,
                    entry_id,
                    attempt,
                ),
            )

    def mark_deleted(self, url: str, destination: str) -> None:
        """The file at ``url`` was deleted from ``destination``'s server: every row that
        links to it says so (a reused duplicate shares the file)."""
        with self._transaction() as db:
            db.execute(
                "UPDATE uploads SET deleted_at = ? WHERE url = ? AND destination = ? "
                "AND deleted_at IS NULL",
                (time.time(), url, destination),
            )

    def remove(self, entry_ids: Iterable[int]) -> None:
        with self._transaction() as db:
            db.executemany("DELETE FROM uploads WHERE id = ?", [(i,) for i in entry_ids])

    def clear(self) -> None:
        with self._transaction() as db, emptying(db):  # (the search index at once)
            db.execute("DELETE FROM uploads")
