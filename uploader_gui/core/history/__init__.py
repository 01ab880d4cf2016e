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

from .export import EXPORT_FIELDS, export_csv, export_json
from .records import Drop, HistoryEntry, HistoryState
from .schema import MIGRATIONS, SCHEMA_VERSION
from .store import FILE_NAME, HistoryStore

__all__ = [
    "EXPORT_FIELDS",
    "FILE_NAME",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "Drop",
    "HistoryEntry",
    "HistoryState",
    "HistoryStore",
    "export_csv",
    "export_json",
]
