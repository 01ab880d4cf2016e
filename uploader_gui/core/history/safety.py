"""Which files the history may open, how an unusable one is set aside, and plain reasons.

A symbolic link may be followed only to a regular file inside the data folder; anything else
that is not a regular file is moved aside (renamed, never deleted), so SQLite never writes
through it (a link to ``/dev/null`` once made it create ``/dev/null-journal``).
"""

from __future__ import annotations

import os
import sqlite3
import stat
import time
from pathlib import Path

#: Files SQLite keeps beside the database.
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")


class Unusable(sqlite3.DatabaseError):
    """The file is not a usable history (corrupt, not a database, from a newer version)."""


# SQLite's primary result codes for a damaged file.
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26


def is_damage(error: sqlite3.DatabaseError) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return isinstance(error, Unusable) or (
        code is not None
        and code & 0xFF
        in (
            _SQLITE_CORRUPT,
            _SQLITE_NOTADB,
        )
    )


def set_aside(entry: Path) -> Path | None:
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


def entry_problem(entry: Path, folder: Path) -> str | None:
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


def plain_reason(exc: BaseException) -> str:
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


def is_cantopen(error: sqlite3.DatabaseError) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return code is not None and code & 0xFF == _SQLITE_CANTOPEN
