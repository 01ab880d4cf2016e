"""Upload history: every file the user dropped and what became of it, in SQLite.

One row per upload item, written when the item is added (so a crash forgets nothing) and
when it finishes (so no URL is lost). A drop is recorded whole (its paths and folders) before
it is expanded, so one cut short by a crash is expanded at the next start. WAL mode with full
sync: a committed row survives ``kill -9`` and power loss. The schema is versioned with
``PRAGMA user_version`` and moved forward by :data:`MIGRATIONS`.

A database that cannot be used is moved aside (kept, not deleted) and a fresh one started in
the same folder; :attr:`HistoryStore.recovered_from` says where it went. A symbolic link that
leads out of the folder, or to anything but a regular file, is never followed. When no file
can be used at all, the history lives in memory for the session
(:attr:`HistoryStore.temporary`). A write that fails is reported through
:meth:`HistoryStore.watch_writes`, since crash recovery depends on it.

One connection serves every thread, under a lock; statements are short.
"""

from __future__ import annotations

import csv
import enum
import json
import logging
import os
import sqlite3
import stat
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO

from .paths import PRIVATE_FILE_MODE, data_dir, make_private, private_dir

log = logging.getLogger(__name__)

FILE_NAME = "history.sqlite3"
#: Files SQLite keeps beside the database.
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")


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
    #: The attempt that last wrote the row (a retry continues from it).
    attempt: int = 0

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
    # 4: drops recorded before they are expanded, so a crash while a big folder is listed
    # loses none of it; each upload row names its drop (expanded exactly once) and keeps the
    # exact bytes of a path that is not UTF-8, so it can be resumed.
    """
    CREATE TABLE drops (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        api_host TEXT NOT NULL,
        paths BLOB NOT NULL,
        added_at REAL NOT NULL
    );
    ALTER TABLE uploads ADD COLUMN drop_id INTEGER;
    ALTER TABLE uploads ADD COLUMN raw_path BLOB;
    CREATE INDEX uploads_drop ON uploads (drop_id) WHERE drop_id IS NOT NULL;
    """,
    # 5: which attempt last wrote the row. A cancelled attempt's late outcome must not
    # overwrite the row of the attempt that retried it.
    """
    ALTER TABLE uploads ADD COLUMN attempt INTEGER NOT NULL DEFAULT 0;
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)

_COLUMNS = (
    "id, path, raw_path, name, size, sha256, content_type, api_host, state, url, error, "
    "added_at, uploaded_at, attempt"
)


@dataclass(frozen=True)
class Drop:
    """Files and folders handed over together, recorded before they are expanded."""

    id: int
    paths: list[Path]


def _pack_paths(paths: Sequence[Path | str]) -> bytes:
    # NUL cannot occur in a path: the exact bytes of every name, whatever their encoding.
    return b"\0".join(os.fsencode(path) for path in paths)


def _unpack_paths(blob: bytes) -> list[Path]:
    return [Path(os.fsdecode(raw)) for raw in bytes(blob).split(b"\0") if raw]


def _raw_path(path: str) -> bytes | None:
    """The exact bytes of a path that SQLite text cannot hold (``None`` for the rest)."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path)
    return None


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
        path=os.fsdecode(row["raw_path"]) if row["raw_path"] is not None else row["path"],
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
        attempt=row["attempt"],
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


def _set_aside(entry: Path) -> Path | None:
    """Rename ``entry`` (a link itself, never what it points to) to a free ``.unreadable-``
    name beside it; return that name, or ``None`` if there was nothing to move."""
    if not os.path.lexists(entry):
        return None
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = entry.with_name(f"{entry.name}.unreadable-{stamp}")
    counter = 2
    while os.path.lexists(target):
        target = entry.with_name(f"{entry.name}.unreadable-{stamp}-{counter}")
        counter += 1
    os.replace(entry, target)
    return target


def _entry_problem(entry: Path, folder: Path) -> str | None:
    """Why ``entry`` must not be opened as (part of) the database, or ``None`` if it may.

    A missing entry is fine (it is created). A symbolic link may be followed only to a
    regular file inside ``folder``; anything else that is not a regular file is refused.
    """
    try:
        info = os.lstat(entry)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"it cannot be checked: {exc.strerror or exc}"
    if stat.S_ISLNK(info.st_mode):
        target = Path(os.path.realpath(entry))
        if not target.is_relative_to(os.path.realpath(folder)):
            return f"it is a link to {target}, outside {folder}"
        try:
            mode = os.stat(target).st_mode
        except OSError:
            return f"it is a link to {target}, which cannot be opened"
        if not stat.S_ISREG(mode):
            return f"it is a link to {target}, which is not a regular file"
        return None
    if stat.S_ISDIR(info.st_mode):
        return "it is a folder, not a file"
    if not stat.S_ISREG(info.st_mode):
        return "it is not a regular file"
    return None


def _reason(exc: BaseException) -> str:
    """A short reason for a failure of the history file, without a traceback."""
    if isinstance(exc, FileExistsError) and exc.filename:
        return f"{exc.filename} is a file, where a folder should be"
    if isinstance(exc, OSError) and exc.strerror:
        where = f" ({exc.filename})" if exc.filename else ""
        return f"{exc.strerror[0].lower()}{exc.strerror[1:]}{where}"
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None and code & 0xFF in _SQLITE_PLAIN:
        return _SQLITE_PLAIN[code & 0xFF]
    return str(exc) or type(exc).__name__


#: SQLite's primary result codes that have a plainer name for people.
_SQLITE_PLAIN = {
    8: "the file is read-only",  # SQLITE_READONLY
    10: "the disk reported an error while writing",  # SQLITE_IOERR
    13: "the disk is full",  # SQLITE_FULL
    14: "the file cannot be opened",  # SQLITE_CANTOPEN
}


_SQLITE_CANTOPEN = 14


def _is_cantopen(error: sqlite3.DatabaseError) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return code is not None and code & 0xFF == _SQLITE_CANTOPEN


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
                self.recovery_reason = _reason(exc)
                self._prepare()
            self._ready = True
            self._probe_write()
            self._leftover_drops = {drop.id for drop in self._drops()}
            self._last_id_at_open = int(
                self._query("SELECT coalesce(max(id), 0) FROM uploads")[0][0]
            )

    def _open_file(self) -> None:
        folder = private_dir(self.path.parent)
        problem = _entry_problem(self.path, folder)
        if problem is not None:
            self._move_aside(problem)
        for suffix in SIDE_SUFFIXES:
            side = self.path.with_name(self.path.name + suffix)
            if os.path.islink(side) or _entry_problem(side, folder) is not None:
                _set_aside(side)  # SQLite would write through it: never follow it
        try:
            self._create_private()
            self._prepare()
        except (OSError, sqlite3.DatabaseError) as exc:
            if (
                isinstance(exc, sqlite3.DatabaseError)
                and not _is_damage(exc)
                and not (_is_cantopen(exc))
            ):
                raise  # locked, disk full, I/O: the file may be fine; do not move it
            self.close()
            self._move_aside(_reason(exc))
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
            self._write_failed(_reason(exc))
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
            self._write_failed(_reason(exc))

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
        """Rename the database (and its side files) out of the way; keep them, never delete."""
        target = _set_aside(self.path)
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
        """Record ``(path, name, api_host)`` items as queued, in one transaction."""
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
                "INSERT INTO uploads (path, raw_path, name, api_host, state, added_at, drop_id) "
                "VALUES (?, ?, ?, ?, 'queued', ?, ?)",
                (_storable(path), _raw_path(path), _storable(name), host, now, drop_id),
            )
            ids.append(int(cursor.lastrowid or 0))
        return ids

    # -- drops -------------------------------------------------------------------------

    def add_drop(self, paths: Sequence[Path | str], api_host: str) -> int:
        """Record what was handed over (files and folders, not yet expanded): one commit."""
        with self._transaction() as db:
            cursor = db.execute(
                "INSERT INTO drops (api_host, paths, added_at) VALUES (?, ?, ?)",
                (api_host, _pack_paths(paths), time.time()),
            )
            return int(cursor.lastrowid or 0)

    def record_drop(self, drop_id: int, files: Sequence[Path], api_host: str) -> list[HistoryEntry]:
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
                db, ((path, Path(path).name, api_host) for path in fresh), drop_id, now
            )
            db.execute("DELETE FROM drops WHERE id = ?", (drop_id,))
        self._leftover_drops.discard(drop_id)
        return self._entries(ids)

    def leftover_drops(self, api_host: str) -> list[Drop]:
        """Drops for ``api_host`` that a previous run recorded but did not finish expanding.

        Only those found when this run opened the history: a drop this run is expanding
        right now is not a leftover.
        """
        with self._db():
            wanted = set(self._leftover_drops)
            return [d for d in self._drops(api_host) if d.id in wanted]

    def _drops(self, api_host: str | None = None) -> list[Drop]:
        sql = "SELECT id, paths FROM drops"
        params: tuple[str, ...] = ()
        if api_host is not None:
            sql, params = sql + " WHERE api_host = ?", (api_host,)
        rows = self._query(sql + " ORDER BY id", params)
        return [Drop(row["id"], _unpack_paths(row["paths"])) for row in rows]

    def _entries(self, ids: Sequence[int]) -> list[HistoryEntry]:
        by_id: dict[int, HistoryEntry] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            rows = self._query(
                f"SELECT {_COLUMNS} FROM uploads WHERE id IN ({marks})",  # noqa: S608
                chunk,
            )
            by_id.update((row["id"], _entry(row)) for row in rows)
        return [by_id[i] for i in ids if i in by_id]

    def restart(self, entry_id: int, api_host: str, attempt: int = 0) -> None:
        """Attempt ``attempt`` begins (perhaps on another host): queued, no outcome.

        An earlier attempt cannot write the row any more (see :meth:`finish`).
        """
        with self._transaction() as db:
            db.execute(
                "UPDATE uploads SET state = 'queued', url = NULL, error = NULL, "
                "uploaded_at = NULL, sha256 = NULL, api_host = ?, attempt = ? "
                "WHERE id = ? AND state != 'done' AND attempt <= ?",
                (api_host, attempt, entry_id, attempt),
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
    ) -> None:
        """Record the outcome of ``attempt`` (one durable commit), with the file's
        ``(sha256, size, type)``.

        A done row keeps its URL; a later failure cannot erase it. The outcome of an attempt
        older than the row's (cancelled, then retried) is ignored.
        """
        uploaded_at = time.time() if state is HistoryState.DONE else None
        sha256, size, content_type = digest or (None, None, None)
        with self._transaction() as db:
            db.execute(
                "UPDATE uploads SET state = ?, url = ?, error = ?, uploaded_at = ?, "
                "sha256 = coalesce(?, sha256), size = coalesce(?, size), "
                "content_type = coalesce(?, content_type), attempt = ? "
                "WHERE id = ? AND state != 'done' AND attempt <= ?",
                (
                    state.value,
                    url,
                    None if error is None else _storable(error),
                    uploaded_at,
                    sha256,
                    size,
                    content_type,
                    attempt,
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
        """Items a previous run added but never finished (it quit or crashed), oldest first.

        Only rows that were there when this run opened the history: what this run adds is
        its own. With ``api_host``, only those meant for that host: a window for another
        target (the sandbox, another API URL) may be running and uploading its own now.
        """
        with self._db():
            last = self._last_id_at_open
        sql = f"SELECT {_COLUMNS} FROM uploads WHERE state = 'queued' AND id <= ?"  # noqa: S608
        params: tuple[object, ...] = (last,)
        if api_host is not None:
            sql += " AND api_host = ?"
            params = (last, api_host)
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
