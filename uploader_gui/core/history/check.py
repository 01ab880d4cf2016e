"""The whole-file check of the history (SQLite's ``quick_check``), kept off the first page.

``quick_check`` reads every page of the file: 0.2 s for a million rows, and the History
tab's first page, read on the same thread after the history opened, waited for it. A file up
to :data:`CHECK_NOW_BYTES` is checked as it opens, as always; a bigger one a moment after,
on a read-only connection of its own (:func:`check_file`), while the history is in use.
Damage found then is reported and marked beside the file (:func:`mark_damaged`): the next
start checks that file as it opens, so it is set aside as any unreadable history is.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from pathlib import Path

from ..paths import PRIVATE_FILE_MODE
from .safety import DAMAGE_MARK, is_damage, plain_reason

#: A file up to this size is checked as it opens (about 15 ms); a bigger one later.
CHECK_NOW_BYTES = 16 * 1024 * 1024


def mark_of(path: Path) -> Path:
    """Beside the file: it was found damaged while in use (moved with it when set aside)."""
    return path.with_name(path.name + DAMAGE_MARK)


def check_now(path: Path) -> bool:
    """Whether to check the file as it opens: a small one, or one found damaged before."""
    try:
        size = os.stat(path).st_size
    except OSError:
        return True
    return size <= CHECK_NOW_BYTES or os.path.lexists(mark_of(path))


def problem(db: sqlite3.Connection) -> str | None:
    """What ``quick_check`` finds wrong with the file, or ``None``."""
    found = db.execute("PRAGMA quick_check").fetchone()[0]
    return None if found == "ok" else str(found)


def passed(path: Path) -> None:
    """The file was checked as it opened and is sound: a mark has served its purpose."""
    with contextlib.suppress(OSError):
        os.unlink(mark_of(path))  # (a link itself, never what it points to)


def check_file(path: Path, stop: threading.Event) -> str | None:
    """Check the file on a read-only connection of its own: what is wrong, or ``None`` (also
    when ``stop`` is set meanwhile, or the file cannot be read now)."""
    try:
        db = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, timeout=10.0)
    except sqlite3.Error:
        return None
    try:
        db.set_progress_handler(lambda: int(stop.is_set()), 10_000)
        return problem(db)
    except sqlite3.DatabaseError as exc:
        return plain_reason(exc) if is_damage(exc) else None
    finally:
        db.close()


def mark_damaged(path: Path) -> None:
    """Have the next start check the file as it opens (and set it aside then)."""
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
    with contextlib.suppress(OSError):
        os.close(os.open(mark_of(path), flags, PRIVATE_FILE_MODE))
