"""The history store the app uses: reading the history here; writing, opening and
recovery in the modules it builds on (:mod:`.writes`, :mod:`.database`).

Entries come newest first, a page at a time, searched by name or URL (:mod:`.search`). What
a previous run left (queued rows it never finished, drops it did not finish expanding) is
what the file held when this run opened it: what this run adds is its own.

What a big history needs once open (indexing old rows for search, checking a big file) is
done a moment later on a thread of its own (:mod:`.upkeep`), so no page waits for it.
"""

from __future__ import annotations

import logging
import sqlite3
import threading

from .check import check_file, mark_damaged
from .database import FILE_NAME as FILE_NAME
from .database import damaged
from .records import Drop, HistoryEntry, entry_from_row, unpack_paths
from .schema import COLUMNS
from .search import backlog, count_matches, find_matches, index_backlog, prepare_search
from .upkeep import Step, Upkeep
from .writes import HistoryWrites

log = logging.getLogger(__name__)


class HistoryStore(HistoryWrites):
    """The history database. Safe to use from several threads.

    One connection, used under a lock: statements are short, and a connection per thread
    does not work with Qt's pool threads (Python forgets their thread-locals between jobs).
    Opening and recovery are in :mod:`.database`, writing in :mod:`.writes`.
    """

    #: Searches can use the search index (this SQLite has it, and it was made).
    _searchable = False
    _upkeep: Upkeep | None = None

    def _opened(self) -> None:
        self._leftover_drops = {drop.id for drop in self._drops()}
        self._last_id_at_open = int(self._query("SELECT coalesce(max(id), 0) FROM uploads")[0][0])
        db = self._connect()
        try:
            self._searchable = prepare_search(db)
        except sqlite3.Error as exc:  # (e.g. read-only): searches read the rows instead
            log.warning("no search index for the history: %s", exc)
            self._searchable = False
        steps: list[Step] = []
        if self._searchable and backlog(db):
            steps.append(self._index_some)
        if self._check_later:
            steps.append(self._check_whole_file)
        if steps:
            self._upkeep = Upkeep(steps)
            self._upkeep.start()

    def close(self) -> None:
        with self._lock:
            if self._upkeep is not None:
                self._upkeep.stop()
                self._upkeep = None
            super().close()

    def upkeep_now(self) -> None:
        """Do what the upkeep does a moment after the history opens, now, on this thread
        (for tests and benchmarks)."""
        with self._db():
            upkeep = self._upkeep
        if upkeep is not None:
            upkeep.stop()
            upkeep.join()
            upkeep.stopped.clear()
            upkeep.run_now()

    def _index_some(self, stop: threading.Event) -> bool:
        """Index a few thousand rows written before the search index; whether more wait."""
        with self._lock:
            if stop.is_set() or not self._ready or self._connection is None:
                return False
            try:
                return index_backlog(self._connection)
            except sqlite3.Error as exc:
                log.warning("could not index the history for search: %s", exc)
                return False

    def _check_whole_file(self, stop: threading.Event) -> bool:
        """Check the file (too big to check as it opened); report damage and mark it, so the
        next start sets it aside."""
        found = check_file(self.path, stop)
        if found is not None and not stop.is_set():
            log.error("the history is damaged: %s", found)
            mark_damaged(self.path)
            self._write_failed(damaged(found))
        return False

    # -- drops -------------------------------------------------------------------------

    def leftover_drops(self, destination: str) -> list[Drop]:
        """Drops for ``destination`` that a previous run recorded but did not finish expanding.

        Only those found when this run opened the history: a drop this run is expanding
        right now is not a leftover.
        """
        with self._db():
            wanted = set(self._leftover_drops)
            return [d for d in self._drops(destination) if d.id in wanted]

    def _drops(self, destination: str | None = None) -> list[Drop]:
        sql = "SELECT id, paths FROM drops"
        params: tuple[str, ...] = ()
        if destination is not None:
            sql, params = sql + " WHERE destination = ?", (destination,)
        rows = self._query(sql + " ORDER BY id", params)
        return [Drop(row["id"], unpack_paths(row["paths"])) for row in rows]

    # -- entries -----------------------------------------------------------------------

    def count(self, search: str = "", failed_only: bool = False) -> int:
        """How many entries match. Without a search, read from an index; with one, every
        match is counted (the History tab does not: see :meth:`page`)."""
        term = search.strip()
        with self._db() as db:
            if term:
                return count_matches(db, term, failed_only, self._searchable)
            where = " WHERE state = 'failed'" if failed_only else ""
            return int(db.execute(f"SELECT COUNT(*) FROM uploads{where}").fetchone()[0])  # noqa: S608

    def page(
        self, offset: int, limit: int, search: str = "", failed_only: bool = False
    ) -> list[HistoryEntry]:
        """Entries newest first, matching ``search`` (in the name or URL, ASCII letters in
        either case) and ``failed_only``. A page never counts the rows."""
        term = search.strip()
        with self._db() as db:
            if term:
                rows = find_matches(db, term, failed_only, offset, limit, self._searchable)
            else:
                where = " WHERE state = 'failed'" if failed_only else ""
                rows = db.execute(
                    f"SELECT {COLUMNS} FROM uploads{where} "  # noqa: S608
                    "ORDER BY added_at DESC, id DESC LIMIT ? OFFSET ?",
                    (limit, offset),
                ).fetchall()
        return [entry_from_row(row) for row in rows]

    def get(self, entry_id: int) -> HistoryEntry | None:
        rows = self._query(f"SELECT {COLUMNS} FROM uploads WHERE id = ?", (entry_id,))  # noqa: S608
        return entry_from_row(rows[0]) if rows else None

    def unfinished(self, destination: str | None = None) -> list[HistoryEntry]:
        """Items a previous run added but never finished (it quit or crashed), oldest first.

        Only rows that were there when this run opened the history: what this run adds is
        its own. With ``destination``, only those meant for that host: a window for another
        target (the sandbox, another API URL) may be running and uploading its own now.
        """
        with self._db():
            last = self._last_id_at_open
        sql = f"SELECT {COLUMNS} FROM uploads WHERE state = 'queued' AND id <= ?"  # noqa: S608
        params: tuple[object, ...] = (last,)
        if destination is not None:
            sql += " AND destination = ?"
            params = (last, destination)
        return [entry_from_row(row) for row in self._query(sql + " ORDER BY id", params)]

    def find_upload(self, sha256: str, destination: str) -> HistoryEntry | None:
        """The latest finished upload of these bytes to this destination that is still on
        its server (not deleted from it), if any."""
        rows = self._query(
            f"SELECT {COLUMNS} FROM uploads WHERE destination = ? AND sha256 = ? "  # noqa: S608
            "AND state = 'done' AND deleted_at IS NULL ORDER BY uploaded_at DESC LIMIT 1",
            (destination, sha256),
        )
        return entry_from_row(rows[0]) if rows else None
