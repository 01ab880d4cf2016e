"""The history's database file: opened, checked, migrated, recovered; one connection.

The file is created for its owner only, so SQLite's side files follow that mode. A database
that cannot be used is moved aside (kept, not deleted) and a fresh one started in the same
folder; a symbolic link that leads out of the folder, or to anything but a regular file, is
never followed (nor is a side file that is a link: SQLite would write through it). When no
file can be used at all, the history lives in memory for the session. A database that is
locked, on a full disk or failing I/O may be fine: it is never moved for that.

One connection serves every thread, under a lock: statements are short, and a connection per
thread does not work with Qt's pool threads (Python forgets their thread-locals between
jobs). WAL mode with full sync: a committed row survives ``kill -9`` and power loss.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from ..i18n import translate
from ..paths import PRIVATE_FILE_MODE, data_dir, make_private, private_dir
from .check import check_now, passed, problem
from .safety import (
    SIDE_SUFFIXES,
    Unusable,
    entry_problem,
    is_cantopen,
    is_damage,
    plain_reason,
    set_aside,
)
from .schema import MIGRATIONS, SCHEMA_VERSION

log = logging.getLogger(__name__)

FILE_NAME = "history.sqlite3"


class HistoryDatabase:
    """The database file and its one connection, used under a lock. Writing rows is
    :class:`.writes.HistoryWrites`'s, reading them :class:`.store.HistoryStore`'s (the
    subclasses)."""

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
        #: The file is too big to check as it opens: it is checked later (see .check).
        self._check_later = False
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
            self._opened()

    def _opened(self) -> None:
        """Note what the file held when this run opened it (under the lock, once ready):
        :class:`.store.HistoryStore` fills :attr:`_leftover_drops` and
        :attr:`_last_id_at_open`."""

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
            self._check_later = not self.temporary and not check_now(self.path)
            if not self._check_later:
                found = problem(db)
                if found is not None:
                    raise Unusable(damaged(found))
                if not self.temporary:
                    passed(self.path)
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

    def _query(self, sql: str, params: Sequence[object] = ()) -> list[sqlite3.Row]:
        with self._db() as db:
            return db.execute(sql, params).fetchall()


def damaged(check: str) -> str:
    """Why a damaged file cannot be used, with what ``quick_check`` found."""
    return translate("History", "the database is damaged ({check})").format(check=check)
