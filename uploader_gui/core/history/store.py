"""The history store the app uses: reading the history here; writing, opening and
recovery in the modules it builds on (:mod:`.writes`, :mod:`.database`).

Entries come newest first, a page at a time, searched by name or URL. What a previous run
left (queued rows it never finished, drops it did not finish expanding) is what the file held
when this run opened it: what this run adds is its own.
"""

from __future__ import annotations

from .database import FILE_NAME as FILE_NAME
from .records import Drop, HistoryEntry, entry_from_row, like_pattern, unpack_paths
from .schema import COLUMNS
from .writes import HistoryWrites


class HistoryStore(HistoryWrites):
    """The history database. Safe to use from several threads.

    One connection, used under a lock: statements are short, and a connection per thread
    does not work with Qt's pool threads (Python forgets their thread-locals between jobs).
    Opening and recovery are in :mod:`.database`, writing in :mod:`.writes`.
    """

    def _opened(self) -> None:
        self._leftover_drops = {drop.id for drop in self._drops()}
        self._last_id_at_open = int(self._query("SELECT coalesce(max(id), 0) FROM uploads")[0][0])

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

    def _where(self, search: str, failed_only: bool) -> tuple[str, list[object]]:
        clauses: list[str] = []
        params: list[object] = []
        if search.strip():
            clauses.append("(name LIKE ? ESCAPE '\\' OR url LIKE ? ESCAPE '\\')")
            params += [like_pattern(search.strip())] * 2
        if failed_only:
            clauses.append("state = 'failed'")
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    def count(self, search: str = "", failed_only: bool = False) -> int:
        where, params = self._where(search, failed_only)
        with self._db() as db:
            row = db.execute(f"SELECT COUNT(*) FROM uploads{where}", params).fetchone()  # noqa: S608
        return int(row[0])

    def page(
        self, offset: int, limit: int, search: str = "", failed_only: bool = False
    ) -> list[HistoryEntry]:
        """Entries newest first."""
        where, params = self._where(search, failed_only)
        rows = self._query(
            f"SELECT {COLUMNS} FROM uploads{where} "  # noqa: S608
            "ORDER BY added_at DESC, id DESC LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
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
