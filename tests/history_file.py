"""Reading the app's history database from a test while the app, in another process, writes
it (or was killed while it did)."""

from __future__ import annotations

import sqlite3
import time
from contextlib import closing
from pathlib import Path
from typing import Any

#: How long a read may keep finding the database locked by the app before the test fails.
LOCKED_S = 30.0


def query(path: Path, sql: str, *, before_start: bool = False) -> list[tuple[Any, ...]]:
    """``sql``'s rows from the history at ``path``.

    A database locked by the writer is read again until :data:`LOCKED_S` has passed; any
    other error fails the test: a check must never pass because its read failed.
    ``before_start``: the app may not have made the file or its tables yet (it is starting):
    then there are no rows.
    """
    deadline = time.monotonic() + LOCKED_S
    while True:
        if not path.exists():  # (connecting would make an empty file the app then finds)
            if before_start:
                return []
            raise AssertionError(f"the history {path} does not exist")
        try:
            with closing(sqlite3.connect(path, timeout=5)) as db:
                return db.execute(sql).fetchall()
        except sqlite3.OperationalError as error:
            if "database is locked" in str(error) and time.monotonic() < deadline:
                time.sleep(0.05)
                continue
            if before_start and str(error).startswith("no such table"):
                return []
            raise
