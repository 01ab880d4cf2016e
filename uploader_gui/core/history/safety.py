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

from ..i18n import QT_TRANSLATE_NOOP, translate

#: Beside the database: it was found damaged while in use (see .check).
DAMAGE_MARK = "-damaged"
#: Files kept beside the database: SQLite's, and the mark.
SIDE_SUFFIXES = ("-wal", "-shm", "-journal", DAMAGE_MARK)


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
        reason = exc.strerror or exc
        return translate("History", "it cannot be checked: {reason}").format(reason=reason)
    if stat.S_ISLNK(info.st_mode):
        target = Path(os.path.realpath(entry))
        if not target.is_relative_to(os.path.realpath(folder)):
            message = translate("History", "it is a link to {target}, outside {folder}")
            return message.format(target=target, folder=folder)
        try:
            mode = os.stat(target).st_mode
        except OSError:
            message = translate("History", "it is a link to {target}, which cannot be opened")
            return message.format(target=target)
        if not stat.S_ISREG(mode):
            message = translate("History", "it is a link to {target}, which is not a regular file")
            return message.format(target=target)
        return None
    if stat.S_ISDIR(info.st_mode):
        return translate("History", "it is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        return translate("History", "it is not a regular file")
    return None


def plain_reason(exc: BaseException) -> str:
    """A short reason for a failure of the history file, without a traceback."""
    if isinstance(exc, FileExistsError) and exc.filename:
        message = translate("History", "{file} is a file, where a folder should be")
        return message.format(file=exc.filename)
    if isinstance(exc, OSError) and exc.strerror:
        # The system's words, which start a clause here.
        reason = f"{exc.strerror[0].lower()}{exc.strerror[1:]}"
        if not exc.filename:
            return reason
        message = translate(
            "History", "{reason} ({file})", "the system's reason, then the file it is about"
        )
        return message.format(reason=reason, file=exc.filename)
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None and code & 0xFF in _SQLITE_PLAIN:
        return translate("History", _SQLITE_PLAIN[code & 0xFF])
    return str(exc) or type(exc).__name__


#: SQLite's primary result codes that have a plainer name for people.
_SQLITE_PLAIN = {
    8: QT_TRANSLATE_NOOP("History", "the file is read-only"),  # SQLITE_READONLY
    10: QT_TRANSLATE_NOOP("History", "the disk reported an error while writing"),  # SQLITE_IOERR
    13: QT_TRANSLATE_NOOP("History", "the disk is full"),  # SQLITE_FULL
    14: QT_TRANSLATE_NOOP("History", "the file cannot be opened"),  # SQLITE_CANTOPEN
}


_SQLITE_CANTOPEN = 14


def is_cantopen(error: sqlite3.DatabaseError) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return code is not None and code & 0xFF == _SQLITE_CANTOPEN
