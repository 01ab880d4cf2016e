"""The history database: one connection, used under a lock, by any thread."""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from ..i18n import translate
from ..paths import PRIVATE_FILE_MODE, data_dir, make_private, private_dir
from .records import (
    Drop,
    HistoryEntry,
    HistoryState,
    entry_from_row,
    like_pattern,
    pack_paths,
    raw_path,
    storable,
    unpack_paths,
)
from .safety import (
    SIDE_SUFFIXES,
    Unusable,
    entry_problem,
    is_cantopen,
    is_damage,
    plain_reason,
    set_aside,
)
from .schema import COLUMNS, MIGRATIONS, SCHEMA_VERSION

log = logging.getLogger(__name__)

FILE_NAME = "history.sqlite3"


class HistoryStore:
    """The history database. Safe to use from several threads.

    One connection, used under a lock: statements are short, and a connection per thread
    does not work with Qt's pool threads (Python forgets their thread-locals between jobs).
    """

    def __init__(self, path: Path | None = None, *, lazy: bool = False) -> None:
        """With ``lazy``, the file is opened and checked on first use (off start-up)."""
        self.path = path or data_dir() / FILE_NAME
        #: Where an unusable database was moved, if one was; the app tells the user.
        self.recovered_from: Path | None = None
        self.recovery_reason: str | None = None
        #: No file could be used: this session's history is in memory and ends with it.
        self.temporary = False
        #: Why the last write failed (``None`` while writes succeed): crash recovery is off.
        self.write_error: str | None = None
        self._write_watchers: list[Callable[[str], None]] = []
        self._lock = threading.RLock()
        self._connection: sqlite3.Connection | None = None
        self._ready = False
        #: Drops a previous run left unexpanded, as found when this run opened the file.
        self._leftover_drops: set[int] = set()
        #: The newest upload row when this run opened the file: later ones are this run's.
        self._last_id_at_open = 0
        if not lazy:
            self.open()

    def watch_writes(self, callback: Callable[[str], None]) -> None:
        """Call ``callback(reason)`` (on the writing thread) whenever a write fails."""
        self._write_watchers.append(callback)

    def open(self) -> None:
        """Open, check and migrate the database now (else it happens on first use).

        Never raises for an unusable file: it is moved aside, or the history becomes
        :attr:`temporary`.
        """
        with self._lock:
            if self._ready:
                return
            try:
                self._open_file()
            except (OSError, sqlite3.Error) as exc:
                self.close()
                log.error("history unavailable (%s); keeping it in memory", exc)
                self.temporary = True
                self.recovery_reason = plain_reason(exc)
                self._prepare()
            self._ready = True
            self._probe_write()
            self._leftover_drops = {drop.id for drop in self._drops()}
            self._last_id_at_open = int(
                self._query("SELECT coalesce(max(id), 0) FROM uploads")[0][0]
            )

    def _open_file(self) -> None:
        folder = private_dir(self.path.parent)
        problem = entry_problem(self.path, folder)
        if problem is not None:
            self._move_aside(problem)
        for suffix in SIDE_SUFFIXES:
            side = self.path.with_name(self.path.name + suffix)
            if os.path.islink(side) or entry_problem(side, folder) is not None:
                set_aside(side)  # SQLite would write through it: never follow it
        try:
            self._create_private()
            self._prepare()
        except (OSError, sqlite3.DatabaseError) as exc:
            if (
                isinstance(exc, sqlite3.DatabaseError)
                and not is_damage(exc)
                and not (is_cantopen(exc))
            ):
                raise  # locked, disk full, I/O: the file may be fine; do not move it
            self.close()
            self._move_aside(plain_reason(exc))
            self._create_private()
            self._prepare()

    def _create_private(self) -> None:
        """Create the file for its owner only, so SQLite's side files follow that mode."""
        try:
            fd = os.open(
                self.path,
                os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0),
                PRIVATE_FILE_MODE,
            )
        except FileExistsError:
            make_private(self.path)
        else:
            os.close(fd)

    # -- the connection ----------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        if self._connection is None:
            if self.temporary:
                connection = sqlite3.connect(":memory:", check_same_thread=False)
            else:
                connection = sqlite3.connect(self.path, timeout=10.0, check_same_thread=False)
            connection.row_factory = sqlite3.Row
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = FULL")
            self._connection = connection
        return self._connection

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        """The connection, opened and checked on first use, held under the lock."""
        with self._lock:
            if not self._ready:
                self.open()
            yield self._connect()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        try:
            with self._db() as db, db:
                yield db
        except sqlite3.Error as exc:
            self._write_failed(plain_reason(exc))
            raise

    def _write_failed(self, reason: str) -> None:
        self.write_error = reason
        for watcher in self._write_watchers:
            try:
                watcher(reason)
            except Exception:
                log.exception("a history write watcher failed")

    def _probe_write(self) -> None:
        """Find out now, not at the first upload, whether the file takes writes."""
        try:
            with self._lock:
                self._connect().execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except sqlite3.Error as exc:
            self._write_failed(plain_reason(exc))

    def _prepare(self) -> None:
        with self._lock:
            db = self._connect()
            check = db.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                message = translate("History", "the database is damaged ({check})")
                raise Unusable(message.format(check=check))
            for number in range(SCHEMA_VERSION):
                # Read the version inside the write lock: two windows starting at once
                # must not both run a migration.
                db.execute("BEGIN IMMEDIATE")
                try:
                    version = db.execute("PRAGMA user_version").fetchone()[0]
                    if version > SCHEMA_VERSION:
                        message = translate(
                            "History",
                            "the history was written by a newer uploader-gui (schema {version})",
                        )
                        raise Unusable(message.format(version=version))
                    if version != number:
                        db.execute("ROLLBACK")
                        continue
                    for statement in MIGRATIONS[number].split(";"):
                        if statement.strip():
                            db.execute(statement)
                    db.execute(f"PRAGMA user_version = {number + 1}")
                    db.execute("COMMIT")
                except BaseException:
                    if db.in_transaction:
                        db.execute("ROLLBACK")
                    raise

    def _move_aside(self, reason: str) -> None:
        """Rename the database (and its side files) out of the way; keep them, never delete."""
        target = set_aside(self.path)
        if target is not None:
            for suffix in SIDE_SUFFIXES:
                side = self.path.with_name(self.path.name + suffix)
                if os.path.lexists(side):
                    os.replace(side, target.with_name(target.name + suffix))
        self.recovered_from = target
        self.recovery_reason = reason

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None
            self._ready = False

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

    def _entries(self, ids: Sequence[int]) -> list[HistoryEntry]:
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
    ) -> None:
        """Record the outcome of ``attempt`` (one durable commit), with the file's
        ``(sha256, size, type)`` and the ``(width, height)`` of the picture sent.

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
                "width = coalesce(?, width), height = coalesce(?, height) "
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
                    entry_id,
                    attempt,
                ),
            )

    def remove(self, entry_ids: Iterable[int]) -> None:
        with self._transaction() as db:
            db.executemany("DELETE FROM uploads WHERE id = ?", [(i,) for i in entry_ids])

    def clear(self) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM uploads")

    # -- reading -----------------------------------------------------------------------

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

    def _query(self, sql: str, params: Sequence[object] = ()) -> list[sqlite3.Row]:
        with self._db() as db:
            return db.execute(sql, params).fetchall()

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
        """The latest finished upload of these bytes to this host, if any."""
        rows = self._query(
            f"SELECT {COLUMNS} FROM uploads WHERE destination = ? AND sha256 = ? "  # noqa: S608
            "AND state = 'done' ORDER BY uploaded_at DESC LIMIT 1",
            (destination, sha256),
        )
        return entry_from_row(rows[0]) if rows else None
