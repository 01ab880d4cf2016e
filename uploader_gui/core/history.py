"""Upload history: every file the user dropped and what became of it, in SQLite.

One row per upload item, written when the item is added (so a crash forgets nothing) and
when it finishes (so no URL is lost). WAL mode with full sync: a committed row survives
``kill -9`` and power loss. The schema is versioned with ``PRAGMA user_version`` and moved
forward by :data:`MIGRATIONS`. A database that cannot be opened is moved aside (kept, not
deleted) and a fresh one started; :attr:`HistoryStore.recovered_from` says where it went.

One connection serves every thread, under a lock; statements are short.
"""

from __future__ import annotations

import csv
import enum
import json
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO

from .paths import data_dir

FILE_NAME = "history.sqlite3"


class HistoryState(enum.Enum):
    QUEUED = "queued"  # added, not finished: after a crash, "not uploaded"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    path: str
    name: str
    size: int | None
    sha256: str | None
    content_type: str | None
    api_host: str
    state: HistoryState
    url: str | None
    error: str | None
    added_at: float
    uploaded_at: float | None

    def as_record(self) -> dict[str, object]:
        record = asdict(self)
        record["state"] = self.state.value
        return record


# Each entry moves the schema from version N to N+1.
MIGRATIONS: tuple[str, ...] = (
    # 1: the first schema.
    """
    CREATE TABLE uploads (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL,
        name TEXT NOT NULL,
        size INTEGER,
        sha256 TEXT,
        api_host TEXT NOT NULL,
        state TEXT NOT NULL,
        url TEXT,
        error TEXT,
        added_at REAL NOT NULL,
        uploaded_at REAL
    );
    """,
    # 2: the declared content type, and indexes for the history view and duplicate checks.
    """
    ALTER TABLE uploads ADD COLUMN content_type TEXT;
    CREATE INDEX uploads_added ON uploads (added_at DESC, id DESC);
    CREATE INDEX uploads_duplicate ON uploads (api_host, sha256) WHERE state = 'done';
    """,
    # 3: ids are never reused (AUTOINCREMENT). After Clear All, or removing the newest
    # entries, a new row used to get the id of a deleted one, whose upload may still be
    # running and would then write its outcome (and thumbnail) over the new row's.
    """
    CREATE TABLE uploads_v3 (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        path TEXT NOT NULL,
        name TEXT NOT NULL,
        size INTEGER,
        sha256 TEXT,
        api_host TEXT NOT NULL,
        state TEXT NOT NULL,
        url TEXT,
        error TEXT,
        added_at REAL NOT NULL,
        uploaded_at REAL,
        content_type TEXT
    );
    INSERT INTO uploads_v3 (
        id, path, name, size, sha256, api_host, state, url, error, added_at, uploaded_at,
        content_type
    )
    SELECT
        id, path, name, size, sha256, api_host, state, url, error, added_at, uploaded_at,
        content_type
    FROM uploads;
    DROP TABLE uploads;
    ALTER TABLE uploads_v3 RENAME TO uploads;
    CREATE INDEX uploads_added ON uploads (added_at DESC, id DESC);
    CREATE INDEX uploads_duplicate ON uploads (api_host, sha256) WHERE state = 'done';
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)

_COLUMNS = (
    "id, path, name, size, sha256, content_type, api_host, state, url, error, added_at, uploaded_at"
)


def _storable(text: str) -> str:
    """``text`` as SQLite can store it.

    A file name that is not valid UTF-8 reaches Python with lone surrogates, which SQLite
    refuses; its odd bytes are written as ``\\xNN`` instead, so the row (and the others
    written with it) is kept.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return text


def _entry(row: sqlite3.Row) -> HistoryEntry:
    return HistoryEntry(
        id=row["id"],
        path=row["path"],
        name=row["name"],
        size=row["size"],
        sha256=row["sha256"],
        content_type=row["content_type"],
        api_host=row["api_host"],
        state=HistoryState(row["state"]),
        url=row["url"],
        error=row["error"],
        added_at=row["added_at"],
        uploaded_at=row["uploaded_at"],
    )


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class _Unusable(sqlite3.DatabaseError):
    """The file is not a usable history (corrupt, not a database, from a newer version)."""


# SQLite's primary result codes for a damaged file.
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26


def _is_damage(error: sqlite3.DatabaseError) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return isinstance(error, _Unusable) or (
        code is not None
        and code & 0xFF
        in (
            _SQLITE_CORRUPT,
            _SQLITE_NOTADB,
        )
    )


class HistoryStore:
    """The history database. Safe to use from several threads.

    One connection, used under a lock: statements are short, and a connection per thread
    does not work with Qt's pool threads (Python forgets their thread-locals between jobs).
    """

    def __init__(self, path: Path | None = None, *, lazy: bool = False) -> None:
        """With ``lazy``, the file is opened and checked on first use (off start-up)."""
        self.path = path or data_dir() / FILE_NAME
        self.path.parent.mkdir(parents=True, exist_ok=True)
        #: Where an unreadable database was moved, if one was; the app tells the user.
        self.recovered_from: Path | None = None
        self.recovery_reason: str | None = None
        self._lock = threading.RLock()
        self._connection: sqlite3.Connection | None = None
        self._ready = False
        if not lazy:
            self.open()

    def open(self) -> None:
        """Open, check and migrate the database now (else it happens on first use)."""
        with self._lock:
            if self._ready:
                return
            try:
                self._prepare()
            except sqlite3.DatabaseError as exc:
                if not _is_damage(exc):
                    raise  # locked, disk full, I/O: the file may be fine; do not move it
                self.close()
                self._move_aside(str(exc))
                self._prepare()
            self._ready = True

    # -- the connection ----------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        if self._connection is None:
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
        with self._db() as db, db:
            yield db

    def _prepare(self) -> None:
        with self._lock:
            db = self._connect()
            check = db.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise _Unusable(f"the database is damaged ({check})")
            for number in range(SCHEMA_VERSION):
                # Read the version inside the write lock: two windows starting at once
                # must not both run a migration.
                db.execute("BEGIN IMMEDIATE")
                try:
                    version = db.execute("PRAGMA user_version").fetchone()[0]
                    if version > SCHEMA_VERSION:
                        raise _Unusable(
                            f"the history was written by a newer uploader-gui (schema {version})"
                        )
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
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.name}.unreadable-{stamp}")
        counter = 2
        while target.exists():
            target = self.path.with_name(f"{self.path.name}.unreadable-{stamp}-{counter}")
            counter += 1
        self.path.replace(target)
        for suffix in ("-wal", "-shm"):
            side = self.path.with_name(self.path.name + suffix)
            if side.exists():
                side.replace(target.with_name(target.name + suffix))
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
        """Record ``(path, name, api_host)`` items as queued, in one transaction."""
        now = time.time()
        ids: list[int] = []
        with self._transaction() as db:
            for path, name, host in items:
                cursor = db.execute(
                    "INSERT INTO uploads (path, name, api_host, state, added_at) "
                    "VALUES (?, ?, ?, 'queued', ?)",
                    (_storable(path), _storable(name), host, now),
                )
                ids.append(int(cursor.lastrowid or 0))
        return ids

    def restart(self, entry_id: int, api_host: str) -> None:
        """The item is being tried again (perhaps on another host): queued, no outcome."""
        with self._transaction() as db:
            db.execute(
                "UPDATE uploads SET state = 'queued', url = NULL, error = NULL, "
                "uploaded_at = NULL, api_host = ? WHERE id = ? AND state != 'done'",
                (api_host, entry_id),
            )

    def finish(
        self,
        entry_id: int,
        state: HistoryState,
        *,
        url: str | None = None,
        error: str | None = None,
        digest: tuple[str, int, str] | None = None,
    ) -> None:
        """Record an outcome (one durable commit), with the file's ``(sha256, size, type)``.

        A done row keeps its URL; a later failure cannot erase it.
        """
        uploaded_at = time.time() if state is HistoryState.DONE else None
        sha256, size, content_type = digest or (None, None, None)
        with self._transaction() as db:
            db.execute(
                "UPDATE uploads SET state = ?, url = ?, error = ?, uploaded_at = ?, "
                "sha256 = coalesce(?, sha256), size = coalesce(?, size), "
                "content_type = coalesce(?, content_type) "
                "WHERE id = ? AND state != 'done'",
                (
                    state.value,
                    url,
                    None if error is None else _storable(error),
                    uploaded_at,
                    sha256,
                    size,
                    content_type,
                    entry_id,
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
            params += [_like(search.strip())] * 2
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
            f"SELECT {_COLUMNS} FROM uploads{where} "  # noqa: S608
            "ORDER BY added_at DESC, id DESC LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        return [_entry(row) for row in rows]

    def get(self, entry_id: int) -> HistoryEntry | None:
        rows = self._query(f"SELECT {_COLUMNS} FROM uploads WHERE id = ?", (entry_id,))  # noqa: S608
        return _entry(rows[0]) if rows else None

    def unfinished(self, api_host: str | None = None) -> list[HistoryEntry]:
        """Items added but never finished (the app quit or crashed), oldest first.

        With ``api_host``, only those meant for that host: a window for another target (the
        sandbox, another API URL) may be running and uploading its own right now.
        """
        sql = f"SELECT {_COLUMNS} FROM uploads WHERE state = 'queued'"  # noqa: S608
        params: tuple[str, ...] = ()
        if api_host is not None:
            sql += " AND api_host = ?"
            params = (api_host,)
        return [_entry(row) for row in self._query(sql + " ORDER BY id", params)]

    def find_upload(self, sha256: str, api_host: str) -> HistoryEntry | None:
        """The latest finished upload of these bytes to this host, if any."""
        rows = self._query(
            f"SELECT {_COLUMNS} FROM uploads WHERE api_host = ? AND sha256 = ? "  # noqa: S608
            "AND state = 'done' ORDER BY uploaded_at DESC LIMIT 1",
            (api_host, sha256),
        )
        return _entry(rows[0]) if rows else None


EXPORT_FIELDS = (
    "name",
    "url",
    "state",
    "error",
    "path",
    "size",
    "sha256",
    "content_type",
    "api_host",
    "added_at",
    "uploaded_at",
)


def _iso(timestamp: float | None) -> str | None:
    if timestamp is None:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(timestamp))


def _export_record(entry: HistoryEntry) -> dict[str, object]:
    record = entry.as_record()
    record["added_at"] = _iso(entry.added_at)
    record["uploaded_at"] = _iso(entry.uploaded_at)
    return {name: record[name] for name in EXPORT_FIELDS}


def export_csv(entries: Iterable[HistoryEntry], stream: IO[str]) -> None:
    writer = csv.DictWriter(stream, fieldnames=EXPORT_FIELDS, lineterminator="\n")
    writer.writeheader()
    for entry in entries:
        writer.writerow({k: ("" if v is None else v) for k, v in _export_record(entry).items()})


def export_json(entries: Iterable[HistoryEntry], stream: IO[str]) -> None:
    json.dump([_export_record(entry) for entry in entries], stream, ensure_ascii=False, indent=2)
    stream.write("\n")
